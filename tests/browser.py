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


def render(url: str, screenshot: Path | None = None, width: int = 1280, screenshot_height: int = 2400) -> int:
    """Load `url` at `width` CSS pixels; return document.body.scrollHeight, and save the top of the page as PNG."""
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
            pipe.call(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False},
                session,
            )
            pipe.call("Page.enable", session=session)
            pipe.call("Page.navigate", {"url": url}, session)
            pipe.wait(event="Page.loadEventFired")
            height = pipe.call(
                "Runtime.evaluate", {"expression": "document.body.scrollHeight", "returnByValue": True}, session
            )["result"]["value"]
            if screenshot is not None:
                clip = {"x": 0, "y": 0, "width": width, "height": min(height, screenshot_height), "scale": 1}
                shot = pipe.call(
                    "Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True}, session
                )
                screenshot.write_bytes(base64.b64decode(shot["data"]))
            pipe.send("Browser.close")
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            os.close(commands_w)
            os.close(replies_r)
        return int(height)
