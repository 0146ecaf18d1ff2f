"""Reading comfort and accessibility, driven from the keyboard as a user would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMenu,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from reader import paths
from reader.document.article import load_article
from reader.document.model import Lang
from reader.ui import themes
from reader.ui.main_window import MainWindow
from reader.ui.reading import step_size
from tests.helpers.windows import shown_window


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    win = shown_window(qtbot, settings)
    win.set_document(load_article(paths.bundled_article()))
    return win


def point_size(window: MainWindow, lang: Lang) -> float:
    return window.panes[lang].view.font().pointSizeF()


def test_size_keys_act_on_the_focused_pane_only(window: MainWindow, qtbot) -> None:
    ko = window.panes[Lang.KO].view
    ko.setFocus()
    before_en = point_size(window, Lang.EN)
    qtbot.keyClick(ko, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(ko, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert point_size(window, Lang.KO) == 18
    assert window.settings.get("pref/font_size_ko") == 18
    assert point_size(window, Lang.EN) == before_en
    qtbot.keyClick(ko, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert point_size(window, Lang.KO) == 16
    qtbot.keyClick(ko, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert point_size(window, Lang.KO) == 14


def test_both_panes_and_the_range_limits(window: MainWindow) -> None:
    for _ in range(30):
        window.reading.larger_both_action.trigger()
    assert point_size(window, Lang.EN) == point_size(window, Lang.KO) == 72
    for _ in range(30):
        window.reading.smaller_both_action.trigger()
    assert point_size(window, Lang.EN) == point_size(window, Lang.KO) == 8
    assert step_size(72, +1) == 72 and step_size(8, -1) == 8 and step_size(15, +1) == 16


def test_the_view_stays_on_the_same_sentence_when_the_size_changes(window: MainWindow) -> None:
    en = window.panes[Lang.EN].view
    en.verticalScrollBar().setValue(en.verticalScrollBar().value() + en.sentence_top(12))
    assert en.anchor().index == 12
    window.settings.set("pref/font_size_en", 32)
    assert en.font().pointSize() == 32
    assert en.anchor().index == 12
    assert abs(en.sentence_top(12)) <= 2
    window.settings.set("pref/font_size_en", 10)
    assert en.anchor().index == 12


def test_spacing_and_line_width_apply_live(window: MainWindow) -> None:
    en = window.panes[Lang.EN].view
    first_line = en.sentence_bottom(0) - en.sentence_top(0)
    window.settings.set("pref/line_spacing", 220)
    assert en.sentence_bottom(0) - en.sentence_top(0) > first_line
    window.settings.set("pref/max_line_width", 20)
    margins = en.viewportMargins()
    assert margins.left() > 0 and margins.right() > 0
    window.settings.set("pref/max_line_width", 0)
    assert en.viewportMargins().left() == 0


@pytest.mark.parametrize("name", ["dark", "sepia", "high-contrast", "light"])
def test_theme_switch_colours_the_panes(window: MainWindow, name: str) -> None:
    window.settings.set("pref/theme", name)
    theme = themes.theme_named(name)
    for pane in window.panes.values():
        palette = pane.view.palette()
        assert palette.color(QPalette.ColorRole.Base) == theme.reading_background
        assert palette.color(QPalette.ColorRole.Text) == theme.reading_text
    assert themes.contrast_ratio(theme.reading_text, theme.reading_background) >= 7


def test_focus_mode_dims_all_but_the_current_pair(window: MainWindow, qtbot) -> None:
    en, ko = window.panes[Lang.EN].view, window.panes[Lang.KO].view
    window.linker.set_current(Lang.EN, 3)
    qtbot.keyClick(en, Qt.Key.Key_F8)
    assert window.reading.focus_action.isChecked()
    assert en.focus_mode and ko.focus_mode
    selections = ko.extraSelections()
    dimmed = [s for s in selections if s.cursor.selectionEnd() - s.cursor.selectionStart() > 500]
    assert dimmed, "the whole Korean text carries the dim colour"
    qtbot.keyClick(en, Qt.Key.Key_F8)
    assert not en.focus_mode


def test_session_mode_reveals_the_translation_one_sentence_at_a_time(
    window: MainWindow, qtbot
) -> None:
    en, ko = window.panes[Lang.EN].view, window.panes[Lang.KO].view
    qtbot.keyClick(ko, Qt.Key.Key_F9)
    assert window.reading.session_active
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    assert ko.font().pointSize() >= 28  # the client's language, large
    assert en.reveal_mode and not en.is_revealed(0)
    window.linker.set_current(Lang.KO, 0)
    qtbot.keyClick(ko, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert en.is_revealed(0)
    assert not en.is_revealed(1)
    window.linker.set_current(Lang.KO, 1)
    window.reading.reveal_action.trigger()
    assert en.is_revealed(window.document.counterparts(Lang.KO, 1).start)
    qtbot.keyClick(ko, Qt.Key.Key_F9)
    assert not window.reading.session_active
    assert not en.reveal_mode and en.is_revealed(5)
    assert not window.windowState() & Qt.WindowState.WindowFullScreen


def menu_actions(menu: QMenu) -> set[QAction]:
    found = set()
    for action in menu.actions():
        if isinstance(action.menu(), QMenu):
            found |= menu_actions(action.menu())
        elif not action.isSeparator():
            found.add(action)
    return found


def test_every_action_has_a_menu_path_or_a_shortcut(window: MainWindow) -> None:
    in_menus: set[QAction] = set()
    for top in window.menuBar().actions():
        if isinstance(top.menu(), QMenu):
            in_menus |= menu_actions(top.menu())
    for action in window.findChildren(QAction):
        if not action.text() or action.isSeparator() or action.menu() is not None:
            continue
        assert action in in_menus or action.shortcuts(), action.text()
    # every menu entry is reachable by keyboard: top-level menus carry a mnemonic
    for top in window.menuBar().actions():
        assert "&" in top.text(), top.text()


INTERACTIVE = (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractSlider, QLineEdit,
               QTextEdit, QAbstractItemView)


def test_every_interactive_widget_has_an_accessible_name(window: MainWindow) -> None:
    missing = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QScrollBar):
            continue  # part of the view it scrolls, which carries the name
        name = widget.accessibleName()
        if not name and isinstance(widget, QAbstractButton):
            name = widget.text() or (widget.defaultAction().text() if hasattr(
                widget, "defaultAction") and widget.defaultAction() else "")
        if not name:
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert not missing


def test_panes_expose_their_text_to_screen_readers(window: MainWindow) -> None:
    en = window.panes[Lang.EN].view
    assert en.accessibleName() == "English text"
    assert window.panes[Lang.KO].view.accessibleName() == "Korean text"
    assert "No one knows what awaited Kim Woo-joo" in en.toPlainText()


def test_small_window_with_large_type_fits(window: MainWindow, qtbot) -> None:
    window.settings.set("pref/font_size_en", 28)
    window.settings.set("pref/font_size_ko", 28)
    window.resize(800, 600)
    qtbot.wait(10)
    assert window.width() <= 800 and window.height() <= 600
    for pane in window.panes.values():
        assert pane.view.viewport().width() > 200
        assert pane.view.horizontalScrollBar().maximum() == 0  # text wraps, never clips
