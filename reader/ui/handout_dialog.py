"""The handout's options, asked before exporting or printing: the layout (the two
languages in aligned columns, or each English passage followed by its Korean), the title,
and whether to add the counsellor's notes and the glossary appendix.

Notes are off by default: they are the counsellor's, often about the client, and the
handout is usually given away. The glossary appendix is on whenever the glossary is ready.
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
        parent: QWidget | None = None,
    ) -> None:
        """`notes`: how many notes the document has; `glossary_ready`: whether the
        glossary is loaded (the appendix needs it)."""
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
        self.title_edit.setPlaceholderText(default_title)
        self.title_edit.setClearButtonEnabled(True)
        self.title_edit.setAccessibleName(self.tr("Handout title"))
        title_hint = QLabel(self.tr("Leave empty to use the document's titles in both languages."))
        title_hint.setWordWrap(True)
        title_hint.setObjectName("hint")

        layout_box = QGroupBox(self.tr("Layout"))
        self.columns_radio = QRadioButton(self.tr("&Aligned columns: English beside Korean"))
        self.columns_radio.setObjectName("handoutColumns")
        self.interleaved_radio = QRadioButton(
            self.tr("&Interleaved: each English passage, then its Korean")
        )
        self.interleaved_radio.setObjectName("handoutInterleaved")
        self.columns_radio.setChecked(True)
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
        self.glossary_check.setChecked(glossary_ready)
        self.glossary_check.setEnabled(glossary_ready)
        if not glossary_ready:
            self.glossary_check.setToolTip(self.tr("The glossary is still loading."))

        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow("", title_hint)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Export…") if purpose == "export" else self.tr("&Print…"))
        ok.setObjectName("handoutOk")
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
