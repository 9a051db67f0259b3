"""Index generations: the dense and lexical indexes of one committed state, in one folder.

A generation is written beside the live one under a temporary name, fsynced, then renamed into
place; the catalog switches to it in its commit transaction. Readers keep the generation they
opened until they see the catalog name a newer one.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from kg.datadir import Layout, fsync_dir
from kg.dense import DenseIndex
from kg.lexical import LexicalIndex

_NAME = re.compile(r"^g(\d{6,})$")


@dataclass(frozen=True)
class Generation:
    """The opened indexes of one generation."""

    name: str
    dense: DenseIndex
    lexical: LexicalIndex

    @classmethod
    def open(cls, layout: Layout, name: str) -> "Generation":
        """Open a committed generation's indexes (memory-mapped)."""
        folder = layout.generation(name)
        return cls(name, DenseIndex.load(folder / "dense"), LexicalIndex.load(folder / "lexical"))


def next_name(current: str | None) -> str:
    """The name of the generation after ``current``."""
    if current is None:
        return "g000001"
    match = _NAME.match(current)
    number = int(match.group(1)) if match else 0
    return f"g{number + 1:06d}"


def write_generation(
    layout: Layout,
    name: str,
    *,
    dense_rows: np.ndarray,
    vectors: np.ndarray,
    lexical_rows: Sequence[int],
    lexical_texts: Sequence[str],
) -> None:
    """Build both indexes into ``generations/NAME`` atomically (temp folder, then rename)."""
    final = layout.generation(name)
    tmp = final.with_name(name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(final, ignore_errors=True)
    tmp.mkdir(parents=True)
    order = np.argsort(dense_rows, kind="stable")
    DenseIndex.build(np.asarray(dense_rows)[order], np.asarray(vectors)[order]).save(tmp / "dense")
    LexicalIndex.build(lexical_rows, lexical_texts).save(tmp / "lexical")
    for path in tmp.rglob("*"):
        if path.is_file():
            _fsync_file(path)
    tmp.rename(final)
    fsync_dir(final.parent)


def remove_generations(layout: Layout, keep: set[str]) -> None:
    """Delete every generation folder not in ``keep`` (and any half-written one)."""
    if not layout.generations.exists():
        return
    for folder in layout.generations.iterdir():
        if folder.name not in keep:
            shutil.rmtree(folder, ignore_errors=True)


def previous_of(name: str) -> str | None:
    """The generation before ``name``, which readers may still hold open."""
    match = _NAME.match(name)
    if not match or int(match.group(1)) <= 1:
        return None
    return f"g{int(match.group(1)) - 1:06d}"


def folder_exists(layout: Layout, name: str) -> bool:
    """Whether a generation was fully written."""
    return (layout.generation(name) / "dense").exists()


def empty_dense(dimension: int) -> DenseIndex:
    """A dense index with no vectors, for the first commit."""
    return DenseIndex.build(np.empty(0, dtype=np.int64), np.empty((0, dimension), dtype=np.float32))


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
