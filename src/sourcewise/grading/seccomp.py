"""The seccomp filter bwrap loads into every sandbox (``bwrap --seccomp FD``).

A sandbox gets fresh namespaces for files, processes, IPC (System V objects and POSIX
message queues) and network (abstract Unix sockets), a fresh ``/tmp`` and ``/dev``; all of
that dies with it. One piece of kernel state is kept per uid, not per namespace: the
kernel's key store (the user keyring). Students graded in the same uid slot would share it,
so one student's code could leave text there for a later one, even in a later run. The
filter makes the three key-management system calls (``add_key``, ``request_key``,
``keyctl``) fail with ``EPERM``; nothing a student needs uses them.

The program is classic BPF over ``struct seccomp_data`` (``nr`` at offset 0, ``arch`` at
offset 4), assembled here with the standard library. It knows x86-64 (with its i386 and
x32 system calls) and AArch64 (with 32-bit Arm); on another machine ``program()`` returns
None and the sandbox runs without the filter.
"""

from __future__ import annotations

import errno
import os
import platform
import struct

# struct sock_filter is {u16 code; u8 jt; u8 jf; u32 k}
_LD_W_ABS = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JEQ_K = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_AND_K = 0x54  # BPF_ALU | BPF_AND | BPF_K
_RET_K = 0x06  # BPF_RET | BPF_K
_RET_ALLOW = 0x7FFF0000  # SECCOMP_RET_ALLOW
_RET_ERRNO = 0x00050000  # SECCOMP_RET_ERRNO | errno
_X32_BIT = 0x40000000

# arch -> (mask applied to the call number, numbers of add_key, request_key, keyctl)
_ARCHES: dict[str, dict[int, tuple[int, tuple[int, ...]]]] = {
    "x86_64": {0xC000003E: (~_X32_BIT & 0xFFFFFFFF, (248, 249, 250)),  # x86-64 and x32
               0x40000003: (0xFFFFFFFF, (286, 287, 288))},  # i386
    "aarch64": {0xC00000B7: (0xFFFFFFFF, (217, 218, 219)),  # AArch64
                0x40000028: (0xFFFFFFFF, (309, 310, 311))},  # 32-bit Arm
}
DENIED = ("add_key", "request_key", "keyctl")


def _instruction(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("=HBBI", code, jt, jf, k & 0xFFFFFFFF)


def program(machine: str | None = None) -> bytes | None:
    """The filter for this machine (``platform.machine()``), or None if it is unknown."""
    arches = _ARCHES.get(machine or platform.machine())
    if arches is None:
        return None
    deny = _RET_ERRNO | errno.EPERM
    code: list[tuple[int, int, int, int]] = [(_LD_W_ABS, 0, 0, 4)]  # A = arch
    blocks = []
    for arch, (mask, numbers) in arches.items():
        block = [(_LD_W_ABS, 0, 0, 0), (_AND_K, 0, 0, mask)]  # A = nr & mask
        for index, number in enumerate(numbers):
            left = len(numbers) - index - 1  # jumps to the deny after the allow
            block.append((_JEQ_K, left + 1, 0, number))
        block += [(_RET_K, 0, 0, _RET_ALLOW), (_RET_K, 0, 0, deny)]
        blocks.append((arch, block))
    # The arch tests come first, each jumping to its block; an unknown arch is allowed
    # (the kernel runs only this machine's system call tables).
    tests = len(blocks)
    offset = 1  # the allow after the tests
    for index, (arch, _) in enumerate(blocks):
        code.append((_JEQ_K, tests - index - 1 + offset + sum(len(b) for _, b in
                                                             blocks[:index]), 0, arch))
    code.append((_RET_K, 0, 0, _RET_ALLOW))
    for _, block in blocks:
        code += block
    return b"".join(_instruction(*line) for line in code)


def program_fd() -> int | None:
    """A file descriptor holding the filter, at offset 0, for ``bwrap --seccomp FD`` (the
    caller passes it to bwrap and closes it); None when there is no filter for here."""
    data = program()
    if data is None:
        return None
    fd = os.memfd_create("sourcewise-seccomp", 0) if hasattr(os, "memfd_create") else None
    if fd is None:
        import tempfile

        fd = tempfile.TemporaryFile()  # noqa: SIM115
        fd = os.dup(fd.fileno())
    os.write(fd, data)
    os.lseek(fd, 0, os.SEEK_SET)
    return fd
