"""The handout's options, asked before exporting or printing: the layout (the two
languages in aligned columns, or each English passage followed by its Korean), the title,
and whether to add the counsellor's notes and the glossary appendix.

Notes are off every time: they are the counsellor's, often about the client, and the
handout is usually given away. The layout and the glossary appendix start as last chosen
(the controller keeps them in the settings); the appendix needs the glossary loaded.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.export.handout import Layout

Purpose = Literal["export", "print"]


class HandoutOptionsDialog(QDialog):
    def __init__(
        self,
        purpose: Purpose,
        *,
        default_title: str,
        notes: int,
        glossary_ready: bool,
        layout: Layout = "columns",
        include_glossary: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        """`notes`: how many notes the document has; `glossary_ready`: whether the
        glossary is loaded (the appendix needs it); `layout` and `include_glossary`: the
        choices to start from (the last ones made)."""
        super().__init__(parent)
        self.setObjectName("handoutOptions")
        self.purpose = purpose
        self.setWindowTitle(
            self.tr("Export Handout") if purpose == "export" else self.tr("Print Handout")
        )
        intro = QLabel(self.tr(
            "A handout shows the text in English and Korean together, for the client to "
            "keep. Machine translations are marked †."
        ))
        intro.setWordWrap(True)

        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("handoutTitle")
        # The titles in both languages rarely fit a line edit: the hint shows them whole.
        self.title_edit.setPlaceholderText(self.tr("The document's titles"))
        self.title_edit.setClearButtonEnabled(True)
        self.title_edit.setAccessibleName(self.tr("Handout title"))
        title_hint = QLabel(
            self.tr("Leave empty to use the document's titles: {title}").format(
                title=default_title)
            if default_title else
            self.tr("Leave empty to use the document's titles in both languages.")
        )
        self.title_edit.setAccessibleDescription(title_hint.text())
        title_hint.setWordWrap(True)
        title_hint.setObjectName("hint")

        layout_box = QGroupBox(self.tr("Layout"))
        self.columns_radio = QRadioButton(self.tr("&Aligned columns: English beside Korean"))
        self.columns_radio.setObjectName("handoutColumns")
        self.interleaved_radio = QRadioButton(
            self.tr("&Interleaved: each English passage, then its Korean")
        )
        self.interleaved_radio.setObjectName("handoutInterleaved")
        (self.interleaved_radio if layout == "interleaved" else self.columns_radio).setChecked(True)
        self._layouts = QButtonGroup(self)
        self._layouts.addButton(self.columns_radio)
        self._layouts.addButton(self.interleaved_radio)
        box_layout = QVBoxLayout(layout_box)
        box_layout.addWidget(self.columns_radio)
        box_layout.addWidget(self.interleaved_radio)

        self.notes_check = QCheckBox(self.tr("Include my &notes ({count})").format(count=notes))
        self.notes_check.setObjectName("handoutNotes")
        self.notes_check.setEnabled(notes > 0)
        self.notes_check.setToolTip(self.tr(
            "Notes are printed after the passage they belong to. Leave them out if the "
            "handout is for the client and the notes are not."
        ))
        self.glossary_check = QCheckBox(self.tr("Include the &glossary of terms used"))
        self.glossary_check.setObjectName("handoutGlossary")
        self.glossary_check.setChecked(glossary_ready and include_glossary)
        self.glossary_check.setEnabled(glossary_ready)
        if not glossary_ready:
            self.glossary_check.setToolTip(self.tr("The glossary is still loading."))

        # The hint under the field, in one cell with it: as a row of its own, a wrapped
        # label gets the height it would need at the form's narrowest and leaves a gap.
        title_label = QLabel(self.tr("&Title:"))
        title_label.setBuddy(self.title_edit)
        field = QVBoxLayout()
        field.setSpacing(2)
        field.addWidget(self.title_edit)
        field.addWidget(title_hint)
        form = QFormLayout()
        form.addRow(title_label, field)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Export…") if purpose == "export" else self.tr("&Print…"))
        ok.setObjectName("handoutOk")
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        main = QVBoxLayout(self)
        main.addWidget(intro)
        main.addLayout(form)
        main.addWidget(layout_box)
        main.addWidget(self.notes_check)
        main.addWidget(self.glossary_check)
        main.addStretch(1)
        main.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    @property
    def layout_choice(self) -> Layout:
        return "interleaved" if self.interleaved_radio.isChecked() else "columns"

    @property
    def title(self) -> str | None:
        return self.title_edit.text().strip() or None

    @property
    def include_notes(self) -> bool:
        return self.notes_check.isEnabled() and self.notes_check.isChecked()

    @property
    def include_glossary(self) -> bool:
        return self.glossary_check.isEnabled() and self.glossary_check.isChecked()
