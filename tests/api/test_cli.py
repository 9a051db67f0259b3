"""The `council-kg` command line through click's runner, on a real data directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from api.cli import main
from kg.datadir import Layout, WriterLock


@pytest.fixture()
def papers(tmp_path: Path) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "libraries.txt").write_text(
        "Libraries report\n\n3.1 Library visits rose to 412,000 in 2023/24 from 388,000 in 2022/23.\n"
    )
    (folder / "roads.txt").write_text(
        "Highways report\n\n2.4 The Council repaired 5,120 potholes between April and September 2024.\n"
    )
    return folder


@pytest.fixture()
def runner(tmp_path: Path, monkeypatch) -> CliRunner:
    monkeypatch.setenv("COUNCIL_KG_DATA", str(tmp_path / "data"))
    return CliRunner()


def test_ingest_search_sparql_export_remove(runner, papers, tmp_path):
    result = runner.invoke(main, ["ingest", str(papers)])
    assert result.exit_code == 0, result.output
    assert "2 added" in result.output

    again = runner.invoke(main, ["ingest", str(papers)])
    assert again.exit_code == 0 and "2 unchanged" in again.output

    found = runner.invoke(main, ["search", "potholes repaired", "--json", "-k", "1"])
    assert found.exit_code == 0
    top = json.loads(found.output)["results"][0]
    assert "potholes" in top["text"] and top["file"] == "roads.txt" and top["paragraph"] == "2.4"

    rows = runner.invoke(main, ["sparql", "SELECT ?t WHERE { ?d <http://purl.org/dc/terms/title> ?t } ORDER BY ?t"])
    assert rows.exit_code == 0
    assert rows.output.splitlines() == ["?t", "Highways report", "Libraries report"]

    bad = runner.invoke(main, ["sparql", "SELECT WHERE {"])
    assert bad.exit_code == 1 and "error:" in bad.output

    update = runner.invoke(main, ["sparql", "DROP ALL"])
    assert update.exit_code == 1 and "error:" in update.output
    assert runner.invoke(main, ["check"]).exit_code == 0

    dump = tmp_path / "dump.nq"
    exported = runner.invoke(main, ["export", "--format", "nquads", "-o", str(dump)])
    assert exported.exit_code == 0
    assert dump.read_text().count("/document/") > 4

    checked = runner.invoke(main, ["check"])
    assert checked.exit_code == 0 and "2 documents" in checked.output

    removed = runner.invoke(main, ["remove", "roads.txt"])
    assert removed.exit_code == 0 and "removed" in removed.output
    gone = runner.invoke(main, ["search", "potholes repaired", "--json"])
    assert all(r["file"] != "roads.txt" for r in json.loads(gone.output)["results"])

    missing = runner.invoke(main, ["remove", "roads.txt"])
    assert missing.exit_code == 1 and "no such document" in missing.output


def test_failed_file_sets_exit_status_and_names_the_file(runner, papers):
    (papers / "junk.txt").write_bytes(b"\x00\x01\x02" * 500)
    result = runner.invoke(main, ["ingest", str(papers), str(papers / "absent.pdf")])
    assert result.exit_code == 1
    assert "junk.txt" in result.output and "absent.pdf" in result.output
    assert "2 added" in result.output


def test_second_writer_gets_a_clear_message(runner, papers, tmp_path):
    with WriterLock(Layout(tmp_path / "data")):
        result = runner.invoke(main, ["ingest", str(papers)])
    assert result.exit_code == 1
    assert "another writer" in result.output


def test_bad_manifest_is_named(runner, papers, tmp_path):
    manifest = tmp_path / "manifest.json"
    manifest.write_text('[{"file": "roads.txt", "meeting_date": "12/03/2024"}]')
    result = runner.invoke(main, ["ingest", str(papers), "--manifest", str(manifest)])
    assert result.exit_code == 1
    assert "meeting_date" in result.output and "entry 0" in result.output


def test_commands_on_an_empty_data_directory(runner):
    assert runner.invoke(main, ["search", "anything"]).output.strip() == "no results"
    result = runner.invoke(main, ["sparql", "ASK { ?s ?p ?o }"])
    assert result.exit_code == 1 and "ingest something first" in result.output
