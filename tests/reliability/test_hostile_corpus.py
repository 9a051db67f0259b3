"""Over 200 hostile and broken files in one batch with good ones: no crash, no hang, every
failure recorded with a reason naming the file, every good paper ingested."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from ingest.pipeline import Ingestor
from kg.catalog import Catalog
from kg.check import check
from kg.datadir import Layout
from kg.vocab import IriMinter
from tests.reliability.hostile import ANY, FAIL, OK, good_cases, hostile_cases

LEAKS = ("root:x:0:0", "alert(", "document.cookie", "evil.invalid", "javascript:")


def test_hostile_batch(tmp_path: Path, tight_settings, fast_embedder):
    bad, good = hostile_cases(), good_cases()
    assert len(bad) >= 200
    folder = tmp_path / "inbox"
    folder.mkdir()
    for case in bad + good:
        (folder / case.name).write_bytes(case.data)

    started = time.monotonic()
    report = Ingestor(tight_settings, embedder=fast_embedder).ingest([folder])
    elapsed = time.monotonic() - started

    by_name = {Path(r.path).name: r for r in report.results}
    assert set(by_name) == {c.name for c in bad + good}, "every file has exactly one result"
    wrong = []
    for case in bad + good:
        result = by_name[case.name]
        if result.status == "failed":
            assert result.reason and case.name in result.reason, result
        ok = result.status in {"added", "duplicate"}
        if (case.expect == OK and not ok) or (case.expect == FAIL and ok):
            wrong.append(f"{case.name} ({case.kind}): expected {case.expect}, got {result.status} {result.reason}")
    assert not wrong, "\n".join(wrong)

    layout = Layout(tight_settings.data)
    assert check(layout, IriMinter(tight_settings.base_iri)).ok
    catalog = Catalog(layout.catalog, read_only=True)
    texts = " ".join(p.paragraph.text for d in catalog.documents() for p in catalog.paragraphs_of(d.id))
    for leak in LEAKS:
        assert leak not in texts, f"{leak!r} reached the index"
    counts = Counter(r.status for r in report.results)
    print(f"\nhostile batch: {len(bad)} bad + {len(good)} good files in {elapsed:.1f} s: {dict(counts)}; "
          f"expected failures {sum(c.expect == FAIL for c in bad)}, either {sum(c.expect == ANY for c in bad)}")
