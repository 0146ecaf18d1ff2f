"""Translating through the window, end to end, with tiny REAL Argos packages: installed
through Dari's package store, run by CTranslate2, remembered in the SQLite memory."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPlainTextEdit

from reader.document.model import Lang, Origin
from reader.translation.packages import PackageStore
from reader.ui.main_window import MainWindow
from reader.ui.translation_controller import TranslationController
from tests.helpers.argos_package import build_package, expected_translation
from tests.helpers.windows import shown_window
from tests.ui.test_main_window import point_in_sentence

WORDS = ["hello", "world", "book", "reader", "bridge", "river", "water", "house", "school"]
ENGLISH = [f"{a} {b} {c}." for a in WORDS for b in WORDS[:4] for c in ("friend", "city")]  # 72
KOREAN = ["안녕하세요 세계.", "다리 강 물.", "학교 친구 도시."]


@pytest.fixture(scope="module")
def archives(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("archives")
    return {
        "en-ko": build_package(out, from_code="en", to_code="ko"),
        "ko-en": build_package(out, from_code="ko", to_code="en"),
    }


@pytest.fixture
def packages_dir(tmp_path: Path, archives) -> Path:
    directory = tmp_path / "packages"
    store = PackageStore(directory)
    for archive in archives.values():
        store.install_from_path(archive)
    return directory


def make_window(qtbot, settings, packages_dir: Path, memory: Path) -> MainWindow:
    controller = TranslationController(packages_dir, memory)
    return shown_window(qtbot, settings, translator=controller)


@pytest.fixture
def window(qtbot, settings, packages_dir: Path, tmp_path: Path) -> Iterator[MainWindow]:
    win = make_window(qtbot, settings, packages_dir, tmp_path / "memory.sqlite3")
    yield win
    win.translator.cancel()
    win.translator.wait()


def open_text(qtbot, window: MainWindow, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    with qtbot.waitSignal(window.document_changed, timeout=5000):
        window.open_path(path)


def translate(qtbot, window: MainWindow) -> list[tuple[int, int]]:
    progress: list[tuple[int, int]] = []
    window.translator.sentences_applied.connect(lambda d, t: progress.append((d, t)))
    with qtbot.waitSignal(window.translator.job_finished, timeout=20000) as blocker:
        qtbot.mouseClick(window.panes[Lang.KO].translate_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    return progress


def ko_sentences(window: MainWindow) -> list[str]:
    view = window.panes[Lang.KO].view
    return [view.sentence_text(i) for i in range(view.sentence_count)]


def test_translate_fills_the_korean_pane_progressively(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    open_text(qtbot, window, tmp_path / "in.txt", "\n\n".join(ENGLISH))
    progress = translate(qtbot, window)
    total = len(ENGLISH)
    assert progress[-1] == (total, total)
    assert progress[0][0] < total  # the first sentences came before the rest
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)
    assert ko_sentences(window) == [expected_translation(s) for s in ENGLISH]
    ko_pane = window.panes[Lang.KO]
    assert ko_pane.showing_text
    assert ko_pane.provenance_label.text() == "Machine translation — may contain errors"
    sentence = ko_pane.view.sentence(0)
    assert sentence.provenance.origin is Origin.MACHINE
    assert "translate-en_ko 1.0" in ko_pane.view.tooltip_for(0)
    assert not window.progress.isVisible()


def test_korean_text_is_translated_into_english(window: MainWindow, qtbot, tmp_path: Path) -> None:
    open_text(qtbot, window, tmp_path / "ko.txt", " ".join(KOREAN))
    with qtbot.waitSignal(window.translator.job_finished, timeout=20000) as blocker:
        qtbot.mouseClick(window.panes[Lang.EN].translate_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    en = window.panes[Lang.EN].view
    assert [en.sentence_text(i) for i in range(en.sentence_count)] == [
        expected_translation(s, from_code="ko", to_code="en") for s in KOREAN
    ]
    assert en.sentence_text(0) == "hello world."


class Gate:
    """Wraps the REAL engine's stream so a test can hold it after the first batch."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.release = threading.Event()
        self.calls = 0
        self.sentences = 0

    def __getattr__(self, name):
        return getattr(self.engine, name)

    def translate_stream(self, sentences, **kwargs):
        self.calls += 1
        self.sentences += len(sentences)
        for n, item in enumerate(self.engine.translate_stream(sentences, **kwargs)):
            yield item
            if n == 1:
                self.release.wait(10)


