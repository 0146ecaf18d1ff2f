"""A bilingual handout of a document, as a self-contained HTML file, a PDF or on paper.

One HTML text serves all three. In the *columns* layout it is a table with one row per
unit (English | Korean), so the two languages of a unit always start on the same line of
the same page; the *interleaved* layout gives each unit's English, then its Korean. Above
the text: the title, the date and the source; after it, an appendix of the glossary entries
that occur in the document (found with the glossary :class:`~reader.glossary.match.Matcher`)
with their terms and definitions in both languages; optionally the counsellor's notes,
each after the unit it belongs to. Body text is 12 pt. Machine translations are marked †.

The handout's fixed words are written in both languages ("Glossary · 용어 풀이"): it is
for a reader of either, whatever language Dari's interface is in.

The PDF and the printout are the same HTML laid out by QTextDocument and painted page by
page with a footer ("Page 3 of 7"), which ``QTextDocument.print_`` cannot add. Qt embeds the
fonts it paints with, so the document's fonts are families that really carry Hangul
(:func:`reader.ui.fonts.family_for`); without one, :class:`HandoutError` is raised rather
than a PDF of empty boxes. Painting needs a QGuiApplication; it is blocking (run it in a
worker for a long document). Files are written atomically.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypedDict, Unpack

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtPrintSupport import QPrinter

from reader import __version__
from reader.atomic import write_atomically
from reader.document.model import Document, Lang, Origin, Sentence, Unit
from reader.glossary.match import Matcher
from reader.glossary.model import Entry
from reader.session.notes import Note, Notes
from reader.ui import fonts

Layout = Literal["columns", "interleaved"]
LAYOUTS: tuple[Layout, ...] = ("columns", "interleaved")
BODY_POINT_SIZE = 12
PDF_MARGINS_MM = QMarginsF(18, 15, 18, 12)  # left, top, right, bottom; the footer is inside
_FOOTER_MM = 9.0
_FOOTER_POINT_SIZE = 9
_LAYOUT_DPI = 96  # QTextDocument lays out at this resolution; the painter scales to the device
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


class HandoutError(RuntimeError):
    """The handout cannot be made (e.g. no font with Hangul is installed)."""


class HandoutOptions(TypedDict, total=False):
    layout: Layout
    title: str | None  # None: the document's titles in both languages
    date: dt.date | None  # None: today
    notes: Notes | None
    include_notes: bool
    glossary_entries: Iterable[Entry]


@dataclass(frozen=True)
class _Fonts:
    en: tuple[str, ...]  # font families, best first
    ko: tuple[str, ...]
    en_line: str  # line-height: in a browser a share of the font size; in Qt of the
    ko_line: str  # font's own line spacing, which is already large in Korean fonts


# For a browser: the families Dari looks for, then the generic family.
_BROWSER_FONTS = _Fonts(
    (*fonts.ENGLISH_FAMILIES, *fonts.KOREAN_FAMILIES, "sans-serif"),
    (*fonts.KOREAN_FAMILIES, "sans-serif"),
    "150%",
    "170%",
)


# -- HTML -----------------------------------------------------------------------------
def handout_html(
    document: Document,
    *,
    layout: Layout = "columns",
    title: str | None = None,
    date: dt.date | None = None,
    notes: Notes | None = None,
    include_notes: bool = False,
    glossary_entries: Iterable[Entry] = (),
) -> str:
    """The handout as one self-contained HTML document (no scripts, links or images)."""
    return _render_html(
        document,
        _BROWSER_FONTS,
        layout=layout,
        title=title,
        date=date,
        notes=notes,
        include_notes=include_notes,
        glossary_entries=glossary_entries,
    )


def glossary_in_document(document: Document, entries: Iterable[Entry]) -> list[Entry]:
    """The entries with a term that occurs in the document, in either language, sorted by
    English headword."""
    entries = list(entries)
    matcher = Matcher(entries)
    found: set[str] = set()
    for lang in Lang:
        for matches in matcher.find_in_document(document, lang).values():
            found.update(m.entry_id for m in matches)
    unique = {e.id: e for e in reversed(entries)}  # the first of a duplicated id wins
    return sorted((unique[i] for i in found), key=lambda e: (e.en.casefold(), e.id))


def _render_html(
    document: Document,
    families: _Fonts,
    *,
    layout: Layout = "columns",
    title: str | None = None,
    date: dt.date | None = None,
    notes: Notes | None = None,
    include_notes: bool = False,
    glossary_entries: Iterable[Entry] = (),
) -> str:
    if layout not in LAYOUTS:
        raise ValueError(f"unknown handout layout {layout!r} (known: {', '.join(LAYOUTS)})")
    date = date or dt.date.today()
    heading = _heading(document, title, date)
    notes_by_unit = _notes_by_unit(document, notes) if include_notes and notes else {}
    text = (_columns if layout == "columns" else _interleaved)(document, notes_by_unit)
    entries = glossary_in_document(document, glossary_entries)
    appendix = _glossary(entries) if entries else ""
    page_title = _esc(title or document.title_in(Lang.EN) or document.title_in(Lang.KO))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="Dari {_esc(__version__)}">
<title>{page_title}</title>
<style>
{_css(families)}
</style>
</head>
<body>
{heading}
{text}
{appendix}
</body>
</html>
"""


