"""Opening documents as a user does: File › Open, a dropped file and `dari FILE` for every
format (each file made by the tool people make it with), text in legacy encodings, Reopen
with Encoding, New from Clipboard, a web page that points at a server and makes no request,
and a long file that appears at once and streams into the pane while the window stays
usable."""

from __future__ import annotations

import codecs
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QFileDialog

from reader.document import formats
from reader.document.model import Lang
from reader.ui import fonts
from reader.ui.main_window import MainWindow
from reader.ui.sentence_view import SentenceView
from tests.document.test_formats import (
    ARTICLE_EXPECTED,
    ARTICLE_PAGE,
    KO_NOBODY,
    KO_RIVER,
    MAYOR,
    NOBODY,
    RIVER,
    SANDBAGS,
)
from tests.helpers import writers
from tests.helpers.loopback import Loopback, loopback_server
from tests.helpers.windows import shown_window

KO_TEXT = f"{KO_RIVER} {KO_NOBODY}\n\n홍수 뒤에 마을은 다시 일어섰다.\n"


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    win = shown_window(qtbot, settings)
    win.open_bundled_article()
    return win


def blocks(document: QTextDocument) -> list[str]:
    """The pane's text as shown: the title, then one line per paragraph."""
    out, block = [], document.begin()
    while block.isValid():
        out.append(block.text())
        block = block.next()
    return out


def open_file(window: MainWindow, qtbot, path: Path, encoding: str = "") -> None:
    with qtbot.waitSignal(window.load_settled, timeout=20000):
        window.open_path(path, encoding)  # what `dari FILE` does
    assert not window.message_bar.text, window.message_bar.text


