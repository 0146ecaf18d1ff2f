"""Sessions and notes as a counsellor uses them: note a sentence, correct one, stop at
sentence 8 (index 7), save the session, read something else, open the session again and
find everything as it was; a damaged session file says so and changes nothing; a save
that fails part-way leaves the session saved before whole."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPlainTextEdit

from reader.document.model import Lang, Origin
from reader.session.notes import Notes
from reader.session.session import ReadingPosition, load_session, save_session
from reader.ui.main_window import MainWindow
from reader.ui.sentence_view import SentenceView
from tests.helpers.notes import add_note, note_dialog, type_note
from tests.helpers.windows import shown_window
from tests.test_atomic import disk_full_half_way

CORRECTED = "이달 초, 29세의 전직 체조 선수는 남북을 가르는 경계선으로 다가갔다."
NOTE = "Ask whether the client knows the word 체조 (gymnastics)."


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    win = shown_window(qtbot, settings, (1100, 600))
    win.open_bundled_article()
    return win


def shown(view: SentenceView) -> list[tuple[str, Origin, str | None]]:
    """Every sentence the pane shows, with where it came from."""
    return [(view.sentence_text(i), view.sentence(i).provenance.origin,
             view.sentence(i).provenance.model) for i in range(view.sentence_count)]


def correct(window: MainWindow, qtbot, lang: Lang, index: int, text: str) -> None:
    window.edit_sentence(lang, index)
    edit = window.editor.findChild(QPlainTextEdit)
    edit.selectAll()
    edit.insertPlainText(text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_a_saved_session_comes_back_exactly(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    en, ko = window.panes[Lang.EN].view, window.panes[Lang.KO].view
    # A correction to the Korean of sentence 2, and a note on English sentence 3.
    correct(window, qtbot, Lang.KO, 2, CORRECTED)
    assert ko.sentence(2).provenance.origin is Origin.CORRECTED
    window.linker.set_current(Lang.EN, 3)
    title, label = add_note(window, qtbot, NOTE)
    assert title == "Add Note"
    assert label.startswith("English sentence 4: “In November 2020, Kim had made")
    assert en.notes == {3: NOTE} and "Note: " + NOTE in en.tooltip_for(3)
    # Step on to sentence 8 (index 7) and scroll a little.
    en.setFocus()
    for _ in range(4):
        qtbot.keyClick(en, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.linker.current == (Lang.EN, 7)
    en.scroll_by(37)
    saved = {"en": shown(en), "ko": shown(ko), "scroll": en.verticalScrollBar().value(),
             "ko_scroll": ko.verticalScrollBar().value()}

    target = tmp_path / "client.dari"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "client"), ""))
    with qtbot.waitSignal(window.sessions.session_saved, timeout=10000):
        window.sessions.save_action.trigger()
    assert target.is_file()
    assert window.message_bar.text == f"Session saved to {target}."

    # Read something else ...
    other = tmp_path / "other.txt"
    other.write_text("Something else entirely. Nothing to do with the session.")
    with qtbot.waitSignal(window.load_settled, timeout=10000):
        window.open_path(other)
    assert window.linker.current is None and window.sessions.notes.all() == []
    assert en.notes == {}

    # ... and come back: File › Open Session.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(target), ""))
    with qtbot.waitSignal(window.load_settled, timeout=10000):
        window.sessions.open_action.trigger()
    assert not window.message_bar.text or "Session saved" in window.message_bar.text
    assert shown(en) == saved["en"] and shown(ko) == saved["ko"]
    assert ko.sentence_text(2) == CORRECTED and ko.tooltip_for(2) == "Corrected by you"
    assert window.panes[Lang.KO].provenance_label.text() == "Reviewed translation"
    assert window.linker.current == (Lang.EN, 7)
    assert en.current == range(7, 8) and ko.current == window.document.counterparts(Lang.EN, 7)
    assert abs(en.verticalScrollBar().value() - saved["scroll"]) <= 1
    assert abs(ko.verticalScrollBar().value() - saved["ko_scroll"]) <= 3  # follows by sentence
    panel = window.sessions.panel
    assert panel.list.count() == 1
    assert panel.list.item(0).text().startswith(NOTE + "\n— English sentence 4: “In November 2020")
    assert en.notes == {3: NOTE}

    # The notes panel: choosing the note makes its sentence current.
    window.sessions.toggle_action.trigger()
    assert panel.isVisible()
    panel.list.setCurrentRow(-1)
    panel.list.setCurrentRow(0)
    assert window.linker.current == (Lang.EN, 3)
    assert window.settings.get("state/recent_files")[0] == str(target)


def test_notes_panel_edits_and_deletes_with_undo(window: MainWindow, qtbot) -> None:
    panel = window.sessions.panel
    assert panel.objectName() == "notesDock" and not panel.isVisible()
    assert panel.empty_label.isVisibleTo(panel)
    en, ko = window.panes[Lang.EN].view, window.panes[Lang.KO].view
    window.linker.set_current(Lang.KO, 5)
    add_note(window, qtbot, "Second note.")
    window.linker.set_current(Lang.EN, 1)
    add_note(window, qtbot, "First note.")
    assert [panel.list.item(i).text().split("\n")[0] for i in range(panel.list.count())] == [
        "First note.", "Second note."]  # in document order
    assert ko.notes == {5: "Second note."}

    panel.list.setCurrentRow(1)
    assert window.linker.current == (Lang.KO, 5)
    panel.edit_button.click()
    dialog = note_dialog(window, qtbot)
    assert dialog.windowTitle() == "Edit Note" and dialog.edit.toPlainText() == "Second note."
    type_note(window, qtbot, "Second note, edited.")
    assert panel.list.item(1).text().startswith("Second note, edited.")
    assert window.sessions.notes.for_sentence(Lang.KO, 5).text == "Second note, edited."

    panel.list.setCurrentRow(0)
    panel.delete_button.click()
    assert en.notes == {} and panel.list.count() == 1
    assert window.message_bar.text == "Note deleted."
    window.message_bar._action_button.click()  # Undo
    assert en.notes == {1: "First note."} and panel.list.count() == 2


def test_the_note_dialog_by_keyboard_and_mouse(window: MainWindow, qtbot) -> None:
    en = window.panes[Lang.EN].view
    window.linker.set_current(Lang.EN, 3)
    window.sessions.add_note_action.trigger()
    dialog = note_dialog(window, qtbot)
    assert dialog.save_button.isDefault() and dialog.edit.toPlainText() == ""
    assert dialog.focusWidget() is dialog.edit
    # Enter starts a new line (a note may have several); Esc cancels and keeps nothing.
    qtbot.keyClicks(dialog.edit, "First line")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.edit, "second line")
    assert dialog.isVisible() and dialog.edit.toPlainText() == "First line\nsecond line"
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and window.sessions.note_dialog is None
    assert len(window.sessions.notes) == 0 and en.notes == {}

    # Typed again and saved with the Save button: both lines kept, spaces around dropped.
    window.sessions.add_note_action.trigger()
    dialog = note_dialog(window, qtbot)
    qtbot.keyClicks(dialog.edit, "  First line")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.edit, "second line ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert en.notes == {3: "First line\nsecond line"}
    assert window.sessions.panel.selected() == (Lang.EN, 3)

    # Editing starts from the note; Cancel changes nothing.
    window.sessions.add_note_action.trigger()
    dialog = note_dialog(window, qtbot)
    assert dialog.windowTitle() == "Edit Note"
    assert dialog.edit.toPlainText() == "First line\nsecond line"
    qtbot.keyClicks(dialog.edit, " and more")  # typed at the end of the note
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert en.notes == {3: "First line\nsecond line"}

    # Saved empty, a note is deleted (with Undo); an empty new note adds nothing.
    window.sessions.add_note_action.trigger()
    dialog = note_dialog(window, qtbot)
    qtbot.keyClick(dialog.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Delete)
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert en.notes == {} and len(window.sessions.notes) == 0
    assert window.message_bar.text == "Note deleted."
    add_note(window, qtbot, "   ")
    assert en.notes == {} and len(window.sessions.notes) == 0


def test_add_note_needs_a_current_sentence(window: MainWindow) -> None:
    window.sessions.add_note_action.trigger()
    assert window.statusBar().currentMessage() == "Click a sentence first, then add a note to it."
    assert len(window.sessions.notes) == 0


def test_a_damaged_session_gives_a_message_and_keeps_the_document(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    before = window.document
    window.linker.set_current(Lang.EN, 4)
    damaged = tmp_path / "client.dari"
    damaged.write_text('{"format": "dari-session", "version": 2, "app_version": "0.1.0", "sa')
    with qtbot.waitSignal(window.load_settled, timeout=10000):
        window.open_path(damaged)
    assert window.message_bar.text.startswith("“client.dari” is incomplete")
    assert window.document is before and window.linker.current == (Lang.EN, 4)
    damaged.write_text('{"format": "dari-session", "version": 2}')
    with qtbot.waitSignal(window.load_settled, timeout=10000):
        window.open_path(damaged)
    assert window.message_bar.text == "“client.dari” is damaged: the file has no “app_version”"
    assert window.document is before


@pytest.mark.parametrize(
    ("damage", "message"),
    [("binary", "“client.dari” is not a Dari session file (it is not text)"),
     ("prose", "“client.dari” is not a Dari session file, or it is damaged: it is not valid JSON"),
     ("newer", "“client.dari” was saved by a newer version of Dari (Dari 3.0.0), in session "
               "format version 3")],
)
def test_a_file_that_is_no_session_this_dari_reads_says_why(
    window: MainWindow, qtbot, tmp_path: Path, damage: str, message: str
) -> None:
    before = window.document
    window.linker.set_current(Lang.EN, 4)
    path = tmp_path / "client.dari"
    if damage == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    elif damage == "prose":
        path.write_text("Dear diary, today I met my counsellor.")
    else:
        save_session(path, before, Notes(), ReadingPosition())
        data = json.loads(path.read_text("utf-8"))
        data.update(version=3, app_version="3.0.0")
        path.write_text(json.dumps(data))
    with qtbot.waitSignal(window.load_settled, timeout=10000):
        window.open_path(path)
    assert window.message_bar.text.startswith(message), window.message_bar.text
    assert window.document is before and window.linker.current == (Lang.EN, 4)
    assert window.panes[Lang.EN].view.sentence_text(0) == before.sentences(Lang.EN)[0].text


def test_a_save_that_fails_part_way_leaves_the_saved_session_whole(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "client.dari"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    with qtbot.waitSignal(window.sessions.session_saved, timeout=10000):
        window.sessions.save_action.trigger()
    saved = target.read_bytes()
    # A note, then Save again on a disk that fills up half-way through the file.
    window.linker.set_current(Lang.EN, 3)
    add_note(window, qtbot, NOTE)
    real_fdopen = os.fdopen
    disk_full_half_way(monkeypatch)
    window.sessions.save_action.trigger()
    qtbot.waitUntil(lambda: "could not be saved" in window.message_bar.text, timeout=10000)
    assert window.sessions.save_action.isEnabled()
    assert window.message_bar.text == (
        f"The session could not be saved to {target}.\nNo space left on device")
    assert target.read_bytes() == saved
    assert len(load_session(target).notes) == 0  # the session saved before, whole
    assert not list(tmp_path.glob(".client.dari*"))  # and no half-written file beside it
    assert window.panes[Lang.EN].view.notes == {3: NOTE}  # nothing lost in the window
    # With room on the disk again, the same Save works.
    monkeypatch.setattr(os, "fdopen", real_fdopen)
    with qtbot.waitSignal(window.sessions.session_saved, timeout=10000):
        window.sessions.save_action.trigger()
    assert [n.text for n in load_session(target).notes] == [NOTE]