def test_cancel_stops_and_keeps_what_is_done(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch
) -> None:
    resources = window.translator.resources
    real_engine_for = resources.engine_for
    gates: list[Gate] = []

    def gated(src, tgt):
        gates.append(Gate(real_engine_for(src, tgt)))
        return gates[-1]

    monkeypatch.setattr(resources, "engine_for", gated)
    open_text(qtbot, window, tmp_path / "in.txt", "\n\n".join(ENGLISH))
    with qtbot.waitSignal(window.translator.sentences_applied, timeout=10000):
        window.translate_action.trigger()
    assert window.progress.isVisible() and window.cancel_button.isVisible()
    with qtbot.waitSignal(window.translator.job_finished, timeout=3000) as blocker:
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    gates[0].release.set()
    assert blocker.args == [False]
    window.translator.wait()
    kept = ko_sentences(window)
    assert 0 < len(kept) < len(ENGLISH)
    assert kept == [expected_translation(s) for s in ENGLISH[: len(kept)]]
    assert not window.cancel_button.isVisible()
    # Translating again fills only the rest.
    progress = translate(qtbot, window)
    assert progress[-1][1] == len(ENGLISH) - len(kept)
    assert ko_sentences(window) == [expected_translation(s) for s in ENGLISH]


def test_reopening_uses_the_memory_not_the_engine(
    window: MainWindow, qtbot, tmp_path: Path, settings, packages_dir: Path, monkeypatch
) -> None:
    path = tmp_path / "in.txt"
    open_text(qtbot, window, path, "\n\n".join(ENGLISH[:10]))
    translate(qtbot, window)
    first = ko_sentences(window)

    again = make_window(qtbot, settings, packages_dir, tmp_path / "memory.sqlite3")
    resources = again.translator.resources
    real_engine_for = resources.engine_for
    gates: list[Gate] = []

    def counted(src, tgt):
        gates.append(Gate(real_engine_for(src, tgt)))
        gates[-1].release.set()
        return gates[-1]

    monkeypatch.setattr(resources, "engine_for", counted)
    with qtbot.waitSignal(again.document_changed, timeout=5000):
        again.open_path(path)
    translate(qtbot, again)
    assert ko_sentences(again) == first
    assert sum(g.sentences for g in gates) == 0  # every sentence came from the memory


