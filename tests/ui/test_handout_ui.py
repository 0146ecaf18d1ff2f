"""Handouts as a counsellor makes them: File › Export Handout… with its options, to PDF
and to HTML, and File › Print… on a printer (here, one that prints to a PDF file). What the
PDF says is read back with pypdf, what the web page says with an HTML parser."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pypdf
import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog

from reader.document.model import Lang
from reader.ui.handout_dialog import HandoutOptionsDialog
from reader.ui.main_window import MainWindow
from tests.export.test_handout import find_page, letters, parse, pdf_pages, start
from tests.helpers.notes import add_note
from tests.helpers.windows import shown_window

NOTE = "Talk about 하나원 here."


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    win = shown_window(qtbot, settings, (1000, 700))
    win.open_bundled_article()
    if not win.glossary.ready:
        qtbot.waitUntil(lambda: win.glossary.ready, timeout=20000)
    return win


def options_dialog(window: MainWindow, action_name: str) -> HandoutOptionsDialog:
    getattr(window.handouts, action_name).trigger()
    dialog = window.handouts.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def accept(dialog: HandoutOptionsDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path | None, chosen: str = "") -> list[str]:
    """Answer the file dialog with `path` (None: Cancel); returns the filters it offered."""
    asked: list[str] = []

    def ask(parent: object, caption: str, folder: str, filters: str) -> tuple[str, str]:
        asked.append(filters)
        return (str(path), chosen) if path is not None else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    return asked


def assert_title_and_page_numbers(pages: list[str], titles: Iterable[str]) -> None:
    """The title (each of `titles`) heads the first page, and every page ends with its
    number."""
    head = letters(pages[0])[:400]
    for title in titles:
        assert letters(title) in head, title
    for number, text in enumerate(pages, start=1):
        assert " ".join(text.split()).endswith(f"Page {number} of {len(pages)}"), number


def note_on(window: MainWindow, qtbot, sentence: int) -> None:
    """NOTE on English sentence `sentence`, written in the note dialog."""
    window.linker.set_current(Lang.EN, sentence)
    add_note(window, qtbot, NOTE)


def test_export_to_pdf_has_both_languages_aligned_and_the_glossary(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = options_dialog(window, "export_action")
    assert dialog.columns_radio.isChecked()  # the defaults: columns, glossary, no notes
    assert dialog.glossary_check.isChecked() and dialog.glossary_check.isEnabled()
    assert not dialog.notes_check.isEnabled()  # no notes yet
    target = tmp_path / "for the client.pdf"
    asked = save_as(monkeypatch, target)
    with qtbot.waitSignal(window.handouts.exported, timeout=30000):
        accept(dialog)
    assert asked[0] == "PDF document (*.pdf);;Web page (*.html *.htm)"
    assert window.message_bar.text == f"Handout saved to {target}."
    assert window.handouts.export_action.isEnabled()

    pages = pdf_pages(target)
    assert len(pypdf.PdfReader(target).pages) == len(pages) > 1
    assert_title_and_page_numbers(pages, window.document.title.values())
    units = list(window.document.units())
    for u in (0, 1, 7, len(units) - 1):  # each unit's Korean on its English's page, after it
        en_page, en_at = find_page(pages, start(units[u].side(Lang.EN)))
        ko_page, ko_at = find_page(pages, start(units[u].side(Lang.KO), 12))
        assert (en_page, en_at) < (ko_page, ko_at)
        assert en_page == ko_page, (
            f"unit {u}: English on page {en_page + 1}, Korean on {ko_page + 1}"
        )
    appendix_page, _ = find_page(pages, "Glossary 용어 풀이")
    assert appendix_page >= find_page(pages, start(units[-1].side(Lang.KO), 12))[0]
    appendix = letters("".join(pages[appendix_page:]))
    assert letters("Hanawon") in appendix and letters("하나원") in appendix


def test_export_to_html_with_interleaved_layout_notes_and_title(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_on(window, qtbot, 2)
    dialog = options_dialog(window, "export_action")
    assert dialog.notes_check.isEnabled() and not dialog.notes_check.isChecked()
    dialog.interleaved_radio.click()
    dialog.notes_check.click()
    dialog.title_edit.setText("For Ms Lee · 이 선생님께")
    target = tmp_path / "handout"  # no suffix: the chosen file type gives it
    save_as(monkeypatch, target, "Web page (*.html *.htm)")
    with qtbot.waitSignal(window.handouts.exported, timeout=30000):
        accept(dialog)
    html = (tmp_path / "handout.html").read_text(encoding="utf-8")
    assert window.message_bar.text == f"Handout saved to {tmp_path / 'handout.html'}."
    assert "<h1>" in html and "For Ms Lee · 이 선생님께" in html
    first_en = window.document.sentences(Lang.EN)[0].text
    first_ko = window.document.sentences(Lang.KO)[0].text
    assert html.index(first_en[:30]) < html.index(first_ko[:15])  # interleaved: EN, then KO
    assert '<table width="100%" cellspacing="0">\n<thead>' not in html.split("<h2")[0]
    # The same content as the PDF: every unit, its English then its Korean, in order.
    parsed = [(lang, text) for tag, lang, text in parse(html).blocks if tag == "p"]
    units = list(window.document.units())
    body = parsed[-2 * len(units):]
    for u, unit in enumerate(units):
        assert body[2 * u] == ("en", " ".join(s.text for s in unit.side(Lang.EN)))
        assert body[2 * u + 1] == ("ko", " ".join(s.text for s in unit.side(Lang.KO)))
    note = html.index(NOTE)
    assert html.index(body[5][1]) < note < html.index(body[6][1])  # after unit 2's Korean
    assert "용어 풀이" in html and "Hanawon" in html


def test_interleaved_pdf_has_each_korean_after_its_english_and_notes_only_when_asked(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_on(window, qtbot, 2)
    units = list(window.document.units())
    for with_notes in (False, True):
        dialog = options_dialog(window, "export_action")
        assert dialog.notes_check.isEnabled() and not dialog.notes_check.isChecked()
        dialog.interleaved_radio.click()
        if with_notes:
            dialog.notes_check.click()
        dialog.title_edit.setText("For Ms Lee · 이 선생님께")
        target = tmp_path / f"notes-{with_notes}.pdf"
        save_as(monkeypatch, target)
        with qtbot.waitSignal(window.handouts.exported, timeout=30000):
            accept(dialog)
        pages = pdf_pages(target)
        assert_title_and_page_numbers(pages, ["For Ms Lee", "이 선생님께"])
        for u in (0, 1, 2, 7, len(units) - 2):  # English, its Korean, then the next English
            en_at = find_page(pages, start(units[u].side(Lang.EN)))
            ko_at = find_page(pages, start(units[u].side(Lang.KO), 12))
            next_at = find_page(pages, start(units[u + 1].side(Lang.EN)))
            assert en_at < ko_at < next_at, u
        if with_notes:  # the note follows its unit (the current sentence's), before the next
            note_at = find_page(pages, NOTE)
            assert find_page(pages, start(units[2].side(Lang.KO), 12)) < note_at
            assert note_at < find_page(pages, start(units[3].side(Lang.EN)))
        else:
            assert letters("Talk about") not in letters("".join(pages))
        appendix_page, _ = find_page(pages, "Glossary 용어 풀이")
        assert letters("하나원") in letters("".join(pages[appendix_page:]))


def test_cancelling_the_options_or_the_file_name_writes_nothing(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = options_dialog(window, "export_action")
    dialog.reject()
    asked = save_as(monkeypatch, None)
    assert asked == [] and window.handouts.dialog is None
    dialog = options_dialog(window, "export_action")
    accept(dialog)  # and then Cancel in the file dialog
    assert len(asked) == 1
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".pdf", ".html")]
    assert window.handouts.export_action.isEnabled()


def test_print_goes_to_the_printer_chosen(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printed = tmp_path / "printer.pdf"

    def choose_printer(self: QPrintDialog) -> int:  # a printer that writes a PDF file
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_printer)
    assert window.handouts.print_action.shortcut().toString() == "Ctrl+P"
    dialog = options_dialog(window, "print_action")
    assert dialog.windowTitle() == "Print Handout"
    with qtbot.waitSignal(window.handouts.printed, timeout=30000) as blocker:
        accept(dialog)
    pages = pdf_pages(printed)
    assert blocker.args == [len(pages)]
    assert f"({len(pages)} pages)" in window.message_bar.text
    assert letters(start(window.document.sentences(Lang.KO), 12)) in letters(pages[0])
