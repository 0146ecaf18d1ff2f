"""The interface in Korean: started as `dari --lang ko` does, every menu, menu item, toolbar
button, button and dialog title reads in Korean, and Qt's own buttons do too.

The translators are installed in-process for these tests only and removed afterwards, so
the other tests keep seeing the English interface.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html import unescape

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QTabWidget,
    QToolBar,
    QWidget,
)

from reader import paths
from reader.app import install_translators
from reader.document.article import load_article
from reader.settings import Settings
from reader.ui.main_window import MainWindow
from tests.helpers.windows import shown_window

HANGUL = re.compile("[\uac00-\ud7a3]")
LATIN_WORD = re.compile(r"[A-Za-z]+")
TAG = re.compile(r"<[^>]*>")
# Key sequences as QKeySequence writes them: "Ctrl+Shift+A", "F9", "Esc".
KEYS = re.compile(r"\b(?:(?:Ctrl|Shift|Alt|Meta)\+)+(?:[A-Z0-9]\b|\S+)|\bF\d{1,2}\b")
# Words a Korean interface still writes in Latin letters: product and format names, key
# names, units. Anything else in Latin letters without Hangul beside it is untranslated.
ALLOWED_WORDS = {
    "Dari", "Argos", "Translate", "espeak", "ng", "WAV", "CSV", "argosmodel", "pt", "UTF",
    "Esc", "Tab", "Enter", "Space", "Del", "Home", "End",
}


def plain(text: str) -> str:
    """The text as shown: no markup, no mnemonic marker, spaces collapsed."""
    return " ".join(TAG.sub("", text).replace("&", "").split())


def is_korean(text: str) -> bool:
    """Contains Hangul, or is only symbols, digits, key names and allowed Latin words."""
    text = plain(text)
    if HANGUL.search(text):
        return True
    return all(word in ALLOWED_WORDS for word in LATIN_WORD.findall(KEYS.sub("", text)))


def not_korean(texts: Iterable[tuple[str, str]]) -> list[str]:
    """The offending (where, text) pairs, formatted for an assertion message."""
    return [f"{where}: {plain(text)!r}" for where, text in texts
            if plain(text) and not is_korean(text)]


def menu_texts(menu: QMenu, path: str) -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield f"{path} › action {action.objectName() or '?'}", action.text()
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from menu_texts(submenu, f"{path} › {action.text()}")


def button_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    for button in widget.findChildren(QAbstractButton):
        yield f"button {button.objectName() or type(button).__name__}", button.text()


def dialog_texts(dialog: QDialog) -> Iterator[tuple[str, str]]:
    yield "window title", dialog.windowTitle()
    yield from button_texts(dialog)
    for tabs in dialog.findChildren(QTabWidget):
        for i in range(tabs.count()):
            yield f"tab {i}", tabs.tabText(i)
    for label in dialog.findChildren(QLabel):
        yield f"label {label.objectName() or '?'}", label.text()


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "ko")
    assert len(translators) == 2, "dari_ko.qm and Qt's qtbase_ko.qm should both load"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
        translator.deleteLater()


@pytest.fixture
def window(korean: None, qtbot, settings: Settings) -> MainWindow:
    win = shown_window(qtbot, settings, (1280, 800))
    win.set_document(load_article(paths.bundled_article()))
    return win


def test_menus_and_their_items_are_korean(window: MainWindow) -> None:
    texts: list[tuple[str, str]] = []
    menus = [a for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    assert len(menus) >= 8
    for menu_action in menus:
        if not menu_action.isVisible():
            continue
        texts.append(("menu title", menu_action.text()))
        texts.extend(menu_texts(menu_action.menu(), menu_action.text()))
    assert len(texts) > 50
    bad = not_korean(texts)
    assert not bad, "menu texts not in Korean:\n" + "\n".join(bad)


def test_toolbar_and_window_buttons_are_korean(window: MainWindow) -> None:
    texts: list[tuple[str, str]] = []
    for toolbar in window.findChildren(QToolBar):
        texts.append(("toolbar", toolbar.windowTitle()))
        for action in toolbar.actions():
            if action.isSeparator():
                continue
            button = toolbar.widgetForAction(action)
            if isinstance(button, QAbstractButton):
                texts.append((f"toolbar button {action.objectName()}", button.text()))
                texts.append((f"toolbar tooltip {action.objectName()}", action.toolTip()))
        for combo in toolbar.findChildren(QComboBox):
            texts.extend((f"toolbar {combo.objectName()} item", combo.itemText(i))
                         for i in range(combo.count()))
    texts.extend(button_texts(window))
    bad = not_korean(texts)
    assert not bad, "toolbar and button texts not in Korean:\n" + "\n".join(bad)


def test_pane_headers_are_korean(window: MainWindow) -> None:
    texts = []
    for lang, pane in window.panes.items():
        texts.extend((f"pane {lang.value} {label.objectName() or '?'}", label.text())
                     for label in pane.findChildren(QLabel))
    bad = not_korean(texts)
    assert not bad, "pane headers not in Korean:\n" + "\n".join(bad)


def test_preferences_dialog_is_korean(window: MainWindow, qtbot) -> None:
    window.show_preferences()
    dialog = window.preferences
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "환경 설정"
    bad = not_korean(dialog_texts(dialog))
    dialog.close()
    assert not bad, "Preferences dialog texts not in Korean:\n" + "\n".join(bad)


def test_model_manager_dialog_is_korean(window: MainWindow, qtbot) -> None:
    window.show_model_manager()
    dialog = window.model_manager
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "번역 모델"
    bad = not_korean(dialog_texts(dialog))
    dialog.close()
    assert not bad, "Translation Models dialog texts not in Korean:\n" + "\n".join(bad)


def test_keyboard_help_is_korean(window: MainWindow, qtbot) -> None:
    window.show_help()
    dialog = window.help_dialog
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "다리(Dari) 키보드 도움말"
    texts = list(dialog_texts(dialog))
    # The page lists every menu item by name: each row of its table must be Korean too.
    html = dialog.browser.toHtml()
    texts.extend(("help row", unescape(TAG.sub("", cell)))
                 for cell in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S))
    bad = not_korean(texts)
    dialog.close()
    assert not bad, "Keyboard help texts not in Korean:\n" + "\n".join(bad)


def test_qt_own_strings_are_korean(korean: None, qtbot) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"
    assert QCoreApplication.translate("QPlatformTheme", "Close") == "닫기"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close
                           | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = [box.button(b).text() for b in (QDialogButtonBox.StandardButton.Close,
                                            QDialogButtonBox.StandardButton.Cancel)]
    assert all(HANGUL.search(t) for t in texts), texts


def test_strings_written_in_mixins_are_found_at_run_time(window: MainWindow) -> None:
    """lupdate files self.tr() strings under the class the code is written in (the mixin);
    PySide6's tr() tries each class of the object's MRO, so they are still found."""
    assert window.tr("Translation progress") == "번역 진행 상황"  # TranslationMixin
    assert window.cancel_button.text() == "취소"
    assert window.glossary is not None
    assert window.glossary.tr("Export the Glossary") == "용어집 내보내기"  # GlossaryEditsMixin


def test_translators_are_removed_afterwards(qapp: QApplication) -> None:
    """Runs after the Korean tests in this module: the interface is English again."""
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
