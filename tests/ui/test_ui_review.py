"""The Library, the Notes panel and the handout options as a keyboard user and a screen
reader meet them: every command in a menu with a shortcut or a mnemonic, no shortcut taken
twice, accessible names on every control, a sensible Tab order, Esc and Enter in the
dialogs, arrows and Enter in the lists; and the polish a user expects (the last handout
choices remembered, a file name that is not the document's own, notes that follow their
sentence, long titles wrapped rather than cut off, the Korean interface in Korean)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QFont, QFontInfo, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMenu,
    QPushButton,
    QWidget,
)

from reader import paths
from reader.app import install_translators
from reader.document.model import Lang, Origin, Provenance, Sentence
from reader.settings import Settings
from reader.ui.fonts import family_for
from reader.ui.handout_dialog import HandoutOptionsDialog
from reader.ui.main_window import MainWindow
from tests.helpers.notes import note_dialog, type_note
from tests.helpers.windows import shown_window
from tests.ui.test_korean_ui import dialog_texts, not_korean


@pytest.fixture
def window(qtbot, settings: Settings) -> MainWindow:
    win = shown_window(qtbot, settings, (1000, 700))
    win.open_bundled_article()
    return win


def accessible_name(widget: QWidget) -> str:
    """What a screen reader announces for `widget` (its accessible name, else what Qt
    derives: a button's text, a field's buddy label)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, widget
    return interface.text(QAccessible.Text.Name).strip()


def focusable(root: QWidget) -> list[QWidget]:
    """The widgets Tab reaches in `root`, in focus-chain order."""
    chain, widget = [], root.nextInFocusChain()
    while widget is not root and widget not in chain:
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) == Qt.FocusPolicy.TabFocus and (
                widget.isVisibleTo(root) and root.isAncestorOf(widget)):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def nameless(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r}" for w in focusable(root)
            if not accessible_name(w)]


def press(widget: QWidget, qtbot, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key)


# -- menus and shortcuts --------------------------------------------------------------
def test_every_new_command_is_in_a_menu_with_keys_and_no_shortcut_is_taken_twice(
    window: MainWindow,
) -> None:
    opener, sessions, handouts = window.opener, window.sessions, window.handouts
    file_actions = window.file_menu.actions()
    for action in (opener.library_action, opener.clipboard_action, sessions.open_action,
                   sessions.save_action, handouts.export_action, handouts.print_action):
        assert action in file_actions, action.objectName()
    assert opener.encoding_menu.menuAction() in file_actions
    assert sessions.add_note_action in window.edit_menu.actions()
    assert sessions.toggle_action in window.view_menu.actions()

    wanted = {
        opener.library_action: "Ctrl+L", opener.clipboard_action: "Ctrl+Shift+V",
        sessions.open_action: "Ctrl+Shift+O", sessions.save_action: "Ctrl+S",
        sessions.add_note_action: "Ctrl+Shift+N", handouts.print_action: "Ctrl+P",
        sessions.toggle_action: "Ctrl+Shift+J",
    }
    for action, keys in wanted.items():
        assert action.shortcut() == QKeySequence(keys), action.objectName()

    # Each menu's mnemonics are unique, so Alt+F, then a letter, reaches every item.
    for menu in (window.file_menu, window.edit_menu, window.view_menu):
        letters = [a.text().split("&")[1][0].lower() for a in menu.actions()
                   if not a.isSeparator() and "&" in a.text()]
        assert len(letters) == len(set(letters)), (menu.title(), sorted(letters))
        unmarked = [a.text() for a in menu.actions() if not a.isSeparator()
                    and "&" not in a.text() and a.shortcut().isEmpty()]
        assert not unmarked, (menu.title(), unmarked)

    # No key sequence is bound to two of the window's commands (Qt would then run neither).
    owners: dict[str, list[str]] = {}
    for action in window.actions():
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action.objectName() or action.text())
    twice = {key: names for key, names in owners.items() if len(names) > 1}
    assert not twice, twice


