"""Reading aloud from the window, driven with the keys a reader would press.

Real synthesis (espeak-ng through pyttsx3), "silent" output: a SilentSink takes each clip's
duration divided by ``silent_speed``, so the highlighting runs as it would with sound, only
faster. pyttsx3 allows one engine per process, and a Synthesizer that has rendered and been
closed spoils the engine for the next one while another Synthesizer (tests/speech's) keeps
it alive: so the windows here share one Synthesizer, open until the end of the session.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog, QProgressBar, QPushButton

from reader import paths
from reader.document.article import load_article
from reader.document.model import Lang
from reader.settings import Settings
from reader.ui.main_window import MainWindow
from reader.ui.messages import Level, Message
from reader.ui.sentence_view import SentenceView
from reader.ui.speech_engine import SpeechEngine
from reader.ui.speech_ui import PAUSED, PLAYING, STOPPED
from tests.helpers.documents import long_bilingual_document

pyttsx3 = pytest.importorskip("pyttsx3")
pytestmark = pytest.mark.skipif(
    sys.platform.startswith("linux") and shutil.which("espeak-ng") is None,
    reason="needs espeak-ng",
)

EN, KO = Lang.EN, Lang.KO
FAST = 20.0  # silent output 20x faster than real time
ALT = Qt.KeyboardModifier.AltModifier
ENGLISH = [(EN, i) for i in range(5)]  # one paragraph of long_bilingual_document
# Bilingual: each unit in English (the original), then in Korean; units 1:1, 1:2, 2:1, 1:1.
BILINGUAL = [(EN, 0), (KO, 0), (EN, 1), (KO, 1), (KO, 2), (EN, 2), (EN, 3), (KO, 3),
             (EN, 4), (KO, 4)]


class Highlights:
    """Every sentence lit, with what each pane showed as current at that moment."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.seen: list[tuple[tuple[Lang, int], range, range, str]] = []
        self.events: list[Any] = []
        window.linker.current_changed.connect(self._on_current_changed)
        window.speech.reading_event.connect(self.events.append)

    def _on_current_changed(self, lang: Lang, index: int) -> None:
        w = self.window
        button = w.toolbar.widgetForAction(w.speech.play_action)
        self.seen.append(((lang, index), view(w, EN).current, view(w, KO).current, button.text()))

    @property
    def sentences(self) -> list[tuple[Lang, int]]:
        return [entry[0] for entry in self.seen]

    def finished(self, lang: Lang, index: int) -> bool:
        from reader.speech.sequence import SentenceFinished

        return SentenceFinished(lang, index) in self.events


