"""PDF reader against a real multi-page PDF built with reportlab."""

from __future__ import annotations

import io

import pytest

from ingest.readers import PDF, ReaderSettings, read_bytes
from kg.errors import ReaderError
from kg.records import BlockKind

PDF_HEADER = "Medway Council - Children and Young People Overview and Scrutiny Committee"
PDF_TABLE = [
    ["Risk", "Description", "Rating"],
    ["Delay", "Projects might not move at pace", "Low"],
    ["Financial", "Funding might not be found", "Medium"],
]
PDF_FILLER = (
    "The Committee considered the report of the Director of People and noted the "
    "progress made against the improvement plan during the year, including the work "
    "undertaken with partners across the region to secure sufficient placements."
)


def build_report_pdf() -> bytes:
    """A three-page report with a running header and footer, a large heading and a table."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12, spaceAfter=8)
    heading = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=16, leading=20, spaceAfter=10)

    def decorate(canvas, doc) -> None:  # noqa: ANN001 - reportlab callback signature
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, A4[1] - 40, PDF_HEADER)
        canvas.drawString(72, 30, f"Page {doc.page} of 3")
        canvas.restoreState()

    story = [Paragraph("1. Budget and policy framework", heading)]
    for number in range(1, 5):
        story.append(Paragraph(f"1.{number} {PDF_FILLER} Paragraph one-{number} ends here.", body))
    story.append(PageBreak())
    story.append(Paragraph("2. Risk management", heading))
    story.append(Paragraph(f"2.1 The risks are set out in the table below. {PDF_FILLER}", body))
    table = Table(PDF_TABLE)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story += [table, Spacer(1, 12)]
    story.append(Paragraph(f"2.2 After the table. {PDF_FILLER}", body))
    story.append(PageBreak())
    story.append(Paragraph("3. Recommendations", heading))
    story.append(Paragraph("3.1 The Committee is asked to note the report.", body))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, onFirstPage=decorate, onLaterPages=decorate).build(story)
    return buffer.getvalue()


@pytest.fixture
def report_pdf() -> bytes:
    """Bytes of the three-page test report built by reportlab."""
    return build_report_pdf()


def test_pages_headings_and_numbered_paragraphs(report_pdf: bytes) -> None:
    parsed = read_bytes(report_pdf, "report.pdf")
    assert parsed.media_type == PDF
    headings = [(b.text, b.level, b.page) for b in parsed.blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        ("1. Budget and policy framework", 1, 1),
        ("2. Risk management", 1, 2),
        ("3. Recommendations", 1, 3),
    ]
    paragraphs = [b for b in parsed.blocks if b.kind is BlockKind.PARAGRAPH]
    assert [b.text.split()[0] for b in paragraphs] == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1"]
    assert paragraphs[0].text.endswith("Paragraph one-1 ends here.")
    assert [b.page for b in paragraphs] == [1, 1, 1, 1, 2, 2, 3]
    assert parsed.title == "1. Budget and policy framework"


def test_running_header_and_footer_dropped(report_pdf: bytes) -> None:
    text = "\n".join(b.text for b in read_bytes(report_pdf, "report.pdf").blocks)
    assert PDF_HEADER not in text
    assert "Page 1 of 3" not in text and "Page 3 of 3" not in text


def test_table_is_one_table_block_not_repeated(report_pdf: bytes) -> None:
    blocks = read_bytes(report_pdf, "report.pdf").blocks
    tables = [b for b in blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1
    assert tables[0].page == 2
    assert tables[0].text == "\n".join(" | ".join(row) for row in PDF_TABLE)
    prose = " ".join(b.text for b in blocks if b.kind is not BlockKind.TABLE)
    assert "Projects might not move at pace" not in prose
    order = [b.text.split()[0] for b in blocks if b.page == 2]
    assert order == ["2.", "2.1", "Risk", "2.2"]  # the table sits where it stands on the page


def test_pdf_named_txt_is_read_as_pdf(report_pdf: bytes) -> None:
    assert read_bytes(report_pdf, "report.txt").media_type == PDF


def test_truncated_pdf_is_refused(report_pdf: bytes) -> None:
    with pytest.raises(ReaderError, match="report.pdf"):
        read_bytes(report_pdf[: len(report_pdf) // 2], "report.pdf")


def test_damaged_pdf_is_refused() -> None:
    with pytest.raises(ReaderError, match="broken.pdf"):
        read_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n%%EOF\n", "broken.pdf")


def test_page_limit(report_pdf: bytes) -> None:
    with pytest.raises(ReaderError, match="over the limit of 2"):
        read_bytes(report_pdf, "report.pdf", ReaderSettings(max_pdf_pages=2))


def test_encrypted_pdf_is_refused() -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    page.drawString(72, 720, "Confidential appendix")
    page.save()
    with pytest.raises(ReaderError, match="encrypted"):
        read_bytes(buffer.getvalue(), "secret.pdf")


def test_builder_is_deterministic_enough() -> None:
    # Guards the fixture itself: three pages, as the assertions above assume.
    import pdfplumber

    with pdfplumber.open(io.BytesIO(build_report_pdf())) as pdf:
        assert len(pdf.pages) == 3