# -- the library ----------------------------------------------------------------------
def test_library_by_keyboard_arrows_enter_delete_and_esc(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    here, gone, other = tmp_path / "here.txt", tmp_path / "gone.txt", tmp_path / "other.md"
    for path in (here, gone, other):
        path.write_text("A short text. It has two sentences.")
        with qtbot.waitSignal(window.load_settled, timeout=10000):
            window.open_path(path)
    gone.unlink()
    window.open_bundled_article()

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = window.opener.library
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    tree = dialog.tree
    assert nameless(dialog) == []
    assert accessible_name(tree) == "Texts to open"
    chain = focusable(dialog)
    assert chain.index(tree) < chain.index(dialog.open_button) < chain.index(
        dialog.remove_button)
    assert dialog.open_button.isDefault()

    # The bundled article is chosen first; Down skips the heading to the recent files.
    assert dialog.current_path() == paths.bundled_article()
    assert not dialog.remove_button.isEnabled()  # the bundled article is not a recent file
    press(tree, qtbot, Qt.Key.Key_Down)
    assert dialog.current_path() == other
    assert dialog.remove_button.isEnabled()
    press(tree, qtbot, Qt.Key.Key_Down)
    assert dialog.current_path() == gone
    item = tree.currentItem()
    assert "Missing — was in" in item.text(0) and "no longer there" in item.toolTip(0)

    # Enter on a missing file explains and stays; moving on clears the explanation.
    press(tree, qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.problem.isVisibleTo(dialog)
    press(tree, qtbot, Qt.Key.Key_Up)
    assert not dialog.problem.isVisibleTo(dialog)

    # Delete forgets the chosen recent file and chooses the next one.
    press(tree, qtbot, Qt.Key.Key_Down)
    assert dialog.current_path() == gone
    press(tree, qtbot, Qt.Key.Key_Delete)
    assert str(gone) not in window.settings.get("state/recent_files")
    assert dialog.current_path() == here
    press(tree, qtbot, Qt.Key.Key_Delete)
    assert dialog.current_path() == other  # the last one gone: the one before it
    assert window.settings.get("state/recent_files") == [str(other)]
    # Delete on the bundled article does nothing (it is not a recent file).
    tree.setCurrentItem(tree.topLevelItem(0).child(0))
    press(tree, qtbot, Qt.Key.Key_Delete)
    assert tree.topLevelItem(0).childCount() == 1

    press(tree, qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible()

    # Enter opens the chosen text and closes the dialog.
    window.opener.library_action.trigger()
    press(dialog.tree, qtbot, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.document_changed, timeout=10000):
        press(dialog.tree, qtbot, Qt.Key.Key_Return)
    assert not dialog.isVisible() and window.document.path == other


def test_library_wraps_long_titles_in_large_type_instead_of_cutting_them(
    window: MainWindow, qtbot
) -> None:
    window.opener.library_action.trigger()
    dialog = window.opener.library
    qtbot.waitExposed(dialog)
    large = QFont(dialog.font())
    large.setPointSize(28)
    dialog.set_reading_font(large)
    assert dialog.tree.font().pointSizeF() == 20  # at most PANEL_MAX_POINTS
    assert family_for(Lang.KO) in dialog.tree.font().families()
    dialog.resize(420, 460)
    qtbot.waitUntil(lambda: dialog.tree.viewport().width() < 420)
    article = dialog.tree.topLevelItem(0).child(0)
    title_ko = article.text(0).split("\n")[1]
    assert title_ko.startswith("‘마음이 바뀌다’")

    def tall_enough() -> bool:
        width = dialog.tree.viewport().width() - dialog.tree.indentation() - 8
        metrics = QFontMetrics(dialog.tree.font())
        needed = metrics.boundingRect(0, 0, width, 1 << 20, Qt.TextFlag.TextWordWrap,
                                      article.text(0)).height()
        return dialog.tree.visualItemRect(article).height() >= needed > 3 * metrics.height()

    qtbot.waitUntil(tall_enough)  # four lines or more, all shown
    dialog.reject()


# -- the notes panel ------------------------------------------------------------------
def add_notes(window: MainWindow) -> None:
    notes = window.sessions.notes
    notes.add(Lang.EN, 2, "Ask about her sister.")
    notes.add(Lang.KO, 6, "천천히 읽어 주세요.")
    notes.add(Lang.EN, 9, "Hanawon: explain.")
    window.sessions._notes_changed()


def test_notes_panel_by_keyboard(window: MainWindow, qtbot) -> None:
    add_notes(window)
    panel = window.sessions.panel
    assert not panel.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_J,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert panel.isVisible()
    qtbot.waitUntil(lambda: panel.list.hasFocus())
    assert nameless(panel) == []
    chain = focusable(panel)
    assert chain.index(panel.list) < chain.index(panel.add_button) < chain.index(
        panel.edit_button) < chain.index(panel.delete_button)

    # In the list, the first note is chosen and its sentence made current in both panes;
    # arrows go from note to note.
    lst = panel.list
    assert lst.currentRow() == 0
    assert window.linker.current == (Lang.EN, 2)
    counterparts = window.document.counterparts(Lang.EN, 2)
    assert window.panes[Lang.EN].view.current == range(2, 3)
    assert window.panes[Lang.KO].view.current == counterparts
    press(lst, qtbot, Qt.Key.Key_Down)
    assert window.linker.current == (Lang.KO, 6)
    assert window.panes[Lang.EN].view.current == window.document.counterparts(Lang.KO, 6)

    # Enter edits the chosen note; after Ctrl+Enter the list has the keyboard again.
    press(lst, qtbot, Qt.Key.Key_Return)
    assert note_dialog(window, qtbot).windowTitle() == "Edit Note"
    type_note(window, qtbot, "천천히, 두 번 읽어 주세요.")
    assert window.sessions.notes.for_sentence(Lang.KO, 6).text == "천천히, 두 번 읽어 주세요."
    assert lst.hasFocus()
    assert lst.currentItem().text().startswith("천천히, 두 번 읽어 주세요.\n— Korean sentence 7")

    # Delete removes it, and the next note is chosen (and its sentence made current).
    press(lst, qtbot, Qt.Key.Key_Delete)
    assert window.sessions.notes.for_sentence(Lang.KO, 6) is None
    assert lst.count() == 2 and lst.currentRow() == 1
    assert window.linker.current == (Lang.EN, 9)
    press(lst, qtbot, Qt.Key.Key_Delete)
    assert lst.count() == 1 and lst.currentRow() == 0  # the last one gone: the one before
    assert window.linker.current == (Lang.EN, 2)


def test_notes_panel_follows_corrections_and_the_reading_size(window: MainWindow) -> None:
    add_notes(window)
    panel = window.sessions.panel
    # A noted sentence corrected: its row shows the new text.
    old = window.document.sentences(Lang.EN)[2]
    new = Sentence("A corrected sentence about her sister.", Provenance.corrected())
    window._apply_correction(Lang.EN, 2, old, new)
    assert new.provenance.origin is Origin.CORRECTED
    assert panel.list.item(0).text().endswith("“A corrected sentence about her sister.”")

    # The notes are in the reading type (at most 20 points), Hangul in the Korean family.
    window.settings.set("pref/font_size_en", 18)
    assert panel.list.font().pointSizeF() == 18
    window.settings.set("pref/font_size_en", 36)
    assert panel.list.font().pointSizeF() == 20
    assert panel.list.font().families()[0] == family_for(Lang.KO)
    assert panel.add_button.font().pointSizeF() < 18  # the buttons keep the interface's


# -- the handout options --------------------------------------------------------------
def answer_save(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[tuple[str, str]]:
    """Answer the file dialog with `path` (None: Cancel); returns (start, filters) asked."""
    asked: list[tuple[str, str]] = []

    def ask(parent: object, caption: str, start: str, filters: str) -> tuple[str, str]:
        asked.append((start, filters))
        return (str(path), "") if path is not None else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    return asked


def open_options(window: MainWindow, qtbot) -> HandoutOptionsDialog:
    window.handouts.export_action.trigger()
    dialog = window.handouts.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def ok_button(dialog: QDialog) -> QPushButton:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def test_handout_options_keyboard_names_tab_order_esc(window: MainWindow, qtbot) -> None:
    dialog = open_options(window, qtbot)
    assert nameless(dialog) == []
    assert accessible_name(dialog.title_edit) == "Handout title"
    chain = focusable(dialog)
    ok = ok_button(dialog)
    order = [dialog.title_edit, dialog.columns_radio, dialog.interleaved_radio,
             dialog.notes_check, dialog.glossary_check, ok]
    assert [chain.index(w) for w in order] == sorted(chain.index(w) for w in order)
    assert ok.isDefault() and ok.text() == "&Export…"
    # The whole default title is readable below the field (too narrow for it).
    hint = dialog.findChild(QLabel, "hint")
    for title in window.document.title.values():
        assert title in hint.text()
    press(dialog.title_edit, qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and window.handouts.dialog is None


def test_handout_remembers_choices_but_never_the_notes_and_suggests_a_new_file(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_notes(window)
    if window.glossary is not None and not window.glossary.ready:
        qtbot.waitUntil(lambda: window.glossary.ready, timeout=20000)
    dialog = open_options(window, qtbot)
    assert dialog.columns_radio.isChecked() and dialog.glossary_check.isChecked()
    dialog.interleaved_radio.click()
    dialog.glossary_check.click()
    dialog.notes_check.click()
    asked = answer_save(monkeypatch, tmp_path / "for-client.html")
    with qtbot.waitSignal(window.handouts.exported, timeout=30000):
        ok_button(dialog).click()
    # The bundled article: a name from its title, not a file in Dari's own content folder.
    start, filters = asked[0]
    assert Path(start).name == (
        "Second thoughts what makes North Korean defectors want to go - handout.pdf")
    assert paths.content_dir() not in Path(start).parents
    assert filters.startswith("PDF document")
    assert window.message_bar.text == f"Handout saved to {tmp_path / 'for-client.html'}."

    dialog = open_options(window, qtbot)
    assert dialog.interleaved_radio.isChecked() and not dialog.glossary_check.isChecked()
    assert not dialog.notes_check.isChecked()  # notes are left out unless asked each time
    asked = answer_save(monkeypatch, None)
    ok_button(dialog).click()
    start, filters = asked[0]
    assert Path(start).parent == tmp_path and Path(start).suffix == ".html"
    assert filters.startswith("Web page")  # the type chosen last time comes first


def test_handout_of_a_file_never_suggests_the_file_itself(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "report.txt"
    source.write_text("The river rose overnight. Nobody could remember a flood like it.")
    with qtbot.waitSignal(window.load_settled, timeout=10000):
        window.open_path(source)
    dialog = open_options(window, qtbot)
    asked = answer_save(monkeypatch, None)
    ok_button(dialog).click()
    assert Path(asked[0][0]) == tmp_path / "report - handout.pdf"


def test_a_failed_handout_export_goes_to_the_message_bar(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_options(window, qtbot)
    (tmp_path / "a file").write_text("not a folder")
    target = tmp_path / "a file" / "handout.pdf"
    answer_save(monkeypatch, target)
    failed = window.messages.posted
    with qtbot.waitSignal(failed, timeout=30000):
        ok_button(dialog).click()
    assert window.message_bar.text.startswith(f"The handout could not be saved to {target}")
    assert window.handouts.export_action.isEnabled()


# -- the Korean interface -------------------------------------------------------------
@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "ko")
    assert len(translators) == 2
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
        translator.deleteLater()


def test_library_notes_and_handout_read_in_korean(
    korean: None, qtbot, settings: Settings, tmp_path: Path
) -> None:
    missing = tmp_path / "gone.txt"
    settings.set("state/recent_files", [str(missing)])
    win = shown_window(qtbot, settings, None)
    win.open_bundled_article()

    win.opener.show_library()
    library = win.opener.library
    texts = list(dialog_texts(library))
    texts += [(f"tooltip {w.objectName()}", w.toolTip()) for w in library.findChildren(QWidget)]
    texts += [(f"name {w.objectName()}", accessible_name(w)) for w in focusable(library)
              if w is not library.tree]
    recent = library.tree.topLevelItem(1)
    texts += [("heading", recent.text(0)), ("missing", recent.child(0).text(0).split("\n")[1])]
    assert library.windowTitle() == "서재"
    bad = not_korean(texts)
    library.reject()

    win.sessions.notes.add(Lang.EN, 1, "Note.")
    win.sessions._notes_changed()
    panel = win.sessions.panel
    texts = [("dock", panel.windowTitle()), ("empty", panel.empty_label.text())]
    texts += [(f"name {w.objectName()}", accessible_name(w)) for w in focusable(panel)]
    texts += [(f"tooltip {b.objectName()}", b.toolTip())
              for b in (panel.add_button, panel.edit_button, panel.delete_button)]
    texts += [("row", panel.list.item(0).text().split("\n")[1].split(":")[0])]
    bad += not_korean(texts)

    win.sessions.edit_note(Lang.EN, 1)
    note = win.sessions.note_dialog
    bad += not_korean([*dialog_texts(note), ("name", accessible_name(note.edit)),
                       ("tooltip", note.edit.toolTip())])
    note.reject()

    win.handouts.ask_options("print")
    dialog = win.handouts.dialog
    bad += not_korean([*dialog_texts(dialog), ("placeholder", dialog.title_edit.placeholderText())])
    dialog.reject()
    menus = [win.opener.encoding_menu]
    bad += not_korean((f"menu {a.objectName()}", a.text()) for m in menus for a in m.actions()
                      if isinstance(m, QMenu))
    assert not bad, "not in Korean:\n" + "\n".join(bad)


# -- new from clipboard ---------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "탈북민은 하나원에서 12주 동안 교육을 받는다. 그 뒤 지역 사회로 간다.",  # one paragraph
    "The river rose overnight.\n\nNobody could remember a flood like it.",
], ids=["one Korean paragraph", "two English paragraphs"])
def test_new_from_clipboard_shows_every_paragraph(window: MainWindow, qtbot, text: str) -> None:
    QApplication.clipboard().setText(text)
    with qtbot.waitSignal(window.load_settled, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_V,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    document = window.document
    assert document.path is None
    shown = " ".join(s.text for s in document.sentences(document.original_language))
    assert " ".join(shown.split()) == " ".join(text.split())
    assert window.message_bar.text == ""


# -- save session ---------------------------------------------------------------------
def test_save_session_suggests_a_name_from_the_title_outside_the_content_folder(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_save(monkeypatch, None)
    window.sessions.save_action.trigger()
    start = Path(asked[0][0])
    assert start.name == "Second thoughts what makes North Korean defectors want to go.dari"
    assert paths.content_dir() not in start.parents and start.parent.is_dir()


# -- the note dialog ------------------------------------------------------------------
def test_note_dialog_fits_a_small_window_and_tab_leaves_the_text(
    window: MainWindow, qtbot
) -> None:
    window.resize(800, 600)
    window.settings.set("pref/font_size_ko", 28)  # large type, a long Korean sentence
    window.linker.set_current(Lang.KO, 4)
    window.sessions.add_note_action.trigger()
    dialog = note_dialog(window, qtbot)
    assert dialog.windowTitle() == "Add Note"
    assert dialog.width() <= window.width() and dialog.height() <= window.height()
    assert dialog.width() >= 480
    # The whole sentence is shown, wrapped, in the Korean reading type (at most 20 points).
    label = dialog.sentence_label
    sentence = window.document.sentences(Lang.KO)[4].text
    assert label.text() == f"Korean sentence 5: “{sentence}”"
    assert label.wordWrap() and label.height() >= label.heightForWidth(label.width())
    assert label.geometry().right() <= dialog.width()
    assert label.font().pointSizeF() == 20
    assert QFontInfo(label.font()).family() == family_for(Lang.KO)
    assert QFontInfo(dialog.edit.font()).family() == family_for(Lang.KO)
    # Nothing cut off: every button as wide and tall as it wants, inside the dialog.
    for button in dialog.findChildren(QPushButton):
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.height() >= button.sizeHint().height(), button.text()
        assert dialog.rect().contains(QRect(button.mapTo(dialog, QPoint(0, 0)), button.size()))
    assert accessible_name(dialog.edit) == "Note text"
    assert nameless(dialog) == []
    # Tab leaves the text (no tab character typed) for the buttons; Shift+Tab comes back.
    edit = dialog.edit
    assert dialog.focusWidget() is edit
    qtbot.keyClicks(edit, "Ask about Hanawon.")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.toPlainText() == "Ask about Hanawon."
    button = dialog.focusWidget()
    assert button in (dialog.save_button, dialog.cancel_button)
    qtbot.keyClick(button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.focusWidget() is edit
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is button
    # Ctrl+Enter saves even from a button (Enter there would press that button).
    qtbot.keyClick(button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert window.sessions.notes.for_sentence(Lang.KO, 4).text == "Ask about Hanawon."