class EscapeRecorder(QObject):
    """Records the Esc key presses that reach the window (those no shortcut took)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.keys: list[Qt.Key] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.keys.append(Qt.Key.Key_Escape)
        return False


def view(window: MainWindow, lang: Lang) -> SentenceView:
    return window.panes[lang].view


def make_window(qtbot, settings: Settings, *, output: str = "silent") -> MainWindow:
    settings.set("pref/speech_output", output)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    with qtbot.waitActive(window):  # shortcuts need the active window
        window.show()
    window.speech.silent_speed = FAST
    return window


@pytest.fixture(scope="session")
def shared_synth() -> Iterator[Any]:
    from reader.speech.synth import Synthesizer

    synth = Synthesizer()
    yield synth
    synth.close()


@pytest.fixture
def window(
    qtbot, settings: Settings, shared_synth: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    monkeypatch.setattr(SpeechEngine, "shared_synthesizer", shared_synth)
    win = make_window(qtbot, settings)
    win.set_document(long_bilingual_document(paragraphs=1))
    yield win
    win.close()


def press(qtbot, widget: Any, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    qtbot.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)


def wait_state(qtbot, window: MainWindow, state: str, timeout: int = 60_000) -> None:
    qtbot.waitUntil(lambda: window.speech.state == state, timeout=timeout)


def wait_lit(qtbot, highlights: Highlights, sentence: tuple[Lang, int]) -> None:
    qtbot.waitUntil(lambda: sentence in highlights.sentences, timeout=30_000)


def sequence_confirms(window: MainWindow, state: str) -> Any:
    """A waitSignal argument: the reading sequence itself reports `state`."""
    from reader.speech.sequence import StateChanged

    def check(event: object) -> bool:
        return isinstance(event, StateChanged) and event.state.value == state

    return {"signal": window.speech.reading_event, "check_params_cb": check, "timeout": 5000}


def test_space_in_the_english_pane_reads_it_aloud_lighting_each_sentence_and_counterpart(
    qtbot, window: MainWindow
) -> None:
    highlights = Highlights(window)
    en = view(window, EN)
    en.setFocus()
    press(qtbot, en, Qt.Key.Key_Space)
    wait_state(qtbot, window, PLAYING)
    wait_state(qtbot, window, STOPPED)  # read to the end
    assert highlights.sentences == ENGLISH
    document = window.document
    assert document is not None
    for (lang, index), en_lit, ko_lit, button_text in highlights.seen:
        unit = document.unit_of(lang, index)
        assert index in en_lit
        assert en_lit == document.unit_sentences(unit, EN)  # English 2-3 light together
        assert ko_lit == document.counterparts(lang, index)  # English 1 -> Korean 1-2
        assert button_text == "Pause"
    assert window.toolbar.widgetForAction(window.speech.play_action).text() == "Play"
    assert not window.message_bar.isVisible()


def test_bilingual_mode_from_the_speech_menu_alternates_the_languages(
    qtbot, window: MainWindow, settings: Settings
) -> None:
    menu_action = window.speech.mode_actions["bilingual"]
    assert menu_action in window.speech_menu.actions()
    menu_action.trigger()
    assert settings.get("pref/speech_mode") == "bilingual"
    assert window.speech.mode_combo.currentText() == "Both"
    highlights = Highlights(window)
    view(window, EN).setFocus()
    press(qtbot, view(window, EN), Qt.Key.Key_Space)
    wait_state(qtbot, window, PLAYING)
    wait_state(qtbot, window, STOPPED)
    assert highlights.sentences == BILINGUAL
    for (lang, index), en_lit, ko_lit, _ in highlights.seen:
        lit = {EN: en_lit, KO: ko_lit}
        assert index in lit[lang]
        assert lit[lang.other] == window.document.counterparts(lang, index)
    langs = [lang for lang, _ in highlights.sentences]
    assert langs.count(EN) == 5 and langs.count(KO) == 5
    assert langs[:4] == [EN, KO, EN, KO]  # unit by unit, English first


def test_the_toolbar_play_button_starts_from_the_current_sentence_then_from_the_top(
    qtbot, window: MainWindow
) -> None:
    window.linker.set_current(KO, 3)  # Korean 3 translates English 2 and 3 (a 2:1 unit)
    highlights = Highlights(window)
    play = window.toolbar.widgetForAction(window.speech.play_action)
    qtbot.mouseClick(play, Qt.MouseButton.LeftButton)
    wait_state(qtbot, window, PLAYING)
    wait_state(qtbot, window, STOPPED)
    assert highlights.sentences == [(EN, 2), (EN, 3), (EN, 4)]  # the English mode reads English
    qtbot.mouseClick(play, Qt.MouseButton.LeftButton)  # at the end: again from the top
    wait_lit(qtbot, highlights, (EN, 0))
    assert highlights.sentences[3] == (EN, 0)
    window.speech.stop()


def test_the_toolbar_mode_selector_is_the_same_setting(window: MainWindow, settings) -> None:
    combo = window.speech.mode_combo
    assert window.toolbar.widgetForAction(window.speech.play_action) is not None
    combo.setCurrentIndex(combo.findData("ko"))
    assert settings.get("pref/speech_mode") == "ko"
    assert window.speech.mode_actions["ko"].isChecked()


def test_esc_stops_promptly_and_play_returns_to_play(qtbot, window: MainWindow) -> None:
    window.speech.silent_speed = 3.0
    escapes = EscapeRecorder(window)
    window.installEventFilter(escapes)
    highlights = Highlights(window)
    en = view(window, EN)
    en.setFocus()
    press(qtbot, en, Qt.Key.Key_Escape)  # not reading: Esc is left to the widgets
    assert escapes.keys == [Qt.Key.Key_Escape]
    press(qtbot, en, Qt.Key.Key_Space)
    wait_lit(qtbot, highlights, (EN, 0))
    started = time.monotonic()
    with qtbot.waitSignal(**sequence_confirms(window, STOPPED)):
        press(qtbot, en, Qt.Key.Key_Escape)
    assert time.monotonic() - started < 2.0
    assert escapes.keys == [Qt.Key.Key_Escape]  # this time the Esc was the Stop shortcut's
    assert window.speech.play_action.text() == "&Play"
    assert window.toolbar.widgetForAction(window.speech.play_action).text() == "Play"
    assert not window.speech.stop_action.isEnabled()
    qtbot.wait(1500)  # longer than the rest of the first sentence at 3x
    assert highlights.sentences == [(EN, 0)]
    assert not highlights.finished(EN, 0)


def test_alt_right_skips_ahead_and_alt_left_goes_back(qtbot, window: MainWindow) -> None:
    window.speech.silent_speed = 0.5  # the first sentence lasts several seconds
    highlights = Highlights(window)
    en = view(window, EN)
    en.setFocus()
    press(qtbot, en, Qt.Key.Key_Space)
    wait_lit(qtbot, highlights, (EN, 0))
    press(qtbot, en, Qt.Key.Key_Right, ALT)
    wait_lit(qtbot, highlights, (EN, 1))
    press(qtbot, en, Qt.Key.Key_Left, ALT)
    qtbot.waitUntil(lambda: highlights.sentences == [(EN, 0), (EN, 1), (EN, 0)], timeout=30_000)
    assert not highlights.finished(EN, 0)  # skipped, not read to its end
    assert window.linker.current == (EN, 0)
    press(qtbot, en, Qt.Key.Key_Escape)
    wait_state(qtbot, window, STOPPED)


def test_space_pauses_and_space_resumes(qtbot, window: MainWindow) -> None:
    window.speech.silent_speed = 2.0
    highlights = Highlights(window)
    en = view(window, EN)
    en.setFocus()
    press(qtbot, en, Qt.Key.Key_Space)
    wait_lit(qtbot, highlights, (EN, 0))
    with qtbot.waitSignal(**sequence_confirms(window, PAUSED)):
        press(qtbot, en, Qt.Key.Key_Space)
    assert window.toolbar.widgetForAction(window.speech.play_action).text() == "Resume"
    qtbot.wait(2500)  # longer than the whole first sentence at 2x: nothing moves
    assert highlights.sentences == [(EN, 0)]
    assert window.speech.state == PAUSED
    with qtbot.waitSignal(**sequence_confirms(window, PLAYING)):
        press(qtbot, en, Qt.Key.Key_Space)
    wait_lit(qtbot, highlights, (EN, 1))
    assert highlights.finished(EN, 0)  # the paused sentence was heard to its end first
    window.speech.stop()


def test_space_and_esc_stay_with_buttons_and_the_sentence_editor(
    qtbot, window: MainWindow
) -> None:
    clicked: list[bool] = []
    window.messages.post(Message(Level.INFO, "A message", action_text="Do it",
                                 action=lambda: clicked.append(True)))
    button = window.message_bar.findChild(QPushButton)
    button.setFocus()
    press(qtbot, button, Qt.Key.Key_Space)
    assert clicked == [True]
    assert window.speech.state == STOPPED

    window.speech.silent_speed = 0.5
    highlights = Highlights(window)
    view(window, EN).setFocus()
    press(qtbot, view(window, EN), Qt.Key.Key_Space)
    wait_lit(qtbot, highlights, (EN, 0))
    window.edit_sentence(KO, 3)
    editor = window.editor
    assert editor is not None
    qtbot.waitUntil(editor.edit.hasFocus)
    editor.edit.moveCursor(QTextCursor.MoveOperation.End)
    press(qtbot, editor.edit, Qt.Key.Key_Space)
    assert editor.edit.toPlainText().endswith(" ")  # typed, not Pause
    press(qtbot, editor.edit, Qt.Key.Key_Escape)
    assert window.editor is None  # Esc cancelled the correction...
    assert window.speech.state == PLAYING  # ...and did not stop the reading
    window.speech.stop()


def test_voice_rate_and_volume_apply_to_the_running_reading(
    qtbot, window: MainWindow, settings: Settings
) -> None:
    window.speech.silent_speed = 4.0
    settings.set("pref/speech_rate", 170)  # rates no other test uses: the clip cache is shared
    highlights = Highlights(window)
    view(window, EN).setFocus()
    press(qtbot, view(window, EN), Qt.Key.Key_Space)
    wait_lit(qtbot, highlights, (EN, 0))
    settings.set("pref/speech_rate", 290)
    wait_state(qtbot, window, STOPPED)
    synth = window.speech.engine.synth
    last = window.document.sentences(EN)[4].text
    assert synth.cached(last, "gmw/en-us", 290)
    assert not synth.cached(last, "gmw/en-us", 170)


def test_exporting_a_selection_of_three_sentences_writes_one_wav(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.speech.export import PAUSE_SECONDS

    en = view(window, EN)
    cursor = en.document().find("has a sentence")  # inside English sentence 1
    end = en.document().find("became one")  # inside English sentence 3
    cursor.setPosition(end.position(), QTextCursor.MoveMode.KeepAnchor)
    en.setTextCursor(cursor)
    en.setFocus()
    out = tmp_path / "exports"
    out.mkdir()
    asked: list[str] = []

    def save_as(parent: object, caption: str, path: str, filters: str) -> tuple[str, str]:
        asked.append(caption)
        return str(out / "three"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window.speech.export_action.trigger()
    assert not window.speech.export_action.isEnabled()  # one export at a time
    qtbot.waitUntil(lambda: "three.wav" in window.message_bar.text, timeout=60_000)
    assert "selected sentences" in asked[0]
    progress = window.statusBar().findChild(QProgressBar, "speechExportProgress")
    assert (progress.value(), progress.maximum()) == (3, 3)  # "3 of 3 sentences"
    assert not progress.isVisible()
    assert window.speech.export_action.isEnabled()
    with wave.open(str(out / "three.wav"), "rb") as wav:
        frames, rate = wav.getnframes(), wav.getframerate()
    synth = window.speech.engine.synth
    texts = [window.document.sentences(EN)[i].text for i in (1, 2, 3)]
    clips = [synth.synthesize(t, "gmw/en-us", 160).result(timeout=30) for t in texts]
    gap = round(PAUSE_SECONDS * rate)
    assert frames == sum(clip.frames for clip in clips) + 2 * gap
    assert frames / rate > 3.0  # three spoken sentences, not silence
    assert list(out.iterdir()) == [out / "three.wav"]  # no temporary file left behind


def _break_espeak(monkeypatch: pytest.MonkeyPatch) -> str:
    def init(*args: object, **kwargs: object) -> None:
        raise OSError("libespeak-ng.so.1: cannot open shared object file")

    monkeypatch.setattr(pyttsx3, "init", init)
    return "sudo apt install espeak-ng"


def _remove_pyttsx3(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setitem(sys.modules, "pyttsx3", None)  # `import pyttsx3` fails
    return "pip install pyttsx3"


@pytest.mark.parametrize("breakage", [_break_espeak, _remove_pyttsx3])
def test_without_a_speech_engine_dari_reads_on_and_play_says_what_to_install(
    qtbot, settings: Settings, monkeypatch: pytest.MonkeyPatch, breakage: Any
) -> None:
    hint = breakage(monkeypatch)
    window = make_window(qtbot, settings)
    window.set_document(load_article(paths.bundled_article()))
    en = view(window, EN)
    assert en.sentence_text(0).startswith("No one knows what awaited Kim Woo-joo")
    en.setFocus()
    press(qtbot, en, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: hint in window.message_bar.text, timeout=30_000)
    assert window.message_bar.message.level is Level.WARNING
    assert window.speech.state == STOPPED
    assert hint in window.speech_problem()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _no_dialog)
    window.message_bar.hide()
    window.speech.export_action.trigger()  # says the same, without asking for a file
    assert hint in window.message_bar.text
    press(qtbot, en, Qt.Key.Key_Down, ALT)  # and the reader still works
    assert window.linker.current == (EN, 0)
    window.close()


def _no_dialog(*args: object) -> tuple[str, str]:
    raise AssertionError("no file dialog expected")


def _sound_device_present() -> bool:
    from reader.speech.player import detect_player
    from reader.speech.voices import SpeechUnavailable

    try:
        detect_player()
    except SpeechUnavailable:
        return False
    return True


@pytest.mark.parametrize("probe", ["patched", "this machine"])
def test_without_a_sound_device_play_offers_export_to_wav(
    qtbot, settings: Settings, monkeypatch: pytest.MonkeyPatch, probe: str, shared_synth: Any
) -> None:
    import reader.speech.player
    from reader.speech.voices import Problem, SpeechUnavailable

    monkeypatch.setattr(SpeechEngine, "shared_synthesizer", shared_synth)

    if probe == "patched":
        def detect_player(*args: object, **kwargs: object) -> None:
            raise SpeechUnavailable("No sound device: aplay could not open one.",
                                    Problem.NO_DEVICE)

        monkeypatch.setattr(reader.speech.player, "detect_player", detect_player)
    elif _sound_device_present():
        pytest.skip("this machine has a sound device")
    window = make_window(qtbot, settings, output="device")
    window.set_document(long_bilingual_document(paragraphs=1))
    view(window, EN).setFocus()
    press(qtbot, view(window, EN), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.message_bar.message is not None, timeout=30_000)
    message = window.message_bar.message
    assert "sound device" in window.message_bar.text
    assert message.action_text == "Export to WAV…"
    assert window.speech.state == STOPPED
    asked: list[str] = []

    def cancel(parent: object, caption: str, *rest: object) -> tuple[str, str]:
        asked.append(caption)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancel)
    window.message_bar.findChild(QPushButton).click()
    assert asked and "whole document" in asked[0]
    window.close()


def test_voices_are_found_in_the_background_after_start_up(qtbot, window: MainWindow) -> None:
    assert window.speech.engine.voices is None  # nothing at start-up
    qtbot.waitUntil(lambda: window.speech.engine.voices is not None, timeout=30_000)
    voices = window.speech_voices()
    assert "gmw/en-us" in [voice_id for voice_id, _ in voices["en"]]
    assert "ko" in [voice_id for voice_id, _ in voices["ko"]]
    assert window.speech_problem() == ""


def test_start_up_imports_no_speech_code() -> None:
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from reader.settings import Settings\n"
        "from reader.ui.main_window import MainWindow\n"
        "w = MainWindow(Settings()); w.show(); app.processEvents()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('reader.speech', 'pyttsx3'))))\n"
        "w.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_closing_the_window_mid_sentence_returns_promptly(qtbot, window: MainWindow) -> None:
    window.speech.silent_speed = 0.25  # a sentence lasts ten seconds
    highlights = Highlights(window)
    view(window, EN).setFocus()
    press(qtbot, view(window, EN), Qt.Key.Key_Space)
    wait_lit(qtbot, highlights, (EN, 0))
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 2.5
    assert window.speech.engine.synth is None
    assert not any(t.name == "dari-reading" for t in threading.enumerate())
