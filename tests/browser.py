"""Headless Chromium driven over the DevTools protocol on a pipe: a page's rendered height and a screenshot.

Standard library only: Chromium started with --remote-debugging-pipe reads
NUL-terminated JSON commands on fd 3 and answers on fd 4, so no websocket
client and no port are needed, and nothing leaves the machine. DevTools
evaluation is not bound by the page's Content-Security-Policy, so the report
needs no script of its own to be measured.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def chromium() -> str | None:
    """The Chromium binary, or None where it is not installed."""
    return shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


class _Pipe:
    def __init__(self, to_browser: int, from_browser: int) -> None:
        self.to_browser, self.from_browser = to_browser, from_browser
        self.buffer = b""
        self.last_id = 0

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> int:
        self.last_id += 1
        message: dict[str, Any] = {"id": self.last_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        return self.last_id

    def wait(self, *, reply_to: int | None = None, event: str | None = None) -> dict[str, Any]:
        while True:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                message = json.loads(raw)
                if reply_to is not None and message.get("id") == reply_to:
                    if "error" in message:
                        raise RuntimeError(f"DevTools error: {message['error']}")
                    return message.get("result", {})
                if event is not None and message.get("method") == event:
                    return message.get("params", {})
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        return self.wait(reply_to=self.send(method, params, session))


class Page:
    """One tab of a headless Chromium, driven over the DevTools pipe; every network response it
    gets is kept (URL and status), so a test can see what a page's own scripts asked for."""

    def __init__(self, pipe: _Pipe, session: str) -> None:
        self.pipe, self.session = pipe, session
        self.responses: list[tuple[str, int]] = []
        self.failures: list[str] = []

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        reply_to = self.pipe.send(method, params, self.session)
        while True:
            message = self._next()
            if message.get("id") == reply_to:
                if "error" in message:
                    raise RuntimeError(f"DevTools error: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression: str) -> Any:
        return self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})["result"].get("value")

    def wait_for(self, expression: str, timeout_s: float) -> Any:
        """Poll a JavaScript expression until it is truthy (a single-page app renders after load)."""
        deadline = time.monotonic() + timeout_s
        while True:
            value = self.evaluate(expression)
            if value or time.monotonic() > deadline:
                return value
            time.sleep(0.5)

    def _next(self) -> dict[str, Any]:
        while b"\0" not in self.pipe.buffer:
            chunk = os.read(self.pipe.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.pipe.buffer += chunk
        raw, self.pipe.buffer = self.pipe.buffer.split(b"\0", 1)
        message = json.loads(raw)
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.responseReceived":
            self.responses.append((params["response"]["url"], params["response"]["status"]))
        elif method == "Network.loadingFailed":
            self.failures.append(params.get("errorText", "failed"))
        return message


@contextmanager
def open_page(url: str, width: int = 1280) -> Iterator[Page]:
    """Chromium on `url`, its network watched from before the first request."""
    binary = chromium()
    if binary is None:
        raise FileNotFoundError("chromium is not installed")
    commands_r, commands_w = os.pipe()
    replies_r, replies_w = os.pipe()

    def to_fds_3_and_4() -> None:
        # Moved out of the way first: either pipe end may itself be fd 3 or 4.
        commands, replies = fcntl.fcntl(commands_r, fcntl.F_DUPFD, 10), fcntl.fcntl(replies_w, fcntl.F_DUPFD, 10)
        os.dup2(commands, 3)
        os.dup2(replies, 4)

    with tempfile.TemporaryDirectory(prefix="newsfacts-chromium-") as profile:
        proc = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},900", "--remote-debugging-pipe"],
            pass_fds=(3, 4),
            preexec_fn=to_fds_3_and_4,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(commands_r)
        os.close(replies_w)
        pipe = _Pipe(commands_w, replies_r)
        try:
            target = pipe.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = pipe.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            page = Page(pipe, session)
            page.call(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False},
            )
            page.call("Page.enable")
            page.call("Network.enable")
            page.call("Page.navigate", {"url": url})
            while page._next().get("method") != "Page.loadEventFired":
                pass
            yield page
            pipe.send("Browser.close")
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            os.close(commands_w)
            os.close(replies_r)


def render(url: str, screenshot: Path | None = None, width: int = 1280, screenshot_height: int = 2400) -> int:
    """Load `url` at `width` CSS pixels; return document.body.scrollHeight, and save the top of the page as PNG."""
    with open_page(url, width) as page:
        height = int(page.evaluate("document.body.scrollHeight"))
        if screenshot is not None:
            clip = {"x": 0, "y": 0, "width": width, "height": min(height, screenshot_height), "scale": 1}
            shot = page.call("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True})
            screenshot.write_bytes(base64.b64decode(shot["data"]))
    return height
