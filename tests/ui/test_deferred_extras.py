"""Started as the app starts it (speech, the glossary and the documents layer built just
after the first frame), the window still loads its glossary and opens files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reader.document.model import Lang
from reader.ui.main_window import MainWindow


def test_the_glossary_loads_when_built_after_the_window_is_shown(
    qtbot, settings, tmp_path: Path
) -> None:
    window = MainWindow(settings, defer_extras=True)
    qtbot.addWidget(window)
    window.show()
    window.open_bundled_article()
    qtbot.waitSignal(window.extras_ready, timeout=5000).wait()
    assert window.glossary is not None
    qtbot.waitUntil(lambda: window.glossary.ready, timeout=20000)  # no Show event came
    assert window.panes[Lang.EN].view.marks  # the terms are underlined
    path = tmp_path / "note.txt"
    path.write_text("The counsellor met the client at Hanawon.")
    with qtbot.waitSignal(window.load_settled, timeout=10000):
        window.open_path(path)
    assert window.panes[Lang.EN].view.sentence_text(0) == path.read_text()


def test_text_can_be_selected_with_the_keyboard_once_the_extras_are_built(qtbot, settings) -> None:
    """Keyboard selection is switched on just after the first frame (it needs the Qt
    namespace's enums, which start-up does without); by then it must be on."""
    window = MainWindow(settings, defer_extras=True)
    qtbot.addWidget(window)
    window.show()
    window.open_bundled_article()
    qtbot.waitSignal(window.extras_ready, timeout=5000).wait()
    for pane in window.panes.values():
        flags = pane.view.textInteractionFlags()
        assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
        assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    view = window.panes[Lang.EN].view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    assert view.textCursor().hasSelection()  # Shift+End selected the first line
