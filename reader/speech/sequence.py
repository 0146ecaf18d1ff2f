"""Reading a document aloud, sentence after sentence: a Qt-free state machine.

:class:`ReadingSequence` owns one thread ("dari-reading"). Commands (play, pause, resume,
stop, next, previous, set_settings) may be called from any thread: they are posted to that
thread and return at once; each takes effect within milliseconds, mid-sentence included
(the player is stopped or paused there). **Every event is delivered on the "dari-reading"
thread**, one at a time, in order: a Qt wrapper re-emits them as signals (queued to the GUI
thread). The listener must not block; an exception it raises is logged and ignored.

Events: :class:`SentenceStarted` is emitted right after the clip is handed to the player
(so a highlight follows the audio, not the synthesis); :class:`SentenceFinished` when that
clip has been played to its end (not when it is interrupted); :class:`StateChanged`;
:class:`Finished` after the last sentence (then StateChanged(STOPPED)); :class:`Error`
(then StateChanged(STOPPED)) when synthesis or playback fails.

While sentence *n* plays, sentence *n+1* is synthesised. Next/Previous from a paused
sentence start playing the new one. Changed settings apply from the next sentence.
"""

from __future__ import annotations

import enum
import logging
import queue
import threading
from collections.abc import Callable, Collection
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Protocol

from reader.document.model import Document, Lang
from reader.speech.player import Player
from reader.speech.synth import Clip
from reader.speech.voices import SpeechError, SpeechSettings, SpeechUnavailable

__all__ = [
    "ClipSource",
    "Error",
    "Event",
    "Finished",
    "Item",
    "Mode",
    "ReadingSequence",
    "SentenceFinished",
    "SentenceStarted",
    "State",
    "StateChanged",
    "reading_order",
]

log = logging.getLogger(__name__)


class Mode(enum.Enum):
    EN = "en"  # read the English pane
    KO = "ko"  # read the Korean pane
    BILINGUAL = "bilingual"  # each unit in the source language, then its translation

    @property
    def lang(self) -> Lang | None:
        """The one language this mode reads; None when bilingual."""
        return {Mode.EN: Lang.EN, Mode.KO: Lang.KO}.get(self)


class State(enum.Enum):
    PLAYING = "playing"
    PAUSED = "paused"
    STOPPED = "stopped"


@dataclass(frozen=True)
class Item:
    lang: Lang
    index: int
    unit: int
    text: str


@dataclass(frozen=True)
class SentenceStarted:
    lang: Lang
    index: int
    duration: float  # seconds of audio handed to the player


@dataclass(frozen=True)
class SentenceFinished:
    lang: Lang
    index: int


@dataclass(frozen=True)
class StateChanged:
    state: State


@dataclass(frozen=True)
class Finished:
    pass


@dataclass(frozen=True)
class Error:
    message: str
    exception: Exception


Event = SentenceStarted | SentenceFinished | StateChanged | Finished | Error
Listener = Callable[[Event], None]


class ClipSource(Protocol):
    def synthesize(
        self, text: str, voice_id: str, rate_wpm: int, volume: float = 1.0
    ) -> Future[Clip]: ...


def reading_order(
    document: Document, mode: Mode, selection: Collection[tuple[Lang, int]] | None = None
) -> list[Item]:
    """What `mode` reads, in order; with `selection`, only the selected sentences (in
    bilingual mode, their whole units; a sentence selected in the other pane brings its
    counterparts)."""
    source = document.original_language
    langs = (mode.lang,) if mode.lang else (source, source.other)
    texts = {lang: document.sentences(lang) for lang in Lang}
    items = [
        Item(lang, index, unit, texts[lang][index].text)
        for unit in range(document.unit_count)
        for lang in langs
        for index in document.unit_sentences(unit, lang)
        if texts[lang][index].text.strip()
    ]
    if selection is None:
        return items
    chosen = set(selection)
    units = {
        document.unit_of(lang, index)
        for lang, index in chosen
        if lang is not mode.lang  # bilingual: every selected sentence brings its unit
    }
    return [item for item in items if (item.lang, item.index) in chosen or item.unit in units]


def start_position(document: Document, items: list[Item], lang: Lang, index: int) -> int:
    """The item for sentence (lang, index), else the first item of its unit or after."""
    for position, item in enumerate(items):
        if (item.lang, item.index) == (lang, index):
            return position
    unit = document.unit_of(lang, index)
    return next((p for p, item in enumerate(items) if item.unit >= unit), 0)