def _css(f: _Fonts) -> str:
    # Lengths in px (1/96 in, as in browsers): QTextDocument ignores pt except for fonts.
    en = ", ".join(_css_family(name) for name in f.en)
    ko = ", ".join(_css_family(name) for name in f.ko)
    return f"""@page {{ size: A4; margin: 15mm 18mm; }}
body {{ font-family: {en}; font-size: {BODY_POINT_SIZE}pt; color: #000000; \
background-color: #ffffff; }}
h1 {{ font-size: 18pt; font-weight: bold; margin-top: 0; margin-bottom: 4px; }}
h2 {{ font-size: 15pt; font-weight: bold; margin-top: 0; margin-bottom: 10px; \
page-break-before: always; }}
p {{ margin-top: 0; margin-bottom: 0; line-height: {f.en_line}; }}
p.subtitle {{ font-size: 15pt; margin-bottom: 10px; }}
p.meta {{ font-size: 10pt; color: #444444; margin-bottom: 2px; }}
p.legend {{ font-size: 10pt; color: #444444; margin-top: 6px; }}
table {{ border-collapse: collapse; margin-top: 12px; }}
th {{ font-size: 10pt; font-weight: bold; text-align: left; color: #444444; \
padding: 4px 8px; border-bottom: 2px solid #000000; }}
td {{ vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #bbbbbb; \
line-height: {f.en_line}; }}
td.end {{ border-bottom: 1px solid #555555; }}
.ko {{ font-family: {ko}; line-height: {f.ko_line}; }}
td.note {{ font-size: 11pt; font-style: italic; background-color: #f0f0f0; }}
p.en {{ margin-top: 8px; }}
p.first {{ margin-top: 20px; }}
p.ko {{ margin-left: 16px; margin-bottom: 2px; }}
p.note {{ margin-left: 16px; margin-top: 4px; font-size: 11pt; font-style: italic; }}"""


def _css_family(name: str) -> str:
    return name if name in ("sans-serif", "serif") else f'"{name}"'


def _heading(document: Document, title: str | None, date: dt.date) -> str:
    en_title, ko_title = document.title.get(Lang.EN, ""), document.title.get(Lang.KO, "")
    if title:
        lines = [f"<h1>{_in_its_language(title)}</h1>"]
        subtitles = [t for t in (en_title, ko_title) if t]
    else:
        first, *subtitles = [t for t in (en_title, ko_title) if t] or ["Handout"]
        lines = [f"<h1>{_in_its_language(first)}</h1>"]
    lines += [f'<p class="subtitle">{_in_its_language(t)}</p>' for t in subtitles]
    month = _MONTHS[date.month - 1]
    lines.append(
        f'<p class="meta" lang="en">{date.day} {month} {date.year} · '
        f'<span class="ko" lang="ko">{date.year}년 {date.month}월 {date.day}일</span></p>'
    )
    if document.source:
        lines.append(f'<p class="meta" lang="en">Source: {_esc(document.source)}</p>')
    if any(
        s.provenance.origin is Origin.MACHINE for lang in Lang for s in document.sentences(lang)
    ):
        lines.append(
            '<p class="legend" lang="en">† Machine translation, not checked by a person.<br>'
            '<span class="ko" lang="ko">† 기계 번역: 사람이 검토하지 않은 문장입니다.</span></p>'
        )
    return "\n".join(lines)


def _columns(document: Document, notes_by_unit: dict[int, list[Note]]) -> str:
    rows = [
        '<table width="100%" cellspacing="0">',
        '<thead><tr><th width="50%" lang="en">English</th>'
        '<th width="50%" lang="ko" class="ko">한국어</th></tr></thead>',
        "<tbody>",
    ]
    unit_no = 0
    for paragraph in document.paragraphs:
        for u, unit in enumerate(paragraph.units):
            end = " end" if u == len(paragraph.units) - 1 else ""  # a darker rule
            rows.append(
                f'<tr><td width="50%" class="en{end}" lang="en">{_side(unit, Lang.EN)}</td>'
                f'<td width="50%" class="ko{end}" lang="ko">{_side(unit, Lang.KO)}</td></tr>'
            )
            for note in notes_by_unit.get(unit_no, []):
                rows.append(f'<tr><td colspan="2" class="note">{_note_text(note)}</td></tr>')
            unit_no += 1
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows)


