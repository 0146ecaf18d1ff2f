"""Opening every supported format through `load_any`: the paragraphs and sentences a reader
gets, encodings, refusals with their messages, progress and cancellation, and that opening a
web page (or a book or document that points at the network) never makes a request.

Each file is made here: zip-based formats (DOCX, EPUB) by hand with zipfile, PDFs by hand
(a Type0 font with a ToUnicode map, so Korean and English both have a text layer) or with
pypdf (encryption), and PDFs with Qt's QPdfWriter (a scan-like one, and Korean text). Files
made by python-docx, EbookLib and Qt are opened through the window in
tests/ui/test_open_formats.py.
"""

from __future__ import annotations

import codecs
import socket
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.document import docx_text, formats
from reader.document.formats import SUPPORTED_SUFFIXES, FormatError, LoadCancelled, load_any
from reader.document.model import Document, Lang
from reader.document.textfile import decode_bytes
from tests.helpers.loopback import Loopback, loopback_server

RIVER = "The river rose overnight, and by morning the old bridge was under water."
NOBODY = "Nobody in the village could remember a flood like it."
SANDBAGS = "Volunteers filled sandbags all day, and the water began to fall by evening."
MAYOR = "The mayor thanked them, one by one."
KO_RIVER = "밤사이 강물이 불어 아침에는 옛 다리가 물에 잠겼다."
KO_NOBODY = "마을 사람 누구도 그런 홍수를 기억하지 못했다."


def texts(document: Document) -> list[list[str]]:
    """Each paragraph as the list of its sentences in the original language."""
    lang = document.original_language
    return [[s.text for u in p.units for s in u.side(lang)] for p in document.paragraphs]


# -- plain text and Markdown ------------------------------------------------------
def test_plain_text_paragraphs_and_soft_wraps(tmp_path: Path) -> None:
    path = tmp_path / "flood.txt"
    head, _, tail = SANDBAGS.partition(" and ")  # hard-wrapped at " and "
    path.write_text(f"{RIVER}\n{NOBODY}\n\n{head}\nand {tail} {MAYOR}\n")
    document = load_any(path)
    assert document.title == {Lang.EN: "flood"}
    assert texts(document) == [[RIVER, NOBODY], [SANDBAGS, MAYOR]]


def test_markdown_title_headings_links_and_lists(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "# The Flood\n\n"
        f"{RIVER} See [the photos](http://127.0.0.1:9/p) and ![a bridge](x.png).\n\n"
        "## What **happened** next\n\n"
        "- Roads closed: three.\n- Homes flooded: twelve.\n\n"
        "---\n"
    )
    document = load_any(path)
    assert document.title == {Lang.EN: "The Flood"}
    assert texts(document) == [
        [RIVER, "See the photos and a bridge."],
        ["What happened next"],
        ["Roads closed: three.", "Homes flooded: twelve."],
    ]


def test_a_txt_holding_html_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(f"<p>{RIVER}</p>")
    assert texts(load_any(path)) == [[f"<p>{RIVER}</p>"]]


def test_an_html_file_without_markup_is_text(tmp_path: Path) -> None:
    path = tmp_path / "plain.html"
    path.write_text(f"{RIVER}\n\n{NOBODY} 3 < 4 and 5 > 2.\n")
    assert texts(load_any(path)) == [[RIVER], [NOBODY, "3 < 4 and 5 > 2."]]


