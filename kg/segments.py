"""Index segments: small immutable folders of paragraphs' vectors and postings, and the manifest
that says which segments, minus which tombstoned paragraphs, make up a generation.

::

    DATA/segments/sNNNNNN/          written once (temp folder, fsync, rename), never changed
      rows.npy                      index rows of the segment's paragraphs, ascending
      dense/vectors.npy, dense.faiss   float16 vectors and their FAISS index
      lexical/*.npy                 BM25 postings (term hash → positions, counts) and lengths
      segment.json                  count, dimension, first and last row
    DATA/generations/gNNNNNN/       what one commit made live (tiny: no vectors in it)
      manifest.json                 segments in row order, next row, next segment number
      tombstones.npz                per segment, positions of paragraphs replaced or removed

A commit writes one segment for the paragraphs it adds and tombstones those it drops, so its
cost does not grow with the store. :func:`plan_merges` is the merge policy (log-structured,
tiered like Lucene's): a run of ``MERGE_FACTOR`` neighbouring segments of the same size class
is merged into one, as is a segment whose tombstones pass ``DELETED_LIMIT``; a store of n
paragraphs therefore holds O(MERGE_FACTOR · log n) segments and each paragraph is rewritten
O(log n) times over its life. Merges write new segments; the old ones are deleted once no kept
generation names them.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import threading
import weakref
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

import numpy as np

from kg.datadir import Layout, fsync_dir
from kg.dense import DenseSegment
from kg.errors import StoreError
from kg.lexical import Postings

MERGE_FACTOR = 10
SIZE_FLOOR = 1_000  # segments below this many live paragraphs are all in the smallest class
DELETED_LIMIT = 0.3
_SEGMENT = re.compile(r"^s(\d{6,})$")


def segments_root(layout: Layout) -> Path:
    """Folder holding every segment of a data directory."""
    return layout.root / "segments"


def segment_name(number: int) -> str:
    """The folder name of segment ``number``."""
    return f"s{number:06d}"


@dataclass(frozen=True)
class SegmentEntry:
    """A segment as a manifest lists it."""

    name: str
    count: int
    first_row: int
    last_row: int


@dataclass(frozen=True)
class Manifest:
    """The segments and tombstones of one generation, with the counters for the next commit."""

    segments: tuple[SegmentEntry, ...] = ()
    tombstones: dict[str, np.ndarray] = field(default_factory=dict)  # name → sorted dead positions
    next_row: int = 0
    next_segment: int = 1
    dimension: int | None = None

    def deleted(self, name: str) -> int:
        """How many of a segment's paragraphs are tombstoned."""
        dead = self.tombstones.get(name)
        return 0 if dead is None else len(dead)

    def live(self, entry: SegmentEntry) -> int:
        """How many of a segment's paragraphs are live."""
        return entry.count - self.deleted(entry.name)

    @property
    def paragraphs(self) -> int:
        """Live paragraphs across all segments."""
        return sum(self.live(e) for e in self.segments)

    def with_tombstones(self, dead: dict[str, np.ndarray]) -> "Manifest":
        """This manifest with more positions tombstoned."""
        merged = dict(self.tombstones)
        for name, positions in dead.items():
            old = merged.get(name, np.empty(0, dtype=np.int64))
            merged[name] = np.union1d(old, np.asarray(positions, dtype=np.int64))
        return replace(self, tombstones=merged)

    def save(self, folder: Path) -> None:
        """Write ``manifest.json`` and ``tombstones.npz`` into ``folder``."""
        payload = {
            "format": 2,
            "segments": [e.__dict__ for e in self.segments],
            "next_row": self.next_row,
            "next_segment": self.next_segment,
            "dimension": self.dimension,
        }
        (folder / "manifest.json").write_text(json.dumps(payload, indent=1))
        dead = {k: np.asarray(v, dtype=np.int64) for k, v in self.tombstones.items() if len(v)}
        np.savez(folder / "tombstones.npz", **dead)

    @classmethod
    def load(cls, folder: Path) -> "Manifest":
        """Read a manifest written by :meth:`save`."""
        try:
            payload = json.loads((folder / "manifest.json").read_text())
            with np.load(folder / "tombstones.npz") as npz:
                dead = {k: npz[k] for k in npz.files}
        except FileNotFoundError as exc:
            if (folder / "dense" / "rows.npy").exists():
                raise StoreError(f"{folder}: index generation in the pre-segment format; "
                                 "run any ingest or remove once to upgrade it") from exc
            raise StoreError(f"{folder}: generation manifest missing: {exc}") from exc
        entries = tuple(SegmentEntry(**e) for e in payload["segments"])
        return cls(entries, dead, payload["next_row"], payload["next_segment"], payload["dimension"])


