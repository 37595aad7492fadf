"""A progress line on stderr that works with and without a terminal.

On a terminal the line is redrawn in place (at most ten times a second); in a log file or
a CI job, where ``\\r`` would make a mess, a plain line is printed at every tenth of the way
and at least every ``log_interval`` seconds. Only ASCII is written.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

_WIDTH = 24


class Progress:
    """Counts finished submissions out of ``total`` and shows the rate and time left."""

    def __init__(self, total: int, stream: TextIO | None = None, *, tty: bool | None = None,
                 clock: Callable[[], float] = time.monotonic, log_interval: float = 10.0,
                 label: str = "graded") -> None:
        self.total = total
        self.done = 0
        self.problems = 0
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.clock = clock
        self.label = label
        self.started = clock()
        self._log_interval = log_interval
        self._last_draw = float("-inf")
        self._last_tenth = 0

    def advance(self, problem: bool = False) -> None:
        """Count one more finished submission (``problem``: it ended in an error)."""
        self.done += 1
        self.problems += problem
        now = self.clock()
        if self.tty:
            if now - self._last_draw >= 0.1 or self.done == self.total:
                self.stream.write("\r" + self.line(now))
                self._last_draw = now
        else:
            tenth = self.done * 10 // max(self.total, 1)
            if tenth > self._last_tenth or now - self._last_draw >= self._log_interval:
                self.stream.write(self.line(now) + "\n")
                self._last_tenth, self._last_draw = tenth, now
        self.stream.flush()

    def close(self) -> None:
        """End the progress line so the next output starts on a fresh line."""
        if self.tty and self.done:
            self.stream.write("\n")
            self.stream.flush()

    def line(self, now: float) -> str:
        """The progress text: bar (terminal only), count, share, rate and time left."""
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        share = self.done / max(self.total, 1)
        parts = [f"{self.label} {self.done}/{self.total} ({share:.0%})", f"{rate:.1f}/s"]
        if 0 < self.done < self.total:
            parts.append(f"about {_duration((self.total - self.done) / rate)} left")
        if self.problems:
            parts.append(f"{self.problems} with errors")
        text = ", ".join(parts)
        if self.tty:
            filled = round(_WIDTH * share)
            text = f"[{'#' * filled}{'.' * (_WIDTH - filled)}] {text}  "
        return text


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
