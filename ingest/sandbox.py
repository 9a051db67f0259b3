"""Reading untrusted files where a crash, a hang or a bomb cannot hurt the ingest.

The reader and segmenter for a file run in a separate worker process (``python -m
ingest.sandbox``), started on first use and reused for the next file until it dies or is
stopped. The worker:

- lives under resource limits: address space (``RLIMIT_AS``, ``parse_memory_mb``), CPU time
  (``RLIMIT_CPU``, ``parse_timeout`` seconds per file), no core dumps; and the parent stops it
  when one file takes longer than ``parse_timeout`` seconds of wall-clock time;
- has no network. Where the kernel allows unprivileged user namespaces, the worker runs under
  ``unshare --user --map-root-user --net``: a network namespace with only a loopback that is
  down, so nothing, Python or C, can connect out. Everywhere, the worker also replaces
  ``socket.socket``, ``create_connection`` and ``getaddrinfo`` with functions that refuse,
  before any reader is imported (this part stops Python code only; lxml, the one C parser
  reading XML, is configured with ``no_network`` by the readers);
- writes no files: ``RLIMIT_FSIZE`` caps its stderr (a temporary file) at 8 MiB;
- dies with its parent (``PR_SET_PDEATHSIG``), so a killed ingest leaves no reader behind.

Requests and replies cross two pipes as length-prefixed pickles. The parent unpickles a reply
with an allow-list of the record classes it expects, since the worker is the side that touched
hostile bytes. A worker that dies, hangs or hits a limit becomes a ``ReaderError`` naming the
file and the reason; the next file gets a fresh worker.
"""

from __future__ import annotations

import io
import os
import pickle
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import Any, BinaryIO

from kg import errors
from kg.errors import CouncilKGError, ReaderError
from kg.records import Document, DocumentMeta

DEFAULT_TARGET = "ingest.pipeline:build_document"
_HEADER = struct.Struct("!Q")
_STDERR_CAP = 8 << 20
_MAX_REPLY = 1 << 31  # a Document bigger than 2 GiB is a bug or an attack
_SAFE_CLASSES = {
    "kg.records": {"AgendaItem", "Attendee", "Block", "BlockKind", "Document", "DocumentMeta",
                   "MeetingInfo", "Paragraph", "ParsedFile"},
    "datetime": {"date", "datetime", "time", "timedelta", "timezone"},
}


@dataclass(frozen=True)
class SandboxLimits:
    """What one file may use while it is read."""

    timeout: float = 300.0
    memory_mb: int = 2048
    isolate_network: bool = True

    @classmethod
    def from_settings(cls, settings: Any) -> "SandboxLimits":
        """Limits from ``parse_timeout`` and ``parse_memory_mb``."""
        return cls(timeout=float(settings.parse_timeout), memory_mb=int(settings.parse_memory_mb))


class _RecordUnpickler(pickle.Unpickler):
    """Refuses every global except the record classes a worker legitimately returns."""

    def find_class(self, module: str, name: str) -> Any:
        if name in _SAFE_CLASSES.get(module, ()):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"worker reply refers to {module}.{name}, which is not allowed")