@dataclass(frozen=True)
class OpenSegment:
    """A segment's files, opened (memory-mapped)."""

    rows: np.ndarray
    dense: DenseSegment
    postings: Postings


# Segments never change once written, so an opened one is shared by every generation that
# names it: after a commit a reader opens only the new segments, not the whole store again.
# Entries live as long as some generation holds them.
_OPENED: "weakref.WeakValueDictionary[tuple[str, str], OpenSegment]" = weakref.WeakValueDictionary()
_OPENED_LOCK = threading.Lock()


def open_segment(layout: Layout, name: str) -> OpenSegment:
    """Open one committed segment (or share the copy already open in this process)."""
    folder = segments_root(layout) / name
    key = (str(folder.resolve()), name)
    with _OPENED_LOCK:
        found = _OPENED.get(key)
        if found is not None:
            return found
        try:
            # in the background: on a cold page cache the kernel reads synchronously, and opening
            # should not wait for pages a search may never need
            threading.Thread(target=_read_ahead, args=(folder,), name=f"read-ahead {name}", daemon=True).start()
            opened = OpenSegment(np.load(folder / "rows.npy"), DenseSegment.load(folder / "dense"),
                                 Postings.load(folder / "lexical"))
        except (OSError, ValueError, RuntimeError) as exc:
            raise StoreError(f"{folder}: cannot open index segment: {exc}") from exc
        _OPENED[key] = opened
        return opened


def _read_ahead(folder: Path) -> None:
    """Ask the kernel to start reading the files searches touch at random (the FAISS graph and
    codes, the postings), so the first queries after a cold open do not fault them in page by page."""
    if not hasattr(os, "posix_fadvise"):
        return
    for path in [folder / "dense" / "dense.faiss", *sorted((folder / "lexical").glob("*.npy"))]:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
        finally:
            os.close(fd)


def write_segment(layout: Layout, name: str, rows: np.ndarray, dense: DenseSegment, postings: Postings) -> SegmentEntry:
    """Write a segment atomically (temp folder, fsync, rename); returns its manifest entry."""
    rows = np.asarray(rows, dtype=np.int64)
    if len(rows) == 0 or np.any(np.diff(rows) <= 0):
        raise ValueError("a segment's rows must be non-empty and strictly ascending")
    root = segments_root(layout)
    final = root / name
    tmp = root / f"{name}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(final, ignore_errors=True)  # an orphan of a crashed commit, never a live one
    with _OPENED_LOCK:
        _OPENED.pop((str(final.resolve()), name), None)
    tmp.mkdir(parents=True)
    np.save(tmp / "rows.npy", rows)
    dense.save(tmp / "dense")
    postings.save(tmp / "lexical")
    entry = SegmentEntry(name, len(rows), int(rows[0]), int(rows[-1]))
    meta = {**entry.__dict__, "dimension": int(dense.vectors.shape[1]), "index": dense.kind}
    (tmp / "segment.json").write_text(json.dumps(meta))
    sync_tree(tmp)
    tmp.rename(final)
    fsync_dir(root)
    return entry


def build_segment(layout: Layout, name: str, rows: np.ndarray, vectors: np.ndarray,
                  token_lists: Sequence[Sequence[str]]) -> SegmentEntry:
    """A new segment of paragraphs (rows ascending, aligned with vectors and token lists)."""
    return write_segment(layout, name, rows, DenseSegment.build(vectors), Postings.build(token_lists))


