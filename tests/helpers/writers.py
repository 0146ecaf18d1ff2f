"""Documents written by the tools people make them with, not by hand: Word files by
python-docx, EPUB books by EbookLib, PDFs by Qt (QTextDocument printed on a QPdfWriter, the
way Dari's own handouts are made) and web pages by Qt's HTML writer. Dari reads them with
its own readers, so these catch what a hand-made file that mirrors the reader would not.

Each takes a title and paragraphs (a string each; for EPUB, a list of paragraphs per
chapter). The Qt ones need a QApplication.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument


def write_docx(path: Path, title: str, paragraphs: list[str], *,
               table: list[str] | None = None) -> None:
    """A Word document: the title in Word's Title style, then body paragraphs, then a
    one-row table of `table`'s cells."""
    import docx

    document = docx.Document()
    document.add_heading(title, level=0)  # level 0 is Word's "Title" style
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        row = document.add_table(rows=1, cols=len(table)).rows[0]
        for cell, text in zip(row.cells, table, strict=True):
            cell.text = text
    document.save(str(path))


def write_epub(path: Path, title: str, chapters: list[list[str]], *, lang: str = "en") -> None:
    """An EPUB 3 book (with an EPUB 2 NCX too): a navigation page, then one chapter per
    list of paragraphs, the first headed by the title."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier(f"dari-test-{path.stem}")
    book.set_title(title)
    book.set_language(lang)
    items = []
    for number, paragraphs in enumerate(chapters, start=1):
        item = epub.EpubHtml(title=f"{number}", file_name=f"chapter{number}.xhtml", lang=lang)
        heading = f"<h1>{escape(title)}</h1>" if number == 1 else ""
        item.content = heading + "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        book.add_item(item)
        items.append(item)
    book.toc = items
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *items]
    epub.write_epub(str(path), book)


def _qt_document(title: str, paragraphs: list[str], family: str = "") -> QTextDocument:
    document = QTextDocument()
    if family:
        document.setDefaultFont(QFont(family, 11))
    document.setHtml(f"<h1>{escape(title)}</h1>" + "".join(f"<p>{escape(p)}</p>"
                                                          for p in paragraphs))
    return document


def write_pdf(path: Path, title: str, paragraphs: list[str], *, family: str = "") -> None:
    """A PDF with a text layer, A5, set in `family` (Qt's default font if empty)."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setTitle(title)
    _qt_document(title, paragraphs, family).print_(writer)


def write_html(path: Path, title: str, paragraphs: list[str]) -> None:
    """A web page as Qt writes one (a full HTML 4 page, styles inline)."""
    path.write_text(_qt_document(title, paragraphs).toHtml(), encoding="utf-8")
