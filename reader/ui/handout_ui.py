"""Handouts from the window: File › Export Handout… (a PDF or an HTML file, by the name
chosen) and File › Print… (Ctrl+P), each after the options dialog.

An export runs on a worker thread, on a snapshot of the document, the notes and the
glossary entries, so the window stays usable and later edits do not reach a file being
written. PDF painting there is what ``reader.export.handout`` does anyway (QTextDocument
and QPdfWriter need no widgets; Qt paints text on a QPdfWriter from any thread). Printing
stays on the GUI thread, with the printer the print dialog set up. Success says where the
file went; a problem goes to the message bar.

The dialog starts from the layout and glossary choice made last time, and the file dialog
from the last folder and file type, with a name made from the document's (never the
document's own file: "report.pdf" gives "report - handout.pdf").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog

from reader.document.model import Document, Lang, Paragraph, Unit
from reader.ui.session_ui import documents_folder, safe_name
from reader.ui.tasks import Task

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from reader.export.handout import HandoutOptions
    from reader.ui.handout_dialog import HandoutOptionsDialog, Purpose
    from reader.ui.main_window import MainWindow

Kind = Literal["pdf", "html"]


def snapshot(document: Document) -> Document:
    """A copy of `document` that later corrections do not change (sentences are frozen,
    so only the containers are copied)."""
    return Document(
        [Paragraph([Unit({lang: list(side) for lang, side in unit.sides.items()})
                    for unit in paragraph.units]) for paragraph in document.paragraphs],
        title=dict(document.title), source=document.source,
        original_language=document.original_language, path=document.path,
    )


def export(kind: Kind, path: Path, document: Document, options: HandoutOptions) -> Path:
    """Write the handout (runs on a worker thread)."""
    from reader.export.handout import export_html, export_pdf

    if kind == "pdf":
        export_pdf(path, document, **options)
    else:
        export_html(path, document, **options)
    return path


class HandoutController(QObject):
    exported = Signal(object)  # Path
    printed = Signal(int)  # pages

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: HandoutOptionsDialog | None = None
        self._exporting: Task | None = None
        self.export_action = window._action(
            self.tr("Export &Handout…"), lambda: self.ask_options("export"), name="exportHandout"
        )
        self.print_action = window._action(
            self.tr("&Print Handout…"), lambda: self.ask_options("print"),
            QKeySequence.StandardKey.Print, name="printHandout",
        )
        if not self.print_action.shortcuts():
            self.print_action.setShortcut(QKeySequence("Ctrl+P"))

    def ask_options(self, purpose: Purpose) -> None:
        """Show the options dialog (window-modal); export or print when it is accepted."""
        document = self.window.document
        if document is None or (purpose == "export" and self._exporting is not None):
            return
        glossary, settings = self.window.glossary, self.window.settings
        from reader.ui.handout_dialog import HandoutOptionsDialog  # loaded when first used

        dialog = HandoutOptionsDialog(
            purpose,
            default_title=" / ".join(t for t in (document.title.get(Lang.EN),
                                                 document.title.get(Lang.KO)) if t),
            notes=len(self.window.sessions.notes),
            glossary_ready=glossary is not None and glossary.glossary is not None,
            layout="interleaved" if settings.get("state/handout_layout") == "interleaved"
            else "columns",
            include_glossary=bool(settings.get("state/handout_glossary")),
            parent=self.window,
        )
        dialog.finished.connect(lambda result, d=dialog: self._on_dialog_finished(d, result))
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, dialog: HandoutOptionsDialog, result: int) -> None:
        dialog.deleteLater()
        if dialog is self.dialog:
            self.dialog = None
        if result != QDialog.DialogCode.Accepted or self.window.document is None:
            return
        settings = self.window.settings
        settings.set("state/handout_layout", dialog.layout_choice)
        if dialog.glossary_check.isEnabled():  # (a choice the user could make)
            settings.set("state/handout_glossary", dialog.glossary_check.isChecked())
        options = self._options(dialog)
        if dialog.purpose == "export":
            self.export_to_file(options)
        else:
            self.print_on_paper(options)

    def _options(self, dialog: HandoutOptionsDialog) -> HandoutOptions:
        glossary = self.window.glossary
        entries = list(glossary.glossary.entries()) if (
            dialog.include_glossary and glossary is not None and glossary.glossary is not None
        ) else []
        from reader.export.handout import HandoutOptions
        from reader.session.notes import Notes

        return HandoutOptions(
            layout=dialog.layout_choice, title=dialog.title,
            notes=Notes(list(self.window.sessions.notes)), include_notes=dialog.include_notes,
            glossary_entries=entries,
        )

    # -- a file -----------------------------------------------------------------------
    def export_to_file(self, options: HandoutOptions) -> None:
        document = self.window.document
        if document is None:
            return
        pdf, html = self.tr("PDF document (*.pdf)"), self.tr("Web page (*.html *.htm)")
        settings = self.window.settings
        last_kind: Kind = "html" if settings.get("state/handout_format") == "html" else "pdf"
        start = self.suggested_path(document, last_kind)
        filters = f"{html};;{pdf}" if last_kind == "html" else f"{pdf};;{html}"  # last first
        filename, chosen = QFileDialog.getSaveFileName(
            self.window, self.tr("Export Handout"), str(start), filters
        )
        if not filename:
            return
        path = Path(filename)
        suffix = path.suffix.lower()
        if suffix not in (".pdf", ".html", ".htm"):
            path = path.with_name(path.name + (".html" if chosen == html else ".pdf"))
            suffix = path.suffix
        kind: Kind = "pdf" if suffix == ".pdf" else "html"
        settings.set("state/handout_format", kind)
        settings.set("state/handout_folder", str(path.parent))
        task = Task(export, kind, path, snapshot(document), options)
        task.signals.finished.connect(self._on_export_finished)
        task.signals.failed.connect(lambda exc, p=path: self._on_export_failed(p, exc))
        self._exporting = task
        self.export_action.setEnabled(False)
        self.window.statusBar().showMessage(
            self.tr("Exporting the handout to {name}…").format(name=path.name)
        )
        task.start()

    def suggested_path(self, document: Document, kind: Kind) -> Path:
        """Where the file dialog starts: the last handout's folder (else the document's,
        unless it is one bundled with Dari, else Documents), and "<name> - handout"."""
        from_file = document.path is not None and document.path.suffix.lower() != ".toml"
        name = (document.path.stem if from_file and document.path else "") or (
            document.title_in(document.original_language))
        stem = " - ".join(part for part in (safe_name(name), self.tr("handout")) if part)
        folder = Path(self.window.settings.get("state/handout_folder") or ".")
        if not (folder.is_absolute() and folder.is_dir()):
            folder = document.path.parent if from_file and document.path else (
                documents_folder())
        return folder / f"{stem}.{kind}"

    def _on_export_finished(self, path: Path) -> None:
        self._export_done()
        self.window.messages.info(self.tr("Handout saved to {path}.").format(path=path))
        self.exported.emit(path)

    def _on_export_failed(self, path: Path, exc: BaseException) -> None:
        self._export_done()
        self._report(exc, self.tr("The handout could not be saved to {path}.").format(path=path))

    def _export_done(self) -> None:
        self._exporting = None
        self.export_action.setEnabled(True)
        self.window.statusBar().clearMessage()

    def _report(self, exc: BaseException, fallback: str) -> None:
        from reader.export.handout import HandoutError

        if isinstance(exc, HandoutError):
            self.window.messages.error(str(exc))
        else:
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.window.messages.error(fallback, detail)

    # -- paper ------------------------------------------------------------------------
    def print_on_paper(self, options: HandoutOptions, printer: QPrinter | None = None) -> None:
        """Ask for a printer (unless given one) and print the handout on it."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        document = self.window.document
        if document is None:
            return
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.suggested_path(document, "pdf").stem)  # print queues
            dialog = QPrintDialog(printer, self.window)
            dialog.setWindowTitle(self.tr("Print Handout"))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        self._print(printer, document, options)

    def _print(self, printer: QPrinter, document: Document, options: HandoutOptions) -> None:
        from reader.export.handout import HandoutError, print_handout

        self.window.statusBar().showMessage(self.tr("Printing the handout…"))
        try:
            pages = print_handout(printer, document, **options)
        except (HandoutError, OSError) as exc:
            self.window.statusBar().clearMessage()
            self._report(exc, self.tr("The handout could not be printed."))
            return
        self.window.statusBar().clearMessage()
        where = printer.outputFileName() or printer.printerName()
        self.window.messages.info(
            self.tr("Handout sent to {printer} ({pages} pages).").format(
                printer=where, pages=pages)
        )
        self.printed.emit(pages)

