"""Builders for real files (PDF, DOCX) and the location of the shared sample data."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

# <repo>/tests/ingest/conftest.py -> parents[2] is the repository root; shared data sits beside it.
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
MEDWAY = SHARED / "corpus" / "medway"
MODERNGOV = SHARED / "external" / "moderngov"

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


@pytest.fixture
def medway_dir() -> Path:
    """The scraped Medway papers; skips when the shared data is not present."""
    if not MEDWAY.is_dir():
        pytest.skip("shared Medway corpus not available")
    return MEDWAY


@pytest.fixture
def moderngov_dir() -> Path:
    """Real ModernGov web-service responses; skips when the shared data is not present."""
    if not MODERNGOV.is_dir():
        pytest.skip("shared ModernGov samples not available")
    return MODERNGOV


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
