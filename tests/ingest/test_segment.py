"""Tests for the segmenter: offsets, numbers, headings, attachment, sizes, robustness."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from ingest import numbering
from ingest.segment import Segmentation, segment
from kg.records import Block, BlockKind, ParsedFile

H, P, L, T = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE
MEDWAY = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "medway"
_BULLET_LINE = re.compile(r"\s*[-•*]\s")


def parsed(*blocks: Block | tuple) -> ParsedFile:
    """A ParsedFile from blocks or (kind, text[, page[, level]]) tuples."""
    built = tuple(block if isinstance(block, Block) else Block(*block) for block in blocks)
    return ParsedFile(media_type="text/plain", blocks=built)


def assert_exact(result: Segmentation) -> None:
    """Every paragraph slices the document text exactly, in order, without overlap."""
    previous_end = 0
    for ordinal, paragraph in enumerate(result.paragraphs, start=1):
        assert result.text[paragraph.start : paragraph.end] == paragraph.text
        assert paragraph.text == paragraph.text.strip() and paragraph.text
        assert paragraph.start >= previous_end
        assert paragraph.ordinal == ordinal
        assert paragraph.id == f"{paragraph.document_id}-p{ordinal:04d}"
        previous_end = paragraph.end


def medway_file(name: str) -> ParsedFile:
    """A stand-in text reader: blank lines split blocks, bullet lines start list items."""
    if not MEDWAY.is_dir():
        pytest.skip("shared corpus not available")
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", (MEDWAY / name).read_text(encoding="utf-8")):
        lines: list[str] = []
        for line in chunk.splitlines():
            if _BULLET_LINE.match(line) or not lines:
                lines.append(line)
            else:
                lines[-1] += "\n" + line
        for item in lines:
            if item.strip():
                kind = L if _BULLET_LINE.match(item) else P
                blocks.append(Block(kind, item.strip(), page=1))
    return ParsedFile(media_type="text/plain", blocks=tuple(blocks))


# --- labels -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.6 The turnover rate", "4.6"),
        ("4.6. The turnover rate", "4.6"),
        ("1.2.3 Options were", "1.2.3"),
        ("12. Any other business", "12"),
        ("3.1 “Quoted” start", "3.1"),
        ("2021. The year began", None),
        ("16.9% of staff", None),
        ("£1.5m was spent", None),
        ("2.5 times more", None),
        ("12 Members attended", None),
        ("01.02.23 Minutes", None),
        ("12.10.2023 The meeting", None),
        ("4.6The turnover", None),
    ],
)
def test_section_number_recognition(text: str, expected: str | None) -> None:
    label = numbering.section_number(text)
    assert (label.value if label else None) == expected


def test_dates_are_not_bare_heading_numbers() -> None:
    assert numbering.section_number("5 OCTOBER 2023", allow_bare=True) is None
    assert numbering.section_number("12. January 2024 meeting") is None
    label = numbering.section_number("10 Climate change implications", allow_bare=True)
    assert label is not None and label.value == "10"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a) to note", "a"), ("(b) that", "b"), ("iii) the", "iii"), ("(A) The", "A"),
     ("(2) The", "2"), ("J. Smith said", None), ("ab) no", None), ("(2021) report", None)],
)
def test_clause_label_recognition(text: str, expected: str | None) -> None:
    label = numbering.clause_label(text)
    assert (label.value if label else None) == expected


def test_sentence_ends_skip_abbreviations_and_decimals() -> None:
    text = "See e.g. Mr. Jones at No. 5 today. It rose 2.5 times. Then J. Smith left! Done."
    cuts = numbering.sentence_ends(text, 0, len(text))
    sentences = [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)])]
    assert sentences == [
        "See e.g. Mr. Jones at No. 5 today.", "It rose 2.5 times.", "Then J. Smith left!", "Done.",
    ]


# --- segmentation -----------------------------------------------------------------------


def test_empty_input_gives_no_paragraphs() -> None:
    assert segment(parsed(), "d").paragraphs == ()
    result = segment(parsed((P, ""), (P, "   \n")), "d")
    assert result.paragraphs == () and result.text == "\n\n   \n"


def test_text_is_blocks_joined_and_offsets_exact() -> None:
    source = parsed(
        (H, "Report", 1, 1), (P, "  4.6 The rate is 16.9%.  "), (L, "- one"), (P, "Ends.")
    )
    result = segment(source, "doc")
    assert result.text == "Report\n\n  4.6 The rate is 16.9%.  \n\n- one\n\nEnds."
    assert_exact(result)
    assert result.paragraphs[0].text == "4.6 The rate is 16.9%.  \n\n- one\n\nEnds."
    assert result.paragraphs[0].start == len("Report\n\n  ")


def test_numbers_recognised_and_figures_not_mistaken() -> None:
    source = parsed(
        (P, "4.6 The turnover rate of permanent social work staff is currently at 16.9%."),
        (P, "2021. The year in which the strategy was adopted by the council was busy."),
        (P, "16.9% of staff left in the year to March, compared with 22.5% before."),
        (P, "4.7. There are a total of 72 social work vacancies."),
    )
    # target_chars=50 keeps the short paragraphs apart so each shows its own number.
    numbers = [p.number for p in segment(source, "d", target_chars=50).paragraphs]
    assert numbers == ["4.6", None, None, "4.7"]


def test_heading_path_follows_levels_and_number_depth() -> None:
    source = parsed(
        (H, "Sufficiency Report", 1, 1),
        (H, "3. Options", 1, 2),
        (P, "3.1 The first option is to do nothing at all, which is not recommended.", 1),
        (H, "3.2 Preferred option", 2, 3),
        (P, "The preferred option is to build new homes in the borough.", 2),
        (H, "4. Risk management", 2, 2),
        (P, "4.1 Risks are listed in the register maintained by the service.", 2),
        (H, "Appendix", 3, 1),
        (H, "Lone heading at the end", 3, 2),
    )
    result = segment(source, "d")
    assert_exact(result)
    paths = [p.heading_path for p in result.paragraphs]
    assert paths == [
        ("Sufficiency Report", "3. Options"),
        ("Sufficiency Report", "3. Options", "3.2 Preferred option"),
        ("Sufficiency Report", "4. Risk management"),
        ("Sufficiency Report", "4. Risk management"),
    ]
    # Headings with nothing under them are kept as text, joined, under the path they closed.
    assert result.paragraphs[-1].text == "Appendix\n\nLone heading at the end"
    assert result.text.endswith("Lone heading at the end")
    assert [p.page for p in result.paragraphs] == [1, 2, 2, 3]


def test_headings_closed_before_any_text_are_kept_as_a_paragraph() -> None:
    source = parsed(
        (H, "Diversity impact assessment", 1, 1),
        (H, "TITLE- Medway Sufficiency Strategy 2023-25", 1, 1),
        (H, "LEAD OFFICER. -", 1, 1),
        (H, "James Harman - Head of Children's Services Commissioning", 1, 1),
        (H, "1 Summary description of the proposed change", 1, 1),
        (P, "This is an updated strategy for the borough's children in care.", 1),
    )
    result = segment(source, "d")
    assert_exact(result)
    texts = [p.text for p in result.paragraphs]
    assert len(texts) == 2 and "James Harman - Head of Children's Services Commissioning" in texts[0]
    assert texts[0].startswith("Diversity impact assessment") and "TITLE- Medway" in texts[0]
    assert result.paragraphs[1].heading_path == ("1 Summary description of the proposed change",)


def test_reader_levels_and_numbered_headings_combine() -> None:
    source = parsed(
        (H, "CHILDREN'S SERVICES UPDATE", 1, 1),
        (H, "5 OCTOBER 2023", 1, 1),
        (H, "Summary", 1, 2),
        (P, "This report is in three sections.", 1),
        (H, "1. Recommendations", 1, 1),
        (P, "1.1 The Committee is asked to note the report.", 1),
        (H, "1.2 Workforce", 1, 1),  # a mismatched style still nests by its number
        (P, "1.2.1 Turnover fell.", 1),
        (P, "2. Budget"),  # promoted from body text: lines up with "1. Recommendations"
        (P, "2.1 The budget is set.", 2),
    )
    paths = [p.heading_path for p in segment(source, "d", target_chars=10).paragraphs]
    # The title in capitals heads every section; the cover's date line does not replace it.
    assert paths == [
        ("CHILDREN'S SERVICES UPDATE", "Summary"),
        ("CHILDREN'S SERVICES UPDATE", "1. Recommendations"),
        ("CHILDREN'S SERVICES UPDATE", "1. Recommendations", "1.2 Workforce"),
        ("CHILDREN'S SERVICES UPDATE", "2. Budget"),
    ]


def test_numbered_titles_in_plain_text_become_headings() -> None:
    source = parsed(
        (P, "4. Workforce"),
        (L, "- 4.1 Following the inspection, the Council has invested in services."),
        (P, "10 Climate change implications"),
        (L, "- 10.1 The ambition will positively impact climate change."),
        (P, "Medway Safeguarding Children's Partnership"),
        (P, "10.2 The partners meet monthly."),
    )
    result = segment(source, "d")
    assert_exact(result)
    assert [(p.number, p.heading_path) for p in result.paragraphs] == [
        ("4.1", ("4. Workforce",)),
        ("10.1", ("10 Climate change implications",)),
        ("10.2", ("10 Climate change implications", "Medway Safeguarding Children's Partnership")),
    ]
    # A numbered list item's paragraph starts at its number, not at the bullet.
    assert result.paragraphs[0].text.startswith("4.1 Following")


def test_bullets_attach_to_their_lead_paragraph() -> None:
    source = parsed(
        (P, "3.4 Key findings:"),
        (L, "- Services have substantially improved."),
        (L, "- Leaders have achieved a great deal."),
        (P, "3.5 Next, the plan."),
    )
    result = segment(source, "d")
    assert_exact(result)
    first, second = result.paragraphs
    assert first.number == "3.4" and first.text.endswith("achieved a great deal.")
    assert first.kind is P and second.number == "3.5"


def test_tables_attach_and_split_at_rows() -> None:
    rows = "\n".join(f"Row {i} | value {i} | note about row {i}" for i in range(200))
    source = parsed((P, "4.5 The table below shows the staffing position:"), (T, rows))
    result = segment(source, "d", max_chars=600)
    assert_exact(result)
    assert all(p.number == "4.5" for p in result.paragraphs)
    assert all(len(p.text) <= 600 for p in result.paragraphs)
    assert result.paragraphs[0].text.startswith("4.5 The table")
    for paragraph in result.paragraphs[1:]:
        assert paragraph.text.startswith("Row ")  # cut at row boundaries, nothing repeated
    small = segment(parsed((P, "Staffing:"), (T, "A | 1\nB | 2")), "d")
    assert len(small.paragraphs) == 1 and small.paragraphs[0].text.endswith("B | 2")


def test_clauses_stay_with_parent_until_too_long() -> None:
    source = parsed(
        (P, "The Committee agreed:"), (P, "a) to note the report"), (P, "b) that it be noted.")
    )
    (only,) = segment(source, "d").paragraphs
    assert only.number is None and only.text.endswith("be noted.")
    long_clause = "that officers report back on the matter in detail " * 12
    source = parsed(
        (P, "4.6 The Committee agreed:"), (P, f"(a) {long_clause}"), (P, f"(b) {long_clause}")
    )
    result = segment(source, "d", max_chars=700)
    assert_exact(result)
    assert [p.number for p in result.paragraphs][0] == "4.6"
    assert "4.6(b)" in [p.number for p in result.paragraphs]
    standalone = segment(parsed((P, "(c) to agree the budget for the year.")), "d").paragraphs
    assert standalone[0].number == "c"


def test_enumeration_after_colon_is_not_a_section() -> None:
    source = parsed(
        (P, "3.3. We have identified five outcomes:"),
        (P, "1. Safely reduce the number of children in care"),
        (P, "2. Meet the needs of our children"),
        (P, "3.4. Below are the programmes."),
    )
    result = segment(source, "d")
    assert [p.number for p in result.paragraphs] == ["3.3", "3.4"]
    assert "2. Meet" in result.paragraphs[0].text


def test_long_paragraph_split_at_sentences_within_bounds() -> None:
    sentence = "The council agreed the budget, e.g. for transport, at £1.5m per year. "
    source = parsed((P, "5.1 " + sentence * 80), (P, "5.2 Short."))
    result = segment(source, "d", max_chars=900)
    assert_exact(result)
    parts = [p for p in result.paragraphs if p.number == "5.1"]
    assert len(parts) >= 6
    assert all(len(p.text) <= 900 for p in parts)
    assert all(p.text.endswith("per year.") for p in parts)
    assert all(p.text.startswith(("5.1 The", "The council")) for p in parts)
    assert result.paragraphs[-1].number == "5.2"


def test_short_paragraphs_merge_under_same_heading_only() -> None:
    source = parsed(
        (H, "Attendance", 1, 1),
        (P, "Date: 2 March 2023", 1),
        (P, "Time: 6.30pm", 1),
        (P, "Venue: St George's Centre", 2),
        (P, "Far away page.", 7),
        (H, "Items", 7, 1),
        (P, "Apologies were received.", 7),
        (P, "8.1 The minutes were agreed.", 7),
        (P, "Signed as a true record.", 7),
    )
    result = segment(source, "d", target_chars=900)
    assert_exact(result)
    texts = [p.text for p in result.paragraphs]
    assert texts[0] == "Date: 2 March 2023\n\nTime: 6.30pm\n\nVenue: St George's Centre"
    assert texts[1] == "Far away page."  # page 7 is not in the run of pages 1–2
    assert texts[2] == "Apologies were received."  # a number starts a new paragraph
    assert result.paragraphs[3].number == "8.1" and texts[3].endswith("true record.")
    assert [p.page for p in result.paragraphs] == [1, 7, 7, 7]


def test_page_break_mid_sentence_is_one_paragraph() -> None:
    long_part = "The strategy was developed during the " * 8
    source = parsed((P, "5.8 " + long_part, 3), (P, "autumn of 2022 and approved by Cabinet.", 4))
    (only,) = segment(source, "d").paragraphs
    assert only.number == "5.8" and only.page == 3 and only.text.endswith("Cabinet.")


def test_unicode_text_and_offsets() -> None:
    source = parsed(
        (H, "Résumé — Café", None, 1),
        (P, "2.1 “Ça va” — Ĳssel naïve 😀 rates rose by 16.9%. Ünïcödé sentence two.", 5),
        (L, "• élève 🚸 item"),
    )
    result = segment(source, "doc-é")
    assert_exact(result)
    (only,) = result.paragraphs
    assert only.number == "2.1" and only.heading_path == ("Résumé — Café",) and only.page == 5
    assert only.text.endswith("🚸 item")


def test_giant_single_line_splits_fast() -> None:
    words = "council budget 16.9% rose " * 40_000  # ~1 MB, no sentence end at all
    start = time.perf_counter()
    result = segment(parsed((P, words)), "d")
    elapsed = time.perf_counter() - start
    assert elapsed < 5
    assert_exact(result)
    assert all(0 < len(p.text) <= 1800 for p in result.paragraphs)
    no_spaces = segment(parsed((P, "x" * 1_000_000)), "d")
    assert sum(len(p.text) for p in no_spaces.paragraphs) == 1_000_000


def test_weird_text_never_raises() -> None:
    weird = ["", "\x00\x01", "...", "1.", "1. ", "a)", "(", "- ", "•", "\n\n\n", "9.9.9.9.9.9 X",
             "e.g.", "Mr.", " " * 5000, "\u0301" * 3000, "1) " * 500]
    blocks = [
        Block(kind, text, page) for text in weird for kind in BlockKind for page in (None, 0, -1)
    ]
    result = segment(ParsedFile("text/plain", tuple(blocks)), "d", target_chars=50, max_chars=60)
    assert_exact(result)
    assert all(len(p.text) <= 60 for p in result.paragraphs)
    with pytest.raises(ValueError):
        segment(parsed(), "d", max_chars=0)


# --- real papers ------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(f.name for f in MEDWAY.glob("*.txt")) or ["absent.txt"])
def test_medway_files_segment_exactly(name: str) -> None:
    result = segment(medway_file(name), "m")
    assert result.paragraphs
    assert_exact(result)
    assert all(len(p.text) <= 1800 for p in result.paragraphs)


def test_medway_turnover_paragraph_keeps_its_number() -> None:
    result = segment(medway_file("004_96cf8977907f3fbb.txt"), "m")
    (turnover,) = [p for p in result.paragraphs if "16.9%" in p.text]
    shown = re.match(r"(\d+(?:\.\d+)+)\.?\s", turnover.text)
    assert shown is not None and turnover.number == shown.group(1) == "4.6"
    assert turnover.heading_path == ("4. Workforce",)
    numbers = [p.number for p in result.paragraphs if p.number]
    assert {"1.1", "3.4", "4.22", "5.8", "12.1"} <= set(numbers)
    assert not {"2021", "2023", "16.9"} & set(numbers)


def test_each_report_of_a_pack_heads_its_own_sections() -> None:
    source = parsed(
        (H, "OVERVIEW AND SCRUTINY COMMITTEE", 1, 1),
        (H, "2 MARCH 2023", 1, 1),
        (H, "ANNUAL REPORT OF THE LEAD MEMBER", 1, 1),
        (H, "1. Background", 1, 1),
        (P, "1.1 The Lead Member oversaw the service.", 1),
        (H, "OVERVIEW AND SCRUTINY COMMITTEE", 2, 1),
        (H, "WORK PROGRAMME", 2, 1),
        (H, "1. Background", 2, 1),
        (P, "1.1 The programme is set by members.", 2),
        (H, "Summary", 2, 2),  # mixed case: a section, not a title that numbered sections sit under
        (P, "The options follow.", 2),
        (H, "2. Options", 2, 1),
        (P, "2.1 There are two options.", 2),
    )
    paths = [p.heading_path for p in segment(source, "d", target_chars=10).paragraphs]
    assert paths == [
        ("ANNUAL REPORT OF THE LEAD MEMBER", "1. Background"),
        ("WORK PROGRAMME", "1. Background"),
        ("WORK PROGRAMME", "Summary"),
        ("WORK PROGRAMME", "2. Options"),
    ]
