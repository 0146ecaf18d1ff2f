"""Opening documents as a user does: File › Open for every format, text in legacy
encodings, Reopen with Encoding, New from Clipboard, and a long file that appears at once
and streams into the pane while the window stays usable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QFileDialog

from reader.document import formats
from reader.document.model import Lang
from reader.ui.main_window import MainWindow
from reader.ui.sentence_view import SentenceView
from tests.document.test_formats import (
    KO_NOBODY,
    KO_RIVER,
    MAYOR,
    NOBODY,
    RIVER,
    SANDBAGS,
    chapter,
    lines,
    make_pdf,
    para,
    write_docx,
    write_epub,
)

KO_TEXT = f"{KO_RIVER} {KO_NOBODY}\n\n홍수 뒤에 마을은 다시 일어섰다.\n"


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1100, 700)
    win.show()
    qtbot.waitExposed(win)
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
        window.open_path(path, encoding)
    assert not window.message_bar.text, window.message_bar.text


def make_file(kind: str, folder: Path) -> Path:
    """The same little story, two paragraphs, in each format."""
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
    elif kind == "docx":
        write_docx(path, para("The Flood", "Title") + para(f"{RIVER} {NOBODY}")
                   + para(f"{SANDBAGS} {MAYOR}") + "<w:sectPr/>")
    elif kind == "epub":
        write_epub(path, [chapter(f"<h1>The Flood</h1><p>{RIVER} {NOBODY}</p>"),
                          chapter(f"<p>{SANDBAGS} {MAYOR}</p>")])
    elif kind == "pdf":
        path.write_bytes(make_pdf([[
            (40, 560, 20, "The Flood"),
            *lines(["The river rose overnight, and by morning the old bridge was",
                    "under water. Nobody in the village could remember a flood",
                    "like it."], 520),
            *lines(["Volunteers filled sandbags all day, and the water began to",
                    "fall by evening. The mayor thanked them, one by one."], 460),
        ]]))
    return path


@pytest.mark.parametrize("kind", ["txt", "md", "html", "docx", "epub", "pdf"])
def test_each_format_shows_its_paragraphs_in_the_english_pane(
    window: MainWindow, qtbot, tmp_path: Path, kind: str
) -> None:
    path = make_file(kind, tmp_path)
    open_file(window, qtbot, path)
    en = window.panes[Lang.EN].view
    title = "flood" if kind == "txt" else "The Flood"  # a text file is named by its file
    paragraphs = [f"{RIVER} {NOBODY}", f"{SANDBAGS} {MAYOR}"]
    if kind == "txt":
        paragraphs.insert(0, "The Flood")
    assert blocks(en.document()) == [title, *paragraphs]
    assert [en.sentence_text(i) for i in range(en.sentence_count)][:2] == (
        ["The Flood", RIVER] if kind == "txt" else [RIVER, NOBODY])
    assert window.document is not None and window.document.path == path
    assert not window.panes[Lang.KO].showing_text  # a translation is offered instead


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
     ("utf16le-no-bom.txt", KO_TEXT.encode("utf-16-le"))],
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
        opener.encoding_actions["latin-1"].trigger()
    mojibake = KO_TEXT.encode("cp949").decode("latin-1")
    en = window.panes[Lang.EN].view
    assert window.panes[Lang.EN].showing_text and not window.panes[Lang.KO].showing_text
    assert en.sentence_text(0) == mojibake.split("\n")[0].strip()[: len(en.sentence_text(0))]
    assert "À" in en.sentence_text(0) or "¹" in en.sentence_text(0)  # Latin letters now
    assert opener.encoding_actions["latin-1"].isChecked()

    with qtbot.waitSignal(window.load_settled, timeout=10000):
        opener.encoding_actions["cp949"].trigger()
    assert window.panes[Lang.KO].view.sentence_text(0) == KO_RIVER
    assert opener.encoding_actions["cp949"].isChecked()
    assert window.document is not None and window.document.path == path


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
    long_text(path, 2)
    before = window.document
    window.open_path(path)
    assert window.opener.loading
    window.opener.cancel_button.click()
    assert not window.opener.loading
    assert window.statusBar().currentMessage() == "Stopped opening long.txt."
    qtbot.wait(300)  # nothing arrives later
    assert window.document is before
    assert window.panes[Lang.EN].view.sentence_text(0) == before.sentences(Lang.EN)[0].text
