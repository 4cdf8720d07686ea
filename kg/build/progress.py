"""A one-line progress bar on stderr for long builds: no dependency, just a line redrawn with \\r."""
from __future__ import annotations

import sys
import time


class Progress:
    """Phases of known size ("extracting 120/5000"), drawn at most `interval` seconds apart.

    Quiet unless `enabled` (the default: when the stream is a terminal). On a terminal the line
    is cleared when the build ends; elsewhere (with --progress into a file) each phase ends with
    a newline, so a log keeps one line per phase.
    """

    WIDTH = 24

    def __init__(self, stream=None, enabled: bool | None = None, interval: float = 0.1):
        self.stream = stream or sys.stderr
        tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = tty if enabled is None else enabled
        self.tty = tty
        self.interval = interval if tty else max(interval, 2.0)     # a log gets a line now and then
        self._shown = ""
        self.label, self.total, self.done = "", 0, 0
        self._t0 = self._last = 0.0
        self._width = 0
        self._open = False

    def start(self, label: str, total: int | None = None) -> None:
        """Begin a phase of `total` steps (None: a phase without a count, like writing)."""
        self.finish()
        self.label, self.total, self.done = label, total or 0, 0
        self._t0 = time.perf_counter()
        self._last = 0.0
        self._open = True
        self._draw(force=True)

    def advance(self, n: int = 1) -> None:
        self.done += n
        self._draw(force=self.done >= self.total > 0)

    def _line(self) -> str:
        if not self.total:
            return f"kg build: {self.label} ..."
        frac = min(1.0, self.done / self.total)
        filled = int(frac * self.WIDTH)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        secs = time.perf_counter() - self._t0
        rate = f" {self.done / secs:,.0f}/s" if secs > 0.5 and self.done else ""
        return f"kg build: {self.label:<11} [{bar}] {self.done:>{len(str(self.total))}}/{self.total} {frac:4.0%}{rate}"

    def _draw(self, force: bool = False) -> None:
        if not self.enabled or not self._open:
            return
        now = time.perf_counter()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        line = self._line()
        if line == self._shown:
            return
        self._shown = line
        pad = " " * max(0, self._width - len(line))
        self._width = len(line)
        try:
            self.stream.write("\r" + line + pad)
            self.stream.flush()
        except (OSError, ValueError):
            self.enabled = False

    def finish(self) -> None:
        """End the current phase."""
        if not self._open:
            return
        self._draw(force=True)
        self._open = False
        if self.enabled and not self.tty:
            self._write("\n")
            self._width = 0
            self._shown = ""

    def close(self) -> None:
        """End the last phase and, on a terminal, clear the line."""
        self.finish()
        if self.enabled and self.tty and self._width:
            self._write("\r" + " " * self._width + "\r")
            self._width = 0

    def _write(self, s: str) -> None:
        try:
            self.stream.write(s)
            self.stream.flush()
        except (OSError, ValueError):
            self.enabled = False
