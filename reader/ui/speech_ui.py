"""Reading aloud from the window: the Speech menu and toolbar, their keys, the highlight
that follows the voice, and a clear message when something speech needs is missing.

Nothing of :mod:`reader.speech` is imported at start-up (:class:`SpeechEngine` gets it ready in
the background). The reading sequence reports on its own thread: its events are re-emitted
through a queued signal, so the panes are only touched on the GUI thread. Keys: Space plays
or pauses (from a reading pane: see :mod:`reader.ui.speech_keys`), Esc stops, Alt+Right /
Alt+Left skip; those three are disabled, so let their keys through, when nothing is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QMenu, QStyle, QToolBar, QToolButton

from reader.document.model import Lang
from reader.ui.speech_engine import SpeechEngine
from reader.ui.speech_export import Selection, SpeechExporter, sentence_selection
from reader.ui.speech_keys import KeyGate

if TYPE_CHECKING:
    from reader.speech.sequence import ReadingSequence
    from reader.ui.main_window import MainWindow

PLAYING, PAUSED, STOPPED = "playing", "paused", "stopped"  # reader.speech.sequence.State values
LIVE_KEYS = {"pref/speech_voice_en", "pref/speech_voice_ko", "pref/speech_rate",
             "pref/speech_volume"}
_Icon = QStyle.StandardPixmap


class SpeechController(QObject):
    state_changed = Signal(str)  # PLAYING | PAUSED | STOPPED
    reading_event = Signal(object)  # each reader.speech.sequence event, on the GUI thread
    _sequence_event = Signal(object)  # (generation, event), emitted on "dari-reading"

    STARTUP_CHECK_MS = 2000

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.silent_speed = 1.0  # how fast "silent" output runs through a clip (tests raise it)
        self.state = STOPPED
        self._closed = False
        self.engine = SpeechEngine(self)
        self.engine.changed.connect(self._proceed)
        self._sequence: ReadingSequence | None = None
        self._sequence_key: tuple[Any, ...] = ()
        self._generation = 0
        self._want_play = False
        self._want_export: tuple[Path, Selection | None] | None = None
        self._finished_at: tuple[Lang, int] | None = None
        self.exporter = SpeechExporter(window, self._report)
        self.exporter.running_changed.connect(lambda _running: self._update_actions())
        self._build_actions()
        self._sequence_event.connect(self._on_sequence_event)
        self.settings.changed.connect(self._on_settings_changed)
        window.document_changed.connect(self._on_window_document_changed)
        window.installEventFilter(
            KeyGate(window, lambda: [pane.view for pane in window.panes.values()], self))
        self._startup = QTimer(self, singleShot=True, interval=self.STARTUP_CHECK_MS)
        self._startup.timeout.connect(self.engine.start)
        self._startup.start()

    # -- actions, menu, toolbar ---------------------------------------------------------
    def _action(self, text: str, slot: Any, keys: str, name: str, icon: _Icon | None) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if icon is not None:
            action.setIcon(self.window.style().standardIcon(icon))
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.play_action = self._action(self.tr("&Play"), self._on_play_triggered, "Space",
                                        "speechPlay", _Icon.SP_MediaPlay)
        self.stop_action = self._action(self.tr("&Stop"), self.stop, "Esc", "speechStop",
                                        _Icon.SP_MediaStop)
        self.previous_action = self._action(self.tr("Pre&vious Sentence"), lambda: self._skip(-1),
                                            "Alt+Left", "speechPrevious",
                                            _Icon.SP_MediaSkipBackward)
        self.next_action = self._action(self.tr("&Next Sentence"), lambda: self._skip(1),
                                        "Alt+Right", "speechNext", _Icon.SP_MediaSkipForward)
        self.export_action = self._action(self.tr("&Export Speech to WAV…"), self.export, "",
                                          "speechExport", None)
        self.mode_group = QActionGroup(self)
        self.mode_actions: dict[str, QAction] = {}
        self.mode_combo = QComboBox()
        self.mode_combo.setObjectName("speechMode")
        self.mode_combo.setAccessibleName(self.tr("Language read aloud"))
        self.mode_combo.setToolTip(self.tr("Language read aloud"))
        speaker = self.window.style().standardIcon(_Icon.SP_MediaVolume)
        for value, text, item in (
            ("en", self.tr("Read the &English Pane"), self.tr("English")),
            ("ko", self.tr("Read the &Korean Pane"), self.tr("Korean")),
            ("bilingual", self.tr("Read &Both (Bilingual)"), self.tr("Both")),
        ):
            action = QAction(text, self.window, checkable=True)
            action.setObjectName(f"speechMode_{value}")
            action.triggered.connect(lambda _on=False, v=value: self._set_mode(v))
            self.mode_group.addAction(action)
            self.mode_actions[value] = action
            self.mode_combo.addItem(speaker, item, value)
        self.mode_combo.currentIndexChanged.connect(
            lambda i: self._set_mode(str(self.mode_combo.itemData(i))))
        self._show_mode(self.mode)
        self._update_actions()

    def populate_menu(self, menu: QMenu) -> None:
        menu.addActions([self.play_action, self.stop_action])
        menu.addSeparator()
        menu.addActions([self.previous_action, self.next_action])
        menu.addSeparator()
        menu.addActions(list(self.mode_actions.values()))
        menu.addSeparator()
        menu.addAction(self.export_action)

    def populate_toolbar(self, toolbar: QToolBar) -> None:
        # Icons only, names in the tooltips: at the window's default width the toolbar
        # has room for no more text.
        toolbar.addActions([self.previous_action, self.play_action, self.stop_action,
                            self.next_action])
        toolbar.addWidget(self.mode_combo)
        more = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:  # narrower than all this, the toolbar overflows into it
            more.setAccessibleName(self.tr("More toolbar buttons"))

    @property
    def mode(self) -> str:
        return str(self.settings.get("pref/speech_mode"))

    def _set_mode(self, value: str) -> None:
        self.settings.set("pref/speech_mode", value)

    def _show_mode(self, value: str) -> None:
        if value in self.mode_actions:
            self.mode_actions[value].setChecked(True)
            self.mode_combo.blockSignals(True)
            self.mode_combo.setCurrentIndex(self.mode_combo.findData(value))
            self.mode_combo.blockSignals(False)

    def _update_actions(self) -> None:
        has_document = self.window.document is not None
        reading = self.state != STOPPED
        self.play_action.setEnabled(has_document)
        self.stop_action.setEnabled(reading or self._want_play)
        self.next_action.setEnabled(reading)
        self.previous_action.setEnabled(reading)
        self.export_action.setEnabled(
            has_document and not self.exporter.running and self._want_export is None)
        text, icon = {
            PLAYING: (self.tr("&Pause"), _Icon.SP_MediaPause),
            PAUSED: (self.tr("&Resume"), _Icon.SP_MediaPlay),
        }.get(self.state, (self.tr("&Play"), _Icon.SP_MediaPlay))
        self.play_action.setText(text)
        self.play_action.setIcon(self.window.style().standardIcon(icon))
        for action in (self.play_action, self.stop_action, self.previous_action,
                       self.next_action):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text().replace('&', '')} ({keys})")

    def _set_state(self, state: str) -> None:
        changed, self.state = state != self.state, state
        self._update_actions()
        if changed:
            self.state_changed.emit(state)

    # -- commands ---------------------------------------------------------------------
    @Slot()
    def _on_play_triggered(self) -> None:
        if self.state == PLAYING and self._sequence is not None:
            self._sequence.pause()
            self._set_state(PAUSED)
        elif self.state == PAUSED and self._sequence is not None:
            self._sequence.resume()
            self._set_state(PLAYING)
        else:
            self.play()

    def play(self) -> None:
        """Read aloud from the current sentence, else from the top of the pane being read."""
        if self.window.document is None or self._closed:
            return
        self._want_play = True
        if self.engine.device is None:
            self.engine.device_problem = None  # look again: a device may have been plugged in
        self._update_actions()
        self._proceed()

    @Slot()
    def stop(self) -> None:
        self._want_play = False
        if self._sequence is not None and self.state != STOPPED:
            self._sequence.stop()
        self._set_state(STOPPED)

    def _skip(self, step: int) -> None:
        if self._sequence is not None and self.state != STOPPED:
            (self._sequence.next if step > 0 else self._sequence.previous)()

    @Slot()
    def export(self) -> None:
        """Ask where, then write what the current mode reads (of the selection) as WAV."""
        document = self.window.document
        if document is None or self.exporter.running or self._closed:
            return
        if self.engine.problem is not None:
            self._report(self.engine.problem)
            return
        selection = sentence_selection(self.window)
        path = self.exporter.ask_path(document, self.mode, selection is not None)
        if path is not None:
            self._want_export = (path, selection)
            self._update_actions()
            self._proceed()

    @Slot()
    def _proceed(self) -> None:
        """Carry out a waiting Play or Export as soon as what it needs is known."""
        engine = self.engine
        if self._closed or not (self._want_play or self._want_export):
            return
        if not engine.known:
            self.window.statusBar().showMessage(self.tr("Starting the speech engine…"), 3000)
            engine.start()
            return
        if engine.problem is not None:
            self._want_play, self._want_export = False, None
            self._update_actions()
            self._report(engine.problem)
            return
        if self._want_export is not None:
            path, selection = self._want_export
            self._want_export = None
            self._start_export(path, selection)
        silent = self.settings.get("pref/speech_output") == "silent"
        if self._want_play and not silent and engine.device is None:
            if engine.device_problem is None:
                self.window.statusBar().showMessage(self.tr("Looking for a sound device…"), 3000)
                engine.probe_device()
                return
            self._want_play = False
            self._update_actions()
            self._report(engine.device_problem)
        elif self._want_play:
            self._want_play = False
            self._start_reading(("silent", self.silent_speed) if silent else ("device",))

    # -- reading ----------------------------------------------------------------------
    def _start_reading(self, key: tuple[Any, ...]) -> None:
        from reader.speech.player import SilentSink
        from reader.speech.sequence import Mode, ReadingSequence

        document = self.window.document
        synth = self.engine.synth
        if document is None or synth is None:
            return
        if self._sequence is None or key != self._sequence_key:
            self._close_sequence()
            generation = self._generation

            def listener(event: object) -> None:  # on "dari-reading"
                if not self._closed:
                    self._sequence_event.emit((generation, event))

            player = self.engine.device if key[0] == "device" else SilentSink(speed=key[1])
            assert player is not None
            self._sequence = ReadingSequence(synth, player, listener)
            self._sequence_key = key
        self._sequence.play(document, Mode(self.mode), self.engine.settings_for(self.settings),
                            start=self._start_sentence())
        self._set_state(PLAYING)

    def _start_sentence(self) -> tuple[Lang, int] | None:
        current = self.window.linker.current
        if current is not None and current != self._finished_at:
            return current
        lang = self.window.active_language()
        pane = self.window.panes[lang]
        anchor = pane.view.anchor() if pane.showing_text and current is None else None
        return (lang, anchor.index if anchor else 0)  # after the end: from the beginning

    def _start_export(self, path: Path, selection: Selection | None) -> None:
        from reader.speech.sequence import Mode

        document, synth = self.window.document, self.engine.synth
        if document is not None and synth is not None:
            self.exporter.start(synth, document, selection, Mode(self.mode),
                                self.engine.settings_for(self.settings), path)

    @Slot(object)
    def _on_sequence_event(self, payload: tuple[int, object]) -> None:
        from reader.speech.sequence import Error, Finished, SentenceStarted, StateChanged

        generation, event = payload
        if generation != self._generation or self._closed:
            return  # from a sequence since replaced
        if isinstance(event, SentenceStarted):
            if self.state == STOPPED:
                return  # already stopped here; the sequence has not heard yet
            self._finished_at = None
            self.window.linker.set_current(event.lang, event.index)
        elif isinstance(event, StateChanged):
            self._set_state(event.state.value)
        elif isinstance(event, Finished):
            self._finished_at = self.window.linker.current
        elif isinstance(event, Error):
            self.engine.note_failure(event.exception)
            self._set_state(STOPPED)
            self._report(event.exception)
        self.reading_event.emit(event)

    def _close_sequence(self) -> None:
        if self._sequence is not None:
            self._generation += 1  # whatever it still reports is dropped
            self._sequence.close(timeout=1.0)
            self._sequence = None

    # -- reactions --------------------------------------------------------------------
    @Slot(str, object)
    def _on_settings_changed(self, key: str, value: object) -> None:
        if key == "pref/speech_mode":
            self._show_mode(str(value))
        if key in ("pref/speech_mode", "pref/speech_output") and self.state != STOPPED:
            self.stop()  # and start again, from the sentence being read, the new way
            self.play()
        elif key in LIVE_KEYS and self._sequence is not None and self.engine.voices is not None:
            self._sequence.set_settings(self.engine.settings_for(self.settings))

    @Slot(object)
    def _on_window_document_changed(self, _document: object) -> None:
        self.stop()
        self._finished_at = None

    def _report(self, error: BaseException) -> None:
        self.window.messages.post(self.engine.message_for(error, self.export))

    # -- for the window -----------------------------------------------------------------
    def voice_choices(self) -> dict[str, list[tuple[str, str]]]:
        return self.engine.voice_choices()

    def problem_text(self) -> str:
        return self.engine.problem_text()

    def shutdown(self) -> None:
        """Stop reading and exporting and let the speech threads go: at once, mid-sentence
        included (a second at worst, while the engine finishes making a sentence)."""
        if self._closed:
            return
        self._closed = True
        self._startup.stop()
        self._want_play, self._want_export = False, None
        self.exporter.shutdown()
        self._close_sequence()
        self.engine.close()
        self.state = STOPPED