def _interleaved(document: Document, notes_by_unit: dict[int, list[Note]]) -> str:
    blocks = []
    unit_no = 0
    for paragraph in document.paragraphs:
        blocks.append('<div class="paragraph">')
        for u, unit in enumerate(paragraph.units):
            first = "" if u else " first"  # more space above a new paragraph
            blocks.append(f'<p class="en{first}" lang="en">{_side(unit, Lang.EN)}</p>')
            blocks.append(f'<p class="ko" lang="ko">{_side(unit, Lang.KO)}</p>')
            for note in notes_by_unit.get(unit_no, []):
                blocks.append(f'<p class="note">{_note_text(note)}</p>')
            unit_no += 1
        blocks.append("</div>")
    return "\n".join(blocks)


def _side(unit: Unit, lang: Lang) -> str:
    sentences = unit.side(lang)
    if not sentences:
        return '<span style="color: #888888;">—</span>'
    return " ".join(_sentence(s) for s in sentences)


def _sentence(sentence: Sentence) -> str:
    mark = "<sup>†</sup>" if sentence.provenance.origin is Origin.MACHINE else ""
    return _esc(sentence.text) + mark


def _notes_by_unit(document: Document, notes: Notes) -> dict[int, list[Note]]:
    by_unit: dict[int, list[Note]] = {}
    for note in notes.all(document):
        if note.sentence_index < document.sentence_count(note.lang):
            by_unit.setdefault(document.unit_of(note.lang, note.sentence_index), []).append(note)
    return by_unit


def _note_text(note: Note) -> str:
    return f"<b>Note · 메모:</b> {_esc(note.text)}"


def _glossary(entries: list[Entry]) -> str:
    rows = [
        '<h2 lang="en">Glossary · <span class="ko" lang="ko">용어 풀이</span></h2>',
        '<table width="100%" cellspacing="0">',
        '<thead><tr><th width="50%" lang="en">English</th>'
        '<th width="50%" lang="ko" class="ko">한국어</th></tr></thead>',
        "<tbody>",
    ]
    for e in entries:
        en_def = f"<br>{_esc(e.en_definition)}" if e.en_definition else ""
        ko_def = f"<br>{_esc(e.ko_definition)}" if e.ko_definition else ""
        rows.append(
            f'<tr><td width="50%" class="en" lang="en"><b>{_esc(e.en)}</b>{en_def}</td>'
            f'<td width="50%" class="ko" lang="ko"><b>{_esc(e.ko)}</b>{ko_def}</td></tr>'
        )
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _in_its_language(text: str) -> str:
    """`text` escaped, marked as Korean (language and font) if it has any Hangul."""
    if any("\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" for ch in text):
        return f'<span class="ko" lang="ko">{_esc(text)}</span>'
    return f'<span lang="en">{_esc(text)}</span>'


# -- files and paper --------------------------------------------------------------------
def export_html(path: Path | str, document: Document, **options: Unpack[HandoutOptions]) -> None:
    """Write the handout as a UTF-8 HTML file (atomically)."""
    text = handout_html(document, **options)
    write_atomically(Path(path), text.encode("utf-8"), private=False)


