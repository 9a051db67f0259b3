"""Stand-ins for ``build_document`` that misbehave, run by the sandbox's worker in tests."""

from __future__ import annotations

import os
import socket
import sys
import time

from kg.errors import ReaderError


def hang(data: bytes, name: str, meta: object) -> None:
    """Sleep past any timeout (wall clock, no CPU)."""
    time.sleep(3600)


def spin(data: bytes, name: str, meta: object) -> None:
    """Burn CPU forever."""
    while True:
        pass


def balloon(data: bytes, name: str, meta: object) -> None:
    """Allocate without bound."""
    hoard = []
    while True:
        hoard.append(bytearray(64 << 20))


def segfault(data: bytes, name: str, meta: object) -> None:
    """Crash the interpreter."""
    import ctypes

    ctypes.string_at(0)


def exit_abruptly(data: bytes, name: str, meta: object) -> None:
    """Leave without a reply."""
    os._exit(3)


def chatter(data: bytes, name: str, meta: object) -> None:
    """Print to stdout (which must not corrupt replies), then fail in a declared way."""
    print("noise on stdout " * 100)
    sys.stdout.flush()
    os.write(1, b"raw noise on fd 1\n")
    raise ReaderError(f"{name}: chatter done")


def connect(data: bytes, name: str, meta: object) -> None:
    """Try to reach the address in ``data``; report what happened as a ReaderError."""
    host, port = data.decode().split(":")
    try:
        with socket.create_connection((host, int(port)), timeout=2):
            raise ReaderError(f"{name}: network OPEN")
    except OSError as exc:
        raise ReaderError(f"{name}: network refused ({exc})") from None


def raw_socket(data: bytes, name: str, meta: object) -> None:
    """Try the lower-level ``_socket`` module, which the Python-level patch does not cover."""
    import _socket

    host, port = data.decode().split(":")
    try:
        s = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
        s.settimeout(2)
        s.connect((host, int(port)))
        raise ReaderError(f"{name}: network OPEN")
    except OSError as exc:
        raise ReaderError(f"{name}: network refused ({exc})") from None


def undeclared(data: bytes, name: str, meta: object) -> None:
    """Raise an exception type outside the error tree."""
    raise KeyError("surprise")


class Smuggled:
    """Not a record class: the parent must refuse to unpickle it."""

    def __reduce__(self):
        return (os.system, ("echo pwned",))


def smuggle(data: bytes, name: str, meta: object) -> Smuggled:
    """Return an object whose unpickling would run a command."""
    return Smuggled()


def echo_pid(data: bytes, name: str, meta: object) -> None:
    """Report the worker's pid (to show the worker is reused)."""
    raise ReaderError(str(os.getpid()))
