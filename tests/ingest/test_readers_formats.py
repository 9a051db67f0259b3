"""HTML and DOCX readers, and content sniffing, on small real files built in the tests."""

from __future__ import annotations

import io

import pytest

from ingest.readers import DOCX, HTML, PLAIN, default_registry, read_bytes, read_path, sniff
from kg.errors import ReaderError, UnsupportedFormat
from kg.records import BlockKind

PAGE = b"""<!DOCTYPE html><html><head><title>Minutes - Audit Committee</title>
<script>var leaked = "SCRIPT TEXT";</script><style>p { color: red }</style></head>
<body><nav>Home | Meetings | Calendar</nav><header>Council banner</header>
<div id="content"><h1>Audit Committee</h1><h2>4. Minutes</h2>
<p class="MsoNormal">To approve <b>the minutes</b> of 25 November.<br/>As a correct record.</p>
Loose text in the container
<ul><li>First item<ul><li>Nested item</li></ul></li><li>Second item</li></ul>
<table><tr><th>Name</th><th>Role</th></tr><tr><td>Cllr A Smith</td><td>Chair</td></tr></table>
<script>document.write("WRITTEN")</script><h3>Resolved</h3><p>That the minutes be approved.</p>
</div><footer>Copyright notice</footer></body></html>"""


def test_html_blocks_and_stripping() -> None:
    parsed = read_bytes(PAGE, "minutes.html")
    assert parsed.media_type == HTML
    assert parsed.title == "Minutes - Audit Committee"
    kinds = [(b.kind, b.text, b.level) for b in parsed.blocks]
    assert kinds == [
        (BlockKind.HEADING, "Audit Committee", 1),
        (BlockKind.HEADING, "4. Minutes", 2),
        (BlockKind.PARAGRAPH, "To approve the minutes of 25 November. As a correct record.", 0),
        (BlockKind.PARAGRAPH, "Loose text in the container", 0),
        (BlockKind.LIST_ITEM, "First item", 0),
        (BlockKind.LIST_ITEM, "Nested item", 0),
        (BlockKind.LIST_ITEM, "Second item", 0),
        (BlockKind.TABLE, "Name | Role\nCllr A Smith | Chair", 0),
        (BlockKind.HEADING, "Resolved", 3),
        (BlockKind.PARAGRAPH, "That the minutes be approved.", 0),
    ]
    text = " ".join(b.text for b in parsed.blocks)
    for hidden in ("SCRIPT TEXT", "WRITTEN", "color", "Calendar", "Council banner", "Copyright"):
        assert hidden not in text


def test_html_cp1252_with_meta_charset() -> None:
    page = "<html><head><meta charset='windows-1252'></head><body><p>Children’s homes</p></body></html>"
    parsed = read_bytes(page.encode("cp1252"), "page.htm")
    assert parsed.blocks[0].text == "Children’s homes"


def _build_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Sufficiency Report 2020", style="Title")
    document.add_heading("1. Background", level=1)
    document.add_paragraph("1.1 The duty requires councils to secure accommodation.")
    document.add_heading("Key risks", level=2)
    document.add_paragraph("Delay to projects", style="List Bullet")
    document.add_paragraph("Funding gaps", style="List Number")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["Risk", "Rating", "Owner"], ["Delay", "Low", "AD"], ["Funding", "High", ""]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    merged = table.cell(2, 1).merge(table.cell(2, 2))
    merged.text = "High"
    document.add_paragraph("")
    document.add_paragraph("After the table.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_blocks_in_body_order() -> None:
    parsed = read_bytes(_build_docx(), "report.docx")
    assert parsed.media_type == DOCX
    assert parsed.title == "Sufficiency Report 2020"
    assert [(b.kind, b.text, b.level) for b in parsed.blocks] == [
        (BlockKind.HEADING, "Sufficiency Report 2020", 1),
        (BlockKind.HEADING, "1. Background", 1),
        (BlockKind.PARAGRAPH, "1.1 The duty requires councils to secure accommodation.", 0),
        (BlockKind.HEADING, "Key risks", 2),
        (BlockKind.LIST_ITEM, "Delay to projects", 0),
        (BlockKind.LIST_ITEM, "Funding gaps", 0),
        (BlockKind.TABLE, "Risk | Rating | Owner\nDelay | Low | AD\nFunding | High", 0),
        (BlockKind.PARAGRAPH, "After the table.", 0),
    ]
    assert all(b.page is None for b in parsed.blocks)


def test_docx_named_pdf_is_read_as_docx() -> None:
    assert read_bytes(_build_docx(), "report.pdf").media_type == DOCX


def test_damaged_docx_is_refused() -> None:
    data = _build_docx()
    with pytest.raises(ReaderError, match="report.docx"):
        read_bytes(data[: len(data) - 200], "report.docx")


def test_other_zip_is_unsupported() -> None:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormat, match="book.xlsx"):
        read_bytes(buffer.getvalue(), "book.xlsx")


def test_binary_garbage_named_txt_is_unsupported() -> None:
    garbage = bytes((i * 73 + 41) % 256 for i in range(4096))
    with pytest.raises(UnsupportedFormat, match="notes.txt"):
        read_bytes(garbage, "notes.txt")


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"])
def test_empty_file_is_a_reader_error(data: bytes) -> None:
    with pytest.raises(ReaderError, match="empty"):
        read_bytes(data, "empty.txt")


def test_sniff_by_content_with_extension_as_tie_breaker() -> None:
    assert sniff(b"<p>Hello</p>", "fragment.txt") == HTML
    assert sniff(b"Plain words with a <b> tag", "notes.txt") == PLAIN
    assert sniff(b"Plain words with a <b> tag", "page.html") == HTML
    with pytest.raises(UnsupportedFormat, match="feed.xml"):
        sniff(b"<?xml version='1.0'?><rss><channel/></rss>", "feed.xml")
    with pytest.raises(UnsupportedFormat, match="old.doc"):
        sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old.doc")


def test_registry_is_lazy_and_extensible() -> None:
    registry = default_registry()
    assert HTML in registry.media_types
    custom = registry.with_reader("text/x-custom", "ingest.readers.text:read_text")
    assert "text/x-custom" in custom.media_types and "text/x-custom" not in registry.media_types
    with pytest.raises(UnsupportedFormat):
        registry.reader_for("application/x-unknown")


def test_read_path_missing_file(tmp_path) -> None:  # noqa: ANN001 - pytest fixture
    with pytest.raises(ReaderError, match="absent.txt"):
        read_path(tmp_path / "absent.txt")
