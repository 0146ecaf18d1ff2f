"""Colour themes: light, dark, sepia and high contrast, for the whole application.

A theme is a palette for the widgets plus the reading colours the sentence views use
(reading text and background, the linked-sentence highlight, hover, glossary and machine
marks, dimmed text for focus mode). ``apply_theme`` installs the palette in every colour
group (Active, Inactive and Disabled: a window that loses focus keeps its highlight) and a
small style sheet that gives every focusable control a 3 px focus ring and visible edges.

Contrast is measured with WCAG 2.x relative luminance (``contrast_ratio``); the tests in
``tests/ui/test_themes.py`` hold every theme to the ratios promised there: reading text
at least 7:1, interface text 4.5:1, marks, edges and focus rings 3:1.

High contrast is white text on black, with the current sentence in black on yellow. Black
keeps glare low for readers with light sensitivity and is what most high-contrast users
pick (Windows' "High Contrast Black"); inverting the current sentence to black on yellow
changes its luminance by 19.6:1, a cue that does not depend on seeing colour. Selection is
cyan and the focus ring yellow, so the three never look alike.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path
from string import Template
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QToolTip

from reader.settings import KEYS
from reader.ui.decorations import Colours

MESSAGE_LEVELS = ("info", "warning", "error")


class Theme(NamedTuple):
    """Colours of one theme. Treat the QColor values as read-only: copy before changing.
    (A NamedTuple: cheaper to create at start-up than a frozen dataclass.)"""

    name: str
    window: QColor
    base: QColor
    text: QColor
    alternate: QColor
    button: QColor
    button_text: QColor
    highlight: QColor  # selection
    highlighted_text: QColor
    link: QColor
    placeholder: QColor
    tooltip_base: QColor
    tooltip_text: QColor
    border: QColor  # edges of inputs, buttons and views (>= 3:1 against the window)
    disabled_text: QColor
    reading_background: QColor
    reading_text: QColor
    current_sentence_background: QColor  # the linked sentence, in both panes
    current_sentence_text: QColor  # text drawn on current_sentence_background
    hover_background: QColor
    glossary_mark: QColor  # underline colour of glossary terms
    machine_mark: QColor  # dotted underline of machine-translated sentences
    focus_ring: QColor
    dim_text: QColor  # focus mode: the sentences that are not current
    message_text: QColor
    messages: Mapping[str, tuple[QColor, QColor]]  # level -> (background, border)

    @property
    def label(self) -> str:
        """The theme's name as the user sees it, in the interface language."""
        return theme_label(self.name)


def theme_label(name: str) -> str:
    labels = {
        "light": QCoreApplication.translate("Themes", "Light"),
        "dark": QCoreApplication.translate("Themes", "Dark"),
        "sepia": QCoreApplication.translate("Themes", "Sepia"),
        "high-contrast": QCoreApplication.translate("Themes", "High contrast"),
    }
    return labels.get(name, name)


def _theme(name: str, messages: dict[str, tuple[str, str]], **colours: str) -> Theme:
    return Theme(
        name=name,
        messages={level: (QColor(bg), QColor(edge)) for level, (bg, edge) in messages.items()},
        **{role: QColor(value) for role, value in colours.items()},
    )