class Sandbox:
    """One reusable worker process that reads and segments files under limits."""

    def __init__(self, limits: SandboxLimits | None = None, target: str = DEFAULT_TARGET) -> None:
        self.limits = limits or SandboxLimits()
        self.target = target
        self._proc: subprocess.Popen | None = None
        self._stderr: BinaryIO | None = None
        self._namespace: bool | None = None  # probed once per sandbox

    # -- lifecycle -----------------------------------------------------------------------

    @property
    def network_isolation(self) -> str:
        """``namespace`` when the worker runs in its own network namespace, else ``socket-patch``."""
        return "namespace" if self._use_namespace() else "socket-patch"

    def _use_namespace(self) -> bool:
        if self._namespace is None:
            self._namespace = False
            unshare = shutil.which("unshare")
            if self.limits.isolate_network and unshare:
                try:
                    probe = subprocess.run([unshare, "--user", "--map-root-user", "--net", "true"],
                                           capture_output=True, timeout=10)
                    self._namespace = probe.returncode == 0
                except (OSError, subprocess.SubprocessError):
                    self._namespace = False
        return self._namespace

    def _start(self) -> subprocess.Popen:
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        self._stop()
        command = [sys.executable, "-m", "ingest.sandbox", str(self.limits.memory_mb),
                   str(int(self.limits.timeout) + 1), str(os.getpid()), self.target]
        if self._use_namespace():
            command = [shutil.which("unshare") or "unshare", "--user", "--map-root-user", "--net", *command]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
               "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
        self._stderr = tempfile.TemporaryFile()
        self._proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=self._stderr, env=env, close_fds=True)
        return self._proc

    def _stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            for pipe in (proc.stdin, proc.stdout):
                if pipe is not None:
                    try:
                        pipe.close()
                    except OSError:
                        pass
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def close(self) -> None:
        """Stop the worker (a later ``build`` starts a new one)."""
        proc = self._proc
        if proc is not None and proc.poll() is None and proc.stdin is not None:
            try:
                proc.stdin.close()  # end of input: the worker exits by itself
                proc.wait(timeout=2)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self._stop()

    def __enter__(self) -> "Sandbox":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one file ------------------------------------------------------------------------

    def build(self, data: bytes, file_name: str, meta: DocumentMeta | None) -> Document:
        """Read and segment one file in the worker; any failure is a ``CouncilKGError`` naming it."""
        proc = self._start()
        assert proc.stdin is not None and proc.stdout is not None and self._stderr is not None
        self._stderr.seek(0)
        self._stderr.truncate()
        request = pickle.dumps((data, file_name, meta), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            proc.stdin.write(_HEADER.pack(len(request)) + request)
            proc.stdin.flush()
            reply = _read_message(proc.stdout, time.monotonic() + self.limits.timeout)
        except TimeoutError:
            self._stop()
            raise ReaderError(f"{file_name}: reading took longer than {self.limits.timeout:g} s; stopped") from None
        except (OSError, EOFError, ValueError):
            raise ReaderError(f"{file_name}: {self._death_reason()}") from None
        try:
            outcome = _RecordUnpickler(io.BytesIO(reply)).load()
        except Exception as exc:  # noqa: BLE001 - any malformed reply is the worker's fault
            self._stop()
            raise ReaderError(f"{file_name}: the reader returned an unreadable reply ({exc})") from None
        return _unwrap(outcome, file_name)

    def _death_reason(self) -> str:
        proc = self._proc
        code = proc.wait(timeout=5) if proc is not None else None
        tail = b""
        if self._stderr is not None:
            self._stderr.seek(0)
            tail = self._stderr.read()[-300:]
        self._stop()
        if code is not None and code < 0:
            try:
                sig = signal.Signals(-code).name
            except ValueError:
                sig = f"signal {-code}"
            why = {"SIGXCPU": f"used more than {self.limits.timeout:g} s of CPU",
                   "SIGKILL": "was killed (likely out of memory)",
                   "SIGSEGV": "crashed (likely out of memory or a damaged file)",
                   "SIGABRT": "aborted (likely out of memory)"}.get(sig, "died")
            return f"the reader {why} ({sig})"
        detail = tail.decode("utf-8", "replace").strip().splitlines()[-1:] if tail else []
        return f"the reader process died (exit status {code}{': ' + detail[0] if detail else ''})"


def _unwrap(outcome: Any, file_name: str) -> Document:
    """The Document of an ``ok`` reply, or the declared error a worker reported."""
    if isinstance(outcome, tuple) and len(outcome) == 2 and outcome[0] == "ok" and isinstance(outcome[1], Document):
        return outcome[1]
    if isinstance(outcome, tuple) and len(outcome) == 3 and outcome[0] == "error":
        kind = getattr(errors, str(outcome[1]), None)
        message = str(outcome[2])
        if isinstance(kind, type) and issubclass(kind, CouncilKGError):
            raise kind(message)
        raise ReaderError(f"{file_name}: the reader failed unexpectedly ({outcome[1]}: {message[:300]})")
    raise ReaderError(f"{file_name}: the reader returned an unexpected reply")


def _read_exact(stream: BinaryIO, size: int, deadline: float) -> bytes:
    fd = stream.fileno()
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        wait = deadline - time.monotonic()
        if wait <= 0 or not select.select([fd], [], [], wait)[0]:
            raise TimeoutError
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _read_message(stream: BinaryIO, deadline: float) -> bytes:
    (size,) = _HEADER.unpack(_read_exact(stream, _HEADER.size, deadline))
    if size > _MAX_REPLY:
        raise ValueError("reply too large")
    return _read_exact(stream, size, deadline)


# -- the worker side -------------------------------------------------------------------------


def _refuse_network() -> None:
    """Make every Python-level socket operation fail (belt to the namespace's braces)."""
    import socket

    def refuse(*_a: object, **_k: object) -> Any:
        raise OSError("network access is disabled while reading files")

    class NoSocket(socket.socket):
        def __init__(self, *a: object, **k: object) -> None:
            refuse()

    socket.socket = NoSocket  # type: ignore[misc]
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
                 "socketpair", "fromfd", "create_server"):
        setattr(socket, name, refuse)


