"""The fictional Harwick sample papers: manifest, files, formats, questions and reproducible build."""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
PAPERS = SAMPLES / "papers"
BUILD = SAMPLES / "build_samples.py"

PDF = "harwick_cfosc_2024-11-14_agenda_pack.pdf"
DOCX = "harwick_cfosc_2024-11-14_item7_workforce_report.docx"
HTML = "harwick_cfosc_2024-11-14_minutes.html"
TXT = "harwick_cfosc_2025-02-06_send_report.txt"
PDF_PAGES = 7
HEADER = "Harwick Borough Council | Children and Families Overview and Scrutiny Committee | 14 November 2024"

MANIFEST_KEYS = {"file", "council", "body", "meeting_date", "document_type", "title"}
DOC_TYPES = {"agenda", "minutes", "report"}


def _manifest() -> list[dict]:
    return json.loads((PAPERS / "manifest.json").read_text(encoding="utf-8"))


def _questions() -> list[dict]:
    lines = (SAMPLES / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _text(name: str) -> str:
    path = PAPERS / name
    if name.endswith(".pdf"):
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    elif name.endswith(".docx"):
        import docx
        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
        text = "\n".join(parts)
    elif name.endswith(".html"):
        import lxml.html
        text = lxml.html.parse(str(path)).getroot().text_content()
    else:
        text = path.read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", text)


# -- manifest and files -------------------------------------------------------------------------

def test_manifest_lists_exactly_the_papers():
    entries = _manifest()
    listed = [e["file"] for e in entries]
    assert len(listed) == len(set(listed))
    on_disk = sorted(p.name for p in PAPERS.iterdir() if p.is_file() and p.name != "manifest.json")
    assert sorted(listed) == on_disk


def test_manifest_entries_are_well_formed():
    for e in _manifest():
        assert MANIFEST_KEYS <= set(e), e
        assert set(e) <= MANIFEST_KEYS | {"source_url"}, e
        assert all(isinstance(e[k], str) and e[k].strip() for k in MANIFEST_KEYS), e
        assert e["document_type"] in DOC_TYPES
        dt.date.fromisoformat(e["meeting_date"])
        assert e["council"] == "Harwick Borough Council"
    assert {e["document_type"] for e in _manifest()} == DOC_TYPES


@pytest.mark.parametrize("entry", _manifest(), ids=lambda e: e["file"])
def test_every_paper_exists_and_is_not_empty(entry):
    path = PAPERS / entry["file"]
    assert path.is_file()
    assert path.stat().st_size > 1000


# -- formats ------------------------------------------------------------------------------------

def test_pdf_agenda_pack():
    import pdfplumber
    data = (PAPERS / PDF).read_bytes()
    assert data.startswith(b"%PDF")
    with pdfplumber.open(PAPERS / PDF) as pdf:
        assert len(pdf.pages) == PDF_PAGES
        for n, page in enumerate(pdf.pages, start=1):
            lines = (page.extract_text() or "").splitlines()
            assert lines[0] == HEADER, n
            assert lines[-1] == f"Page {n}", n
        first = pdf.pages[0].extract_text()
        assert "Councillor Margaret Ellery (Chairman)" in first
        assert "(cid:" not in "".join(p.extract_text() for p in pdf.pages)
        assert sum(len(p.extract_tables()) for p in pdf.pages) >= 3
    text = _text(PDF)
    for needle in ("Report from: Dr Fiona Marchetti", "Author: Claire Ashdown",
                   "3.1 As at 30 September 2024", "The Committee is asked to note",
                   "The Committee is asked to agree", "Pages 3 - 5", "Pages 6 - 7"):
        assert needle in text, needle


def test_docx_report_opens_with_structure():
    import docx
    d = docx.Document(str(PAPERS / DOCX))
    styles = {p.style.name for p in d.paragraphs}
    assert {"Title", "Heading 1", "List Bullet"} <= styles
    assert len(d.tables) == 1 and len(d.tables[0].rows) == 7
    assert any(p.text.startswith("3.2 The vacancy rate was 14.2%") for p in d.paragraphs)
    cp = d.core_properties
    assert cp.created == cp.modified == dt.datetime(2024, 11, 6, 9, 0, tzinfo=dt.timezone.utc)


def test_html_minutes_have_decisions():
    text = _text(HTML)
    assert text.count("Decision:") >= 4
    assert "RESOLVED" in text
    for clause in ("a) to note", "b) to recommend to Cabinet", "c) to request", "d) to recommend"):
        assert clause in text, clause


def test_txt_report_front_matter():
    text = (PAPERS / TXT).read_text(encoding="utf-8")
    assert "Report from: Assistant Director, Education and SEND: Robert Kaye" in text
    assert "Lead officer contact" in text


# -- questions ----------------------------------------------------------------------------------

def test_questions_file_is_valid():
    qs = _questions()
    assert len(qs) == 40
    assert len({q["question"] for q in qs}) == 40
    papers = {e["file"] for e in _manifest()}
    for q in qs:
        assert set(q) == {"question", "keys", "answerable", "gold_docs"}, q
        assert isinstance(q["question"], str) and q["question"].endswith("?")
        assert isinstance(q["answerable"], bool)
        assert isinstance(q["keys"], list) and isinstance(q["gold_docs"], list)
        if q["answerable"]:
            assert q["keys"] and q["gold_docs"], q
            for group in q["keys"]:
                assert isinstance(group, list) and group
                assert all(isinstance(s, str) and s for s in group)
            assert set(q["gold_docs"]) <= papers, q
        else:
            assert q["keys"] == [] and q["gold_docs"] == [], q
    assert sum(not q["answerable"] for q in qs) == 6


def test_answer_keys_occur_in_gold_documents():
    texts = {e["file"]: _text(e["file"]).lower() for e in _manifest()}
    for q in _questions():
        if not q["answerable"]:
            continue
        blob = " ".join(texts[f] for f in q["gold_docs"])
        for group in q["keys"]:
            assert any(s.lower() in blob for s in group), (q["question"], group)


# -- reproducible build -------------------------------------------------------------------------

def test_rebuild_is_byte_identical(tmp_path):
    subprocess.run([sys.executable, str(BUILD), "--out", str(tmp_path)], check=True,
                   capture_output=True, timeout=300)
    for name in (PDF, DOCX):
        assert (tmp_path / name).read_bytes() == (PAPERS / name).read_bytes(), (
            f"{name} differs from a fresh build: run samples/build_samples.py and commit")
