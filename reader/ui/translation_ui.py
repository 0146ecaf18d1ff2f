"""The window's translation side: the Translate command and its progress in the status
bar, the model manager, and correcting translated sentences in place (undoable).

A mixin of MainWindow (which owns the panes, the linker, the message bus and the
TranslationController); kept apart so the window module stays about layout and files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QMainWindow, QProgressBar, QPushButton

from reader.document.model import Document, Lang, Origin, Sentence
from reader.ui.messages import Level, Message, MessageBus
from reader.ui.pane import Pane, language_name
from reader.ui.sentence_editor import CorrectSentence, SentenceEditor
from reader.ui.translation_controller import TranslationController

if TYPE_CHECKING:
    from reader.ui.linker import Linker
    from reader.ui.model_manager import ModelManagerDialog


if TYPE_CHECKING:
    _Window = QMainWindow
else:
    _Window = object


class TranslationMixin(_Window):
    # provided by MainWindow
    document: Document | None
    panes: dict[Lang, Pane]
    linker: Linker
    messages: MessageBus
    translator: TranslationController
    undo_stack: QUndoStack
    editor: SentenceEditor | None
    model_manager: ModelManagerDialog | None
    translate_action: QAction
    cancel_translation_action: QAction

    # -- translation ----------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.progress = QProgressBar()
        self.progress.setObjectName("translationProgress")
        self.progress.setAccessibleName(self.tr("Translation progress"))
        self.progress.setFormat(self.tr("%v of %m sentences"))
        self.progress.setMaximumWidth(320)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelTranslationButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel translation"))
        self.cancel_button.clicked.connect(self.translator.cancel)
        for widget in (self.progress, self.cancel_button):
            widget.hide()
            self.statusBar().addPermanentWidget(widget)

    def _connect_translator(self) -> None:
        t = self.translator
        t.job_started.connect(self._on_translator_job_started)
        t.sentences_applied.connect(self._on_translator_sentences_applied)
        t.job_finished.connect(self._on_translator_job_finished)
        t.model_missing.connect(self._on_translator_model_missing)
        t.error.connect(
            lambda text: self.messages.error(self.tr("Translation failed."), text)
        )
        t.notice.connect(self.messages.warning)

    def translate_document(self) -> None:
        """Fill the pane that lacks text: the translation of the original language."""
        if self.document is None:
            return
        target = self.document.original_language.other
        if self.document.is_complete(target):
            self.messages.info(self.tr("This document is already fully translated."))
            return
        self.translator.translate(self.document, target)

    def _on_pane_translate_requested(self, lang: Lang) -> None:
        if self.document is not None and not self.document.is_complete(lang):
            self.translator.translate(self.document, lang)

    def _on_translator_job_started(self, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_translation_action.setEnabled(True)
        self.translate_action.setEnabled(False)

    def _on_translator_sentences_applied(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        if self.document is None:
            return
        pane = self.panes[self.translator._tgt]
        pane.view.extend(self.document)
        pane.refresh_header(self.document)
        if not pane.showing_text and pane.view.sentence_count:
            pane.stack.setCurrentWidget(pane.view)
            self.linker.set_document(self.document)

    def _on_translator_job_finished(self, completed: bool) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.cancel_translation_action.setEnabled(False)
        self.translate_action.setEnabled(True)
        if not completed and self.document is not None:
            pane = self.panes[self.translator._tgt]
            done = pane.view.sentence_count
            if done and not self.document.is_complete(pane.lang):
                self.statusBar().showMessage(
                    self.tr("Translation stopped: {done} sentences kept.").format(done=done), 8000
                )

    def _on_translator_model_missing(self, src: Lang, tgt: Lang) -> None:
        pair = f"{language_name(src)} → {language_name(tgt)}"
        self.messages.post(
            Message(
                Level.WARNING,
                self.tr("No {pair} translation model is installed.").format(pair=pair),
                self.tr(
                    "Dari translates on this computer with Argos Translate models. "
                    "Install one from a .argosmodel file, or download it, in Translation Models."
                ),
                self.tr("Translation Models…"),
                self.show_model_manager,
            )
        )
        self.show_model_manager()

    def show_model_manager(self) -> None:
        """Open the one model manager (kept, so a job still running is still reported)."""
        if self.model_manager is None:
            from reader.ui.model_manager import ModelManagerDialog

            resources = self.translator.resources
            self.model_manager = ModelManagerDialog(resources.store, self.messages, self)
            self.model_manager.packages_changed.connect(resources.forget_engines)
        else:
            self.model_manager.refresh()
        self.model_manager.open()

    # -- corrections ----------------------------------------------------------
    def _on_edit_triggered(self) -> None:
        if self.linker.current is not None:
            lang, index = self.linker.current
            if self.panes[lang].view.sentence(index).provenance.origin is Origin.ORIGINAL:
                counterparts = self.document.counterparts(lang, index) if self.document else []
                if not counterparts:
                    return
                lang, index = lang.other, counterparts[0]
            self.edit_sentence(lang, index)

    def edit_sentence(self, lang: Lang, index: int) -> None:
        """Open the in-place editor on a translated sentence (not on original text)."""
        view = self.panes[lang].view
        if self.document is None or not 0 <= index < view.sentence_count:
            return
        if view.sentence(index).provenance.origin is Origin.ORIGINAL:
            self.statusBar().showMessage(
                self.tr("Original text cannot be edited; correct its translation instead."), 5000
            )
            return
        self._close_editor()
        view.ensure_sentence_visible(index)
        editor = SentenceEditor(view, index)
        editor.saved.connect(lambda i, text, lang=lang: self._on_editor_saved(lang, i, text))
        editor.cancelled.connect(self._close_editor)
        self.editor = editor

    def _close_editor(self) -> None:
        if self.editor is not None:
            view = self.editor.view
            self.editor.deleteLater()
            self.editor = None
            view.setFocus()

    def _on_editor_saved(self, lang: Lang, index: int, text: str) -> None:
        self._close_editor()
        if self.document is None or not text:
            return
        if text == self.document.sentences(lang)[index].text:
            return
        self.undo_stack.push(
            CorrectSentence(self.document, lang, index, text, self._apply_correction)
        )

    def _apply_correction(self, lang: Lang, index: int, old: Sentence, new: Sentence) -> None:
        """Replace `old` by `new` in the document and the pane, and tell the memory."""
        document = self.document
        if document is None:
            return
        document.set_sentence(lang, index, new)
        unit = document.unit_of(lang, index)
        source = " ".join(s.text for s in document.unit(unit).side(lang.other))
        target = " ".join(s.text for s in document.unit(unit).side(lang))
        if new.provenance.origin is Origin.CORRECTED:
            self.translator.remember_correction(lang.other, source, target)
        else:
            previous = old.text if old.provenance.origin is Origin.CORRECTED else None
            self.translator.forget_correction(lang.other, source, previous)
        view = self.panes[lang].view
        if index < view.sentence_count:
            view.replace_sentence(index, new)
        self.panes[lang].refresh_header(document)