# -- encodings --------------------------------------------------------------------
KO_TEXT = f"{KO_RIVER} {KO_NOBODY}\n\n홍수 뒤에 마을은 다시 일어섰다.\n"
KO_EXPECTED = [[KO_RIVER, KO_NOBODY], ["홍수 뒤에 마을은 다시 일어섰다."]]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cp949.txt", KO_TEXT.encode("cp949")),
        ("utf16-bom.txt", KO_TEXT.encode("utf-16")),
        ("utf16le-no-bom.txt", KO_TEXT.encode("utf-16-le")),
        ("utf16be-no-bom.txt", KO_TEXT.encode("utf-16-be")),
        ("utf8-bom.txt", codecs.BOM_UTF8 + KO_TEXT.encode("utf-8")),
    ],
)
def test_korean_text_in_each_encoding(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    document = load_any(path)
    assert document.original_language is Lang.KO
    assert texts(document) == KO_EXPECTED


def test_encoding_override_wins_over_detection(tmp_path: Path) -> None:
    path = tmp_path / "korean.txt"
    path.write_bytes(KO_TEXT.encode("cp949"))
    wrong = load_any(path, encoding="latin-1")
    assert wrong.original_language is Lang.EN  # mojibake: Latin-1 letters, no Hangul
    assert texts(wrong)[0][0].startswith(KO_TEXT.encode("cp949").decode("latin-1")[:20])
    assert texts(load_any(path, encoding="cp949")) == KO_EXPECTED
    with pytest.raises(FormatError, match="“klingon” is not an encoding Dari knows"):
        load_any(path, encoding="klingon")


def test_html_meta_charset_euc_kr(tmp_path: Path) -> None:
    path = tmp_path / "news.html"
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr">'
        f"<title>홍수</title></head><body><p>{KO_RIVER} {KO_NOBODY}</p></body></html>"
    )
    path.write_bytes(page.encode("cp949"))
    document = load_any(path)
    assert document.title == {Lang.KO: "홍수"}
    assert texts(document) == [[KO_RIVER, KO_NOBODY]]


def test_bomless_utf16_in_decode_bytes() -> None:
    decoded = decode_bytes("Hello, world. 안녕하세요.".encode("utf-16-le"))
    assert (decoded.text, decoded.encoding) == ("Hello, world. 안녕하세요.", "utf-16-le")


# -- HTML: the article only, and nothing fetched ----------------------------------
ARTICLE_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>The Flood | Daily Planet</title>
<link rel="stylesheet" href="{base}/style.css">
<style>@import url("{base}/import.css"); body {{ background: url({base}/bg.png) }}</style>
<script src="{base}/app.js"></script>
<script>fetch("{base}/track"); document.write("<p>Injected text.</p>");</script>
</head>
<body>
<header class="site"><a href="/">Daily Planet</a>
  <nav><ul><li><a href="/world">World news</a></li><li><a href="/sport">Sport</a></li></ul></nav>
</header>
<div class="cookie-consent">We use cookies to improve your experience. Accept all?</div>
<main><article>
  <header><h1>The Flood</h1></header>
  <div class="article-body">
    <p>{river} {nobody}</p>
    <figure><img src="{base}/bridge.png" srcset="{base}/bridge2x.png 2x" alt="The bridge">
      <figcaption>The old bridge at dawn.</figcaption></figure>
    <h2>What happened next</h2>
    <p>{sandbags} <a href="{base}/mayor">{mayor}</a> Everyone went home tired.</p>
    <iframe src="{base}/video.html">Your browser does not show frames.</iframe>
    <blockquote>We have never seen anything like it, said a farmer.</blockquote>
    <ul><li>Roads closed: three.</li><li>Homes flooded: twelve.</li></ul>
    <div hidden>Hidden text that a reader never sees.</div>
    <aside class="related"><h3>Related</h3><a href="/x">Another flood story</a></aside>
  </div>
  <form class="newsletter" action="{base}/subscribe"><label>Get our newsletter</label>
    <input type="email" name="email"><button>Sign up</button></form>
