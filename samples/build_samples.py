"""Build the binary sample papers (PDF agenda pack and DOCX officer report) for the fictional
Harwick Borough Council from the text sources in samples/src/.

    .venv/bin/python samples/build_samples.py [--out DIR]

The output is byte-for-byte reproducible: reportlab runs in invariant mode (fixed creation date
and document id), python-docx core properties carry fixed dates and the DOCX zip entries are
rewritten with a fixed timestamp. The HTML minutes and the plain-text report are hand-written
papers kept directly in samples/papers/; this script does not touch them.

Source markup (one block per blank-line-separated chunk, except lists and tables, which are one
line per item/row):
    # text          title line (a run of them forms the report's title block)
    ## text         section heading          ### text   sub-heading
    - text          bullet list item
    | a | b | c     table row (first row of a run is the header)
    ::pagebreak     new page (PDF only)
    @ANCHOR:NAME@   records the page a section starts on; @NAME@ in the text becomes
                    "Pages N - M" (PDF only)
    anything else   a paragraph; "3.1 text" paragraphs are set with a hanging number
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
DEFAULT_OUT = HERE / "papers"

COUNCIL = "Harwick Borough Council"
COMMITTEE = "Children and Families Overview and Scrutiny Committee"
MEETING_DATE_TEXT = "14 November 2024"

PDF_NAME = "harwick_cfosc_2024-11-14_agenda_pack.pdf"
DOCX_NAME = "harwick_cfosc_2024-11-14_item7_workforce_report.docx"

FIXED_TIME = dt.datetime(2024, 11, 6, 9, 0, 0)
ZIP_TIME = (2024, 11, 6, 9, 0, 0)

NUMBERED = re.compile(r"^(\d+(?:\.\d+)+)\s+(.*)$", re.S)


# ----------------------------------------------------------------------------------------------
# Source parsing
# ----------------------------------------------------------------------------------------------

def parse(text: str) -> list[tuple[str, object]]:
    """Turn the source markup into a list of (kind, payload) blocks."""
    blocks: list[tuple[str, object]] = []
    para: list[str] = []
    table: list[list[str]] = []

    def flush_para():
        if para:
            blocks.append(("para", " ".join(para)))
            para.clear()

    def flush_table():
        if table:
            blocks.append(("table", [row[:] for row in table]))
            table.clear()

    for raw in text.splitlines():
        line = raw.rstrip()
        if line.startswith("|"):
            flush_para()
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            table.append(cells)
            continue
        flush_table()
        if not line.strip():
            flush_para()
            continue
        if line == "::pagebreak":
            flush_para()
            blocks.append(("pagebreak", None))
        elif m := re.fullmatch(r"@ANCHOR:(\w+)@", line):
            flush_para()
            blocks.append(("anchor", m.group(1)))
        elif line.startswith("### "):
            flush_para()
            blocks.append(("h2", line[4:]))
        elif line.startswith("## "):
            flush_para()
            blocks.append(("h1", line[3:]))
        elif line.startswith("# "):
            flush_para()
            blocks.append(("title", line[2:]))
        elif line.startswith("- "):
            flush_para()
            blocks.append(("bullet", line[2:]))
        else:
            para.append(line.strip())
    flush_para()
    flush_table()
    return blocks


# ----------------------------------------------------------------------------------------------
# PDF (reportlab)
# ----------------------------------------------------------------------------------------------

def _pdf_story(blocks, anchors_seen: dict[str, int]):
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (Flowable, KeepTogether, ListFlowable, ListItem, PageBreak, Paragraph,
                                    Spacer, Table, TableStyle)
    from xml.sax.saxutils import escape

    # Bullets in Vera (shipped inside reportlab, so builds do not depend on system fonts): a
    # standard-14 font would write U+2022 without a ToUnicode map and extract as "(cid:127)".
    from reportlab import rl_config  # noqa: F401  (ensures the fonts folder is on the search path)
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))

    ss = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=ss["Normal"], fontName="Helvetica", fontSize=10.5,
                          leading=14, spaceAfter=6)
    numbered = ParagraphStyle("numbered", parent=body, leftIndent=12 * mm, firstLineIndent=-12 * mm)
    title = ParagraphStyle("title", parent=body, fontName="Helvetica-Bold", fontSize=13,
                           leading=17, alignment=TA_CENTER, spaceAfter=4)
    h1 = ParagraphStyle("h1", parent=body, fontName="Helvetica-Bold", fontSize=11.5, leading=15,
                        spaceBefore=8, spaceAfter=5)
    h2 = ParagraphStyle("h2", parent=h1, fontSize=10.5)
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12, spaceAfter=0)
    cell_bold = ParagraphStyle("cellb", parent=cell, fontName="Helvetica-Bold")

    class Anchor(Flowable):
        """Zero-size marker recording the page it lands on."""

        def __init__(self, name):
            super().__init__()
            self.name = name

        def wrap(self, *_):
            return 0, 0

        def draw(self):
            anchors_seen[self.name] = self.canv.getPageNumber()

    story = []
    pending_bullets: list = []

    def flush_bullets():
        if pending_bullets:
            story.append(ListFlowable(
                [ListItem(Paragraph(escape(t), body), leftIndent=8 * mm) for t in pending_bullets],
                bulletType="bullet", start="\u2022", bulletFontName="Vera",
                leftIndent=8 * mm, bulletFontSize=9))
            pending_bullets.clear()

    prev_title = False
    for kind, payload in blocks:
        if kind != "bullet":
            flush_bullets()
        if kind != "title" and prev_title:
            story.append(Spacer(1, 4 * mm))
        prev_title = kind == "title"
        if kind == "pagebreak":
            story.append(PageBreak())
        elif kind == "anchor":
            story.append(Anchor(payload))
        elif kind == "title":
            story.append(Paragraph(escape(payload), title))
        elif kind == "h1":
            story.append(Paragraph(escape(payload), h1))
        elif kind == "h2":
            story.append(Paragraph(escape(payload), h2))
        elif kind == "bullet":
            pending_bullets.append(payload)
        elif kind == "para":
            m = NUMBERED.match(payload)
            if m:
                story.append(Paragraph(f"{m.group(1)}<tab/>{escape(m.group(2))}".replace(
                    "<tab/>", "&nbsp;&nbsp;&nbsp;&nbsp;"), numbered))
            else:
                story.append(Paragraph(escape(payload), body))
        elif kind == "table":
            rows = payload
            ncols = max(len(r) for r in rows)
            data = []
            for i, r in enumerate(rows):
                r = r + [""] * (ncols - len(r))
                style = cell_bold if i == 0 or r[0] == "Total" else cell
                data.append([Paragraph(escape(c), style) for c in r])
            width = 170 * mm
            if ncols == 3 and rows[0][0] == "Item":
                widths = [14 * mm, 126 * mm, 30 * mm]
            else:
                first = 86 * mm if ncols == 3 else 70 * mm
                rest = (width - first) / (ncols - 1)
                widths = [first] + [rest] * (ncols - 1)
            t = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
            caption = None
            if story and getattr(story[-1], "text", "").startswith("Table "):
                caption = story.pop()
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9e2ec")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]))
            story.append(KeepTogether([caption, t]) if caption is not None else t)
            story.append(Spacer(1, 4 * mm))
    flush_bullets()
    return story


def _render_pdf(text: str) -> tuple[bytes, dict[str, int], int]:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    header = f"{COUNCIL}  |  {COMMITTEE}  |  {MEETING_DATE_TEXT}"

    def on_page(canv, doc):
        canv.saveState()
        canv.setFont("Helvetica", 8.5)
        canv.drawString(20 * mm, A4[1] - 12 * mm, header)
        canv.setLineWidth(0.4)
        canv.line(20 * mm, A4[1] - 14 * mm, A4[0] - 20 * mm, A4[1] - 14 * mm)
        canv.drawCentredString(A4[0] / 2, 10 * mm, f"Page {doc.page}")
        canv.restoreState()

    anchors: dict[str, int] = {}
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=22 * mm,
        bottomMargin=20 * mm, invariant=1,
        title=f"{COMMITTEE} - {MEETING_DATE_TEXT} - Agenda pack",
        author=COUNCIL, subject="Agenda and reports", creator="Council KG samples/build_samples.py",
        keywords="Harwick; children in care; early help; fictional sample",
    )
    doc.build(_pdf_story(parse(text), anchors), onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue(), anchors, doc.page


def build_pdf(out_dir: Path) -> Path:
    source = (SRC / "agenda_pack.txt").read_text(encoding="utf-8")
    # Two passes: the first finds the page each report starts on, the second prints page ranges
    # on the front sheet. Ranges are the same width in both passes, so pagination is stable.
    _, anchors, last_page = _render_pdf(re.sub(r"@(ITEM\d+)@", "Pages 00 - 00", source))
    names = sorted(anchors, key=anchors.get)
    ranges = {}
    for i, name in enumerate(names):
        end = anchors[names[i + 1]] - 1 if i + 1 < len(names) else last_page
        ranges[name] = f"Pages {anchors[name]} - {end}"
    final = re.sub(r"@(ITEM\d+)@", lambda m: ranges[m.group(1)], source)
    data, anchors2, _ = _render_pdf(final)
    if anchors2 != anchors:
        raise RuntimeError(f"pagination changed between passes: {anchors} != {anchors2}")
    path = out_dir / PDF_NAME
    path.write_bytes(data)
    return path


# ----------------------------------------------------------------------------------------------
# DOCX (python-docx)
# ----------------------------------------------------------------------------------------------

def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so identical content gives identical bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def build_docx(out_dir: Path) -> Path:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    blocks = parse((SRC / "workforce_report.txt").read_text(encoding="utf-8"))
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(22))
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)

    hp = section.header.paragraphs[0]
    hp.text = f"{COUNCIL} – {COMMITTEE} – {MEETING_DATE_TEXT} – Item 7"
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp = section.footer.paragraphs[0]
    fp.text = "Children's Social Care Workforce Update"
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER

    # A run of '#' lines is the title block: the last is the Title, the ones before Subtitles.
    for i, (kind, payload) in enumerate(blocks):
        if kind == "title":
            last_in_run = i + 1 >= len(blocks) or blocks[i + 1][0] != "title"
            doc.add_paragraph(payload, style="Title" if last_in_run else "Subtitle")
        elif kind == "h1":
            doc.add_heading(payload, level=1)
        elif kind == "h2":
            doc.add_heading(payload, level=2)
        elif kind == "bullet":
            doc.add_paragraph(payload, style="List Bullet")
        elif kind == "para":
            p = doc.add_paragraph(payload)
            if NUMBERED.match(payload):
                p.paragraph_format.left_indent = Mm(12)
                p.paragraph_format.first_line_indent = Mm(-12)
        elif kind == "table":
            rows = payload
            ncols = max(len(r) for r in rows)
            table = doc.add_table(rows=len(rows), cols=ncols)
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c in range(ncols):
                    cell = table.cell(r, c)
                    cell.text = row[c] if c < len(row) else ""
                    if r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            doc.add_paragraph("")

    cp = doc.core_properties
    cp.title = "Children's Social Care Workforce Update"
    cp.subject = f"{COMMITTEE}, {MEETING_DATE_TEXT}, item 7"
    cp.author = "Kevin Doyle"
    cp.last_modified_by = "Democratic Services"
    cp.category = "Officer report"
    cp.keywords = "Harwick; children's social care; workforce; fictional sample"
    cp.comments = "Fictional sample paper generated by samples/build_samples.py"
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.last_printed = FIXED_TIME
    cp.revision = 1

    buf = io.BytesIO()
    doc.save(buf)
    path = out_dir / DOCX_NAME
    path.write_bytes(_normalise_zip(buf.getvalue()))
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default samples/papers)")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in (build_pdf(args.out), build_docx(args.out)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
