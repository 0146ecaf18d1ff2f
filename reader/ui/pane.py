"""One language's pane: a header naming the language and where its text came from,
the sentence view, and a call to action when the document has no text in that language.
"""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.document.model import Document, Lang, Origin
from reader.ui.fonts import reading_font
from reader.ui.sentence_view import SentenceView


def language_name(lang: Lang) -> str:
    """The language as running text names it: "English", "Korean"."""
    if lang is Lang.EN:
        return QCoreApplication.translate("Pane", "English")
    return QCoreApplication.translate("Pane", "Korean")


def pane_title(lang: Lang) -> str:
    """A pane's heading; Korean is also named in Korean so a Korean reader finds it."""
    if lang is Lang.EN:
        return QCoreApplication.translate("Pane", "English")
    return QCoreApplication.translate("Pane", "Korean · 한국어")


def provenance_summary(document: Document, lang: Lang) -> str:
    """What the header says about where this language's text came from."""
    origins = document.origins(lang)
    if not origins:
        return ""
    if Origin.MACHINE in origins:
        return QCoreApplication.translate("Pane", "Machine translation — may contain errors")
    if origins == {Origin.ORIGINAL}:
        return QCoreApplication.translate("Pane", "Original text")
    if origins <= {Origin.REVIEWED, Origin.CORRECTED, Origin.ORIGINAL}:
        if Origin.CORRECTED in origins and Origin.REVIEWED not in origins:
            return QCoreApplication.translate("Pane", "Translation corrected by you")
        return QCoreApplication.translate("Pane", "Reviewed translation")
    return ""


class Pane(QFrame):
    translate_requested = Signal(object)  # Lang

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName(f"pane_{lang.value}")
        self.setFrameShape(QFrame.Shape.NoFrame)

        self.title_label = QLabel(pane_title(lang))
        self.title_label.setObjectName("paneTitle")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.provenance_label = QLabel()
        self.provenance_label.setObjectName("paneProvenance")
        self.provenance_label.setWordWrap(True)

        self.view = SentenceView(lang)
        self.view.setFont(reading_font(lang))
        name = language_name(lang)
        self.view.setAccessibleName(self.tr("{language} text").format(language=name))
        self.view.setObjectName(f"view_{lang.value}")

        # The call to action shown instead of the view when there is no text in this
        # language: built when first needed (never, for the bundled article).
        self._empty: QWidget | None = None
        self._translate_enabled = True
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)

        header = QVBoxLayout()
        header.setContentsMargins(12, 8, 12, 4)
        header.setSpacing(0)
        header.addWidget(self.title_label)
        header.addWidget(self.provenance_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)

    @property
    def empty(self) -> QWidget:
        """The page shown when the document has no text in this language."""
        if self._empty is None:
            self._empty = self._build_empty_state()
            self.stack.addWidget(self._empty)
        return self._empty

    def set_translate_enabled(self, enabled: bool) -> None:
        """Whether the call to action's button can be pressed (not while loading)."""
        self._translate_enabled = enabled
        if self._empty is not None:
            self.translate_button.setEnabled(enabled)

    def _build_empty_state(self) -> QWidget:
        page = QWidget()
        page.setObjectName(f"empty_{self.lang.value}")
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.translate_button = QPushButton(self.tr("Translate with an offline model"))
        self.translate_button.setObjectName(f"translate_{self.lang.value}")
        self.translate_button.setAccessibleName(self.translate_button.text())
        self.translate_button.setEnabled(self._translate_enabled)
        self.translate_button.clicked.connect(
            lambda: self.translate_requested.emit(self.lang)
        )
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.empty_label)
        layout.addSpacing(12)
        layout.addWidget(self.translate_button, 0, QtCore.Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def set_document(self, document: Document, *, continuing: bool = False) -> bool:
        """Show `document`; `continuing`: it is the whole of the text shown (a preview),
        so keep what is rendered if it matches (see SentenceView.adopt). Returns whether
        it was kept."""
        if continuing and self.view.adopt(document):
            self.refresh_header(document)
            return True
        self.view.set_document(document)
        self.refresh_header(document)
        if document.has_language(self.lang):
            self.stack.setCurrentWidget(self.view)
        else:
            empty = self.empty
            source = language_name(document.original_language)
            self.empty_label.setText(
                self.tr(
                    "This document has no {language} text yet.\n"
                    "Dari can translate it from {source} on this computer, "
                    "without sending anything over the network."
                ).format(language=language_name(self.lang), source=source)
            )
            self.stack.setCurrentWidget(empty)
        return False

    def refresh_header(self, document: Document) -> None:
        self.provenance_label.setText(provenance_summary(document, self.lang))

    @property
    def showing_text(self) -> bool:
        return self.stack.currentWidget() is self.view