def _die_with_parent(parent: int) -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before we asked to follow it
        os._exit(1)


def _worker(memory_mb: int, cpu_seconds: int, parent: int, target: str) -> None:
    """Serve requests from stdin until it closes; replies go to the original stdout.

    ``target`` (``module:function``, the signature of ``build_document``) does the work.
    """
    import importlib
    import logging
    import resource

    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # stray prints from libraries must not corrupt the reply stream
    requests = os.fdopen(os.dup(0), "rb")
    _die_with_parent(parent)
    _refuse_network()
    logging.basicConfig(level=logging.ERROR)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # The worker writes no files; its stderr is a temporary file, capped so a reader stuck in a
    # loop of warnings cannot fill the disk (writes past the cap fail instead of killing it).
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (_STDERR_CAP, _STDERR_CAP))
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    module, _, function = target.partition(":")  # imported after the limits and the socket patch
    build_document = getattr(importlib.import_module(module), function)

    while True:
        try:
            header = requests.read(_HEADER.size)
            if len(header) < _HEADER.size:
                return
            data, name, meta = pickle.loads(requests.read(_HEADER.unpack(header)[0]))
        except Exception:  # noqa: BLE001 - the parent only sends what it pickled itself
            return
        used = resource.getrusage(resource.RUSAGE_SELF)
        soft = int(used.ru_utime + used.ru_stime) + cpu_seconds
        resource.setrlimit(resource.RLIMIT_CPU, (soft, resource.RLIM_INFINITY))
        try:
            outcome: tuple = ("ok", build_document(data, name, meta))
        except CouncilKGError as exc:
            outcome = ("error", type(exc).__name__, str(exc))
        except MemoryError:
            outcome = ("error", "ReaderError", f"{name}: too large to read within {memory_mb} MiB")
        except RecursionError:
            outcome = ("error", "ReaderError", f"{name}: nested too deeply to read")
        except Exception as exc:  # noqa: BLE001 - reported to the parent as a ReaderError
            outcome = ("error", type(exc).__name__, str(exc)[:500])
        del data
        try:
            reply = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            reply = pickle.dumps(("error", "ReaderError", f"{name}: too large to read within {memory_mb} MiB"))
        replies.write(_HEADER.pack(len(reply)) + reply)
        replies.flush()


if __name__ == "__main__":
    _worker(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
