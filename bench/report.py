"""What every benchmark prints and records: a table, the machine, the versions and the command.

Each benchmark owns one section of ``docs/benchmarks.md``, between ``<!-- bench:NAME -->`` and
``<!-- /bench:NAME -->``; a run replaces its own section and leaves the others alone.
"""

from __future__ import annotations

import os
import platform
import re
import shlex
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Sequence

DOC = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
PACKAGES = ("numpy", "faiss-cpu", "bm25s", "torch", "sentence-transformers", "pyoxigraph")
HEADER = """# Benchmarks

Written by `make bench` (each section by one benchmark in `bench/`; rerun one with the command it
shows). Numbers are from the machine named in each section; the targets are those of issue 7.
"""


def machine() -> str:
    """CPU model, cores, memory and OS, in one line."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) / 2**20
    except (OSError, AttributeError):
        mem = 0.0
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM, {platform.system()} {platform.release()}; load average {load:.1f} at the end"


def versions() -> str:
    """Python and the packages that decide the numbers."""
    found = [f"Python {platform.python_version()}"]
    for name in PACKAGES:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pass
    return ", ".join(found)


@dataclass
class Table:
    """A titled table of results, printed as Markdown."""

    title: str
    columns: Sequence[str]
    rows: list[Sequence[object]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *cells: object) -> None:
        """Append a row."""
        self.rows.append(cells)

    def markdown(self) -> str:
        """The table (and its notes) as Markdown."""
        lines = [f"**{self.title}**", "", "| " + " | ".join(self.columns) + " |",
                 "|" + "|".join(" --- " for _ in self.columns) + "|"]
        lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in self.rows]
        lines += [""] + [f"- {n}" for n in self.notes]
        return "\n".join(lines).rstrip() + "\n"


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def publish(name: str, heading: str, tables: Sequence["Table | str"], *, doc: Path | None = DOC, command: str | None = None) -> str:
    """Print the tables and replace section ``name`` of docs/benchmarks.md (unless ``doc`` is None)."""
    command = command or "python -m " + " ".join([f"bench.{name}", *map(shlex.quote, sys.argv[1:])])
    body = "\n".join(t if isinstance(t, str) else t.markdown() for t in tables)
    section = (f"<!-- bench:{name} -->\n## {heading}\n\n{body}\n"
               f"- Command: `{command}`\n- Machine: {machine()}\n- Versions: {versions()}\n"
               f"- Run: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n<!-- /bench:{name} -->\n")
    print(section)
    if doc is not None:
        text = doc.read_text() if doc.exists() else HEADER
        pattern = re.compile(rf"<!-- bench:{re.escape(name)} -->.*?<!-- /bench:{re.escape(name)} -->\n?", re.S)
        text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip() + "\n\n" + section
        doc.parent.mkdir(parents=True, exist_ok=True)
        doc.write_text(text)
    return section


def rss_mib(pid: int | None = None) -> float:
    """Resident memory of a process (default: this one), MiB."""
    status = Path(f"/proc/{pid or 'self'}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024


def peak_rss_mib(pid: int | None = None) -> float:
    """Peak resident memory of a process, MiB."""
    status = Path(f"/proc/{pid or 'self'}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024


def written_bytes() -> int:
    """Bytes this process has caused to be written to storage so far."""
    text = Path("/proc/self/io").read_text()
    return int(re.search(r"write_bytes:\s+(\d+)", text).group(1))


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) of values, by linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    at = (len(ordered) - 1) * q / 100
    low = int(at)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (at - low)


def folder_bytes(path: Path) -> int:
    """Total size of the files under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
