"""The main window driven as a user would: hover, click, keys, scroll, swap, open files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from reader.document.model import Lang
from reader.ui.main_window import MainWindow
from reader.ui.sentence_view import SentenceView
from tests.helpers.documents import long_bilingual_document
from tests.helpers.windows import shown_window

LEVEL_TOLERANCE_PX = 3


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    win = shown_window(qtbot, settings)
    win.set_document(long_bilingual_document())
    return win


def point_in_sentence(view: SentenceView, index: int) -> QPoint:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._starts[index] + 1)
    rect = view.cursorRect(cursor)
    return QPoint(rect.right() + 1, rect.center().y())


def views(win: MainWindow) -> tuple[SentenceView, SentenceView]:
    return win.panes[Lang.EN].view, win.panes[Lang.KO].view


def test_both_panes_show_their_language_and_provenance(window: MainWindow) -> None:
    en, ko = views(window)
    assert en.sentence_text(0) == "Paragraph 0 opens with a short sentence."
    assert ko.sentence_text(0) == "0번째 문단은 짧은 문장으로 시작한다."
    assert window.panes[Lang.EN].provenance_label.text() == "Original text"
    assert window.panes[Lang.KO].provenance_label.text() == "Reviewed translation"
    assert window.pane_order() == [Lang.EN, Lang.KO]


def test_hover_lights_the_sentence_and_its_counterparts(window: MainWindow, qtbot) -> None:
    en, ko = views(window)
    # English sentence 1 is the one the translator split into Korean sentences 1 and 2.
    qtbot.mouseMove(en.viewport(), point_in_sentence(en, 1))
    qtbot.waitUntil(lambda: ko.hovered == range(1, 3))
    assert en.hovered == range(1, 2)
    # Korean sentence 3 merges English sentences 2 and 3.
    qtbot.mouseMove(ko.viewport(), point_in_sentence(ko, 3))
    qtbot.waitUntil(lambda: en.hovered == range(2, 4))
    assert ko.hovered == range(3, 4)


def test_click_lights_counterpart_and_brings_it_level(window: MainWindow, qtbot) -> None:
    en, ko = views(window)
    target = 20  # well down the document: the Korean pane must scroll to match
    en.ensure_sentence_visible(target)
    qtbot.mouseClick(en.viewport(), Qt.MouseButton.LeftButton, pos=point_in_sentence(en, target))
    counterparts = window.document.counterparts(Lang.EN, target)
    assert en.current == range(target, target + 1)
    assert ko.current == counterparts
    assert abs(ko.sentence_top(counterparts.start) - en.sentence_top(target)) <= LEVEL_TOLERANCE_PX


def test_alt_down_and_up_step_through_sentences(window: MainWindow, qtbot) -> None:
    en, ko = views(window)
    en.setFocus()
    for _ in range(6):
        qtbot.keyClick(en, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.linker.current == (Lang.EN, 5)
    assert ko.current == window.document.counterparts(Lang.EN, 5)
    qtbot.keyClick(en, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.linker.current == (Lang.EN, 4)
    assert en.current == range(4, 5)


def test_keyboard_walk_keeps_both_sentences_on_screen_and_level(window: MainWindow, qtbot) -> None:
    en, ko = views(window)
    en.setFocus()
    for _ in range(40):
        qtbot.keyClick(en, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    lang, index = window.linker.current
    assert (lang, index) == (Lang.EN, 39)
    counterpart = window.document.counterparts(Lang.EN, index).start
    assert 0 <= en.sentence_top(index) < en.viewport().height()
    assert en.verticalScrollBar().value() > 0
    assert abs(ko.sentence_top(counterpart) - en.sentence_top(index)) <= LEVEL_TOLERANCE_PX


def test_scrolling_one_pane_aligns_the_other_by_sentence(window: MainWindow) -> None:
    en, ko = views(window)
    for target in (10, 27, 33):
        en.verticalScrollBar().setValue(en.verticalScrollBar().value() + en.sentence_top(target))
        assert abs(en.sentence_top(target)) <= 1
        counterpart = window.document.counterparts(Lang.EN, target).start
        assert abs(ko.sentence_top(counterpart)) <= LEVEL_TOLERANCE_PX
    # and the other way round (Korean sentence 15 opens paragraph 3)
    ko.verticalScrollBar().setValue(ko.verticalScrollBar().value() + ko.sentence_top(15))
    counterpart = window.document.counterparts(Lang.KO, 15).start
    assert counterpart == 15
    assert abs(en.sentence_top(counterpart)) <= LEVEL_TOLERANCE_PX


def test_synced_scrolling_can_be_turned_off(window: MainWindow) -> None:
    en, ko = views(window)
    window.sync_action.trigger()
    assert not window.sync_action.isChecked()
    before = ko.verticalScrollBar().value()
    en.verticalScrollBar().setValue(en.verticalScrollBar().value() + en.sentence_top(30))
    assert ko.verticalScrollBar().value() == before


def test_swap_stack_and_hide(window: MainWindow) -> None:
    window.swap_action.trigger()
    assert window.pane_order() == [Lang.KO, Lang.EN]
    window.stacked_action.trigger()
    assert window.splitter.orientation() == Qt.Orientation.Vertical
    window.show_actions[Lang.EN].trigger()
    assert not window.panes[Lang.EN].isVisible()
    assert window.panes[Lang.KO].isVisible()
    window.show_actions[Lang.KO].trigger()  # hiding the last pane brings the other back
    assert window.panes[Lang.EN].isVisible()
    assert not window.panes[Lang.KO].isVisible()


def test_layout_is_restored_in_a_new_window(window: MainWindow, settings, qtbot) -> None:
    window.swap_action.trigger()
    window.stacked_action.trigger()
    window.show_actions[Lang.KO].trigger()
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.show()
    assert again.pane_order() == [Lang.KO, Lang.EN]
    assert again.splitter.orientation() == Qt.Orientation.Vertical
    assert not again.panes[Lang.KO].isVisible()


def test_pane_sizes_are_restored_and_a_damaged_value_is_ignored(
    window: MainWindow, settings, qtbot
) -> None:
    window.splitter.setSizes([300, 800])
    wanted = window.splitter.sizes()
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.resize(window.size())
    again.show()
    qtbot.waitExposed(again)
    assert again.splitter.sizes() == wanted
    again.close()
    settings.set("state/pane_sizes", "wide,narrow")  # a hand-edited settings file
    third = MainWindow(settings)
    qtbot.addWidget(third)
    third.show()
    qtbot.waitExposed(third)
    sizes = third.splitter.sizes()
    assert len(sizes) == 2 and min(sizes) > 0  # both panes still shown


def test_side_by_side_wins_over_pane_sizes_saved_while_stacked(
    window: MainWindow, settings, qtbot
) -> None:
    """Switched back to side by side, then a crash before the window saved its sizes:
    the layout follows the setting, so the View menu tells the truth."""
    window.stacked_action.trigger()
    window.save_state()
    window.stacked_action.trigger()  # side by side again; the sizes saved are the stacked ones
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.show()
    assert not again.stacked_action.isChecked()
    assert again.splitter.orientation() == Qt.Orientation.Horizontal


def test_opening_a_korean_text_file_fills_the_korean_pane(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "편지.txt"
    path.write_text(
        "하나원에서 석 달을 보냈다. 그 뒤 서울에 집을 얻었다.\n\n통일부가 정착금을 지원했다.",
        encoding="cp949",
    )
    with qtbot.waitSignal(window.document_changed, timeout=5000):
        window.open_path(path)
    ko_pane, en_pane = window.panes[Lang.KO], window.panes[Lang.EN]
    assert ko_pane.showing_text
    assert ko_pane.view.sentence_text(0) == "하나원에서 석 달을 보냈다."
    assert ko_pane.view.sentence_count == 3
    assert not en_pane.showing_text
    assert en_pane.translate_button.isVisible()
    assert "Translate with an offline model" in en_pane.translate_button.text()


def test_an_english_markdown_file_opens_in_the_english_pane(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "note.md"
    path.write_text("# A note\n\nMr. Park met Dr. Lee at 3 p.m. on Friday. They talked.\n")
    with qtbot.waitSignal(window.document_changed, timeout=5000):
        window.open_path(path)
    en = window.panes[Lang.EN].view
    # The first "# heading" is the document's title: it heads the pane, above the sentences.
    assert en.document().firstBlock().text() == "A note"
    assert window.windowTitle().startswith("A note — ")
    assert [en.sentence_text(i) for i in range(en.sentence_count)] == [
        "Mr. Park met Dr. Lee at 3 p.m. on Friday.",
        "They talked.",
    ]
    assert not window.panes[Lang.KO].showing_text


def test_a_binary_file_gives_a_message_and_keeps_the_document(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    before = window.document
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    with qtbot.waitSignal(window.load_settled, timeout=5000):
        window.open_path(path)
    assert window.message_bar.isVisible()
    assert "does not look like a text file" in window.message_bar.text
    assert window.document is before
    assert window.panes[Lang.EN].view.sentence_text(0) == "Paragraph 0 opens with a short sentence."


def test_a_missing_file_gives_a_message(window: MainWindow, qtbot, tmp_path: Path) -> None:
    with qtbot.waitSignal(window.load_settled, timeout=5000):
        window.open_path(tmp_path / "gone.txt")
    assert "does not exist" in window.message_bar.text


def test_dropping_a_file_opens_it(window: MainWindow, qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "dropped.txt"
    path.write_text("탈북민은 하나원에서 석 달을 보낸다.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(50, 50), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.document_changed, timeout=5000):
        window.dropEvent(event)
    assert window.panes[Lang.KO].view.sentence_text(0) == "탈북민은 하나원에서 석 달을 보낸다."