class ReadingSequence:
    def __init__(self, source: ClipSource, player: Player, listener: Listener) -> None:
        self._source = source
        self._player = player
        self._listener = listener
        self._inbox: queue.SimpleQueue[tuple[Any, ...] | None] = queue.SimpleQueue()
        # state below is touched only on the reading thread
        self._state = State.STOPPED
        self._items: list[Item] = []
        self._settings = SpeechSettings()
        self._position = 0
        self._generation = 0  # bumped whenever the current clip changes: stale news is dropped
        self._clips: dict[int, Future[Clip]] = {}
        self._handed = False  # the current clip is with the player
        self._thread = threading.Thread(target=self._run, name="dari-reading", daemon=True)
        self._thread.start()

    # -- commands (any thread) ----------------------------------------------------------
    def play(
        self,
        document: Document,
        mode: Mode,
        settings: SpeechSettings,
        start: tuple[Lang, int] | None = None,
        selection: Collection[tuple[Lang, int]] | None = None,
    ) -> None:
        """Read `document` (or the `selection`, see :func:`reading_order`) from sentence
        `start` (lang, index); in a mode that does not read `start`'s language, from its
        counterpart. The text is copied here, on the calling thread: later edits of the
        document are not seen until the next play()."""
        items = reading_order(document, mode, selection)
        position = start_position(document, items, *start) if start and items else 0
        self._inbox.put(("play", items, settings.clamped(), position, mode))

    def pause(self) -> None:
        self._inbox.put(("pause",))

    def resume(self) -> None:
        self._inbox.put(("resume",))

    def stop(self) -> None:
        self._inbox.put(("stop",))

    def next(self) -> None:
        self._inbox.put(("skip", 1))

    def previous(self) -> None:
        self._inbox.put(("skip", -1))

    def set_settings(self, settings: SpeechSettings) -> None:
        self._inbox.put(("settings", settings.clamped()))

    @property
    def state(self) -> State:
        """The state as of the last command handled (a command just posted may be pending)."""
        return self._state

    def close(self, timeout: float = 2.0) -> None:
        self._inbox.put(("stop",))
        self._inbox.put(None)
        self._thread.join(timeout)

    # -- the reading thread ---------------------------------------------------------------
    def _run(self) -> None:
        while (message := self._inbox.get()) is not None:
            try:
                getattr(self, f"_on_{message[0]}")(*message[1:])
            except Exception as error:
                log.exception("reading aloud failed")
                self._fail(error)

    def _emit(self, event: Event) -> None:
        try:
            self._listener(event)
        except Exception:
            log.exception("reading listener failed on %r", event)

    def _set_state(self, state: State) -> None:
        if state is not self._state:
            self._state = state
            self._emit(StateChanged(state))

    def _on_play(
        self, items: list[Item], settings: SpeechSettings, position: int, mode: Mode
    ) -> None:
        self._halt()
        self._items, self._settings = items, settings
        if not items:
            what = {Lang.EN: "English ", Lang.KO: "Korean "}[mode.lang] if mode.lang else ""
            self._fail(SpeechError(f"There are no {what}sentences to read."))
            return
        try:
            for lang in {item.lang for item in items}:
                settings.voice(lang)
        except SpeechUnavailable as error:  # no voice for a language: say so now, not halfway
            self._fail(error)
            return
        self._set_state(State.PLAYING)
        self._begin(position)

    def _on_pause(self) -> None:
        if self._state is State.PLAYING:
            if self._handed:
                self._player.pause()
            self._set_state(State.PAUSED)

    def _on_resume(self) -> None:
        if self._state is State.PAUSED:
            self._set_state(State.PLAYING)
            if self._handed:
                self._player.resume()
            elif (future := self._clips.get(self._position)) and future.done():
                self._on_clip(self._generation, future)

    def _on_stop(self) -> None:
        self._halt()
        self._set_state(State.STOPPED)

    def _on_skip(self, step: int) -> None:
        if self._state is State.STOPPED:
            return
        position = max(self._position + step, 0)
        if position >= len(self._items):
            self._on_stop()
            return
        self._player.stop()
        self._set_state(State.PLAYING)
        self._begin(position)

    def _on_settings(self, settings: SpeechSettings) -> None:
        self._settings = settings
        for position in [p for p in self._clips if p != self._position or not self._handed]:
            self._clips.pop(position).cancel()
        if self._state is not State.STOPPED and not self._handed:
            self._begin(self._position)
        elif self._handed:
            self._prefetch()

    def _on_clip(self, generation: int, future: Future[Clip]) -> None:
        if generation != self._generation or future.cancelled() or self._handed:
            return
        if (error := future.exception()) is not None:
            self._fail(error if isinstance(error, Exception) else RuntimeError(str(error)))
            return
        if self._state is not State.PLAYING:
            return  # paused before the clip was ready: resume hands it over
        clip = future.result()
        item = self._items[self._position]
        self._handed = True

        def ended(error: Exception | None) -> None:  # on the player's thread
            self._inbox.put(("end", generation, error))

        self._player.play(clip, ended)
        self._emit(SentenceStarted(item.lang, item.index, clip.duration))
        self._prefetch()

    def _on_end(self, generation: int, error: Exception | None) -> None:
        if generation != self._generation:
            return
        if error is not None:
            self._fail(error)
            return
        item = self._items[self._position]
        self._emit(SentenceFinished(item.lang, item.index))
        if self._position + 1 < len(self._items):
            self._begin(self._position + 1)
        else:
            self._halt()
            self._emit(Finished())
            self._set_state(State.STOPPED)

    # -- helpers --------------------------------------------------------------------------
    def _begin(self, position: int) -> None:
        self._generation += 1
        self._position, self._handed = position, False
        for stale in [p for p in self._clips if p not in (position, position + 1)]:
            self._clips.pop(stale).cancel()
        generation = self._generation

        def ready(future: Future[Clip]) -> None:  # on the speech thread
            self._inbox.put(("clip", generation, future))

        self._request(position).add_done_callback(ready)

    def _prefetch(self) -> None:
        if self._position + 1 < len(self._items):
            self._request(self._position + 1)

    def _request(self, position: int) -> Future[Clip]:
        future = self._clips.get(position)
        if future is None or future.cancelled():
            item = self._items[position]
            try:
                voice = self._settings.voice(item.lang)
            except SpeechUnavailable as error:
                future = Future()
                future.set_exception(error)
            else:
                future = self._source.synthesize(
                    item.text, voice, self._settings.rate_wpm, self._settings.volume
                )
            self._clips[position] = future
        return future

    def _halt(self) -> None:
        self._player.stop()
        self._generation += 1
        self._handed = False
        for future in self._clips.values():
            future.cancel()
        self._clips.clear()

    def _fail(self, error: Exception) -> None:
        self._halt()
        self._emit(Error(str(error) or type(error).__name__, error))
        self._set_state(State.STOPPED)
