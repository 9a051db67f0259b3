"""``council-kg harvest`` through click's runner: progress, summary, failures, exit status."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from api.cli import main
from tests.harvest.site import FakeModernGov

pytestmark = pytest.mark.slow


def test_harvest_command_reports_and_fails_on_a_bad_paper(
    site: FakeModernGov, tmp_path: Path, embedder, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr("ingest.pipeline.Embedder.from_settings", lambda *a, **k: embedder)  # reuse the loaded model
    site.put_paper("70002", b"%PDF-1.4 not a real PDF at all")
    args = ["--data", str(tmp_path / "data"), "harvest", site.url, "--committee", "art galleries",
            "--from", "2026-03-01", "--to", "31/03/2026", "--council", "Manchester City Council"]
    env = {"COUNCIL_KG_HARVEST_DELAY": "0", "COUNCIL_KG_USER_AGENT": "council-kg-tests/1.0"}
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert "committees: 1" in out and "meetings: 1 (1 meeting records ingested, 0 cancelled)" in out
    assert "papers fetched: 2 (1 new, 0 replaced)" in out and "failed: 1" in out
    assert f"{site.paper_url('70002')}: 70002-" in out
    assert "[1/1] Art Galleries Committee 2026-03-03" in result.stderr
    assert "FAILED" in result.stderr


def test_unknown_committee_is_an_error_naming_the_committees(site: FakeModernGov, tmp_path: Path) -> None:
    args = ["--data", str(tmp_path / "data"), "harvest", site.url, "--committee", "Planning"]
    result = CliRunner().invoke(main, args, env={"COUNCIL_KG_HARVEST_DELAY": "0"})
    assert result.exit_code == 1
    assert "no committee called 'Planning'" in result.stderr and "Audit Committee" in result.stderr