def drop(window: MainWindow, path: Path) -> None:
    """Drag `path` from a file manager and drop it on the window."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    dropped = QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
                         buttons, keys)
    QApplication.sendEvent(window, dropped)
    assert dropped.isAccepted()


def open_as_user(window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch, path: Path,
                 route: str) -> None:
    """Open `path` by `route`: "File › Open", "drop" or "dari FILE"."""
    with qtbot.waitSignal(window.load_settled, timeout=20000):
        if route == "File › Open":
            monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(path), ""))
            window.open_action.trigger()
        elif route == "drop":
            drop(window, path)
        else:
            window.open_path(path)
    assert not window.message_bar.text, window.message_bar.text


STORY = [f"{RIVER} {NOBODY}", f"{SANDBAGS} {MAYOR}"]


def make_file(kind: str, folder: Path) -> Path:
    """The same little story, a title and two paragraphs, in each format, made as such
    files are made: text, Markdown and a web page (a site's navigation around the article)
    typed; another web page written by Qt; Word by python-docx; EPUB by EbookLib; the PDF
    by Qt (QPdfWriter, as Dari's own handouts)."""
    path = folder / f"flood.{kind}"
    if kind == "txt":
        path.write_text(f"The Flood\n\n{RIVER} {NOBODY}\n\n{SANDBAGS}\n{MAYOR}\n")
    elif kind == "md":
        path.write_text(f"# The Flood\n\n{RIVER} **{NOBODY}**\n\n- {SANDBAGS} {MAYOR}\n")
    elif kind == "html":
        path.write_text(
            "<!doctype html><html><head><title>The Flood | Daily Planet</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
            f"<h1>The Flood</h1><p>{RIVER} {NOBODY}</p><p>{SANDBAGS} {MAYOR}</p></article>"
            "<footer>Copyright</footer></body></html>"
        )
    elif kind == "htm":
        writers.write_html(path, "The Flood", STORY)
    elif kind == "docx":
        writers.write_docx(path, "The Flood", STORY)
    elif kind == "epub":
        writers.write_epub(path, "The Flood", [STORY[:1], STORY[1:]])
    elif kind == "pdf":
        writers.write_pdf(path, "The Flood", STORY)
    return path


@pytest.mark.parametrize(
    ("kind", "route"),
    [("txt", "dari FILE"), ("md", "File › Open"), ("html", "drop"), ("htm", "File › Open"),
     ("docx", "File › Open"), ("epub", "drop"), ("pdf", "dari FILE")],
)
def test_each_format_shows_its_paragraphs_in_the_english_pane(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str,
    route: str,
) -> None:
    path = make_file(kind, tmp_path)
    open_as_user(window, qtbot, monkeypatch, path, route)
    en = window.panes[Lang.EN].view
    title = "flood" if kind == "txt" else "The Flood"  # a text file is named by its file
    paragraphs = [*STORY]
    if kind == "txt":
        paragraphs.insert(0, "The Flood")
    assert blocks(en.document()) == [title, *paragraphs]
    assert [en.sentence_text(i) for i in range(en.sentence_count)][:2] == (
        ["The Flood", RIVER] if kind == "txt" else [RIVER, NOBODY])
    assert window.document is not None and window.document.path == path
    assert window.windowTitle().startswith(f"{title} — ")
    assert not window.panes[Lang.KO].showing_text  # a translation is offered instead


KO_THIRD = "홍수 뒤에 마을은 다시 일어섰다."


@pytest.mark.parametrize("kind", ["docx", "epub", "pdf"])
def test_korean_documents_fill_the_korean_pane(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    path = tmp_path / f"홍수.{kind}"
    story = [f"{KO_RIVER} {KO_NOBODY}", KO_THIRD]
    if kind == "docx":
        writers.write_docx(path, "홍수", story, table=["도로 폐쇄: 세 곳.", "침수 가옥: 열두 채."])
        story += ["도로 폐쇄: 세 곳.", "침수 가옥: 열두 채."]  # a paragraph per table cell
    elif kind == "epub":
        writers.write_epub(path, "홍수", [story], lang="ko")
    else:  # set in the Korean font Dari uses, whose word spaces have no Unicode mapping
        writers.write_pdf(path, "홍수", story, family=fonts.family_for(Lang.KO))
    open_as_user(window, qtbot, monkeypatch, path, "drop")
    ko = window.panes[Lang.KO]
    assert ko.showing_text and not window.panes[Lang.EN].showing_text
    assert blocks(ko.view.document()) == ["홍수", *story]
    assert ko.view.sentence_text(1) == KO_NOBODY


def test_file_open_offers_every_format_and_opens_the_choice(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_file("docx", tmp_path)
    asked: list[str] = []

    def choose(parent: object, caption: str, folder: str, filters: str) -> tuple[str, str]:
        asked.append(filters)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    with qtbot.waitSignal(window.document_changed, timeout=10000):
        window.open_action.trigger()
    everything, *each = asked[0].split(";;")
    for suffix in formats.SUPPORTED_SUFFIXES:
        assert f"*{suffix}" in everything
    assert everything.startswith("All supported files (")
    assert any(f.startswith("Word documents (*.docx)") for f in each)
    assert any("*.pdf" in f for f in each) and any("*.epub" in f for f in each)
    assert each[-1] == "All files (*)"
    assert window.panes[Lang.EN].view.sentence_text(0) == RIVER
    assert window.settings.get("state/recent_files")[0] == str(path)


@pytest.mark.parametrize(
    ("name", "data"),
    [("cp949.txt", KO_TEXT.encode("cp949")),
     ("utf16.txt", KO_TEXT.encode("utf-16")),
     ("utf16le-no-bom.txt", KO_TEXT.encode("utf-16-le")),
     ("utf8.txt", KO_TEXT.encode("utf-8")),
     ("utf8-bom.txt", codecs.BOM_UTF8 + KO_TEXT.encode("utf-8"))],
)
def test_korean_text_files_open_in_the_korean_pane(
    window: MainWindow, qtbot, tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    open_file(window, qtbot, path)
    ko = window.panes[Lang.KO]
    assert ko.showing_text and not window.panes[Lang.EN].showing_text
    assert [ko.view.sentence_text(i) for i in range(ko.view.sentence_count)] == [
        KO_RIVER, KO_NOBODY, "홍수 뒤에 마을은 다시 일어섰다."
    ]


def encoding_item(window: MainWindow, label: str) -> QAction:
    """File › Reopen with Encoding › `label`, found in the menu bar as a user finds it."""
    file_menu = window.menuBar().actions()[0].menu()
    assert file_menu.title() == "&File"
    submenu = next(a.menu() for a in file_menu.actions() if a.text() == "Reopen with &Encoding")
    return next(a for a in submenu.actions() if a.text().replace("&", "") == label)


def test_reopen_with_encoding_changes_the_text(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    opener = window.opener
    assert not opener.encoding_menu.isEnabled()  # the bundled article is not a text file
    path = tmp_path / "letter.txt"
    path.write_bytes(KO_TEXT.encode("cp949"))
    open_file(window, qtbot, path)
    assert opener.encoding_menu.isEnabled()
    assert opener.encoding_actions[""].isChecked()

    with qtbot.waitSignal(window.load_settled, timeout=10000):
        encoding_item(window, "Western (ISO-8859-1)").trigger()
    mojibake = KO_TEXT.encode("cp949").decode("latin-1")
    en = window.panes[Lang.EN].view
    assert window.panes[Lang.EN].showing_text and not window.panes[Lang.KO].showing_text
    assert en.sentence_text(0) == mojibake.split("\n")[0].strip()[: len(en.sentence_text(0))]
    assert "À" in en.sentence_text(0) or "¹" in en.sentence_text(0)  # Latin letters now
    assert opener.encoding_actions["latin-1"].isChecked()

    with qtbot.waitSignal(window.load_settled, timeout=10000):
        encoding_item(window, "Korean (EUC-KR / CP949)").trigger()
    assert window.panes[Lang.KO].view.sentence_text(0) == KO_RIVER
    assert opener.encoding_actions["cp949"].isChecked()
    assert window.document is not None and window.document.path == path


# -- a web page that points at a server ------------------------------------------------
# Besides the article page's stylesheet, @import, css url(), scripts, img src and srcset,
# iframe, noscript and object: what else a browser would fetch.
MORE_IN_HEAD = (
    '<base href="{base}/">'
    '<link rel="icon" href="{base}/favicon.ico"><link rel="preload" as="image" href="p.png">'
    '<link rel="stylesheet" href="relative.css">'
    '<meta http-equiv="refresh" content="0; url={base}/elsewhere">'
    '<style>h1 {{ background-image: url("{base}/h1.png") }}</style>'
)
MORE_IN_ARTICLE = (
    '<picture><source srcset="{base}/bridge.webp 1x, {base}/bridge-2x.webp 2x">'
    '<img src="{base}/bridge.jpg"></picture>'
    '<img src="relative.png"><video poster="{base}/poster.jpg" src="{base}/clip.mp4"></video>'
    '<audio src="{base}/sound.mp3"></audio><embed src="{base}/embed.swf">'
    '<svg><image href="{base}/drawing.png"/></svg>'
    '<div style="background: url(\'{base}/inline.png\')"></div>'
    '<table background="{base}/table.png"><tr><td></td></tr></table>'
)


@pytest.fixture
def server() -> Iterator[Loopback]:
    with loopback_server() as loopback:
        yield loopback


def test_a_web_page_opens_and_shows_without_a_single_request(
    window: MainWindow, qtbot, tmp_path: Path, server: Loopback
) -> None:
    page = ARTICLE_PAGE.format(base=server.base, river=RIVER, nobody=NOBODY,
                               sandbags=SANDBAGS, mayor=MAYOR)
    page = page.replace("</head>", MORE_IN_HEAD.format(base=server.base) + "</head>", 1)
    page = page.replace("</article>", MORE_IN_ARTICLE.format(base=server.base) + "</article>")
    server.pages["/flood.html"] = page.encode()
    path = tmp_path / "flood.html"  # saved from the server, as a browser would
    with urllib.request.urlopen(f"{server.base}/flood.html", timeout=10) as response:
        path.write_bytes(response.read())
    assert server.requests == ["/flood.html"]  # the server counts what it is asked

    open_file(window, qtbot, path)
    en = window.panes[Lang.EN].view
    qtbot.waitUntil(lambda: not en.is_rendering, timeout=10000)
    assert blocks(en.document()) == ["The Flood", *(" ".join(p) for p in ARTICLE_EXPECTED)]
    window.linker.set_current(Lang.EN, 0)  # a sentence made current, the pane scrolled
    en.verticalScrollBar().setValue(en.verticalScrollBar().maximum())
    en.grab()  # and painted
    qtbot.wait(300)  # time for anything asynchronous to reach the server
    assert server.requests == ["/flood.html"], "showing the page must not fetch anything"


def test_new_from_clipboard(window: MainWindow, qtbot) -> None:
    QApplication.clipboard().setText(f"  {KO_RIVER} {KO_NOBODY}\n\n마을은 다시 일어섰다.  ")
    with qtbot.waitSignal(window.document_changed, timeout=10000):
        window.opener.clipboard_action.trigger()
    ko = window.panes[Lang.KO].view
    assert [ko.sentence_text(i) for i in range(ko.sentence_count)] == [
        KO_RIVER, KO_NOBODY, "마을은 다시 일어섰다."
    ]
    assert window.document is not None and window.document.path is None
    assert window.document.original_language is Lang.KO
    assert window.windowTitle() == "Untitled text — Dari · 다리"

    QApplication.clipboard().setText("   \n")
    before = window.document
    window.opener.clipboard_action.trigger()
    assert window.message_bar.text == "The clipboard holds no text to read."
    assert window.document is before


def test_over_the_limit_a_message_and_the_document_stays(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(formats, "MAX_TEXT_BYTES", 1000)
    path = tmp_path / "long.txt"
    path.write_text(f"{RIVER}\n\n" * 40)
    before = window.document
    with qtbot.waitSignal(window.load_settled, timeout=10000):
        window.open_path(path)
    assert "“long.txt” is too large to open" in window.message_bar.text
    assert window.document is before


# -- a long text ----------------------------------------------------------------------
def long_text(path: Path, megabytes: float) -> int:
    """Paragraphs of numbered sentences; returns how many sentences."""
    paragraphs, n, size = [], 0, 0
    while size < megabytes * 1024 * 1024:
        sentences = []
        for _ in range(6):
            n += 1
            sentences.append(f"Sentence {n} tells of the river, the bridge and the village.")
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    path.write_text("\n\n".join(paragraphs) + "\n")
    return n


def all_shown(window: MainWindow, view: SentenceView) -> bool:
    return not window.opener.loading and not view.is_rendering


def test_a_long_file_appears_at_once_and_streams_in(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "long.txt"
    total = long_text(path, 2)
    view = window.panes[Lang.EN].view
    seen: list[tuple[int, str]] = []  # (sentences rendered, first sentence) at each render
    view.text_rendered.connect(lambda: seen.append((view.sentence_count, view.sentence_text(0))))
    window.open_path(path)
    # The start of the text is shown while the rest is still loading ...
    qtbot.waitUntil(lambda: window.document is not None and window.document.path == path,
                    timeout=10000)
    assert window.opener.loading
    assert 0 < view.sentence_count < total
    assert not window.translate_action.isEnabled()  # it needs the whole text
    window.linker.set_current(Lang.EN, 3)  # the reader can already click a sentence
    # ... then the rest streams in, slice by slice, and what was done is kept.
    qtbot.waitUntil(lambda: all_shown(window, view), timeout=60000)
    assert view.sentence_count == total
    assert view.sentence_text(total - 1) == (
        f"Sentence {total} tells of the river, the bridge and the village.")
    first = "Sentence 1 tells of the river, the bridge and the village."
    assert len(seen) > 2
    assert seen[0] == (seen[0][0], first) and seen[0][0] < total
    assert [count for count, _ in seen] == sorted(count for count, _ in seen)
    assert window.linker.current == (Lang.EN, 3) and view.current == range(3, 4)
    assert window.translate_action.isEnabled()
    assert window.document.sentence_count(Lang.EN) == total


def test_hovering_and_scrolling_while_the_text_streams_in(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "long.txt"
    total = long_text(path, 2)
    view = window.panes[Lang.EN].view
    window.open_path(path)
    qtbot.waitUntil(lambda: view.sentence_count > 0 and window.document.path == path,
                    timeout=10000)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())  # to the end of what is rendered so far
    last = view.sentence_count - 1
    window.linker.step(Lang.EN, 1)
    window.linker.set_current(Lang.EN, last)
    assert window.linker.current == (Lang.EN, last)
    window.linker.set_current(Lang.EN, total - 1)  # not rendered yet: ignored
    assert window.linker.current in ((Lang.EN, last), (Lang.EN, total - 1))
    qtbot.waitUntil(lambda: all_shown(window, view), timeout=60000)
    window.linker.set_current(Lang.EN, total - 1)
    assert window.linker.current == (Lang.EN, total - 1)
    assert 0 <= view.sentence_top(total - 1) < view.viewport().height()


def test_cancelling_a_long_load_keeps_the_document(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "long.txt"
    long_text(path, 12)  # a second or more to read, even on a fast machine
    before = window.document
    opener = window.opener
    window.open_path(path)
    assert opener.loading and not opener.cancel_button.isVisible()  # a quick load shows none
    # After a moment the status bar shows the progress and a Cancel button ...
    qtbot.waitUntil(opener.cancel_button.isVisible, timeout=5000)
    assert opener.progress.isVisible()
    assert window.statusBar().currentMessage() == "Opening long.txt…"
    # ... which the reader clicks.
    qtbot.mouseClick(opener.cancel_button, Qt.MouseButton.LeftButton)
    assert not opener.loading
    assert not opener.cancel_button.isVisible() and not opener.progress.isVisible()
    assert window.statusBar().currentMessage() == "Stopped opening long.txt."
    qtbot.wait(300)  # nothing arrives later
    assert window.document is before
    assert window.panes[Lang.EN].view.sentence_text(0) == before.sentences(Lang.EN)[0].text
    assert not window.message_bar.text  # cancelling is no error
