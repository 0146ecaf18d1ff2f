"""The glossary as a user meets it: marked terms in both panes, hover and click, the side
panel (search, list, occurrences, docking), adding, editing, deleting with undo, CSV
import and export, and a save that fails -- on the bundled article and its glossaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QInputMethodEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextBrowser,
    QToolTip,
    QWidget,
)

from reader import paths
from reader.app import install_translators
from reader.document.model import Document, Lang, Provenance, Sentence
from reader.glossary import store as store_module
from reader.glossary.model import Entry, EntryOrigin
from reader.settings import Settings
from reader.ui.glossary_ui import GlossaryController
from reader.ui.main_window import MainWindow
from reader.ui.messages import Level, Message
from reader.ui.sentence_view import SentenceView

# English sentence 8 of the article ("Last year, 1,582 defectors received financial help …")
# is Korean sentence 9 ("… 지원을 받은 탈북민은 1,582명이었으며, 탈북민의 47%는 …").
EN_DEFECTORS, KO_DEFECTORS = 8, 9
EN_HANAWON = 12  # "… at Hanawon (house of unity) …"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "data"
    monkeypatch.setenv("DARI_DATA_DIR", str(path))
    return path


def open_window(qtbot, settings) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1400, 850)
    window.show()
    qtbot.waitExposed(window)
    window.open_bundled_article()
    qtbot.waitUntil(lambda: window.glossary.ready, timeout=10_000)
    return window


@pytest.fixture
def window(qtbot, settings, data_dir: Path) -> MainWindow:
    return open_window(qtbot, settings)


def views(window: MainWindow) -> tuple[SentenceView, SentenceView]:
    return window.panes[Lang.EN].view, window.panes[Lang.KO].view


def marked(view: SentenceView, index: int) -> list[tuple[str, str]]:
    """(text under the mark, entry id) for every mark of a sentence."""
    text = view.sentence_text(index)
    return [(text[m.start : m.end], m.entry_id) for m in view.marks.get(index, ())]


def point_of(view: SentenceView, index: int, offset: int) -> QPoint:
    """A viewport point inside character `offset` of sentence `index`."""
    view.ensure_sentence_visible(index)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._starts[index] + offset)
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + 2, rect.center().y())


def mark_point(view: SentenceView, index: int, entry_id: str) -> QPoint:
    mark = next(m for m in view.marks[index] if m.entry_id == entry_id)
    return point_of(view, index, mark.start + 1)


def plain(html_text: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html_text)
    return doc.toPlainText()


def posted(window: MainWindow) -> list[Message]:
    messages: list[Message] = []
    window.messages.posted.connect(messages.append)
    return messages


def test_terms_are_marked_in_the_pane_of_their_language(window: MainWindow) -> None:
    en, ko = views(window)
    assert ("defectors", "defector") in marked(en, EN_DEFECTORS)
    # 탈북민은 and 탈북민의: the term is marked, not its particle
    ko_text = ko.sentence_text(KO_DEFECTORS)
    defectors = [m for m in ko.marks[KO_DEFECTORS] if m.entry_id == "defector"]
    assert [ko_text[m.start : m.end + 1] for m in defectors] == ["탈북민은", "탈북민의"]
    assert [ko_text[m.start : m.end] for m in defectors] == ["탈북민", "탈북민"]
    assert all(text.isascii() for text, _ in marked(en, EN_DEFECTORS))
    # the underline is drawn: one extra selection per mark carries it
    underlined = [
        s for s in ko.extraSelections()
        if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    ]
    assert len(underlined) >= sum(len(m) for m in ko.marks.values())


def test_a_re_rendered_pane_is_marked_again(window: MainWindow, settings) -> None:
    en, _ = views(window)
    before = dict(en.marks)
    settings.set("pref/font_size_en", 20)  # re-renders the pane
    assert en.font().pointSize() == 20
    assert en.marks == before
    assert window.glossary.panel.list.font().pointSize() == 20  # the panel follows


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen tooltips
def test_hover_explains_the_term_in_the_pane_language(window: MainWindow) -> None:
    en, ko = views(window)
    entry = window.glossary.glossary.get("defector")
    tip = plain(en.tooltip_at(mark_point(en, EN_DEFECTORS, "defector")))
    assert entry.en_definition in tip and "탈북민" in tip
    assert entry.ko_definition not in tip
    tip = plain(ko.tooltip_at(mark_point(ko, KO_DEFECTORS, "defector")))
    assert entry.ko_definition in tip and "defector" in tip
    # the North Korean word, labelled in Korean in the Korean pane
    index = next(i for i, ms in ko.marks.items() if any(m.entry_id == "north-korea" for m in ms))
    assert "북한에서는: 조선" in plain(ko.tooltip_at(mark_point(ko, index, "north-korea")))
    # the real hover: a tooltip event on the viewport shows it
    point = mark_point(en, EN_DEFECTORS, "defector")
    event = QHelpEvent(QEvent.Type.ToolTip, point, en.viewport().mapToGlobal(point))
    QApplication.sendEvent(en.viewport(), event)
    assert entry.en_definition in plain(QToolTip.text())
    QToolTip.hideText()
    # away from any term, a sentence's usual tooltip (none for reviewed text)
    assert en.tooltip_at(point_of(en, EN_DEFECTORS, 0)) == ""


def test_clicking_a_term_shows_its_entry_and_lights_both_panes(window: MainWindow, qtbot) -> None:
    en, ko = views(window)
    panel = window.glossary.panel
    point = mark_point(en, EN_DEFECTORS, "defector")
    qtbot.mouseClick(en.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert panel.title.text() == "defector — 탈북민"
    details = panel.details.toPlainText()
    for text in ("defectors, defected, North Korean defectors", "북한이탈주민", "People",
                 "bundled (second-thoughts/glossary.toml)"):
        assert text in details
    assert window.linker.current == (Lang.EN, EN_DEFECTORS)
    assert en.current == range(EN_DEFECTORS, EN_DEFECTORS + 1)
    assert ko.current == range(KO_DEFECTORS, KO_DEFECTORS + 1)
    # the term and its counterparts are lit: "defectors" here, both 탈북민 there
    ko_text = ko.sentence_text(KO_DEFECTORS)
    assert [ko_text[m.start : m.end] for m in ko.lit_marks[KO_DEFECTORS]] == ["탈북민", "탈북민"]
    en_text = en.sentence_text(EN_DEFECTORS)
    assert [en_text[m.start : m.end] for m in en.lit_marks[EN_DEFECTORS]] == ["defectors"]


def test_the_context_menu_looks_a_term_up(window: MainWindow) -> None:
    _, ko = views(window)
    panel = window.glossary.panel
    index = next(i for i, ms in ko.marks.items() if any(m.entry_id == "hanawon" for m in ms))
    menu = ko.build_context_menu(mark_point(ko, index, "hanawon"))
    [look_up] = [a for a in menu.actions() if a.objectName() == "glossaryLookUp"]
    assert look_up.text() == "Look Up “하나원”"
    assert "Copy" in " ".join(a.text() for a in menu.actions())  # the standard items stay
    look_up.trigger()
    menu.deleteLater()
    assert panel.title.text() == "Hanawon — 하나원"


def test_next_occurrence_walks_the_sentences_containing_the_entry(
    window: MainWindow, qtbot
) -> None:
    controller, panel = window.glossary, window.glossary.panel
    controller.show_entry("defector")
    en, _ = views(window)
    en.setFocus()
    found = controller.marker.occurrences("defector", Lang.EN)
    assert found[:3] == [3, 6, 8]
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert window.linker.current == (Lang.EN, 3)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert window.linker.current == (Lang.EN, 6)
    assert panel.occurrence_label.text() == f"Occurrence 2 of {len(found)}"


def test_search_as_you_type_filters_the_list(window: MainWindow, qtbot) -> None:
    panel = window.glossary.panel
    panel.scope.setCurrentIndex(1)  # all terms
    everything = panel.list.count()
    assert everything == len(window.glossary.glossary)
    for syllable in "하나원":  # what a Korean input method commits, syllable by syllable
        event = QInputMethodEvent()
        event.setCommitString(syllable)
        QApplication.sendEvent(panel.search, event)
    assert panel.search.text() == "하나원"
    assert panel.list.item(0).text() == "Hanawon — 하나원"
    assert panel.list.count() < everything
    panel.search.clear()
    qtbot.keyClicks(panel.search, "hanaw")  # also in definitions that mention Hanawon
    assert panel.list.item(0).text() == "Hanawon — 하나원"
    assert "Hanawon" in panel.details.toPlainText() or panel.list.count() < 10
    # Enter picks the best match and goes to its first occurrence
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.title.text() == "Hanawon — 하나원"
    assert window.linker.current == (Lang.EN, EN_HANAWON)


def test_the_document_filter_lists_only_terms_present(window: MainWindow) -> None:
    panel, marker = window.glossary.panel, window.glossary.marker
    assert panel.scope.currentText() == "Terms in this document"
    listed = set(panel.listed_ids())
    assert listed == marker.present_ids()
    assert "hanawon" in listed and "personal-statement" not in listed


def test_added_term_is_marked_and_survives_a_restart(
    window: MainWindow, qtbot, settings_path: Path, data_dir: Path
) -> None:
    en, ko = views(window)
    controller = window.glossary
    index, phrase, trimmed = 2, "extraordinary series of journeys", "범상치 않은 여정"
    [ko_index] = window.document.counterparts(Lang.EN, index)
    assert controller.glossary.search(phrase) == []
    start = en.sentence_text(index).index(phrase)
    cursor = en.textCursor()
    cursor.setPosition(en._starts[index] + start)
    cursor.setPosition(en._starts[index] + start + len(phrase), QTextCursor.MoveMode.KeepAnchor)
    en.setTextCursor(cursor)
    en.setFocus()
    # the panes' context menu offers it
    menu = en.build_context_menu(point_of(en, index, start + 2))
    assert controller.add_action in menu.actions()
    menu.deleteLater()

    controller.add_action.trigger()
    editor = controller.editor
    assert editor is not None and editor.isVisible()
    assert editor.en.text() == phrase
    assert editor.ko.text() == ko.sentence_text(ko_index)  # the aligned sentence, to trim
    assert editor.hint.isVisibleTo(editor)
    assert editor.focusWidget() is editor.ko  # the sentence to trim, shown from its start
    qtbot.waitUntil(lambda: editor.ko.cursorPosition() == 0 and not editor.ko.hasSelectedText())
    editor.ko.setText(trimmed)
    editor.en_definition.setPlainText("A run of unusual journeys.")
    qtbot.mouseClick(editor.buttons.button(editor.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    entry_id = "extraordinary-series-of-journeys"
    entry = controller.glossary.get(entry_id)
    assert entry is not None and entry.origin is EntryOrigin.USER
    assert (entry.ko, entry.en_definition) == (trimmed, "A run of unusual journeys.")
    qtbot.waitUntil(lambda: (phrase, entry_id) in marked(en, index))
    assert (trimmed, entry_id) in marked(ko, ko_index)
    saved = json.loads((data_dir / "glossary.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in saved["entries"]] == [entry_id]

    window.close()
    again = open_window(qtbot, Settings(settings_path))
    assert again.glossary.glossary.get(entry_id) == entry
    assert (phrase, entry_id) in marked(again.panes[Lang.EN].view, index)


def test_editing_a_bundled_entry_keeps_an_override_and_the_file_untouched(
    window: MainWindow, data_dir: Path
) -> None:
    toml = paths.content_dir() / "second-thoughts" / "glossary.toml"
    before = toml.read_bytes()
    controller = window.glossary
    controller.edit_entry("hanawon")
    editor = controller.editor
    assert editor.en.text() == "Hanawon" and editor.ko.text() == "하나원"
    assert "comes with Dari" in editor.source_label.text()
    editor.en_definition.setPlainText("Where new arrivals spend their first three months.")
    editor.accept()
    entry = controller.glossary.get("hanawon")
    assert entry.origin is EntryOrigin.OVERRIDE
    assert entry.en_definition == "Where new arrivals spend their first three months."
    assert controller.glossary.bundled("hanawon").en_definition != entry.en_definition
    assert "changed by you" in controller.panel.details.toPlainText()
    saved = json.loads((data_dir / "glossary.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in saved["overrides"]] == ["hanawon"] and saved["entries"] == []
    assert toml.read_bytes() == before
    # and it can be restored as shipped
    controller.revert_entry("hanawon")
    assert controller.glossary.get("hanawon").origin is EntryOrigin.BUNDLED
    assert toml.read_bytes() == before


def test_delete_then_undo_with_ctrl_z_in_the_panel(window: MainWindow, qtbot) -> None:
    controller, panel = window.glossary, window.glossary.panel
    en, _ = views(window)
    panel.scope.setCurrentIndex(1)
    controller.show_entry("hanawon")
    window.activateWindow()
    qtbot.waitActive(window)
    panel.list.setFocus()
    qtbot.waitUntil(panel.list.hasFocus)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert controller.glossary.get("hanawon") is None
    assert "hanawon" not in panel.listed_ids()
    qtbot.waitUntil(lambda: ("Hanawon", "hanawon") not in marked(en, EN_HANAWON))
    qtbot.keyClick(panel.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert controller.glossary.get("hanawon") == controller.glossary.bundled("hanawon")
    assert "hanawon" in panel.listed_ids()
    qtbot.waitUntil(lambda: ("Hanawon", "hanawon") in marked(en, EN_HANAWON))
    assert not window.undo_stack.canRedo()  # the sentence undo was not the one used
    assert controller.undo_stack.canRedo()


def test_csv_export_then_import_keeps_every_field(
    window: MainWindow, qtbot, settings_path: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    controller = window.glossary
    tricky = Entry(
        id="gosiwon", category="housing", en="study room, \"goshiwon\"",
        en_variants=("gosiwon", "exam room"), ko="고시원", ko_variants=("고시텔",),
        en_definition="A tiny rented room.\nOften without a window; rent is monthly.",
        ko_definition="작은 방, 월세.", nk_usage="없음", note="Line one\r\nline two, \"quoted\"",
        loanword=True,
    )
    controller.save_entry(tricky)
    hanawon = controller.glossary.get("hanawon")
    controller.save_entry(Entry(**{**_fields(hanawon), "note": "Edited, with a comma."}))
    exported = controller.glossary.entries()
    path = tmp_path / "glossary.csv"
    controller.export_csv(path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")

    window.close()
    monkeypatch.setenv("DARI_DATA_DIR", str(tmp_path / "other-data"))
    fresh = open_window(qtbot, Settings(settings_path))
    assert fresh.glossary.glossary.get("gosiwon") is None
    fresh.glossary.import_csv(path)
    imported = fresh.glossary.glossary
    assert imported.entries() == exported  # every field, source and origin included
    assert imported.get("gosiwon") == controller.glossary.get("gosiwon")
    assert imported.get("hanawon").origin is EntryOrigin.OVERRIDE


def _fields(entry: Entry) -> dict:
    return {k: getattr(entry, k) for k in entry.__dataclass_fields__ if k not in ("source",
                                                                                 "origin")}


def test_malformed_csv_rows_are_reported_with_line_numbers(
    window: MainWindow, tmp_path: Path
) -> None:
    messages = posted(window)
    path = tmp_path / "import.csv"
    path.write_text(
        "en,ko,en_definition\n"
        "kettle,주전자,Boils water\n"
        "no korean,,oops\n"
        "doormat,현관 매트,\"Outside the door, for shoes\"\n",
        encoding="utf-8",
    )
    window.glossary.import_csv(path)
    glossary = window.glossary.glossary
    assert glossary.get("doormat").en_definition == "Outside the door, for shoes"
    assert glossary.get("kettle").ko == "주전자"
    assert glossary.get("no-korean") is None
    [message] = [m for m in messages if m.level is Level.WARNING]
    assert message.text == "Terms imported from import.csv: 2. Rows left out: 1."
    assert "line 3: no ko term" in message.detail


def test_an_interrupted_save_keeps_the_previous_file(
    window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = window.glossary
    messages = posted(window)
    controller.save_entry(Entry(id="first", category="general", en="first", ko="첫째"))
    saved = (data_dir / "glossary.json").read_bytes()

    def crash(_tmp: str, _target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module, "_replace", crash)
    controller.save_entry(Entry(id="second", category="general", en="second", ko="둘째"))
    assert (data_dir / "glossary.json").read_bytes() == saved
    assert sorted(p.name for p in data_dir.iterdir() if p.is_file()) == ["glossary.json"]  # no temp
    [error] = [m for m in messages if m.level is Level.ERROR]
    assert error.text == "Your glossary change could not be saved."
    assert "No space left on device" in error.detail
    assert controller.glossary.get("second") is not None  # still there in the window

    monkeypatch.undo()
    controller.save_entry(Entry(id="third", category="general", en="third", ko="셋째"))
    saved = json.loads((data_dir / "glossary.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in saved["entries"]] == ["first", "second", "third"]


def test_the_panel_can_be_hidden_and_docked_left(
    window: MainWindow, qtbot, settings, settings_path: Path
) -> None:
    controller = window.glossary
    panel = window.findChild(type(controller.panel), "glossaryDock")
    assert panel is controller.panel and panel.isVisible()
    assert window.dockWidgetArea(panel) == Qt.DockWidgetArea.RightDockWidgetArea
    controller.left_action.trigger()
    assert window.dockWidgetArea(panel) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert settings.get("state/glossary_area") == "left"
    assert controller.toggle_action.shortcut().toString() == "Ctrl+Shift+G"
    controller.toggle_action.trigger()
    assert panel.isHidden()
    assert settings.get("state/glossary_visible") is False

    window.close()
    again = open_window(qtbot, Settings(settings_path))
    assert again.dockWidgetArea(again.glossary.panel) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert again.glossary.panel.isHidden()


def test_marks_follow_the_preference(window: MainWindow, settings) -> None:
    en, _ = views(window)
    point = mark_point(en, EN_DEFECTORS, "defector")
    settings.set("pref/glossary_marks", False)
    assert en.mark_at(point) is None
    assert not any(
        s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
        for s in en.extraSelections()
    )
    assert not window.glossary.marks_action.isChecked()
    settings.set("pref/glossary_marks", True)
    assert en.mark_at(point) is not None


def test_loading_waits_for_the_window_to_be_shown(qtbot, settings, data_dir: Path) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert isinstance(window.glossary, GlossaryController)
    assert window.glossary.glossary is None and not window.glossary.add_action.isEnabled()
    window.show()
    qtbot.waitUntil(lambda: window.glossary.ready)
    assert window.glossary.add_action.isEnabled()


def unnamed_controls(root: QWidget) -> list[str]:
    kinds = (QLineEdit, QComboBox, QListWidget, QTextBrowser, QPlainTextEdit, QAbstractButton)
    return [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in root.findChildren(QWidget)
        if isinstance(w, kinds) and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleName() and not (isinstance(w, QAbstractButton) and w.text())
    ]


def test_every_control_has_an_accessible_name_and_is_reachable_by_tab(
    window: MainWindow,
) -> None:
    panel = window.glossary.panel
    controls = [panel.search, panel.scope, panel.list, panel.details, panel.next_button,
                panel.add_button, panel.edit_button, panel.delete_button]
    assert all(c.accessibleName() for c in controls)
    assert all(c.focusPolicy() & Qt.FocusPolicy.TabFocus for c in controls)
    assert unnamed_controls(panel) == []
    window.glossary.edit_entry("hanawon")
    editor = window.glossary.editor
    assert len(editor.findChildren(QLineEdit)) >= 3
    assert unnamed_controls(editor) == []


def test_a_streaming_translation_is_marked_as_it_arrives(window: MainWindow) -> None:
    document = Document.monolingual([["The defectors arrived.", "Hanawon came next."]], Lang.EN)
    window.set_document(document)
    _, ko = views(window)
    assert ko.marks == {}
    document.set_side(0, Lang.KO, [Sentence("탈북민들이 도착했다.", Provenance.machine("test"))])
    ko.extend(document)
    assert marked(ko, 0) == [("탈북민", "defector")]
    document.set_side(1, Lang.KO, [Sentence("다음은 하나원이었다.", Provenance.machine("test"))])
    ko.extend(document)
    assert (marked(ko, 0), marked(ko, 1)) == ([("탈북민", "defector")], [("하나원", "hanawon")])


@pytest.mark.parametrize("theme", ["light", "dark", "sepia", "high-contrast"])
def test_a_lit_term_stays_readable_in_every_theme(
    window: MainWindow, qtbot, settings, theme: str
) -> None:
    from reader.ui.themes import contrast_ratio, theme_named

    settings.set("pref/theme", theme)
    en, _ = views(window)
    qtbot.mouseClick(en.viewport(), Qt.MouseButton.LeftButton,
                     pos=mark_point(en, EN_DEFECTORS, "defector"))
    lit = en.extraSelections()[-1]  # painted last, over the current-sentence highlight
    assert lit.cursor.selectedText() == "defectors"
    text, background = lit.format.foreground().color(), lit.format.background().color()
    current = QColor(theme_named(theme).current_sentence_background)
    assert contrast_ratio(text, background) >= 4.5
    assert background != current  # it stands out from the rest of the sentence
    assert lit.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline


def test_a_lit_term_stays_lit_when_the_type_size_changes(
    window: MainWindow, qtbot, settings
) -> None:
    en, ko = views(window)
    qtbot.mouseClick(en.viewport(), Qt.MouseButton.LeftButton,
                     pos=mark_point(en, EN_DEFECTORS, "defector"))
    lit = dict(ko.lit_marks)
    assert lit
    settings.set("pref/font_size_ko", 22)
    assert ko.lit_marks == lit
    assert ko.extraSelections()[-1].cursor.selectedText() == "탈북민"


def test_panel_mnemonics_leave_the_menu_bar_alone(window: MainWindow) -> None:
    def mnemonic(text: str) -> str:
        return text[text.index("&") + 1].lower() if "&" in text.replace("&&", "") else ""

    menus = {mnemonic(a.text()) for a in window.menuBar().actions()} - {""}
    panel = window.glossary.panel
    buttons = [panel.next_button, panel.add_button, panel.edit_button, panel.delete_button]
    letters = [mnemonic(b.text()) for b in buttons]
    assert all(letters) and len(set(letters)) == len(letters)
    assert not menus & set(letters)


@pytest.mark.parametrize(
    ("language", "size", "points", "when"),
    [("en", (1000, 700), 14, "at start"), ("en", (800, 600), 14, "at start"),
     ("en", (800, 600), 28, "at start"), ("ko", (800, 600), 28, "at start"),
     ("ko", (1000, 700), 28, "while reading")],
)
def test_the_panel_cuts_nothing_off_in_a_small_window(
    qtbot, qapp: QApplication, settings: Settings, data_dir: Path,
    language: str, size: tuple[int, int], points: int, when: str,
) -> None:
    """Every control of the panel whole, or reachable by scrolling (as Tab does), never
    cut off at the side; the scope's text whole, or cut with "…" and shown in the tooltip."""
    translators = install_translators(qapp, "ko") if language == "ko" else []
    try:
        if when == "at start":
            for lang in ("en", "ko"):
                settings.set(f"pref/font_size_{lang}", points)
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        window.open_bundled_article()
        qtbot.waitUntil(lambda: window.glossary.ready, timeout=10_000)
        if when == "while reading":
            for lang in ("en", "ko"):
                settings.set(f"pref/font_size_{lang}", points)
        panel = window.glossary.panel
        scroller, body = panel.scroller, panel.body
        viewport = scroller.viewport()
        panel.list.setCurrentRow(0)  # an entry shown: every button enabled
        qtbot.waitUntil(lambda: body.width() == viewport.width() and body.height() >= max(
            viewport.height(), body.heightForWidth(body.width())))
        assert panel.isVisible() and panel.width() < size[0] // 2
        assert not scroller.horizontalScrollBar().isVisible()

        controls = [panel.search, panel.scope, panel.list, panel.count_label, panel.title,
                    panel.details, panel.occurrence_label, panel.next_button,
                    panel.add_button, panel.edit_button, panel.delete_button]
        for control in controls:
            name = control.objectName()
            assert control.width() >= control.minimumSizeHint().width(), name
            assert control.geometry().right() < body.width(), name  # nothing cut at the side
            if isinstance(control, QAbstractButton):
                assert control.size().expandedTo(control.sizeHint()) == control.size(), name
            scroller.ensureWidgetVisible(control, 0, 0)
            shown = QRect(control.mapTo(viewport, QPoint(0, 0)), control.size())
            assert viewport.rect().contains(shown), name  # reachable, whole
        scope = panel.scope
        if scope.is_elided():
            assert scope.toolTip() == scope.currentText()
        else:
            metrics = scope.fontMetrics()
            assert metrics.horizontalAdvance(scope.currentText()) < scope.width()
        if size == (1000, 700) and points == 14:  # room for everything at once
            assert not scroller.verticalScrollBar().isVisible() and not scope.is_elided()
            assert panel.list.height() > 3 * panel.list.sizeHintForRow(0)

        # Tab goes from the list to the last button, each scrolled into view in its turn.
        scroller.verticalScrollBar().setValue(0)
        panel.list.setFocus(Qt.FocusReason.OtherFocusReason)
        reached = []
        while window.focusWidget() is not panel.delete_button and len(reached) < 8:
            qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
            widget = window.focusWidget()
            reached.append(widget.objectName())
            shown = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
            assert viewport.rect().contains(shown), widget.objectName()
        assert reached == ["glossaryNext", "glossaryDetails", "glossaryAdd", "glossaryEdit",
                           "glossaryDelete"]
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