LIGHT = _theme(
    "light",
    window="#efefef", base="#ffffff", text="#1a1a1a", alternate="#f3f3f3",
    button="#e4e4e4", button_text="#1a1a1a", highlight="#1c5fb4", highlighted_text="#ffffff",
    link="#0b57a8", placeholder="#5e5e5e", tooltip_base="#fffbe6", tooltip_text="#1a1a1a",
    border="#767676", disabled_text="#767676",
    reading_background="#ffffff", reading_text="#1a1a1a",
    current_sentence_background="#c8dcff", current_sentence_text="#1a1a1a",
    hover_background="#e9f0fd", glossary_mark="#b04a00", machine_mark="#6b6b6b",
    focus_ring="#1a1a1a", dim_text="#595959", message_text="#1a1a1a",
    messages={
        "info": ("#e8f1fb", "#3d72b8"),
        "warning": ("#fff3cd", "#8a6100"),
        "error": ("#fde8e8", "#b3261e"),
    },
)
DARK = _theme(
    "dark",
    window="#26262a", base="#1b1b1e", text="#e8e6e3", alternate="#232327",
    button="#34343a", button_text="#e8e6e3", highlight="#8ab4f8", highlighted_text="#0d1a2e",
    link="#8ab4f8", placeholder="#a6a6a6", tooltip_base="#34343a", tooltip_text="#e8e6e3",
    border="#8a8a8a", disabled_text="#8a8a8a",
    reading_background="#1b1b1e", reading_text="#e8e6e3",
    current_sentence_background="#3b4f73", current_sentence_text="#f2f2f2",
    hover_background="#2b3240", glossary_mark="#ffb066", machine_mark="#b0b0b0",
    focus_ring="#ffffff", dim_text="#a3a3a3", message_text="#e8e6e3",
    messages={
        "info": ("#1d2b3d", "#6fa0e0"),
        "warning": ("#3a3012", "#d9a520"),
        "error": ("#3d1c1c", "#e06c6c"),
    },
)
SEPIA = _theme(
    "sepia",
    window="#e9dfc6", base="#f4ecd8", text="#3b2a1a", alternate="#efe5cd",
    button="#dfd3b6", button_text="#3b2a1a", highlight="#7a4a1e", highlighted_text="#fffaf0",
    link="#7a3412", placeholder="#6b5640", tooltip_base="#fbf6ea", tooltip_text="#3b2a1a",
    border="#86705a", disabled_text="#786550",
    reading_background="#f4ecd8", reading_text="#3b2a1a",
    current_sentence_background="#e3c27a", current_sentence_text="#3b2a1a",
    hover_background="#ece0c0", glossary_mark="#a33c1c", machine_mark="#6e5a46",
    focus_ring="#3b2a1a", dim_text="#6b5640", message_text="#3b2a1a",
    messages={
        "info": ("#e6e6d8", "#5e6f86"),
        "warning": ("#f3e2b0", "#8a5a00"),
        "error": ("#f3d6c8", "#a33c1c"),
    },
)
HIGH_CONTRAST = _theme(
    "high-contrast",
    window="#000000", base="#000000", text="#ffffff", alternate="#1a1a1a",
    button="#000000", button_text="#ffffff", highlight="#1aebff", highlighted_text="#000000",
    link="#ffff00", placeholder="#c8c8c8", tooltip_base="#000000", tooltip_text="#ffffff",
    border="#ffffff", disabled_text="#a0a0a0",
    reading_background="#000000", reading_text="#ffffff",
    current_sentence_background="#ffff00", current_sentence_text="#000000",
    hover_background="#3a3a3a", glossary_mark="#ff3030", machine_mark="#868686",
    focus_ring="#ffff00", dim_text="#bdbdbd", message_text="#ffffff",
    messages={
        "info": ("#000000", "#1aebff"),
        "warning": ("#000000", "#ffff00"),
        "error": ("#000000", "#ff3030"),
    },
)
THEMES_BY_NAME: dict[str, Theme] = {t.name: t for t in (LIGHT, DARK, SEPIA, HIGH_CONTRAST)}


def theme_named(name: str) -> Theme:
    """The theme called `name`; an unknown name (a hand-edited settings file) gives the
    default theme rather than an error."""
    return THEMES_BY_NAME.get(name) or THEMES_BY_NAME[KEYS["pref/theme"].default]


def colours_for(theme: Theme) -> Colours:
    """The reading colours a sentence view paints with (see reader.ui.decorations)."""
    # toRgb() copies. (Not QColor(colour): resolving that overload creates the Qt
    # namespace's enums, ~15 ms, and this runs before the first frame.)
    return Colours(
        text=theme.reading_text.toRgb(),
        background=theme.reading_background.toRgb(),
        current=theme.current_sentence_background.toRgb(),
        current_text=theme.current_sentence_text.toRgb(),
        hover=theme.hover_background.toRgb(),
        dim_text=theme.dim_text.toRgb(),
        machine_mark=theme.machine_mark.toRgb(),
        glossary_mark=theme.glossary_mark.toRgb(),
    )


