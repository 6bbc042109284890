"""Stopping a run on SIGINT or SIGTERM: within seconds, whole batches only, said once.

Ctrl-C at a terminal reaches the whole process group; a service manager or `kill` sends
SIGTERM to the main process. Either way the run stops where it is: waiting on workers,
processing a batch here, writing the report. The one place it must not stop half-way
is a batch's load transaction, which is `shielded`: the signal is remembered and acted
on as soon as the transaction has committed (or rolled back). The caller then stops its
workers, records the run as cancelled and exits with 128 + the signal's number.
"""

from __future__ import annotations

import ctypes
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# prctl(2) option: the signal a process gets when its parent dies.
PR_SET_PDEATHSIG = 1


class RunCancelled(BaseException):  # like KeyboardInterrupt: `except Exception` lets it through
    """The run was stopped by a signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"stopped by {signal.Signals(signum).name}")
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """What a shell expects of a process ended by this signal: 130 for SIGINT, 143 for SIGTERM."""
        return 128 + self.signum


class Stopper:
    """Turns the first stop signal into `RunCancelled` in the main thread; later ones are
    ignored, so a second Ctrl-C cannot break the clean-up of the first."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self._shield_depth = 0
        self._raised = False

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.signum is None:
            self.signum = signum
        if self._shield_depth == 0:
            self._raise()

    def _raise(self) -> None:
        if not self._raised and self.signum is not None:
            self._raised = True
            raise RunCancelled(self.signum)

    @contextmanager
    def shielded(self) -> Iterator[None]:
        """A block a signal must not cut in two: a stop asked for inside it happens right after it."""
        self._shield_depth += 1
        try:
            yield
        finally:
            self._shield_depth -= 1
        if self._shield_depth == 0:
            self._raise()


@contextmanager
def stop_on_signals(signals: tuple[int, ...] = STOP_SIGNALS) -> Iterator[Stopper]:
    """Handle `signals` with a `Stopper` for this block (only the main thread can); the
    previous handlers come back afterwards. A signal the process inherited as ignored is
    handled all the same: a run started in the background by a script (which ignores
    SIGINT there) still stops on `kill -INT`."""
    stopper = Stopper()
    if threading.current_thread() is not threading.main_thread():
        yield stopper
        return
    previous = {sig: signal.signal(sig, stopper._handle) for sig in signals}
    try:
        yield stopper
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def die_with_parent() -> None:
    """Ask the kernel to kill this process when its parent dies, even by kill -9 (Linux only):
    a worker or a private server must never outlive the command that started it."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
