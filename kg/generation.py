"""Index generations: the dense and lexical indexes of one committed state.

A generation is a small folder holding a manifest: the immutable segments it is made of and the
tombstoned paragraphs within them (see :mod:`kg.segments`). It is written beside the live one
under a temporary name, fsynced, then renamed into place; the catalog switches to it in its
commit transaction. Readers keep the generation they opened until they see the catalog name a
newer one; opening one memory-maps its segments, so it costs milliseconds at any size.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass

import numpy as np

from kg.datadir import Layout, fsync_dir
from kg.dense import DenseIndex, DensePart
from kg.lexical import LexicalIndex, LexicalPart
from kg.segments import Manifest, OpenSegment, open_segment, referenced_segments, remove_segments, sync_tree

_NAME = re.compile(r"^g(\d{6,})$")


@dataclass(frozen=True)
class Generation:
    """The opened indexes of one generation."""

    name: str
    dense: DenseIndex
    lexical: LexicalIndex
    manifest: Manifest
    segments: tuple[OpenSegment, ...] = ()  # held so that later generations can share them

    @classmethod
    def open(cls, layout: Layout, name: str) -> "Generation":
        """Open a committed generation's indexes (memory-mapped)."""
        return cls.of(layout, name, Manifest.load(layout.generation(name)))

    @classmethod
    def of(cls, layout: Layout, name: str, manifest: Manifest) -> "Generation":
        """The indexes a manifest describes, seen as one: live rows ascending across segments."""
        dense_parts, lexical_parts, views, opened = [], [], [], []
        rows, part_of, position_of = [], [], []
        offset = 0
        for number, entry in enumerate(manifest.segments):
            seg = open_segment(layout, entry.name)
            opened.append(seg)
            dead = manifest.tombstones.get(entry.name)
            alive = None
            positions = np.arange(len(seg.rows), dtype=np.int64)
            if dead is not None and len(dead):
                alive = np.ones(len(seg.rows), dtype=bool)
                alive[dead] = False
                positions = np.flatnonzero(alive)
            view = np.full(len(seg.rows), -1, dtype=np.int64)
            view[positions] = offset + np.arange(len(positions))
            offset += len(positions)
            rows.append(seg.rows[positions])
            part_of.append(np.full(len(positions), number, dtype=np.int32))
            position_of.append(positions)
            dense_parts.append(DensePart.of(seg.dense, seg.rows, alive))
            lexical_parts.append((seg.postings, alive is None))
            views.append(view)
        all_rows = np.concatenate(rows) if rows else np.empty(0, dtype=np.int64)
        part_of_all = np.concatenate(part_of) if part_of else np.empty(0, dtype=np.int32)
        position_all = np.concatenate(position_of) if position_of else np.empty(0, dtype=np.int64)
        if len(all_rows) > 1 and np.any(np.diff(all_rows) <= 0):
            # segments out of row order: sort the view (the writer keeps them in order, so rare)
            order = np.argsort(all_rows, kind="stable")
            inverse = np.empty_like(order)
            inverse[order] = np.arange(len(order))
            all_rows, part_of_all, position_all = all_rows[order], part_of_all[order], position_all[order]
            views = [np.where(v >= 0, inverse[np.maximum(v, 0)], -1) for v in views]
        dense = DenseIndex(all_rows, dense_parts, part_of_all, position_all)
        lexical = LexicalIndex(all_rows, [LexicalPart(p, v, c) for (p, c), v in zip(lexical_parts, views)])
        return cls(name, dense, lexical, manifest, tuple(opened))

    def locate(self, rows: np.ndarray) -> dict[str, np.ndarray]:
        """Segment name → positions of those of ``rows`` that are live in this generation."""
        rows = np.asarray(rows, dtype=np.int64)
        dense = self.dense
        if len(rows) == 0 or len(dense.rows) == 0:
            return {}
        at = np.clip(np.searchsorted(dense.rows, rows), 0, len(dense.rows) - 1)
        at = at[dense.rows[at] == rows]
        found: dict[str, np.ndarray] = {}
        parts = dense._part_of[at]
        for p in np.unique(parts):
            found[self.manifest.segments[p].name] = np.sort(dense._position_of[at[parts == p]])
        return found


def next_name(current: str | None) -> str:
    """The name of the generation after ``current``."""
    if current is None:
        return "g000001"
    match = _NAME.match(current)
    number = int(match.group(1)) if match else 0
    return f"g{number + 1:06d}"


def write_generation(layout: Layout, name: str, manifest: Manifest) -> None:
    """Write a generation's manifest into ``generations/NAME`` atomically (temp folder, then rename)."""
    final = layout.generation(name)
    tmp = final.with_name(name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(final, ignore_errors=True)
    tmp.mkdir(parents=True)
    manifest.save(tmp)
    sync_tree(tmp)
    tmp.rename(final)
    fsync_dir(final.parent)


def remove_generations(layout: Layout, keep: set[str]) -> None:
    """Delete every generation not in ``keep`` (and any half-written one), then unused segments."""
    if layout.generations.exists():
        for folder in layout.generations.iterdir():
            if folder.name not in keep:
                shutil.rmtree(folder, ignore_errors=True)
    remove_segments(layout, referenced_segments(layout, sorted(keep)))


def previous_of(name: str) -> str | None:
    """The generation before ``name``, which readers may still hold open."""
    match = _NAME.match(name)
    if not match or int(match.group(1)) <= 1:
        return None
    return f"g{int(match.group(1)) - 1:06d}"


def folder_exists(layout: Layout, name: str) -> bool:
    """Whether a generation was fully written."""
    return (layout.generation(name) / "manifest.json").exists()
