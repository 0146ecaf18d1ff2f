"""The dialog for adding or changing one glossary entry.

Both terms are required; variants are one per line. Adding from a selection fills in the
selected words and, in the other language, the whole aligned sentence for the user to
trim to the matching words. Changing a bundled entry keeps the change as the user's own
version of it (the bundled file is never written), which Glossary ▸ Restore can undo.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.glossary.model import CATEGORIES, Entry, EntryOrigin, GlossaryError
from reader.ui.glossary_panel import category_label


class EntryEditor(QDialog):
    """Edit `entry`, or make a new one (its id made by `make_id` from the English term)."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        entry: Entry | None = None,
        make_id: Callable[[str], str] | None = None,
        en: str = "",
        ko: str = "",
        trim_hint: str = "",
        trim: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryEditor")
        self.original = entry
        self._make_id = make_id or (lambda text: "entry")
        self.result_entry: Entry | None = None
        if entry is None:
            self.setWindowTitle(self.tr("Add a Glossary Term"))
        else:
            self.setWindowTitle(self.tr("Edit “{term}”").format(term=entry.en))
        self.setAccessibleName(self.windowTitle())

        self.en = self._line("en", self.tr("English term"))
        self.en_variants = self._lines("enVariants", self.tr("Other English forms, one per line"))
        self.ko = self._line("ko", self.tr("Korean term"))
        self.ko_variants = self._lines("koVariants", self.tr("Other Korean forms, one per line"))
        self.en_definition = self._lines("enDefinition", self.tr("English definition"), 3)
        self.ko_definition = self._lines("koDefinition", self.tr("Korean definition"), 3)
        self.nk_usage = self._line("nkUsage", self.tr("The word used in North Korea"))
        self.note = self._lines("note", self.tr("Note"), 2)
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.category.setAccessibleName(self.tr("Category"))
        categories = list(CATEGORIES)
        if entry is not None and entry.category not in categories:
            categories.append(entry.category)
        for name in categories:
            self.category.addItem(category_label(name), name)
        self.loanword = QCheckBox(self.tr("The Korean term is a &loanword (from English)"))
        self.loanword.setObjectName("loanword")
        self.loanword.setAccessibleName(self.tr("Loanword"))

        form = QFormLayout()
        rows = [
            (self.tr("&English:"), self.en), (self.tr("English &variants:"), self.en_variants),
            (self.tr("&Korean:"), self.ko), (self.tr("Korean v&ariants:"), self.ko_variants),
            (self.tr("English &definition:"), self.en_definition),
            (self.tr("Korean de&finition:"), self.ko_definition),
            (self.tr("&North Korean usage:"), self.nk_usage), (self.tr("N&ote:"), self.note),
            (self.tr("&Category:"), self.category), ("", self.loanword),
        ]  # fmt: skip
        for label, field in rows:
            form.addRow(label, field)
        self.hint = QLabel(trim_hint)
        self.hint.setObjectName("trimHint")
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(trim_hint)
        self.hint.setVisible(bool(trim_hint))
        self.source_label = QLabel()
        self.source_label.setObjectName("sourceNote")
        self.source_label.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("editorError")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setAccessibleName(self.tr("Dialog buttons"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.source_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

        if entry is not None:
            self._fill(entry)
        else:
            self.en.setText(en)
            self.ko.setText(ko)
            self.category.setCurrentIndex(self.category.findData("general"))
            self.source_label.hide()
        # the field the user most likely has to change next: the aligned sentence to trim
        # (shown from its start), else the empty term
        first = {"en": self.en, "ko": self.ko}.get(trim) or (self.ko if en and not ko else self.en)
        first.setFocus()
        self._trim_field = first if trim else None
        if trim:  # focusing a line edit selects all of it: show the start, unselected
            first.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._trim_field and event.type() == QEvent.Type.FocusIn:
            watched.removeEventFilter(self)
            field = self._trim_field
            QTimer.singleShot(0, lambda: field.setCursorPosition(0))
        return super().eventFilter(watched, event)

    def _line(self, name: str, accessible: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setAccessibleName(accessible)
        return field

    def _lines(self, name: str, accessible: str, rows: int = 2) -> QPlainTextEdit:
        field = QPlainTextEdit()
        field.setObjectName(name)
        field.setAccessibleName(accessible)
        field.setTabChangesFocus(True)
        field.setFixedHeight(field.fontMetrics().lineSpacing() * rows + 14)
        return field

    def _fill(self, entry: Entry) -> None:
        self.en.setText(entry.en)
        self.ko.setText(entry.ko)
        self.en_variants.setPlainText("\n".join(entry.en_variants))
        self.ko_variants.setPlainText("\n".join(entry.ko_variants))
        self.en_definition.setPlainText(entry.en_definition)
        self.ko_definition.setPlainText(entry.ko_definition)
        self.nk_usage.setText(entry.nk_usage)
        self.note.setPlainText(entry.note)
        self.category.setCurrentIndex(self.category.findData(entry.category))
        self.loanword.setChecked(entry.loanword)
        if entry.origin is EntryOrigin.USER:
            self.source_label.hide()
        else:
            self.source_label.setText(self.tr(
                "This term comes with Dari. Your changes are kept as your own version; "
                "Glossary ▸ Restore Bundled Version brings back the original."
            ))

    def entry(self) -> Entry:
        """The entry as filled in; raises GlossaryError when it is not valid."""
        en, ko = self.en.text().strip(), self.ko.text().strip()
        if not en or not ko:
            raise GlossaryError(self.tr("Both the English and the Korean term are needed."))
        entry_id = self.original.id if self.original is not None else self._make_id(en)
        return Entry(
            id=entry_id,
            category=self.category.currentData() or "general",
            en=en,
            en_variants=tuple(_lines_of(self.en_variants)),
            ko=ko,
            ko_variants=tuple(_lines_of(self.ko_variants)),
            en_definition=self.en_definition.toPlainText().strip(),
            ko_definition=self.ko_definition.toPlainText().strip(),
            nk_usage=self.nk_usage.text().strip(),
            note=self.note.toPlainText().strip(),
            loanword=self.loanword.isChecked(),
        )

    def accept(self) -> None:
        try:
            self.result_entry = self.entry()
        except GlossaryError as exc:
            self.error.setText(str(exc))
            self.error.show()
            (self.en if not self.en.text().strip() else self.ko).setFocus(
                Qt.FocusReason.OtherFocusReason
            )
            return
        super().accept()


def _lines_of(field: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in field.toPlainText().splitlines() if line.strip()]
