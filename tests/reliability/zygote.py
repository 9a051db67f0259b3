"""A pre-loaded ``council-kg`` for kill tests: pays the ~5 s import of torch once, then forks.

Run as ``python -m tests.reliability.zygote``. Each line on stdin is a JSON object
``{"argv": [...], "env": {...}, "log": PATH}``; the zygote forks a child that runs the real
``council-kg`` command line (``api.cli.main``) with that argv and environment, its output in
``log``. The zygote answers ``pid N`` at once and ``exit N STATUS`` when the child ends
(STATUS negative: killed by that signal). Nothing has started a thread pool before the fork:
torch and sentence-transformers are imported but no model is loaded or run.
"""

from __future__ import annotations

import json
import os
import sys


def _child(request: dict) -> None:
    log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.environ.update(request.get("env", {}))
    from api.cli import main

    try:
        main(request["argv"], prog_name="council-kg", standalone_mode=True)
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    os._exit(0)


def main() -> None:
    """Serve fork requests until stdin closes."""
    import sentence_transformers  # noqa: F401 - the point: imported once, before any fork
    import torch  # noqa: F401

    import api.cli  # noqa: F401
    import ingest.pipeline  # noqa: F401

    print("ready", flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(request)
        print(f"pid {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        print(f"exit {pid} {code}", flush=True)


if __name__ == "__main__":
    main()
