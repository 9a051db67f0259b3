"""The reading sandbox: hangs, spins, bombs, crashes and network attempts become ReaderErrors."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from ingest.sandbox import Sandbox, SandboxLimits
from kg.errors import ReaderError, UnsupportedFormat

TARGETS = "tests.reliability.targets:"


def sandbox(target: str, timeout: float = 3, memory_mb: int = 512) -> Sandbox:
    return Sandbox(SandboxLimits(timeout=timeout, memory_mb=memory_mb), target=TARGETS + target)


@pytest.mark.parametrize("target,reason", [
    ("hang", "longer than 3 s"),
    ("spin", "longer than 3 s"),
    ("balloon", "too large to read|out of memory|MemoryError"),
    ("segfault", "crashed|SIGSEGV"),
    ("exit_abruptly", "exit status 3"),
    ("undeclared", "failed unexpectedly \\(KeyError"),
    ("smuggle", "not allowed"),
])
def test_misbehaving_reader_becomes_a_reader_error(target: str, reason: str):
    with sandbox(target) as box:
        started = time.monotonic()
        with pytest.raises(ReaderError, match=reason) as caught:
            box.build(b"x", "paper.pdf", None)
        assert "paper.pdf" in str(caught.value)
        assert time.monotonic() - started < 10


def test_worker_is_reused_and_replaced_after_a_death():
    with sandbox("echo_pid") as box:
        pids = set()
        for _ in range(3):
            with pytest.raises(ReaderError) as caught:
                box.build(b"", "a.txt", None)
            pids.add(str(caught.value))
        assert len(pids) == 1
        box._stop()  # as after a timeout
        with pytest.raises(ReaderError) as caught:
            box.build(b"", "a.txt", None)
        assert str(caught.value) not in pids


def test_stdout_noise_does_not_corrupt_replies():
    with sandbox("chatter") as box:
        for _ in range(2):
            with pytest.raises(ReaderError, match="chatter done"):
                box.build(b"x", "noisy.html", None)


@pytest.fixture()
def listener():
    """A loopback server that records whether anyone connected."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.2)
    seen: list[bool] = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = server.accept()
                seen.append(True)
                conn.close()
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.getsockname()[1]}".encode(), seen
    stop.set()
    thread.join()
    server.close()


@pytest.mark.parametrize("target", ["connect", "raw_socket"])
def test_the_worker_has_no_network(listener, target):
    address, seen = listener
    with sandbox(target) as box:
        try:
            box.build(address, "fetch.xml", None)
        except ReaderError as exc:
            message = str(exc)
        if target == "raw_socket" and box.network_isolation != "namespace":
            pytest.skip("no network namespace here: only Python-level sockets are refused")
    assert "network refused" in message, message
    assert not seen


def test_real_reader_errors_keep_their_type():
    with Sandbox(SandboxLimits(timeout=20)) as box:
        with pytest.raises(UnsupportedFormat, match="binary.txt"):
            box.build(bytes(range(256)) * 20, "binary.txt", None)
        doc = box.build(b"Budget\n\n1.1 The budget is \xc2\xa33.2m.\n", "budget.txt", None)
    assert "£3.2m" in doc.text and doc.paragraphs
