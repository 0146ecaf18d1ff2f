"""Themes: every colour pair a reader depends on meets the contrast Dari promises, and
applying a theme really changes what widgets are drawn with."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSlider,
    QSpinBox,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.settings import THEMES
from reader.ui.themes import (
    HIGH_CONTRAST,
    THEMES_BY_NAME,
    Theme,
    apply_theme,
    colours_for,
    contrast_ratio,
    stylesheet,
    theme_named,
)

ALL = list(THEMES_BY_NAME.values())
by_theme = pytest.mark.parametrize("theme", ALL, ids=[t.name for t in ALL])
Role = QPalette.ColorRole
Group = QPalette.ColorGroup


@pytest.fixture
def restore_look(qapp: QApplication) -> Iterator[QApplication]:
    palette, sheet, style = QPalette(qapp.palette()), qapp.styleSheet(), qapp.style().name()
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    if qapp.style().name() != style:
        qapp.setStyle(style)


# -- contrast_ratio ---------------------------------------------------------------------
def test_contrast_ratio_known_values() -> None:
    black, white = QColor("#000000"), QColor("#ffffff")
    assert contrast_ratio(black, white) == pytest.approx(21.0)
    assert contrast_ratio(white, black) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#3a7"), QColor("#3a7")) == pytest.approx(1.0)
    assert contrast_ratio(QColor("#777777"), white) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#767676"), white) == pytest.approx(4.54, abs=0.01)


def test_contrast_ratio_composites_translucent_text_over_the_background() -> None:
    white = QColor("#ffffff")
    assert contrast_ratio(QColor(0, 0, 0, 0), white) == pytest.approx(1.0)
    half_black = QColor(0, 0, 0, 128)
    assert contrast_ratio(half_black, white) == pytest.approx(
        contrast_ratio(QColor(127, 127, 127), white), abs=0.05
    )


# -- the table --------------------------------------------------------------------------
def test_there_is_a_theme_for_every_theme_setting() -> None:
    assert tuple(THEMES_BY_NAME) == THEMES
    assert all(THEMES_BY_NAME[name].label for name in THEMES)


def test_an_unknown_theme_name_gives_the_default_theme() -> None:
    assert theme_named("solarized") is theme_named("light")
    assert theme_named("sepia").name == "sepia"


def test_sepia_is_dark_brown_on_warm_paper() -> None:
    theme = theme_named("sepia")
    paper, ink = theme.reading_background, theme.reading_text
    assert paper.red() > paper.green() > paper.blue() and paper.lightness() > 200
    assert ink.red() > ink.green() > ink.blue() and ink.lightness() < 80


def test_high_contrast_is_white_on_black_with_black_on_yellow_for_the_current_sentence(
) -> None:
    theme = HIGH_CONTRAST
    assert (theme.reading_background.name(), theme.reading_text.name()) == ("#000000", "#ffffff")
    assert theme.current_sentence_background.name() == "#ffff00"
    assert theme.current_sentence_text.name() == "#000000"
    # Not a colour-only cue: the highlight inverts lightness.
    assert contrast_ratio(theme.current_sentence_background, theme.reading_background) > 15


# -- contrast promises ------------------------------------------------------------------
@by_theme
def test_reading_text_is_at_least_7_to_1_plain_hovered_and_highlighted(theme: Theme) -> None:
    assert contrast_ratio(theme.reading_text, theme.reading_background) >= 7
    assert contrast_ratio(theme.reading_text, theme.hover_background) >= 7
    assert contrast_ratio(theme.current_sentence_text, theme.current_sentence_background) >= 7


@by_theme
def test_highlights_stand_out_from_the_page_and_from_each_other(theme: Theme) -> None:
    page = theme.reading_background
    assert contrast_ratio(theme.current_sentence_background, page) >= 1.3
    assert contrast_ratio(theme.hover_background, page) >= 1.1
    assert contrast_ratio(theme.current_sentence_background, theme.hover_background) >= 1.15
    assert contrast_ratio(theme.highlighted_text, theme.highlight) >= 4.5  # selection


@by_theme
def test_glossary_and_machine_marks_are_visible_on_the_page_and_on_the_highlight(
    theme: Theme,
) -> None:
    for mark in (theme.glossary_mark, theme.machine_mark):
        assert contrast_ratio(mark, theme.reading_background) >= 3
        assert contrast_ratio(mark, theme.current_sentence_background) >= 3
        assert contrast_ratio(mark, theme.hover_background) >= 3


@by_theme
def test_interface_text_is_at_least_4_5_to_1(theme: Theme) -> None:
    pairs = {
        "text/base": (theme.text, theme.base),
        "text/window": (theme.text, theme.window),
        "text/alternate": (theme.text, theme.alternate),
        "button": (theme.button_text, theme.button),
        "placeholder": (theme.placeholder, theme.base),
        "link": (theme.link, theme.base),
        "tooltip": (theme.tooltip_text, theme.tooltip_base),
        "focus-mode dim text": (theme.dim_text, theme.reading_background),
    }
    for level, (background, _edge) in theme.messages.items():
        pairs[f"{level} message"] = (theme.message_text, background)
    low = {k: round(contrast_ratio(*pair), 2) for k, pair in pairs.items()
           if contrast_ratio(*pair) < 4.5}
    assert not low


@by_theme
def test_disabled_text_stays_legible(theme: Theme) -> None:
    for background in (theme.window, theme.button, theme.base):
        assert contrast_ratio(theme.disabled_text, background) >= 3


@by_theme
def test_edges_focus_rings_and_selected_states_are_3_to_1(theme: Theme) -> None:
    for background in (theme.window, theme.base, theme.button):
        assert contrast_ratio(theme.border, background) >= 3
        assert contrast_ratio(theme.focus_ring, background) >= 3
    assert contrast_ratio(theme.focus_ring, theme.reading_background) >= 3
    assert contrast_ratio(theme.highlight, theme.window) >= 3  # checked boxes, selected tab
    for _background, edge in theme.messages.values():
        assert contrast_ratio(edge, theme.window) >= 3


# -- applying ---------------------------------------------------------------------------
def test_applying_a_theme_changes_the_palette_and_switching_back_restores_it(
    restore_look: QApplication,
) -> None:
    app = restore_look
    apply_theme(app, "dark")
    dark = theme_named("dark")
    assert QApplication.palette().color(Role.Base) == dark.base
    assert QWidget().palette().color(Role.Window) == dark.window
    apply_theme(app, "high-contrast")
    palette = QApplication.palette()
    assert palette.color(Role.Base) == HIGH_CONTRAST.base
    # A window that loses focus keeps its highlight; disabled text is the theme's own.
    assert palette.color(Group.Inactive, Role.Highlight) == HIGH_CONTRAST.highlight
    assert palette.color(Group.Inactive, Role.Text) == HIGH_CONTRAST.text
    assert palette.color(Group.Disabled, Role.Text) == HIGH_CONTRAST.disabled_text
    assert palette.color(Role.ToolTipBase) == HIGH_CONTRAST.tooltip_base
    apply_theme(app, theme_named("light"))
    assert QApplication.palette().color(Role.Base) == theme_named("light").base
    assert QApplication.palette().color(Role.Text) == theme_named("light").text
    assert app.styleSheet() == stylesheet(theme_named("light"))


@by_theme
def test_sentence_views_get_the_theme_reading_colours(theme: Theme) -> None:
    colours = colours_for(theme)
    assert (colours.text, colours.background) == (theme.reading_text, theme.reading_background)
    assert colours.current == theme.current_sentence_background
    assert colours.current_text == theme.current_sentence_text
    assert (colours.hover, colours.dim_text) == (theme.hover_background, theme.dim_text)
    assert colours.glossary_mark == theme.glossary_mark
    assert colours.machine_mark == theme.machine_mark
    colours.current.setAlpha(10)  # a copy: the theme itself cannot be changed by accident
    assert theme.current_sentence_background.alpha() == 255


def test_applying_the_same_theme_again_leaves_the_style_sheet_alone(
    restore_look: QApplication,
) -> None:
    apply_theme(restore_look, "sepia")
    events = []
    widget = QWidget()
    original = widget.event

    def spy(event):
        events.append(event.type())
        return original(event)

    widget.event = spy  # type: ignore[method-assign]
    widget.ensurePolished()
    QApplication.processEvents()
    events.clear()
    apply_theme(restore_look, "sepia")
    QApplication.processEvents()
    assert QEvent.Type.StyleChange not in events
    apply_theme(restore_look, "dark")
    QApplication.processEvents()
    assert QEvent.Type.StyleChange in events


@by_theme
def test_the_style_sheet_images_exist(theme: Theme) -> None:
    sheet = stylesheet(theme)
    urls = [part.split('")')[0] for part in sheet.split('url("')[1:]]
    assert len(urls) >= 10
    for url in urls:
        assert Path(url).is_file(), url
        assert theme.highlight.name() in Path(url).read_text() or "check_on" not in url


FOCUSABLE = (QPushButton, QToolButton, QLineEdit, QComboBox, QSpinBox, QCheckBox, QSlider,
             QListWidget, QTextBrowser)


@pytest.mark.parametrize("name", ["light", "high-contrast"])
def test_focused_controls_get_a_ring_in_the_focus_colour_without_moving(
    qtbot, restore_look: QApplication, name: str
) -> None:
    theme = apply_theme(restore_look, name)
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    start = QPushButton("start")
    layout.addWidget(start)
    widgets = []
    for kind in FOCUSABLE:
        widget = kind()
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if isinstance(widget, QPushButton | QToolButton | QCheckBox):
            widget.setText("Control")
        layout.addWidget(widget)
        widgets.append(widget)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    ring = theme.focus_ring.name()
    for widget in widgets:
        start.setFocus()
        qtbot.waitUntil(start.hasFocus)
        size = widget.size()
        y = widget.height() // 2
        before = widget.grab().toImage().pixelColor(1, y).name()
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        after = widget.grab().toImage().pixelColor(1, y).name()
        assert (type(widget).__name__, before, after) == (type(widget).__name__, before, ring)
        assert before != ring
        assert widget.size() == size