def export_pdf(path: Path | str, document: Document, **options: Unpack[HandoutOptions]) -> int:
    """Write the handout as an A4 PDF (atomically); returns the number of pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            PDF_MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(600)
    writer.setCreator(f"Dari {__version__}")
    html_text = _render_html(document, _qt_fonts(), **options)
    title = _footer_title(document, options.get("title"))
    writer.setTitle(title)
    pages = _paint(writer, html_text, title)  # ending the painter completes the PDF
    buffer.close()
    write_atomically(Path(path), bytes(buffer.data().data()), private=False)
    return pages


def print_handout(printer: QPrinter, document: Document, **options: Unpack[HandoutOptions]) -> int:
    """Print the handout on `printer` (set up by the caller, e.g. from a QPrintDialog, in
    its own paper size and margins); returns the number of pages."""
    html_text = _render_html(document, _qt_fonts(), **options)
    title = _footer_title(document, options.get("title"))
    if not printer.docName():
        printer.setDocName(title)
    return _paint(printer, html_text, title)


def _footer_title(document: Document, title: str | None) -> str:
    return title or document.title_in(Lang.EN) or document.title_in(Lang.KO) or "Dari"


def _qt_fonts() -> _Fonts:
    """The installed families, checked: Qt embeds what it paints with."""
    ko = fonts.family_for(Lang.KO)
    if QFontDatabase.WritingSystem.Korean not in QFontDatabase.writingSystems(ko):
        raise HandoutError(
            "No font with Korean (Hangul) letters is installed, so the Korean text cannot be "
            "printed. Install Noto Sans CJK KR or Nanum Gothic (on Debian or Ubuntu: the "
            "fonts-noto-cjk or fonts-nanum package) and try again."
        )
    return _Fonts((fonts.family_for(Lang.EN), ko), (ko,), "135%", "115%")


def _paint(device: QPagedPaintDevice, html_text: str, footer_title: str) -> int:
    """Lay the HTML out in pages of the device's paintable area less a footer, and paint
    each page with "Page N of M". Returns the number of pages."""
    families = _qt_fonts()
    layout_device = QImage(1, 1, QImage.Format.Format_RGB32)  # fixes the layout resolution
    dots_per_metre = round(_LAYOUT_DPI / 0.0254)
    layout_device.setDotsPerMeterX(dots_per_metre)
    layout_device.setDotsPerMeterY(dots_per_metre)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(layout_device)
    font = QFont()
    font.setFamilies(list(families.en))
    font.setPointSize(BODY_POINT_SIZE)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setHtml(html_text)
    _unscale_headings(document)

    scale_x = device.logicalDpiX() / layout_device.logicalDpiX()
    scale_y = device.logicalDpiY() / layout_device.logicalDpiY()
    footer = _FOOTER_MM / 25.4 * device.logicalDpiY()
    body = QSizeF(device.width() / scale_x, (device.height() - footer) / scale_y)
    document.setPageSize(body)
    pages = document.pageCount()

    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start painting the handout (the printer or file is not ready)")
    try:
        footer_font = QFont(font)
        footer_font.setPointSize(_FOOTER_POINT_SIZE)
        for page in range(pages):
            if page and not device.newPage():
                raise OSError("cannot start a new page")
            painter.save()
            painter.scale(scale_x, scale_y)
            clip = QRectF(0, page * body.height(), body.width(), body.height())
            painter.translate(0, -clip.top())
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            # a line starting at the page's bottom edge belongs to the next page (0.1: more
            # than the 1/64 px QTextLayout rounds to). NB QTextLayout also draws the last
            # line above the clip of a block it draws: a block split by a page break has
            # the line before the break in the next page's text layer too (clipped away).
            context.clip = clip.adjusted(0, 0, 0, -0.1)
            context.palette.setColor(QPalette.ColorRole.Text, QColor(Qt.GlobalColor.black))
            document.documentLayout().draw(painter, context)
            painter.restore()
            _paint_footer(painter, device, footer, footer_font, footer_title, page + 1, pages)
    finally:
        painter.end()
    return pages


def _unscale_headings(document: QTextDocument) -> None:
    """Qt sizes <h1>…<h6> by a size step of the default font, ignoring the CSS size: drop
    the step, so the PDF has the sizes the HTML has in a browser."""
    adjustment = QTextFormat.Property.FontSizeAdjustment
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            fragments = []
            it = block.begin()
            while not it.atEnd():
                fragments.append(it.fragment())
                it += 1
            for fragment in fragments:
                char_format = fragment.charFormat()
                char_format.clearProperty(adjustment)
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                cursor.setCharFormat(char_format)
        block = block.next()


def _paint_footer(
    painter: QPainter,
    device: QPagedPaintDevice,
    height: float,
    font: QFont,
    title: str,
    page: int,
    pages: int,
) -> None:
    area = QRectF(0, device.height() - height, device.width(), height)
    painter.save()
    painter.setPen(QPen(QColor("#777777"), device.logicalDpiY() / 144))  # half a point
    painter.drawLine(area.topLeft(), area.topRight())
    painter.setFont(font)
    painter.setPen(QColor("#444444"))
    number = f"Page {page} of {pages}"
    metrics = QFontMetricsF(font, device)
    room = area.width() - metrics.horizontalAdvance(number) - metrics.averageCharWidth() * 4
    short_title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)
    flags = Qt.AlignmentFlag.AlignBottom
    painter.drawText(area, flags | Qt.AlignmentFlag.AlignLeft, short_title)
    painter.drawText(area, flags | Qt.AlignmentFlag.AlignRight, number)
    painter.restore()
