"""Writing a note through the real note dialog, as a counsellor does: Add Note to
Sentence (or Edit), type, Ctrl+Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from reader.ui.main_window import MainWindow
from reader.ui.note_dialog import NoteDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type `text` into `widget`: ASCII key by key, anything else (Hangul) as a Korean
    input method commits it, syllable by syllable (QTest types ASCII only)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def note_dialog(window: MainWindow, qtbot) -> NoteDialog:
    """The note dialog the window shows (it must be showing), once it is the active
    window, as a user meets it (its Ctrl+Enter works only then)."""
    dialog = window.sessions.note_dialog
    assert dialog is not None, "no note dialog is open"
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.isVisible() and dialog.isModal()
    return dialog


def type_note(window: MainWindow, qtbot, text: str) -> tuple[str, str]:
    """In the open note dialog, replace the note with `text` (typed key by key) and save it
    with Ctrl+Enter. Returns the dialog's title and its label naming the sentence."""
    dialog = note_dialog(window, qtbot)
    asked = dialog.windowTitle(), dialog.sentence_label.text()
    edit = dialog.edit
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)  # select what is there, so typing replaces it
    type_text(qtbot, edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return, CTRL)
    assert not dialog.isVisible() and window.sessions.note_dialog is None
    back_to(window, qtbot)
    return asked


def back_to(window: MainWindow, qtbot) -> None:
    """The window active again, as a window manager makes it once a dialog closes (the
    offscreen platform does not), so that its shortcuts work."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def add_note(window: MainWindow, qtbot, text: str) -> tuple[str, str]:
    """Add Note to Sentence… on the current sentence, and write `text`."""
    window.sessions.add_note_action.trigger()
    return type_note(window, qtbot, text)