</article>
<div class="comments"><p>Great article, thanks for writing it, it was really good.</p></div>
</main>
<aside><p>Most read today: <a href="/1">A storm</a>, <a href="/2">A drought</a></p></aside>
<footer><p>Copyright 2024 Daily Planet. All rights reserved.</p></footer>
<noscript><img src="{base}/pixel.gif"></noscript>
<object data="{base}/movie.swf">Flash needed.</object>
</body></html>
"""

ARTICLE_EXPECTED = [
    [RIVER, NOBODY],
    ["The old bridge at dawn."],
    ["What happened next"],
    [SANDBAGS, MAYOR, "Everyone went home tired."],
    ["We have never seen anything like it, said a farmer."],
    ["Roads closed: three."],
    ["Homes flooded: twelve."],
]


@pytest.fixture
def server() -> Iterator[Loopback]:
    with loopback_server() as loopback:
        yield loopback


@pytest.fixture
def no_connections(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Records (and refuses) any outgoing connection made while the fixture is active."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network access during a test of local file opening")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def test_html_article_is_extracted_without_any_request(
    tmp_path: Path, server: Loopback, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, requests = server.base, server.requests
    server.pages["/article.html"] = ARTICLE_PAGE.format(
        base=base, river=RIVER, nobody=NOBODY, sandbags=SANDBAGS, mayor=MAYOR
    ).encode()
    path = tmp_path / "article.html"
    with urllib.request.urlopen(f"{base}/article.html", timeout=10) as response:
        path.write_bytes(response.read())
    assert requests == ["/article.html"]

    attempts: list[object] = []
    monkeypatch.setattr(socket.socket, "connect", lambda s, a: attempts.append(a))
    document = load_any(path)

    assert requests == ["/article.html"], "opening the page must not fetch anything"
    assert attempts == []
    assert document.title == {Lang.EN: "The Flood"}
    assert texts(document) == ARTICLE_EXPECTED


def test_documents_pointing_at_the_network_make_no_request(
    tmp_path: Path, server: Loopback, no_connections: list[object]
) -> None:
    base, requests = server.base, server.requests
    doctype = f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "{base}/xhtml11.dtd">'
    epub = tmp_path / "remote.epub"
    write_epub(
        epub,
        [f'{doctype}<html><head><link rel="stylesheet" href="{base}/s.css"/></head><body>'
         f'<p>{RIVER}</p><img src="{base}/i.png"/></body></html>'],
    )
    docx = tmp_path / "remote.docx"
    write_docx(docx, para(RIVER), doctype=f'<!DOCTYPE w:document SYSTEM "{base}/w.dtd">')
    entity = tmp_path / "entity.docx"
    write_docx(entity, para("&e;"), doctype=f'<!DOCTYPE d [<!ENTITY e SYSTEM "{base}/e">]>')

    assert texts(load_any(epub)) == [[RIVER]]
    assert texts(load_any(docx)) == [[RIVER]]
    with pytest.raises(FormatError, match="“entity.docx” is damaged: .* declares XML entities"):
        load_any(entity)
    assert requests == [] and no_connections == []


# -- DOCX -------------------------------------------------------------------------
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def para(text: str, style: str = "", runs: str = "") -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p>{props}{run}{runs}</w:p>"


def write_docx(path: Path, body: str, *, title: str = "", doctype: str = "") -> None:
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{title}</dc:title></cp:coreProperties>"
    )
    styles = (
        f'<w:styles xmlns:w="{W}">'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
        "</w:styles>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats'
                         '.org/package/2006/content-types"/>')
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
            f'<w:document xmlns:w="{W}" xmlns:mc="{MC}"><w:body>{body}</w:body></w:document>',
        )
        archive.writestr("word/styles.xml", styles)
        archive.writestr("docProps/core.xml", core)


def test_docx_paragraphs_headings_tables_and_revisions(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    text_box = (
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>"
        f"{para('A note in a box.')}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback>"
        f"<w:pict><w:txbxContent>{para('A note in a box.')}</w:txbxContent></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )
    write_docx(
        path,
        para("The Flood", "Title")
        + para("What happened", "Heading1")
        + para(RIVER + " ", runs=f"<w:r><w:t>{NOBODY}</w:t></w:r>")
        + para(
            "Volunteers filled sandbags",
            runs="<w:del><w:r><w:delText> and cried</w:delText></w:r></w:del>"
            "<w:r><w:tab/><w:t>all day.</w:t><w:br/><w:t>Then they rested.</w:t></w:r>",
        )
        + "<w:tbl><w:tr><w:tc>" + para("Roads closed: three.") + "</w:tc><w:tc>"
        + para("Homes flooded: twelve.") + "</w:tc></w:tr></w:tbl>"
        + para("", runs=text_box)
        + para(KO_RIVER)
        + "<w:sectPr/>",
    )
    document = load_any(path)
    assert document.title == {Lang.EN: "The Flood"}
    assert texts(document) == [
        ["What happened"],
        [RIVER, NOBODY],
        ["Volunteers filled sandbags all day.", "Then they rested."],
        ["Roads closed: three."],
        ["Homes flooded: twelve."],
        ["A note in a box."],
        [KO_RIVER],
    ]


def test_docx_title_from_core_properties(tmp_path: Path) -> None:
    path = tmp_path / "untitled.docx"
    write_docx(path, para(RIVER), title="River Notes")
    assert load_any(path).title == {Lang.EN: "River Notes"}


# -- EPUB -------------------------------------------------------------------------
def chapter(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
        f'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>x</title></head><body>{body}'
        "</body></html>"
    )


def write_epub(path: Path, chapters: list[str], *, title: str = "The Flood",
               encryption: str = "") -> None:
    """Chapters in spine order; the manifest lists them in reverse, and a nav document."""
    items = "".join(
        f'<item id="c{i}" href="Text/chapter%20{i}.xhtml" media-type="application/xhtml+xml"/>'
        for i in reversed(range(len(chapters)))
    )
    spine = "".join(f'<itemref idref="c{i}"/>' for i in range(len(chapters)))
    opf = (
        '<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" '
        'version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/'
        f'1.1/"><dc:identifier id="id">x</dc:identifier><dc:title>{title}</dc:title>'
        '<dc:language>en</dc:language></metadata><manifest>'
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        '<item id="css" href="style.css" media-type="text/css"/>'
        f'{items}</manifest><spine><itemref idref="nav"/>{spine}</spine></package>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:'
            'opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" '
            'media-type="application/oebps-package+xml"/></rootfiles></container>',
        )
        if encryption:
            archive.writestr("META-INF/encryption.xml", encryption)
        archive.writestr("OEBPS/content.opf", opf)
        archive.writestr("OEBPS/style.css", "p { color: red }")
        archive.writestr(
            "OEBPS/nav.xhtml", chapter('<nav epub:type="toc"><ol><li>Contents</li></ol></nav>')
        )
        for i, body in enumerate(chapters):
            archive.writestr(f"OEBPS/Text/chapter {i}.xhtml", body)


def test_epub_chapters_in_spine_order(tmp_path: Path) -> None:
    path = tmp_path / "book.epub"
    write_epub(
        path,
        [
            chapter(f"<h1>The Flood</h1><p>{RIVER}<br/>{NOBODY}</p><p>{SANDBAGS} {MAYOR}</p>"),
            chapter(f"<header><h2>Chapter&#160;Two</h2></header><p>{KO_RIVER}</p>"
                    "<p>Back to English, and the end.</p>"),
        ],
    )
    document = load_any(path)
    assert document.title == {Lang.EN: "The Flood"}
    assert texts(document) == [
        [RIVER, NOBODY],
        [SANDBAGS, MAYOR],
        ["Chapter Two"],
        [KO_RIVER],
        ["Back to English, and the end."],
    ]


def test_epub_with_drm_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "locked.epub"
    encryption = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
        '<enc:CipherData><enc:CipherReference URI="OEBPS/Text/chapter%200.xhtml"/>'
        "</enc:CipherData></enc:EncryptedData></encryption>"
    )
    write_epub(path, [chapter(f"<p>{RIVER}</p>")], encryption=encryption)
    with pytest.raises(FormatError, match=r"“locked.epub” is protected by DRM"):
        load_any(path)


# -- PDF --------------------------------------------------------------------------
def make_pdf(pages: list[list[tuple[float, float, float, str]]]) -> bytes:
    """A PDF whose pages hold text lines (x, y, size, text), set in a Type0 font whose
    ToUnicode map gives every character its own code: Hangul and Latin alike."""
    chars = sorted({ch for page in pages for *_, text in page for ch in text})
    code = {ch: i + 1 for i, ch in enumerate(chars)}
    mapping = "\n".join(f"<{code[ch]:04X}> <{ord(ch):04X}>" for ch in chars)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(chars)} beginbfchar\n{mapping}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type0 /BaseFont /NotoSansCJKkr-Regular "
        b"/Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        4: b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSansCJKkr-Regular "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 6 0 R /DW 600 >>",
        5: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
        6: b"<< /Type /FontDescriptor /FontName /NotoSansCJKkr-Regular /Flags 4 "
        b"/FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        b"/CapHeight 700 /StemV 80 >>",
    }
    kids = []
    for page in pages:
        ops = "\n".join(
            f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm <{''.join(f'{code[c]:04X}' for c in text)}> Tj ET"
            for x, y, size, text in page
        ).encode()
        content, page_id = max(objects) + 1, max(objects) + 2
        objects[content] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(ops), ops)
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content
        )
        kids.append(b"%d 0 R" % page_id)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref, size = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def lines(texts: list[str], y: float, *, x: float = 40, size: float = 11) -> list:
    return [(x, y - i * 14, size, text) for i, text in enumerate(texts)]


def test_pdf_paragraphs_from_line_positions(tmp_path: Path) -> None:
    page_one = [
        (40, 560, 20, "The Flood"),
        (200, 580, 8, "Daily Planet"),  # a running head
        *lines(["The river rose overnight, and by morning the old bridge was",
                "under water. Nobody in the village could remember a flood",
                "like it."], 520),
        *lines(["Volunteers filled sandbags all day, and the water began to",
                "fall by evening. The mayor thanked them, one by one, in a",
                "speech that every-"], 460),
        (205, 30, 9, "1"),
    ]
    page_two = [
        (200, 580, 8, "Daily Planet"),
        *lines(["one heard. Then they all went home."], 540),
        (40, 500, 14, "다음 날"),
        *lines(["밤사이 강물이 불어 아침에는 옛 다리가 물에 잠겼다. 마을 사람",
                "누구도 그런 홍수를 기억하지 못했다."], 470),
        (205, 30, 9, "2"),
    ]
    page_three = [(200, 580, 8, "Daily Planet"), *lines(["The end of the story."], 540)]
    path = tmp_path / "flood.pdf"
    path.write_bytes(make_pdf([page_one, page_two, page_three]))
    document = load_any(path)
    assert document.title == {Lang.EN: "The Flood"}
    assert texts(document) == [
        [RIVER, NOBODY],
        [SANDBAGS, "The mayor thanked them, one by one, in a speech that everyone heard.",
         "Then they all went home."],
        ["다음 날"],
        [KO_RIVER, KO_NOBODY],
        ["The end of the story."],
    ]


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[], []]))
    with pytest.raises(FormatError) as caught:
        load_any(path)
    assert str(caught.value) == (
        "“scan.pdf” has no text layer (it may be a scan); Dari cannot read text from images."
    )


def test_pdf_of_an_image_made_by_qt(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter, QPdfWriter

    path = tmp_path / "photo.pdf"
    writer = QPdfWriter(str(path))
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGray)
    painter = QPainter(writer)
    painter.drawImage(0, 0, image)
    painter.end()
    with pytest.raises(FormatError, match="“photo.pdf” has no text layer"):
        load_any(path)


def test_korean_pdf_made_by_qt_keeps_its_word_spaces(qapp: object, tmp_path: Path) -> None:
    """Qt's PDF writer gives the space of a CJK font no Unicode mapping, so pypdf reports it
    as a control character (chr of the glyph's number): it is a space, not nothing."""
    from reader.ui import fonts
    from tests.helpers.writers import write_pdf

    path = tmp_path / "홍수.pdf"
    write_pdf(path, "홍수", [f"{KO_RIVER} {KO_NOBODY}"], family=fonts.family_for(Lang.KO))
    document = load_any(path)
    assert document.title == {Lang.KO: "홍수"}
    assert texts(document) == [[KO_RIVER, KO_NOBODY]]


def test_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    source = tmp_path / "plain.pdf"
    source.write_bytes(make_pdf([lines([RIVER], 500)]))
    for password, name in (("secret", "locked.pdf"), ("", "restricted.pdf")):
        writer = PdfWriter(clone_from=PdfReader(source))
        writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
        with (tmp_path / name).open("wb") as fh:
            writer.write(fh)
    with pytest.raises(FormatError, match="“locked.pdf” is protected by a password"):
        load_any(tmp_path / "locked.pdf")
    assert texts(load_any(tmp_path / "restricted.pdf")) == [[RIVER]]  # no password to open


# -- refusals ---------------------------------------------------------------------
@pytest.mark.parametrize("suffix", [".docx", ".epub", ".pdf"])
def test_damaged_files(tmp_path: Path, suffix: str) -> None:
    whole = tmp_path / f"whole{suffix}"
    if suffix == ".docx":
        write_docx(whole, para(RIVER) * 200)
    elif suffix == ".epub":
        write_epub(whole, [chapter(f"<p>{RIVER}</p>" * 200)])
    else:
        whole.write_bytes(make_pdf([lines([RIVER], 500)]))
    data = whole.read_bytes()
    for variant, broken in (("cut", data[: len(data) // 2]), ("noise", b"\x8f\x01" * 300)):
        path = tmp_path / f"{variant}{suffix}"
        path.write_bytes(broken)
        with pytest.raises(FormatError, match=f"^“{variant}{suffix}” is damaged: "):
            load_any(path)


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("\n   \n\n")
    (tmp_path / "digits.txt").write_text("1 2 3 4\n")
    with pytest.raises(FormatError, match="^“empty.txt” is empty"):
        load_any(tmp_path / "empty.txt")
    with pytest.raises(FormatError, match="^“blank.md” is empty"):
        load_any(tmp_path / "blank.md")
    with pytest.raises(FormatError, match="has no English or Korean text"):
        load_any(tmp_path / "digits.txt")


def test_size_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "MAX_TEXT_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text(RIVER * 20)
    with pytest.raises(FormatError, match=r"“big.txt” is too large to open \(0.0 MB; the limit"):
        load_any(big)
    docx = tmp_path / "wordy.docx"
    write_docx(docx, para(RIVER) * 20)  # a small file holding more text than allowed
    with pytest.raises(FormatError, match="“wordy.docx” holds too much text"):
        load_any(docx)
    monkeypatch.setattr(docx_text, "MAX_UNPACKED_BYTES", 500)
    with pytest.raises(FormatError, match="“wordy.docx” is damaged: it unpacks to more than"):
        load_any(docx)


def test_unsupported_and_disguised_files(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.xlsx"
    with zipfile.ZipFile(sheet, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(FormatError, match="“sheet.xlsx” is not a kind of file Dari opens"):
        load_any(sheet)
    hwp = tmp_path / "report.hwp"
    hwp.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8)
    with pytest.raises(FormatError, match="“report.hwp” is not a kind of file Dari opens"):
        load_any(hwp)
    disguised = tmp_path / "notes.txt"  # a PDF under a text name opens as the PDF it is
    disguised.write_bytes(make_pdf([lines([RIVER], 500)]))
    assert texts(load_any(disguised)) == [[RIVER]]
    assert set(SUPPORTED_SUFFIXES) >= {".txt", ".md", ".html", ".htm", ".docx", ".epub", ".pdf"}


# -- progress and cancellation ----------------------------------------------------
def test_progress_reaches_every_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(f"Paragraph {i} is here. It has two." for i in range(500)))
    calls: list[tuple[int, int]] = []
    document = load_any(path, progress=lambda done, total: calls.append((done, total)))
    assert len(document.paragraphs) == 500
    assert calls[0] == (0, 500) and calls[-1] == (500, 500)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_pdf_progress_counts_pages_then_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "pages.pdf"
    path.write_bytes(make_pdf([lines([f"Page {n} has one sentence."], 500) for n in range(3)]))
    calls: list[tuple[int, int]] = []
    load_any(path, progress=lambda done, total: calls.append((done, total)))
    assert calls[:4] == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert calls[-1] == (3, 3)  # three paragraphs, one per page


@pytest.mark.parametrize("suffix", [".txt", ".html", ".pdf"])
def test_cancelled_load_stops(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"long{suffix}"
    body = [f"Paragraph {i} is here." for i in range(50)]
    if suffix == ".pdf":
        path.write_bytes(make_pdf([lines([text], 500) for text in body]))
    elif suffix == ".html":
        path.write_text("<html><body>" + "".join(f"<p>{t}</p>" for t in body) + "</body></html>")
    else:
        path.write_text("\n\n".join(body))
    calls: list[tuple[int, int]] = []

    def cancelled() -> bool:
        return len(calls) >= 3

    with pytest.raises(LoadCancelled):
        load_any(path, progress=lambda d, t: calls.append((d, t)), cancelled=cancelled)
    assert len(calls) == 3
