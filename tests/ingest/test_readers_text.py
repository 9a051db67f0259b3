"""Plain-text reader against the real scraped Medway papers and small built texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.readers import PLAIN, read_bytes, read_path
from kg.records import BlockKind


def _by_text(parsed, prefix: str):
    return next(b for b in parsed.blocks if b.text.startswith(prefix))


def test_every_medway_paper_reads_as_text(medway_dir: Path) -> None:
    for path in sorted(medway_dir.glob("*.txt")):
        parsed = read_path(path)
        assert parsed.media_type == PLAIN
        assert parsed.blocks, path.name
        prose = [b for b in parsed.blocks if b.kind is not BlockKind.TABLE]
        assert all(b.text == b.text.strip() and "  " not in b.text for b in prose)
        assert all(b.page is None for b in parsed.blocks)


def test_numbered_paragraphs_headings_and_bullets(medway_dir: Path) -> None:
    parsed = read_path(medway_dir / "002_dc6bdf29f61919ae.txt")
    heading = _by_text(parsed, "1. Budget and policy framework")
    assert (heading.kind, heading.level) == (BlockKind.HEADING, 1)
    assert _by_text(parsed, "2. Background").kind is BlockKind.HEADING
    # "- 1.2. The statutory…" is a numbered paragraph; the scrape's dash is dropped.
    assert _by_text(parsed, "1.2. The statutory guidance").kind is BlockKind.PARAGRAPH
    assert _by_text(parsed, "SEND Transport").kind is BlockKind.LIST_ITEM
    assert _by_text(parsed, "Children are safeguarded").kind is BlockKind.LIST_ITEM
    # A sentence cut by a page break ("…Mid Kent College," / "- to meet with…") is rejoined.
    visit = _by_text(parsed, "2.12 I regularly visit")
    assert "Mid Kent College, to meet with children" in visit.text
    assert not any(b.text.startswith("to meet with children") for b in parsed.blocks)


def test_tab_separated_rows_become_one_table(medway_dir: Path) -> None:
    parsed = read_path(medway_dir / "002_dc6bdf29f61919ae.txt")
    table = _by_text(parsed, "Protected characteristic groups (Equality Act 2010)")
    assert table.kind is BlockKind.TABLE
    assert "Gender reassignment |  | x |" in table.text.split("\n")


def test_html_cell_fragments_and_separator_rows(medway_dir: Path) -> None:
    parsed = read_path(medway_dir / "004_96cf8977907f3fbb.txt")
    table = _by_text(parsed, "Risk | Description")
    assert table.kind is BlockKind.TABLE
    assert "Recruitment & retention | There are ongoing challenges" in table.text
    assert "<p>" not in table.text and "---" not in table.text
    assert "Lack of Sufficiency in Foster Care Market" in table.text
    sub = _by_text(parsed, "5.2 Theme 1")
    assert (sub.kind, sub.level) == (BlockKind.HEADING, 2)


def test_enumerated_decisions_are_list_items(medway_dir: Path) -> None:
    parsed = read_path(medway_dir / "001_61114f29866a8eec.txt")
    items = [b.text for b in parsed.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items[0] == "a) to note the report"
    assert [i[:2] for i in items] == ["a)", "b)", "c)", "d)"]


def test_numbered_list_and_deep_headings(medway_dir: Path) -> None:
    parsed = read_path(medway_dir / "003_a31c8efa2446ead8.txt")
    outcome = _by_text(parsed, "2. Meet the needs of our CIC")
    assert outcome.kind is BlockKind.LIST_ITEM  # a run of "1." … "5." lines is a list
    deep = _by_text(parsed, "3.4.1. Edge of Care")
    assert (deep.kind, deep.level) == (BlockKind.HEADING, 3)
    assert _by_text(parsed, "SUFFICIENCY REPORT 2020").level == 1


def test_minutes_paragraphs_stay_paragraphs(medway_dir: Path) -> None:
    parsed = read_path(medway_dir / "000_9b65561e86bf5e5a.txt")
    noted = _by_text(parsed, "The Committee noted")
    assert noted.kind is BlockKind.PARAGRAPH
    assert _by_text(parsed, "Members raised").kind is BlockKind.PARAGRAPH


def test_several_bullets_in_one_group_and_cp1252() -> None:
    text = "BUDGET REPORT\n\nItems:\n• first item\n• second item\n* third\n\nNo’s end.\n"
    parsed = read_bytes(text.encode("cp1252"), "x.txt")
    kinds = [(b.kind, b.text) for b in parsed.blocks]
    assert kinds[0] == (BlockKind.HEADING, "BUDGET REPORT")
    assert [t for k, t in kinds if k is BlockKind.LIST_ITEM] == ["first item", "second item", "third"]
    assert kinds[-1] == (BlockKind.PARAGRAPH, "No’s end.")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("4. Background", BlockKind.HEADING),
        ("(ii) the second option", BlockKind.LIST_ITEM),
        ("– dash bullet", BlockKind.LIST_ITEM),
        ("26 children were placed outside Medway.", BlockKind.PARAGRAPH),
        ("The Committee agreed the recommendations.", BlockKind.PARAGRAPH),
    ],
)
def test_single_line_kinds(line: str, kind: BlockKind) -> None:
    assert read_bytes(line.encode(), "x.txt").blocks[0].kind is kind
