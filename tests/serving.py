"""A real ``council-kg serve`` process on a free loopback port, for tests that talk HTTP."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served(data: Path, *, start_timeout: float = 60.0) -> Iterator[str]:
    """Serve ``data`` with the real CLI and waitress; yields the base URL, stops the server after."""
    port = free_port()
    env = {**os.environ, "COUNCIL_KG_DATA": str(data)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "api", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + start_timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/health", timeout=5).read()
            break
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("server did not start: " + proc.stdout.read().decode())
    if proc.poll() is not None:
        pytest.fail("server exited: " + proc.stdout.read().decode())
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)