def correct_first_sentence(window: MainWindow, qtbot, text: str) -> None:
    view = window.panes[Lang.KO].view
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_in_sentence(view, 0))
    editor = window.editor
    assert editor is not None and editor.isVisible()
    edit = editor.findChild(QPlainTextEdit)
    edit.selectAll()
    edit.insertPlainText(text)  # QTest cannot type Hangul key by key
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_a_correction_is_undoable_and_wins_on_reopen(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "in.txt"
    open_text(qtbot, window, path, "\n\n".join(ENGLISH[:5]))
    translate(qtbot, window)
    machine = ko_sentences(window)[0]

    correct_first_sentence(window, qtbot, "안녕, 세상아.")
    view = window.panes[Lang.KO].view
    assert view.sentence_text(0) == "안녕, 세상아."
    assert view.sentence(0).provenance.origin is Origin.CORRECTED
    assert window.editor is None

    window.undo_action.trigger()
    assert view.sentence_text(0) == machine
    assert view.sentence(0).provenance.origin is Origin.MACHINE
    window.redo_action.trigger()
    assert view.sentence_text(0) == "안녕, 세상아."
    window.translator.wait()

    # Reopen the same text: the correction comes back, marked as such.
    with qtbot.waitSignal(window.document_changed, timeout=5000):
        window.open_path(path)
    translate(qtbot, window)
    assert view.sentence_text(0) == "안녕, 세상아."
    assert view.sentence(0).provenance.origin is Origin.CORRECTED
    assert ko_sentences(window)[1:] == [expected_translation(s) for s in ENGLISH[1:5]]


def test_a_session_brings_back_machine_translations_with_their_model(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_text(qtbot, window, tmp_path / "in.txt", "\n\n".join(ENGLISH[:5]))
    translate(qtbot, window)
    correct_first_sentence(window, qtbot, "안녕, 세상아.")
    window.translator.wait()
    session = tmp_path / "client.dari"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(session), ""))
    with qtbot.waitSignal(window.sessions.session_saved, timeout=10000):
        window.sessions.save_action.trigger()

    open_text(qtbot, window, tmp_path / "other.txt", "book reader.")
    with qtbot.waitSignal(window.load_settled, timeout=10000):
        window.open_path(session)  # the Korean comes from the session: nothing is translated
    view = window.panes[Lang.KO].view
    assert ko_sentences(window) == [
        "안녕, 세상아.", *(expected_translation(s) for s in ENGLISH[1:5])]
    assert view.sentence(0).provenance.origin is Origin.CORRECTED
    assert view.tooltip_for(0) == "Corrected by you"
    for i in range(1, 5):
        assert view.sentence(i).provenance.origin is Origin.MACHINE
        assert "translate-en_ko 1.0" in view.tooltip_for(i)
    assert window.panes[Lang.KO].provenance_label.text() == (
        "Machine translation — may contain errors")


def test_original_text_is_not_editable(window: MainWindow, qtbot, tmp_path: Path) -> None:
    open_text(qtbot, window, tmp_path / "in.txt", "hello world. book reader.")
    en = window.panes[Lang.EN].view
    qtbot.mouseDClick(en.viewport(), Qt.MouseButton.LeftButton, pos=point_in_sentence(en, 0))
    assert window.editor is None
    assert "cannot be edited" in window.statusBar().currentMessage()


def test_no_model_explains_and_opens_the_model_manager(
    qtbot, settings, tmp_path: Path
) -> None:
    window = make_window(qtbot, settings, tmp_path / "empty-packages", tmp_path / "m.sqlite3")
    open_text(qtbot, window, tmp_path / "in.txt", "hello world.")
    with qtbot.waitSignal(window.translator.model_missing, timeout=10000):
        window.translate_action.trigger()
    assert "No English → Korean translation model is installed" in window.message_bar.text
    qtbot.waitUntil(lambda: window.model_manager.isVisible())
    window.model_manager.close()


def test_the_bundled_article_keeps_its_reviewed_translation(qtbot, settings, tmp_path) -> None:
    from reader import paths
    from reader.document.article import load_article

    window = make_window(qtbot, settings, tmp_path / "empty-packages", tmp_path / "m.sqlite3")
    window.set_document(load_article(paths.bundled_article()))
    window.translate_action.trigger()
    assert "already fully translated" in window.message_bar.text
    assert window.panes[Lang.KO].provenance_label.text() == "Reviewed translation"


def test_a_damaged_memory_is_set_aside_and_the_user_told(
    qtbot, settings, tmp_path: Path, packages_dir: Path
) -> None:
    memory = tmp_path / "memory.sqlite3"
    memory.write_bytes(b"this is not an SQLite database" * 100)
    window = make_window(qtbot, settings, packages_dir, memory)
    open_text(qtbot, window, tmp_path / "in.txt", "hello world.")
    translate(qtbot, window)
    assert "translation memory was damaged" in window.message_bar.text
    aside = list(tmp_path.glob("memory.sqlite3.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not an SQLite")
    assert ko_sentences(window) == [expected_translation("hello world.")]
