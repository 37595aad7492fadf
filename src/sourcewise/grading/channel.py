"""The trusted side of the worker channel: framed requests out, strict JSON lines in.

Requests are plain data the trusted side wrote, sent as a 4-byte length plus ``marshal``
payload (cheap for the worker to read). Answers come back as one JSON object per line and
are untrusted: each read has a wall-clock deadline (``select``), a size cap, and a strict
parser (ASCII only, no NaN or Infinity, no duplicate keys, no integer literal longer than
``MAX_INT_CHARS``, an object at the top). A string escape for a lone surrogate ("\\udcff") is
valid JSON but no UTF-8 file can hold it: each becomes U+FFFD here, before anything keeps it.
"""

from __future__ import annotations

import json
import marshal
import os
import select
import time

from sourcewise.grading.safe_text import clean_text

MAX_INT_CHARS = 21  # the worker sends integers of at most 64 bits (20 digits and a sign)

class ChannelError(Exception):
    """The worker sent something that is not a valid answer."""


class ChannelTimeout(Exception):
    """No complete answer arrived before the deadline."""


class ChannelClosed(Exception):
    """The worker closed its end: it exited or was killed."""


def plain_copy(value: object) -> object:
    """Return ``value`` as it will look after crossing as JSON (tuples become lists).

    Raises TypeError or ValueError for anything that is not plain JSON data, so a check
    that passes a set or NaN to the student's function fails loudly on the trusted side.
    """
    return json.loads(json.dumps(value, allow_nan=False))


def write_frame(fd: int, message: object) -> None:
    write_payload(fd, marshal.dumps(message))


def write_payload(fd: int, payload: bytes) -> None:
    """Write one frame: a 4-byte big-endian length, then ``payload``."""
    data = memoryview(len(payload).to_bytes(4, "big") + payload)
    while data:
        data = data[os.write(fd, data):]


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not plain JSON")


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key in a JSON object")
    return result


def _bounded_int(text: str) -> int:
    if len(text) > MAX_INT_CHARS:
        raise ValueError("an integer too long")
    return int(text)


def clean_strings(value: object) -> object:
    """``value`` with every string (keys too) passed through ``clean_text``."""
    kind = type(value)
    if kind is str:
        return clean_text(value)
    if kind is list:
        return [clean_strings(item) for item in value]
    if kind is dict:
        return {clean_text(key): clean_strings(item) for key, item in value.items()}
    return value


def parse_line(line: bytes) -> dict:
    """Parse one answer line strictly, or raise ChannelError saying what is wrong."""
    try:
        text = line.decode("ascii")
        message = json.loads(text, parse_constant=_reject_constant, parse_int=_bounded_int,
                             object_pairs_hook=_unique_keys)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ChannelError(f"not a valid JSON line ({type(exc).__name__})") from None
    if not isinstance(message, dict):
        raise ChannelError("the answer is not a JSON object")
    if "\\ud" in text or "\\uD" in text:  # maybe a lone surrogate: make it U+FFFD
        message = clean_strings(message)
    return message


class LineReader:
    """Reads newline-terminated answers from a pipe with deadlines and a size cap."""

    def __init__(self, fd: int, max_bytes: int) -> None:
        self.fd = fd
        self.max_bytes = max_bytes
        self.buffer = bytearray()

    def read(self, deadline: float, max_bytes: int | None = None) -> dict:
        """Return the next answer; ``deadline`` is a ``time.monotonic()`` value and
        ``max_bytes`` the cap for this answer (default: the reader's)."""
        cap = self.max_bytes if max_bytes is None else max_bytes
        while True:
            end = self.buffer.find(b"\n")
            if end >= 0:
                line = bytes(self.buffer[:end])
                del self.buffer[: end + 1]
                return parse_line(line)
            if len(self.buffer) > cap:
                raise ChannelError(f"an answer longer than {cap} bytes")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ChannelTimeout
            chunk = self.next_chunk(remaining)
            if not chunk:
                raise ChannelClosed
            self.buffer += chunk

    def next_chunk(self, seconds: float) -> bytes:
        """What the pipe holds within ``seconds`` (b"" at its end); raise ChannelTimeout."""
        ready, _, _ = select.select([self.fd], [], [], seconds)
        if not ready:
            raise ChannelTimeout
        return os.read(self.fd, 1 << 16)


class ThreadedLineReader(LineReader):
    """A LineReader for systems whose ``select`` cannot wait on a pipe (Windows): a
    thread reads the pipe, ``read`` waits on what it has read, with the same deadline."""

    def __init__(self, fd: int, max_bytes: int) -> None:
        import queue
        import threading

        super().__init__(fd, max_bytes)
        self.chunks: queue.Queue[bytes] = queue.Queue()
        self.ended = False
        self.thread = threading.Thread(target=self._pump, name="sourcewise-answers",
                                       daemon=True)
        self.thread.start()

    def _pump(self) -> None:
        try:
            while True:
                chunk = os.read(self.fd, 1 << 16)
                self.chunks.put(chunk)
                if not chunk:
                    return
        except OSError:
            self.chunks.put(b"")

    def next_chunk(self, seconds: float) -> bytes:
        import queue

        if self.ended:
            return b""
        try:
            chunk = self.chunks.get(timeout=seconds)
        except queue.Empty:
            raise ChannelTimeout from None
        self.ended = not chunk
        return chunk
