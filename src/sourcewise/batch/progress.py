"""A progress line on stderr that works with and without a terminal.

On a terminal the line is redrawn in place (at most ten times a second); in a log file or
a CI job, where ``\\r`` would make a mess, a plain line is printed at every tenth of the way
and at least every ``log_interval`` seconds. Only ASCII is written.

The time left is the rate so far applied to what remains, until every submission left is
already being graded (no more than there are workers): the rate then says nothing about
when a slow one ends, so the line says how many are left and how long since the previous
one finished instead, and ``tick`` keeps it current while they run.
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
                 label: str = "graded", workers: int = 1) -> None:
        self.total = total
        self.workers = max(1, workers)
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
        self._last_done = self.started  # when the latest submission finished

    def advance(self, problem: bool = False) -> None:
        """Count one more finished submission (``problem``: it ended in an error)."""
        self.done += 1
        self.problems += problem
        now = self._last_done = self.clock()
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

    def tick(self) -> None:
        """Redraw the line while nothing finishes (a terminal: every second; a log: every
        ``log_interval`` seconds), so a slow last submission shows its waiting time."""
        if not 0 < self.done < self.total:
            return
        now = self.clock()
        due = 1.0 if self.tty else self._log_interval
        if now - max(self._last_draw, self._last_done) < due:
            return
        self.stream.write(("\r" + self.line(now)) if self.tty else self.line(now) + "\n")
        self._last_draw = now
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
        left = self.total - self.done
        if 0 < self.done < self.total and left <= self.workers:
            last = "the last one" if left == 1 else f"the last {left}"
            parts.append(f"waiting for {last} (the previous one finished "
                         f"{_duration(now - self._last_done)} ago)")
        elif 0 < self.done < self.total:
            seconds = left / rate
            parts.append("less than 1 s left" if seconds < 1 else
                         f"about {_duration(seconds)} left")
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