def merge_segments(layout: Layout, manifest: Manifest, names: Sequence[str], name: str) -> SegmentEntry | None:
    """Write the live paragraphs of ``names`` (in order) as one new segment; None if none is live."""
    rows, vectors, parts = [], [], []
    for old in names:
        seg = open_segment(layout, old)
        alive = np.ones(len(seg.rows), dtype=bool)
        alive[manifest.tombstones.get(old, np.empty(0, dtype=np.int64))] = False
        rows.append(seg.rows[alive])
        vectors.append(np.asarray(seg.dense.vectors)[alive])
        parts.append((seg.postings, alive))
    merged_rows = np.concatenate(rows)
    if len(merged_rows) == 0:
        return None
    order = np.argsort(merged_rows, kind="stable")
    if np.any(order != np.arange(len(order))):
        raise StoreError(f"segments {', '.join(names)} are not in row order; cannot merge them")
    return write_segment(layout, name, merged_rows, DenseSegment.build(np.concatenate(vectors)),
                         Postings.merge(parts))


def size_class(live: int) -> int:
    """0 below ``SIZE_FLOOR · MERGE_FACTOR`` live paragraphs, then one more per factor."""
    return int(math.log(max(live, SIZE_FLOOR) / SIZE_FLOOR, MERGE_FACTOR) + 1e-9)


def plan_merges(manifest: Manifest) -> list[tuple[int, int]]:
    """Ranges [start, end) of neighbouring segments to merge next, in the manifest's order.

    A run merges when it holds ``MERGE_FACTOR`` segments of one size class; smaller segments
    between them ride along, larger ones end the run (so one small commit after nine large
    segments never rewrites them).

    Each range is disjoint from the others; applying them and planning again finds the
    cascade (ten merged segments may now form a run of the next class).
    """
    entries = manifest.segments
    plans: list[tuple[int, int]] = []
    for i, e in enumerate(entries):
        if manifest.deleted(e.name) > DELETED_LIMIT * e.count:
            plans.append((i, i + 1))
    taken = {i for s, t in plans for i in range(s, t)}
    classes = [size_class(manifest.live(e)) for e in entries]
    for level in sorted(set(classes)):
        run = _first_run([c <= level and i not in taken for i, c in enumerate(classes)],
                         [c == level for c in classes])
        if run is not None:
            plans.append(run)
            break
    return sorted(plans)


def _first_run(fits: list[bool], counts: list[bool]) -> tuple[int, int] | None:
    """The first run of neighbours that fit holding ``MERGE_FACTOR`` that count (smaller ones ride along)."""
    start = None
    for i, ok in enumerate([*fits, False]):
        if ok and start is None:
            start = i
        elif not ok and start is not None:
            if sum(counts[start:i]) >= MERGE_FACTOR:
                return start, i
            start = None
    return None


def apply_merges(layout: Layout, manifest: Manifest) -> tuple[Manifest, list[str]]:
    """Run the merge policy until it is satisfied; returns the new manifest and segments written."""
    written: list[str] = []
    while True:
        plans = plan_merges(manifest)
        if not plans:
            return manifest, written
        entries = list(manifest.segments)
        tombstones = dict(manifest.tombstones)
        number = manifest.next_segment
        for start, end in reversed(plans):
            names = [e.name for e in entries[start:end]]
            merged = merge_segments(layout, manifest, names, segment_name(number))
            if merged is not None:
                written.append(merged.name)
            number += 1
            entries[start:end] = [merged] if merged is not None else []
            for n in names:
                tombstones.pop(n, None)
        manifest = replace(manifest, segments=tuple(entries), tombstones=tombstones, next_segment=number)


def referenced_segments(layout: Layout, generations: Sequence[str]) -> set[str]:
    """Segments named by the manifests of ``generations`` (missing ones are skipped)."""
    names: set[str] = set()
    for gen in generations:
        try:
            payload = json.loads((layout.generation(gen) / "manifest.json").read_text())
        except (OSError, ValueError):
            continue
        names.update(e["name"] for e in payload["segments"])
    return names


def remove_segments(layout: Layout, keep: set[str]) -> None:
    """Delete every segment folder not in ``keep`` (and half-written ones)."""
    root = segments_root(layout)
    if root.exists():
        for folder in root.iterdir():
            if folder.name not in keep:
                shutil.rmtree(folder, ignore_errors=True)


def sync_tree(folder: Path) -> None:
    """fsync every file and folder under ``folder``."""
    for path in folder.rglob("*"):
        if path.is_file():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    for path in [*(p for p in folder.rglob("*") if p.is_dir()), folder]:
        fsync_dir(path)
