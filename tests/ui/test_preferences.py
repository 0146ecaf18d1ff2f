"""The preferences dialog, driven with the keyboard and mouse: it shows the stored values,
writes each change at once, restores defaults, is fully labelled, and still fits on an
800x600 screen when the interface font is 24 pt."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QFontComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSlider,
    QSpinBox,
    QTabBar,
    QWidget,
)

from reader.document.model import Lang
from reader.settings import KEYS, THEMES, Settings
from reader.ui.fonts import family_for
from reader.ui.preferences import PreferencesDialog
from reader.ui.themes import apply_theme

VOICES = {"en": [("gmw/en", "English (eSpeak)")], "ko": [("ko", "Korean (eSpeak)")]}
INTERACTIVE = (QAbstractButton, QComboBox, QAbstractSpinBox, QSlider, QLineEdit)


@pytest.fixture
def dialog(qtbot, settings: Settings) -> PreferencesDialog:
    dlg = PreferencesDialog(settings, voices=VOICES)
    qtbot.addWidget(dlg)
    return dlg


@pytest.fixture
def shown(qtbot, dialog: PreferencesDialog) -> PreferencesDialog:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


@pytest.fixture
def changes(settings: Settings) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []
    settings.changed.connect(lambda name, value: seen.append((name, value)))
    return seen


def control(dialog: PreferencesDialog, key: str) -> Any:
    return dialog.controls[key]


def test_opening_shows_the_current_values(qtbot, settings: Settings) -> None:
    for key, value in {
        "pref/font_size_en": 22, "pref/font_family_ko": "NanumGothic", "pref/theme": "sepia",
        "pref/line_spacing": 180, "pref/speech_rate": 200, "pref/speech_voice_ko": "ko",
        "pref/glossary_marks": False, "pref/speech_output": "silent",
    }.items():
        settings.set(key, value)
    dlg = PreferencesDialog(settings, voices=VOICES)
    qtbot.addWidget(dlg)

    assert control(dlg, "pref/font_size_en").value() == 22
    assert control(dlg, "pref/font_size_ko").value() == KEYS["pref/font_size_ko"].default
    assert control(dlg, "pref/line_spacing").value() == 180
    assert control(dlg, "pref/theme").currentData() == "sepia"
    assert control(dlg, "pref/theme").currentText() == "Sepia"
    assert control(dlg, "pref/max_line_width").text() == "No limit"
    assert control(dlg, "pref/speech_voice_ko").currentData() == "ko"
    assert control(dlg, "pref/speech_voice_en").currentText() == "Automatic"
    assert control(dlg, "pref/speech_output").currentData() == "silent"
    assert control(dlg, "pref/speech_rate").value() == 200
    assert dlg.value_labels["pref/speech_rate"][0].text() == "200 words per minute"
    assert not control(dlg, "pref/glossary_marks").isChecked()
    assert control(dlg, "pref/font_family_ko").currentFont().family() == "NanumGothic"
    assert not dlg.default_font[Lang.KO].isChecked()
    assert dlg.default_font[Lang.EN].isChecked()
    assert control(dlg, "pref/font_family_en").currentFont().family() == family_for(Lang.EN)


def test_typing_an_english_font_size_writes_it_once(
    qtbot, shown: PreferencesDialog, settings: Settings, changes: list
) -> None:
    spin = control(shown, "pref/font_size_en")
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "20")
    assert settings.get("pref/font_size_en") == 20
    assert changes == [("pref/font_size_en", 20)]
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert settings.get("pref/font_size_en") == 21
    assert len(changes) == 2


def test_font_size_range_is_8_to_72(dialog: PreferencesDialog) -> None:
    for lang in ("en", "ko"):
        spin = control(dialog, f"pref/font_size_{lang}")
        assert (spin.minimum(), spin.maximum()) == (8, 72)


def test_the_theme_combo_offers_every_theme_and_writes_the_choice(
    dialog: PreferencesDialog, settings: Settings, changes: list
) -> None:
    combo = control(dialog, "pref/theme")
    assert [combo.itemData(i) for i in range(combo.count())] == list(THEMES)
    assert combo.itemText(3) == "High contrast"
    combo.setCurrentIndex(combo.findData("high-contrast"))
    assert settings.get("pref/theme") == "high-contrast"
    assert changes == [("pref/theme", "high-contrast")]


def test_the_korean_font_combo_offers_only_fonts_with_hangul_and_stores_the_family(
    dialog: PreferencesDialog, settings: Settings
) -> None:
    combo = control(dialog, "pref/font_family_ko")
    assert isinstance(combo, QFontComboBox)
    families = [combo.itemText(i) for i in range(combo.count())]
    assert families
    assert "DejaVu Sans" in QFontDatabase.families()  # a Latin-only family is installed...
    assert "DejaVu Sans" not in families  # ...and not offered
    for family in families:
        assert QFontDatabase.WritingSystem.Korean in QFontDatabase.writingSystems(family), family

    other = next(f for f in families if f != combo.currentText())
    combo.setCurrentIndex(families.index(other))
    assert settings.get("pref/font_family_ko") == other
    assert not dialog.default_font[Lang.KO].isChecked()

    dialog.default_font[Lang.KO].click()
    assert settings.get("pref/font_family_ko") == ""
    assert combo.currentFont().family() == family_for(Lang.KO)


def test_sliders_write_and_label_their_value(
    qtbot, shown: PreferencesDialog, settings: Settings
) -> None:
    shown.tabs.setCurrentIndex(1)
    slider = control(shown, "pref/speech_rate")
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert settings.get("pref/speech_rate") == 170
    assert shown.value_labels["pref/speech_rate"][0].text() == "170 words per minute"
    volume = control(shown, "pref/speech_volume")
    volume.setFocus()
    qtbot.keyClick(volume, Qt.Key.Key_End)
    assert settings.get("pref/speech_volume") == 100
    assert shown.value_labels["pref/speech_volume"][0].text() == "100 %"


def test_glossary_marks_checkbox_writes_at_once(
    qtbot, dialog: PreferencesDialog, settings: Settings
) -> None:
    box = control(dialog, "pref/glossary_marks")
    assert isinstance(box, QCheckBox) and box.isChecked()
    box.click()
    assert settings.get("pref/glossary_marks") is False


def test_restore_defaults_resets_every_shown_preference_and_nothing_else(
    qtbot, shown: PreferencesDialog, settings: Settings
) -> None:
    settings.set("pref/sync_scroll", False)  # not in this dialog
    settings.set("state/swapped", True)
    control(shown, "pref/font_size_ko").setValue(40)
    control(shown, "pref/theme").setCurrentIndex(2)
    control(shown, "pref/speech_volume").setValue(10)
    control(shown, "pref/glossary_marks").click()
    shown.default_font[Lang.EN].click()
    assert settings.get("pref/font_family_en") != ""

    qtbot.mouseClick(shown.restore_button, Qt.MouseButton.LeftButton)

    for key in shown.controls:
        assert settings.get(key) == KEYS[key].default, key
    assert control(shown, "pref/font_size_ko").value() == KEYS["pref/font_size_ko"].default
    assert control(shown, "pref/theme").currentData() == "light"
    assert control(shown, "pref/glossary_marks").isChecked()
    assert shown.default_font[Lang.EN].isChecked()
    assert settings.get("pref/sync_scroll") is False
    assert settings.get("state/swapped") is True


def test_changes_made_elsewhere_show_in_the_open_dialog(
    dialog: PreferencesDialog, settings: Settings, changes: list
) -> None:
    settings.set("pref/font_size_en", 30)  # e.g. the window's zoom shortcut
    assert control(dialog, "pref/font_size_en").value() == 30
    assert changes == [("pref/font_size_en", 30)]  # the dialog did not write it back


def test_a_stored_voice_that_is_not_installed_is_shown_and_kept(
    qtbot, settings: Settings
) -> None:
    settings.set("pref/speech_voice_en", "mb/mb-us1")
    dlg = PreferencesDialog(settings, voices=VOICES)
    qtbot.addWidget(dlg)
    combo = control(dlg, "pref/speech_voice_en")
    assert combo.currentData() == "mb/mb-us1"
    assert "not available" in combo.currentText()
    assert settings.get("pref/speech_voice_en") == "mb/mb-us1"


def test_without_voices_the_speech_page_says_why(qtbot, settings: Settings) -> None:
    dlg = PreferencesDialog(settings, speech_problem="espeak-ng is not installed.")
    qtbot.addWidget(dlg)
    assert dlg.speech_problem_label is not None
    assert dlg.speech_problem_label.text() == (
        "Speech is not available: espeak-ng is not installed."
    )
    combo = control(dlg, "pref/speech_voice_ko")
    assert [combo.itemText(i) for i in range(combo.count())] == ["Automatic"]
    with_voices = PreferencesDialog(settings, voices=VOICES)
    qtbot.addWidget(with_voices)
    assert with_voices.speech_problem_label is None


def test_every_control_has_an_accessible_name_or_a_label(dialog: PreferencesDialog) -> None:
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    unnamed = []
    for widget in dialog.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget.parent(), QTabBar):
            continue  # QTabBar's scroll arrows are Qt's own
        if isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
            continue  # the editor inside a combo or spin box speaks for it
        if not widget.accessibleName() and widget not in buddies:
            unnamed.append(widget)
    assert not unnamed
    for key, widget in dialog.controls.items():
        assert widget.accessibleName(), key
    # Each labelled control has a keyboard mnemonic, unique on its page and among the
    # tabs and buttons that are always there.
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    always = [*tabs, dialog.restore_button.text(), dialog.close_button.text()]
    for index in range(dialog.tabs.count()):
        page = dialog.tabs.widget(index)
        assert page is not None
        labels = [label.text() for label in page.findChildren(QLabel) if label.buddy()]
        boxes = [box.text() for box in page.findChildren(QCheckBox)]
        keys = [text.split("&")[1][0].lower() for text in [*always, *labels, *boxes]]
        assert len(keys) == len(set(keys)), keys


def test_tab_moves_through_the_reading_page_in_reading_order(
    qtbot, shown: PreferencesDialog
) -> None:
    d = shown
    expected = [
        d.controls["pref/font_size_en"], d.controls["pref/font_family_en"],
        d.default_font[Lang.EN],
        d.controls["pref/font_size_ko"], d.controls["pref/font_family_ko"],
        d.default_font[Lang.KO],
        d.controls["pref/line_spacing"], d.controls["pref/paragraph_spacing"],
        d.controls["pref/max_line_width"], d.controls["pref/theme"], d.controls["pref/language"],
        d.restore_button, d.close_button, d.tabs.tabBar(),
    ]
    d.tabs.tabBar().setFocus()
    qtbot.waitUntil(d.tabs.tabBar().hasFocus)
    qtbot.keyClick(d.tabs.tabBar(), Qt.Key.Key_Tab)
    visited = []
    for _ in expected:
        visited.append(_owner(QApplication.focusWidget(), expected))
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert visited == expected


def test_a_label_mnemonic_moves_focus_to_its_control(
    qtbot, shown: PreferencesDialog
) -> None:
    qtbot.keyClick(shown, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert _owner(QApplication.focusWidget(), [shown.controls["pref/theme"]]) is (
        shown.controls["pref/theme"]
    )


def _owner(widget: QWidget | None, candidates: list[QWidget]) -> QWidget | None:
    """The candidate that is `widget` or contains it (a spin box's editor, say)."""
    while widget is not None and widget not in candidates:
        widget = widget.parentWidget()
    return widget


@pytest.fixture
def large_font(qapp: QApplication) -> Iterator[None]:
    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    apply_theme(qapp, "high-contrast")
    big = qapp.font()
    big.setPointSize(24)
    qapp.setFont(big)
    yield
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


def test_at_24_pt_on_an_800x600_screen_nothing_is_clipped(
    qtbot, settings: Settings, large_font: None
) -> None:
    dlg = PreferencesDialog(settings, speech_problem="espeak-ng is not installed.")
    qtbot.addWidget(dlg)
    dlg.resize(800, 600)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert (dlg.width(), dlg.height()) == (800, 600)  # the dialog did not force itself larger
    assert dlg.minimumSizeHint().width() <= 800 and dlg.minimumSizeHint().height() <= 600

    scrolled = 0
    for page in range(dlg.tabs.count()):
        dlg.tabs.setCurrentIndex(page)
        scroll = dlg.tabs.currentWidget()
        assert isinstance(scroll, QScrollArea)
        qtbot.waitUntil(lambda s=scroll: s.widget().isVisible())
        QApplication.processEvents()  # the scroll area lays out on a posted event
        content, viewport = scroll.widget(), scroll.viewport()
        assert content is not None
        # The content gets at least the room it needs; what does not fit can be scrolled to.
        assert content.width() >= content.minimumSizeHint().width()
        assert content.height() >= content.minimumSizeHint().height()
        for bar, content_extent, view_extent in (
            (scroll.verticalScrollBar(), content.height(), viewport.height()),
            (scroll.horizontalScrollBar(), content.width(), viewport.width()),
        ):
            if content_extent > view_extent:
                assert bar.isVisible() and bar.maximum() >= content_extent - view_extent
                scrolled += 1
        # Every widget on the page has its minimum size, lies inside the content, and its
        # text fits: word-wrapped labels are as tall as their wrapped text.
        for widget in content.findChildren(QWidget):
            if not widget.isVisibleTo(content) or isinstance(widget.parent(), QComboBox):
                continue
            hint = widget.minimumSizeHint()
            assert widget.width() >= hint.width(), widget
            assert widget.height() >= hint.height(), widget
            box = QRect(widget.mapTo(content, QPoint(0, 0)), widget.size())
            assert content.rect().contains(box), widget
            if isinstance(widget, QLabel) and widget.wordWrap():
                assert widget.height() >= widget.heightForWidth(widget.width()), widget.text()
        # The last control can be scrolled into view, wholly.
        last = [w for w in content.findChildren(QWidget) if isinstance(w, INTERACTIVE)][-1]
        scroll.ensureWidgetVisible(last, 0, 0)
        top_left = last.mapTo(viewport, QPoint(0, 0))
        assert viewport.rect().contains(QRect(top_left, last.size())), last
    assert scrolled, "at 24 pt the reading page should need scrolling at 800x600"
    spin = dlg.controls["pref/font_size_en"]
    assert isinstance(spin, QSpinBox) and spin.font().pointSize() == 24
