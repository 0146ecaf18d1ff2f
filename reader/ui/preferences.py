"""The preferences dialog: reading, speech and glossary settings, applied as they change.

Every control writes its setting the moment it changes; the main window follows
``Settings.changed``, so the reader sees a new font size or theme while the dialog is
still open. The dialog also follows ``Settings.changed`` itself, so a change made
elsewhere (a zoom shortcut) shows here. Each page sits in a scroll area and is built
from layouts only, so nothing is clipped at large system font sizes or on small screens.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFontComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.document.model import Lang
from reader.settings import FONT_SIZE_RANGE, KEYS, Settings
from reader.ui.fonts import family_for
from reader.ui.themes import THEMES_BY_NAME

Voices = dict[str, list[tuple[str, str]]]  # language code -> [(voice id, label)]


class PreferencesDialog(QDialog):
    def __init__(
        self, settings: Settings, parent: QWidget | None = None, *,
        voices: Voices | None = None, speech_problem: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.voices = voices or {}
        self._loading = False
        self.controls: dict[str, QWidget] = {}  # setting name -> the control showing it
        self.default_font: dict[Lang, QCheckBox] = {}
        self.value_labels: dict[str, tuple[QLabel, str]] = {}  # key -> (label, text)
        self.speech_problem_label: QLabel | None = None

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Preference pages"))
        self.tabs.addTab(_scrolling(self._build_reading()), self.tr("&Reading"))
        self.tabs.addTab(_scrolling(self._build_speech(speech_problem)), self.tr("&Speech"))
        self.tabs.addTab(_scrolling(self._build_glossary()), self.tr("&Glossary"))

        # Plain buttons rather than a QDialogButtonBox, which reorders the tab chain by
        # role on show. Neither is the default button: Enter in a field must not close a
        # dialog whose changes are already applied.
        self.restore_button = QPushButton(self.tr("Restore &Defaults"))
        self.restore_button.setAccessibleName(self.tr("Restore defaults"))
        self.restore_button.setAccessibleDescription(
            self.tr("Sets every preference in this dialog back to Dari's default.")
        )
        self.restore_button.clicked.connect(self.restore_defaults)
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.setAccessibleName(self.tr("Close preferences"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        settings.changed.connect(self._on_settings_changed)
        self.show_settings()

    # -- pages ----------------------------------------------------------------------
    def _build_reading(self) -> QWidget:
        form = _form()
        for lang, size_text, font_text in (
            (Lang.EN, self.tr("&English text size:"), self.tr("English &font:")),
            (Lang.KO, self.tr("&Korean text size:"), self.tr("Korean f&ont:")),
        ):
            language = self.tr("English") if lang is Lang.EN else self.tr("Korean")
            size = QSpinBox()
            size.setRange(*FONT_SIZE_RANGE)
            size.setSuffix(self.tr(" pt"))
            self._add(form, size_text, f"pref/font_size_{lang.value}", size,
                      self.tr("{language} text size").format(language=language),
                      self.tr("Size of the {language} reading text, in points.").format(
                          language=language))
            self._add(form, font_text, f"pref/font_family_{lang.value}", self._font_field(lang),
                      self.tr("{language} font").format(language=language),
                      self.tr("Font for the {language} reading text.").format(language=language))

        spacing = QSpinBox()
        spacing.setRange(100, 300)
        spacing.setSingleStep(10)
        spacing.setSuffix(" %")
        self._add(form, self.tr("&Line spacing:"), "pref/line_spacing", spacing,
                  self.tr("Line spacing"),
                  self.tr("Height of each line, as a percentage of the font's normal height."))
        paragraph = QSpinBox()
        paragraph.setRange(0, 300)
        paragraph.setSingleStep(10)
        paragraph.setSuffix(" %")
        self._add(form, self.tr("&Paragraph spacing:"), "pref/paragraph_spacing", paragraph,
                  self.tr("Paragraph spacing"),
                  self.tr("Space after each paragraph, as a percentage of the font size."))
        width = QSpinBox()
        width.setRange(0, 200)
        width.setSingleStep(5)
        width.setSpecialValueText(self.tr("No limit"))
        width.setSuffix(self.tr(" characters"))
        self._add(form, self.tr("&Maximum line width:"), "pref/max_line_width", width,
                  self.tr("Maximum line width"),
                  self.tr("Longest line, in characters. No limit lets lines fill the pane."))

        theme = QComboBox()
        for name, entry in THEMES_BY_NAME.items():
            theme.addItem(entry.label, name)
        self._add(form, self.tr("&Theme:"), "pref/theme", theme, self.tr("Theme"),
                  self.tr("Colours of the whole window, applied at once."))
        interface = QComboBox()
        interface.addItem(self.tr("Same as the system"), "")
        interface.addItem("English", "en")  # language names are written in their own language
        interface.addItem("한국어", "ko")
        note = self.tr("Takes effect the next time Dari starts.")
        self._add(form, self.tr("&Interface language:"), "pref/language", interface,
                  self.tr("Interface language"), note)
        form.addRow(_note(note))
        return _page(form)

    def _font_field(self, lang: Lang) -> QWidget:
        combo = QFontComboBox()
        combo.setWritingSystem(
            QFontDatabase.WritingSystem.Korean if lang is Lang.KO
            else QFontDatabase.WritingSystem.Latin
        )
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.currentFontChanged.connect(lambda font, lang=lang: self._on_font_chosen(lang, font))
        language = self.tr("English") if lang is Lang.EN else self.tr("Korean")
        default = QCheckBox(
            self.tr("&Use the default font") if lang is Lang.EN
            else self.tr("Use the default fo&nt")
        )
        default.setAccessibleName(
            self.tr("Use the default {language} font").format(language=language))
        default.setAccessibleDescription(
            self.tr("Dari's default font for this language is {family}.").format(
                family=family_for(lang)))
        default.toggled.connect(lambda on, lang=lang: self._on_default_font_toggled(lang, on))
        self.default_font[lang] = default
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(combo)
        column.addWidget(default)
        box.setFocusProxy(combo)
        self.controls[f"pref/font_family_{lang.value}"] = combo
        return box

    def _build_speech(self, problem: str) -> QWidget:
        form = _form()
        message = ""
        if not self.voices:
            message = self.tr("Speech is not available: {problem}").format(
                problem=problem or self.tr("no voices were found."))
            label = _note(message)
            label.setObjectName("speechProblem")
            label.setAccessibleName(message)
            form.addRow(label)
            self.speech_problem_label = label
        mode = QComboBox()
        mode.addItem(self.tr("English"), "en")
        mode.addItem(self.tr("Korean"), "ko")
        mode.addItem(self.tr("Bilingual (both languages)"), "bilingual")
        self._add(form, self.tr("Read &aloud:"), "pref/speech_mode", mode,
                  self.tr("Language read aloud"),
                  message if not self.voices else self.tr("Which text Dari reads aloud."))
        for lang, text in ((Lang.EN, self.tr("&English voice:")),
                           (Lang.KO, self.tr("&Korean voice:"))):
            voice = QComboBox()
            voice.addItem(self.tr("Automatic"), "")
            for voice_id, voice_label in self.voices.get(lang.value, []):
                voice.addItem(voice_label, voice_id)
            name = self.tr("English voice") if lang is Lang.EN else self.tr("Korean voice")
            self._add(form, text, f"pref/speech_voice_{lang.value}", voice, name)
        self._add_slider(form, self.tr("Speaking ra&te:"), "pref/speech_rate", (80, 400, 10),
                         self.tr("Speaking rate"), self.tr("{value} words per minute"))
        self._add_slider(form, self.tr("&Volume:"), "pref/speech_volume", (0, 100, 5),
                         self.tr("Volume"), self.tr("{value} %"))
        output = QComboBox()
        output.addItem(self.tr("Sound device"), "device")
        output.addItem(self.tr("Silent"), "silent")
        self._add(form, self.tr("&Output:"), "pref/speech_output", output, self.tr("Output"),
                  self.tr("Where speech is played."))
        return _page(form)

    def _build_glossary(self) -> QWidget:
        form = _form()
        marks = QCheckBox(self.tr("&Mark glossary terms in the text"))
        marks.setAccessibleName(self.tr("Mark glossary terms in the text"))
        marks.setAccessibleDescription(self.tr("Underlines words that are in your glossary."))
        marks.toggled.connect(lambda on: self._write("pref/glossary_marks", on))
        self.controls["pref/glossary_marks"] = marks
        form.addRow(marks)
        return _page(form)

    # -- building blocks ------------------------------------------------------------
    def _add(self, form: QFormLayout, text: str, key: str, field: QWidget,
             name: str, description: str = "") -> None:
        """A labelled row whose control writes `key` whenever it changes."""
        control = field.focusProxy() or field
        control.setAccessibleName(name)
        if description:
            control.setAccessibleDescription(description)
        label = QLabel(text)
        label.setBuddy(control)
        # The gap between label and field lives in the label: see _form.
        label.setContentsMargins(0, 0, label.fontMetrics().averageCharWidth(), 0)
        form.addRow(label, field)
        if isinstance(control, QSpinBox):
            _indent_text(control)
        if isinstance(control, QSpinBox | QSlider):
            control.valueChanged.connect(lambda value: self._write(key, value))
            self.controls[key] = control
        elif isinstance(control, QComboBox) and not isinstance(control, QFontComboBox):
            control.currentIndexChanged.connect(
                lambda _index: self._write(key, control.currentData()))
            self.controls[key] = control

    def _add_slider(self, form: QFormLayout, text: str, key: str, steps: tuple[int, int, int],
                    name: str, value_text: str) -> None:
        low, high, step = steps
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(low, high)
        slider.setSingleStep(step)
        slider.setPageStep(step * 4)
        value = QLabel()
        value.setTextFormat(Qt.TextFormat.PlainText)
        self.value_labels[key] = (value, value_text)
        slider.valueChanged.connect(lambda v: self._show_value(key, v))
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(slider, 1)
        row.addWidget(value)
        box.setFocusProxy(slider)
        self._add(form, text, key, box, name, value_text.format(value=f"{low}–{high}"))

    # -- values ---------------------------------------------------------------------
    def show_settings(self) -> None:
        """Make every control show the stored value (without writing anything)."""
        for key in self.controls:
            self._show(key, self.settings.get(key))

    def _show(self, key: str, value: Any) -> None:
        control = self.controls[key]
        self._loading = True
        try:
            if isinstance(control, QFontComboBox):
                lang = Lang.EN if key.endswith("_en") else Lang.KO
                self.default_font[lang].setChecked(not value)
                control.setCurrentFont(QFont(value or family_for(lang)))
            elif isinstance(control, QSpinBox | QSlider):
                control.setValue(int(value))
                self._show_value(key, control.value())
            elif isinstance(control, QComboBox):
                index = control.findData(value)
                if index < 0 and key.startswith("pref/speech_voice_") and value:
                    control.addItem(self.tr("{voice} (not available)").format(voice=value),
                                    value)
                    index = control.count() - 1
                if index < 0:  # a value this dialog does not offer: show the default
                    index = max(control.findData(KEYS[key].default), 0)
                control.setCurrentIndex(index)
            elif isinstance(control, QCheckBox):
                control.setChecked(bool(value))
        finally:
            self._loading = False

    def _show_value(self, key: str, value: int) -> None:
        if key in self.value_labels:
            label, text = self.value_labels[key]
            label.setText(text.format(value=value))

    def _write(self, key: str, value: Any) -> None:
        if not self._loading:
            self.settings.set(key, value)

    @Slot()
    def restore_defaults(self) -> None:
        for key in self.controls:
            self.settings.set(key, KEYS[key].default)
        self.show_settings()

    @Slot(str, object)
    def _on_settings_changed(self, key: str, value: object) -> None:
        if key in self.controls:
            self._show(key, value)

    def _on_font_chosen(self, lang: Lang, font: QFont) -> None:
        if self._loading:
            return
        self._loading = True
        self.default_font[lang].setChecked(False)
        self._loading = False
        self.settings.set(f"pref/font_family_{lang.value}", font.family())

    def _on_default_font_toggled(self, lang: Lang, on: bool) -> None:
        if self._loading:
            return
        combo = self.controls[f"pref/font_family_{lang.value}"]
        assert isinstance(combo, QFontComboBox)
        if on:
            self._loading = True
            combo.setCurrentFont(QFont(family_for(lang)))
            self._loading = False
        family = "" if on else combo.currentFont().family()
        self.settings.set(f"pref/font_family_{lang.value}", family)


def _form() -> QFormLayout:
    """A form that puts a field under its label when the two do not fit side by side.

    QFormLayout's wrap test leaves out the spacing between label and field, so a field
    could be given a few pixels less than its minimum; with no spacing (the labels carry
    the gap as a margin) the test is exact.
    """
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setHorizontalSpacing(0)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _indent_text(spin: QSpinBox) -> None:
    """With a style sheet border, Qt 6.12 puts a spin box's text against its left edge
    (padding is ignored for the embedded editor): indent it by about one character."""
    editor = spin.findChild(QLineEdit)
    if editor is not None:
        editor.setTextMargins(spin.fontMetrics().averageCharWidth(), 0, 0, 0)


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _page(form: QFormLayout) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addLayout(form)
    layout.addStretch(1)
    return page


def _scrolling(page: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidget(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus goes to the controls it holds
    return scroll