# -- contrast ---------------------------------------------------------------------------
def relative_luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an opaque sRGB colour (0 black .. 1 white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    rgb = colour.toRgb()
    return 0.2126 * linear(rgb.red()) + 0.7152 * linear(rgb.green()) + 0.0722 * linear(rgb.blue())


def contrast_ratio(fg: QColor, bg: QColor) -> float:
    """WCAG 2.x contrast ratio, 1 (none) to 21 (black on white). A translucent `fg` is
    first composited over `bg`; `bg` is taken as opaque."""
    top = fg.toRgb()
    if top.alpha() < 255:
        under, a = bg.toRgb(), top.alphaF()
        top = QColor(
            round(top.red() * a + under.red() * (1 - a)),
            round(top.green() * a + under.green() * (1 - a)),
            round(top.blue() * a + under.blue() * (1 - a)),
        )
    lighter, darker = sorted((relative_luminance(top), relative_luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# -- palette ----------------------------------------------------------------------------
def palette_for(theme: Theme) -> QPalette:
    """The theme as a QPalette; Inactive equals Active, so nothing fades when the window
    loses focus, and Disabled keeps at least 3:1 so greyed-out controls stay legible."""
    role = QPalette.ColorRole
    dark_theme = relative_luminance(theme.window) < 0.2
    shade = theme.border.lighter(130) if dark_theme else theme.border.darker(130)
    colours = {
        role.Window: theme.window,
        role.WindowText: theme.text,
        role.Base: theme.base,
        role.AlternateBase: theme.alternate,
        role.Text: theme.text,
        role.Button: theme.button,
        role.ButtonText: theme.button_text,
        role.BrightText: theme.highlighted_text,
        role.Highlight: theme.highlight,
        role.HighlightedText: theme.highlighted_text,
        role.Accent: theme.highlight,
        role.Link: theme.link,
        role.LinkVisited: theme.link,
        role.PlaceholderText: theme.placeholder,
        role.ToolTipBase: theme.tooltip_base,
        role.ToolTipText: theme.tooltip_text,
        role.Light: theme.base,
        role.Midlight: theme.alternate,
        role.Mid: theme.border,
        role.Dark: shade,
        role.Shadow: shade,
    }
    palette = QPalette()
    group = QPalette.ColorGroup
    for colour_role, colour in colours.items():
        for colour_group in (group.Active, group.Inactive, group.Disabled):
            palette.setColor(colour_group, colour_role, colour)
    for colour_role in (role.WindowText, role.Text, role.ButtonText, role.PlaceholderText):
        palette.setColor(group.Disabled, colour_role, theme.disabled_text)
    palette.setColor(group.Disabled, role.Highlight, theme.disabled_text)
    palette.setColor(group.Disabled, role.HighlightedText, theme.base)
    return palette


def apply_theme(app: QApplication, theme: Theme | str, *, style_sheet: bool = True) -> Theme:
    """Give the whole application `theme`: palette, tooltips and style sheet.

    The Fusion style is used because it draws with the palette on every platform (the
    Windows and macOS styles ignore parts of it, which would break high contrast).
    Widgets showing reading text should repaint their own highlights on
    ``QEvent.PaletteChange``: colours already baked into a document do not follow.
    With ``style_sheet=False`` only the palette is set: start-up applies the style and its
    sheet, which draws focus rings and borders, right after the first frame (the app asks
    Qt for Fusion on its command line, so that frame is already drawn with it; looking at
    ``app.style()`` from Python costs ~6 ms of QStyle enums).
    """
    if isinstance(theme, str):
        theme = theme_named(theme)
    palette = palette_for(theme)
    if app.palette() != palette:
        app.setPalette(palette)
        QToolTip.setPalette(palette)
    if style_sheet:
        # With a style sheet set, app.style() is Qt's style sheet wrapper, which has no
        # name; the style under it is the Fusion style set here on the first call.
        if app.style().name().lower() not in ("fusion", ""):
            app.setStyle("Fusion")
        sheet = stylesheet(theme)
        if app.styleSheet() != sheet:  # re-polishes every widget: only on change
            app.setStyleSheet(sheet)
    return theme


# -- style sheet ------------------------------------------------------------------------
# Borders are 1 px with a 2 px margin, and 3 px with no margin when focused: the ring is
# drawn in the space the margin kept free, so nothing moves when focus does.
_STYLE = Template("""
QToolTip { color: $tooltip_text; background-color: $tooltip_base;
    border: 1px solid $border; padding: 4px; }

QPushButton, QToolButton { color: $button_text; background-color: $button;
    border: 1px solid $border; border-radius: 4px; margin: 2px; padding: 4px 12px; }
QToolButton { padding: 3px 6px; }
QToolBar QToolButton { background-color: transparent; border-color: transparent; }
QPushButton:hover, QToolButton:hover { background-color: $alternate; border-color: $text; }
QPushButton:pressed, QToolButton:pressed, QPushButton:checked, QToolButton:checked {
    color: $highlighted_text; background-color: $highlight; border-color: $highlight; }
QPushButton:default { border-width: 2px; margin: 1px; }
QPushButton:disabled, QToolButton:disabled { color: $disabled_text; border-color: $disabled_text; }

QLineEdit, QAbstractSpinBox, QComboBox { color: $text; background-color: $base;
    border: 1px solid $border; border-radius: 3px; margin: 2px; padding: 3px 6px;
    selection-color: $highlighted_text; selection-background-color: $highlight; }
QLineEdit:disabled, QAbstractSpinBox:disabled, QComboBox:disabled {
    color: $disabled_text; border-color: $disabled_text; }
QComboBox::drop-down { subcontrol-origin: padding; subcontrol-position: center right;
    width: 1.2em; border: none; }
QComboBox::down-arrow { image: url("$arrow_down"); width: 0.8em; height: 0.8em; }
QComboBox::down-arrow:disabled { image: url("$arrow_down_disabled"); }
QComboBox QAbstractItemView { color: $text; background-color: $base; margin: 0px;
    border: 1px solid $border; selection-color: $highlighted_text;
    selection-background-color: $highlight; }
QAbstractSpinBox::up-button { subcontrol-origin: padding; subcontrol-position: top right;
    width: 1.2em; border: none; }
QAbstractSpinBox::down-button { subcontrol-origin: padding; subcontrol-position: bottom right;
    width: 1.2em; border: none; }
QAbstractSpinBox::up-arrow { image: url("$arrow_up"); width: 0.7em; height: 0.7em; }
QAbstractSpinBox::down-arrow { image: url("$arrow_down"); width: 0.7em; height: 0.7em; }
QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::up-arrow:off {
    image: url("$arrow_up_disabled"); }
QAbstractSpinBox::down-arrow:disabled, QAbstractSpinBox::down-arrow:off {
    image: url("$arrow_down_disabled"); }

QAbstractItemView, QTextEdit, QPlainTextEdit { border: 1px solid $border; margin: 2px; }

QCheckBox, QRadioButton { border: 1px solid transparent; border-radius: 3px;
    margin: 2px; padding: 2px; spacing: 0.4em; }
QCheckBox::indicator, QRadioButton::indicator { width: 1.1em; height: 1.1em; }
QCheckBox::indicator:unchecked { image: url("$check_off"); }
QCheckBox::indicator:checked { image: url("$check_on"); }
QCheckBox::indicator:indeterminate { image: url("$check_partial"); }
QCheckBox::indicator:disabled { image: url("$check_disabled"); }
QRadioButton::indicator:unchecked { image: url("$radio_off"); }
QRadioButton::indicator:checked { image: url("$radio_on"); }
QRadioButton::indicator:disabled { image: url("$radio_disabled"); }

QSlider { border: 1px solid transparent; border-radius: 3px; margin: 2px; }
QSlider:horizontal { min-height: 1.4em; }
QSlider::groove:horizontal { height: 0.3em; background-color: $border; border-radius: 2px; }
QSlider::sub-page:horizontal { background-color: $highlight; border-radius: 2px; }
QSlider::handle:horizontal { background-color: $button; border: 2px solid $text;
    width: 0.7em; margin: -0.45em 0; border-radius: 4px; }
QSlider::handle:horizontal:disabled { border-color: $disabled_text; }

QScrollBar:vertical { background-color: $alternate; width: 0.9em; margin: 0px; }
QScrollBar:horizontal { background-color: $alternate; height: 0.9em; margin: 0px; }
QScrollBar::handle { background-color: $border; border-radius: 3px; margin: 2px; }
QScrollBar::handle:hover, QScrollBar::handle:pressed { background-color: $text; }
QScrollBar::handle:vertical { min-height: 1.5em; }
QScrollBar::handle:horizontal { min-width: 1.5em; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0px; height: 0px; border: none; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }

QTabWidget::pane { border: 1px solid $border; }
QTabBar::tab { color: $button_text; background-color: $button; border: 1px solid $border;
    border-radius: 4px; margin: 2px; padding: 4px 14px; }
QTabBar::tab:selected { color: $highlighted_text; background-color: $highlight; }
QTabBar::tab:disabled { color: $disabled_text; }

QPushButton:focus, QToolButton:focus, QLineEdit:focus, QAbstractSpinBox:focus,
QComboBox:focus, QAbstractItemView:focus, QTextEdit:focus, QPlainTextEdit:focus,
QCheckBox:focus, QRadioButton:focus, QSlider:focus, QTabBar::tab:focus {
    border: 3px solid $focus_ring; margin: 0px; }
QComboBox QAbstractItemView:focus { border: 1px solid $border; }

QFrame#messageBar { background-color: $info_background; border: 2px solid $info_border;
    border-radius: 4px; }
QFrame#messageBar[level="warning"] { background-color: $warning_background;
    border-color: $warning_border; }
QFrame#messageBar[level="error"] { background-color: $error_background;
    border-color: $error_border; }
QFrame#messageBar QLabel { color: $message_text; }
QToolBar QToolButton:disabled { border-color: transparent; }
""")


def stylesheet(theme: Theme) -> str:
    """The application style sheet for `theme`.

    The message bar rules take effect when the bar sets a ``level`` property ("info",
    "warning", "error") and no style sheet of its own.
    """
    values = {
        field: colour.name()
        for field, colour in theme._asdict().items()
        if isinstance(colour, QColor)
    }
    for level, (background, edge) in theme.messages.items():
        values[f"{level}_background"] = background.name()
        values[f"{level}_border"] = edge.name()
    values.update(_indicator_images(theme))
    return _STYLE.substitute(values)


# -- indicator images -------------------------------------------------------------------
# Style sheets can only draw arrows and check marks from images; these small SVGs are
# written once per colour into a directory that lives as long as the process.
_SVG = {
    "arrow_up": '<polygon points="2,11.5 8,4.5 14,11.5" fill="{mark}"/>',
    "arrow_down": '<polygon points="2,4.5 8,11.5 14,4.5" fill="{mark}"/>',
    "check_off": '<rect x="1" y="1" width="14" height="14" rx="2" fill="{fill}" '
    'stroke="{edge}" stroke-width="2"/>',
    "check_on": '<rect x="1" y="1" width="14" height="14" rx="2" fill="{edge}" '
    'stroke="{edge}" stroke-width="2"/><polyline points="3.5,8.5 6.5,11.5 12.5,4.5" '
    'fill="none" stroke="{mark}" stroke-width="2.4" stroke-linecap="round" '
    'stroke-linejoin="round"/>',
    "check_partial": '<rect x="1" y="1" width="14" height="14" rx="2" fill="{edge}" '
    'stroke="{edge}" stroke-width="2"/><line x1="4" y1="8" x2="12" y2="8" '
    'stroke="{mark}" stroke-width="2.4" stroke-linecap="round"/>',
    "radio_off": '<circle cx="8" cy="8" r="7" fill="{fill}" stroke="{edge}" '
    'stroke-width="2"/>',
    "radio_on": '<circle cx="8" cy="8" r="7" fill="{edge}" stroke="{edge}" '
    'stroke-width="2"/><circle cx="8" cy="8" r="3" fill="{mark}"/>',
}
_icon_dir: tempfile.TemporaryDirectory[str] | None = None


def _indicator_images(theme: Theme) -> dict[str, str]:
    on = {"fill": theme.base, "edge": theme.highlight, "mark": theme.highlighted_text}
    off = {"fill": theme.base, "edge": theme.border, "mark": theme.text}
    disabled = {"fill": theme.window, "edge": theme.disabled_text, "mark": theme.disabled_text}
    wanted = {
        "arrow_up": ("arrow_up", off),
        "arrow_down": ("arrow_down", off),
        "arrow_up_disabled": ("arrow_up", disabled),
        "arrow_down_disabled": ("arrow_down", disabled),
        "check_off": ("check_off", off),
        "check_on": ("check_on", on),
        "check_partial": ("check_partial", on),
        "check_disabled": ("check_off", disabled),
        "radio_off": ("radio_off", off),
        "radio_on": ("radio_on", on),
        "radio_disabled": ("radio_off", disabled),
    }
    return {key: _svg_file(shape, colours) for key, (shape, colours) in wanted.items()}


def _svg_file(shape: str, colours: dict[str, QColor]) -> str:
    global _icon_dir
    if _icon_dir is None:
        _icon_dir = tempfile.TemporaryDirectory(prefix="dari-theme-")
    names = {key: colour.name() for key, colour in colours.items()}
    stem = "-".join([shape, *(value.lstrip("#") for value in names.values())])
    path = Path(_icon_dir.name) / f"{stem}.svg"
    if not path.exists():
        body = _SVG[shape].format(**names)
        path.write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" '
            f'viewBox="0 0 16 16">{body}</svg>',
            encoding="utf-8",
        )
    return path.as_posix()
