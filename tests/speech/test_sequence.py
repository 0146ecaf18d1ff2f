from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import Future

import pytest

from reader.document.model import Document, Lang
from reader.speech.player import EndCallback, SilentSink
from reader.speech.sequence import (
    Error,
    Finished,
    Mode,
    ReadingSequence,
    SentenceFinished,
    SentenceStarted,
    State,
    StateChanged,
    reading_order,
)
from reader.speech.synth import Clip, Synthesizer
from reader.speech.voices import Problem, SpeechSettings, SpeechUnavailable
from tests.helpers.documents import long_bilingual_document
from tests.speech.recorder import Recorder

EN, KO = Lang.EN, Lang.KO
FAST = 40.0  # the sink plays 40x faster than real time
# One paragraph of long_bilingual_document: units 1:1, 1:2, 2:1, 1:1.
BILINGUAL_ORDER = [
    (EN, 0),
    (KO, 0),
    (EN, 1),
    (KO, 1),
    (KO, 2),
    (EN, 2),
    (EN, 3),
    (KO, 3),
    (EN, 4),
    (KO, 4),
]


@pytest.fixture
def document() -> Document:
    return long_bilingual_document(paragraphs=1)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def sink() -> SilentSink:
    return SilentSink(speed=FAST)


@pytest.fixture
def reading(synth: Synthesizer, sink: SilentSink, recorder: Recorder) -> Iterator[ReadingSequence]:
    sequence = ReadingSequence(synth, sink, recorder)
    yield sequence
    sequence.close()


def started(recorder: Recorder) -> list[tuple[Lang, int]]:
    return [(e.lang, e.index) for e in recorder.of(SentenceStarted)]


def states(recorder: Recorder) -> list[State]:
    return [e.state for e in recorder.of(StateChanged)]


def wait_started(recorder: Recorder, lang: Lang, index: int, after: int = 0) -> float:
    stamp, _ = recorder.wait_for(
        lambda e: isinstance(e, SentenceStarted) and (e.lang, e.index) == (lang, index),
        after=after,
    )
    return stamp


def wait_state(recorder: Recorder, state: State, after: int = 0) -> float:
    stamp, _ = recorder.wait_for(
        lambda e: isinstance(e, StateChanged) and e.state is state, after=after
    )
    return stamp


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        (Mode.EN, [(EN, i) for i in range(5)]),
        (Mode.KO, [(KO, i) for i in range(5)]),
        (Mode.BILINGUAL, BILINGUAL_ORDER),
    ],
)
def test_sentences_start_in_reading_order_and_each_is_finished(
    reading: ReadingSequence,
    recorder: Recorder,
    document: Document,
    settings: SpeechSettings,
    mode: Mode,
    expected: list[tuple[Lang, int]],
) -> None:
    reading.play(document, mode, settings)
    recorder.wait_for(lambda e: isinstance(e, Finished))
    assert started(recorder) == expected
    events = [e for _, e in recorder.events]
    assert events[0] == StateChanged(State.PLAYING)
    assert events[-2:] == [Finished(), StateChanged(State.STOPPED)]
    pairs = events[1:-2]
    for start, finish in zip(pairs[::2], pairs[1::2], strict=True):
        assert isinstance(start, SentenceStarted) and isinstance(finish, SentenceFinished)
        assert (start.lang, start.index) == (finish.lang, finish.index)
        assert start.duration > 0.5  # real synthesised audio


def test_a_sentence_starts_when_its_audio_is_handed_over_and_lasts_its_duration(
    reading: ReadingSequence, recorder: Recorder, document: Document, settings: SpeechSettings
) -> None:
    reading.play(document, Mode.EN, settings, start=(EN, 3))
    recorder.wait_for(lambda e: isinstance(e, Finished))
    stamps = {
        type(e): t
        for t, e in recorder.events
        if isinstance(e, SentenceStarted | SentenceFinished) and e.index == 3
    }
    duration = recorder.of(SentenceStarted)[0].duration
    heard = stamps[SentenceFinished] - stamps[SentenceStarted]
    assert duration / FAST - 0.01 < heard < duration / FAST + 0.1


@pytest.mark.parametrize(
    ("mode", "start", "expected_first"),
    [
        (Mode.EN, (EN, 3), (EN, 3)),
        (Mode.EN, (KO, 2), (EN, 1)),  # Korean sentence of unit 1 -> its English
        (Mode.KO, (EN, 3), (KO, 3)),  # 2nd English sentence of the 2:1 unit -> its Korean
        (Mode.BILINGUAL, (KO, 2), (KO, 2)),
    ],
)
def test_play_starts_from_the_given_sentence(
    reading: ReadingSequence,
    recorder: Recorder,
    document: Document,
    settings: SpeechSettings,
    mode: Mode,
    start: tuple[Lang, int],
    expected_first: tuple[Lang, int],
) -> None:
    reading.play(document, mode, settings, start=start)
    recorder.wait_for(lambda e: isinstance(e, Finished))
    order = [(i.lang, i.index) for i in reading_order(document, mode)]
    assert started(recorder) == order[order.index(expected_first) :]


def test_pause_holds_everything_and_resume_goes_on(
    synth: Synthesizer, recorder: Recorder, document: Document, settings: SpeechSettings
) -> None:
    reading = ReadingSequence(synth, SilentSink(speed=4), recorder)
    try:
        reading.play(document, Mode.EN, settings)
        wait_started(recorder, EN, 0)
        time.sleep(0.1)
        asked = time.monotonic()
        reading.pause()
        assert wait_state(recorder, State.PAUSED) - asked < 0.3
        assert reading.state is State.PAUSED
        seen = len(recorder)
        time.sleep(1.0)  # longer than the rest of sentence 0 at 4x
        assert len(recorder) == seen
        reading.resume()
        recorder.wait_for(lambda e: isinstance(e, SentenceFinished) and e.index == 0)
        reading.stop()
        wait_state(recorder, State.STOPPED)
    finally:
        reading.close()
    assert states(recorder) == [State.PLAYING, State.PAUSED, State.PLAYING, State.STOPPED]
    assert started(recorder)[0] == (EN, 0)


def test_stop_during_a_long_sentence_is_prompt_and_final(
    synth: Synthesizer, recorder: Recorder, settings: SpeechSettings
) -> None:
    long = " ".join(["This sentence goes on and on, clause after clause,"] * 6) + " until here."
    document = Document.monolingual([[long, "Never reached."]], EN)
    reading = ReadingSequence(synth, SilentSink(speed=1), recorder)
    try:
        reading.play(document, Mode.EN, settings)
        wait_started(recorder, EN, 0)
        time.sleep(0.5)
        asked = time.monotonic()
        reading.stop()
        elapsed = wait_state(recorder, State.STOPPED) - asked
        time.sleep(0.3)
    finally:
        reading.close()
    assert elapsed < 0.3
    assert recorder.of(SentenceStarted)[0].duration > 10
    assert [type(e) for _, e in recorder.events] == [StateChanged, SentenceStarted, StateChanged]


def test_next_and_previous_jump_at_once_mid_sentence(
    synth: Synthesizer, recorder: Recorder, document: Document, settings: SpeechSettings
) -> None:
    reading = ReadingSequence(synth, SilentSink(speed=2), recorder)
    try:
        reading.play(document, Mode.BILINGUAL, settings)
        wait_started(recorder, EN, 0)
        asked = time.monotonic()
        reading.next()
        assert wait_started(recorder, KO, 0) - asked < 0.3
        reading.next()
        wait_started(recorder, EN, 1)
        reading.previous()
        mark = len(recorder)
        wait_started(recorder, KO, 0, after=mark)
        reading.pause()
        wait_state(recorder, State.PAUSED)
        reading.next()  # from a pause: plays the next one
        wait_started(recorder, EN, 1, after=mark)
        reading.stop()
        wait_state(recorder, State.STOPPED, after=mark)
    finally:
        reading.close()
    assert started(recorder) == [(EN, 0), (KO, 0), (EN, 1), (KO, 0), (EN, 1)]
    assert recorder.of(SentenceFinished) == []  # every sentence was cut short
    assert states(recorder) == [State.PLAYING, State.PAUSED, State.PLAYING, State.STOPPED]


def test_previous_at_the_start_replays_it_and_next_at_the_end_stops(
    reading: ReadingSequence, recorder: Recorder, settings: SpeechSettings
) -> None:
    document = Document.monolingual([["The first of two.", "The second of two."]], EN)
    reading.play(document, Mode.EN, settings)
    wait_started(recorder, EN, 0)
    reading.previous()
    wait_started(recorder, EN, 0, after=2)
    reading.next()
    wait_started(recorder, EN, 1)
    reading.next()
    wait_state(recorder, State.STOPPED)
    assert started(recorder) == [(EN, 0), (EN, 0), (EN, 1)]
    assert recorder.of(Finished) == []


def test_a_missing_voice_is_an_error_event_naming_the_language(
    reading: ReadingSequence, recorder: Recorder, document: Document, settings: SpeechSettings
) -> None:
    english_only = SpeechSettings({EN: settings.voice(EN)})
    reading.play(document, Mode.BILINGUAL, english_only)
    _, event = recorder.wait_for(lambda e: isinstance(e, Error))
    assert isinstance(event, Error)
    assert isinstance(event.exception, SpeechUnavailable)
    assert event.exception.problem is Problem.NO_VOICE
    assert "no Korean voice" in event.message
    time.sleep(0.1)
    assert started(recorder) == []  # it says so before reading anything
    assert states(recorder) == []


class NoDevice(SilentSink):
    def play(self, clip: Clip, on_end: EndCallback) -> None:
        on_end(SpeechUnavailable("No sound device: test.", Problem.NO_DEVICE))


def test_a_playback_failure_stops_with_its_message(
    synth: Synthesizer, recorder: Recorder, document: Document, settings: SpeechSettings
) -> None:
    reading = ReadingSequence(synth, NoDevice(), recorder)
    try:
        reading.play(document, Mode.EN, settings)
        wait_state(recorder, State.STOPPED)
    finally:
        reading.close()
    [error] = recorder.of(Error)
    assert error.message == "No sound device: test."
    assert states(recorder) == [State.PLAYING, State.STOPPED]


def test_new_speed_applies_from_the_next_sentence(
    synth: Synthesizer, recorder: Recorder, settings: SpeechSettings
) -> None:
    text = "Every sentence here says the very same words."
    document = Document.monolingual([[text, text, text]], EN)
    reading = ReadingSequence(synth, SilentSink(speed=10), recorder)
    try:
        reading.play(document, Mode.EN, SpeechSettings(settings.voices, rate_wpm=120))
        wait_started(recorder, EN, 0)
        reading.set_settings(SpeechSettings(settings.voices, rate_wpm=360))
        recorder.wait_for(lambda e: isinstance(e, Finished))
    finally:
        reading.close()
    slow, fast, faster = (e.duration for e in recorder.of(SentenceStarted))
    assert fast < 0.6 * slow
    assert faster == fast


def test_nothing_to_read_is_an_error(
    reading: ReadingSequence, recorder: Recorder, settings: SpeechSettings
) -> None:
    english_only = Document.monolingual([["Only English here."]], EN)
    reading.play(english_only, Mode.KO, settings)
    recorder.wait_for(lambda e: isinstance(e, Error))
    [error] = recorder.of(Error)
    assert error.message == "There are no Korean sentences to read."


class Late:
    """A clip source whose clips arrive when the test says, to pause before the first audio."""

    def __init__(self) -> None:
        self.futures: list[Future[Clip]] = []

    def synthesize(
        self, text: str, voice_id: str, rate_wpm: int, volume: float = 1.0
    ) -> Future[Clip]:
        future: Future[Clip] = Future()
        self.futures.append(future)
        return future


def test_pause_before_the_first_clip_is_ready_holds_it_until_resume(
    synth: Synthesizer, recorder: Recorder, settings: SpeechSettings
) -> None:
    late = Late()
    reading = ReadingSequence(late, SilentSink(speed=FAST), recorder)
    document = Document.monolingual([["Late audio."]], EN)
    try:
        reading.play(document, Mode.EN, settings)
        wait_state(recorder, State.PLAYING)
        reading.pause()
        wait_state(recorder, State.PAUSED)
        late.futures[0].set_result(
            synth.synthesize("Late audio.", settings.voice(EN), 175).result()
        )
        time.sleep(0.2)
        assert recorder.of(SentenceStarted) == []
        reading.resume()
        recorder.wait_for(lambda e: isinstance(e, Finished))
    finally:
        reading.close()
    assert started(recorder) == [(EN, 0)]


def test_reading_order_of_selections_and_of_a_korean_original(document: Document) -> None:
    def order(mode: Mode, selection: list[tuple[Lang, int]] | None) -> list[tuple[Lang, int]]:
        return [(i.lang, i.index) for i in reading_order(document, mode, selection)]

    assert order(Mode.EN, [(EN, 2)]) == [(EN, 2)]  # not its unit-mate EN 3
    assert order(Mode.EN, [(KO, 2)]) == [(EN, 1)]  # a Korean selection reads its English
    assert order(Mode.KO, [(EN, 3), (KO, 0)]) == [(KO, 0), (KO, 3)]
    assert order(Mode.BILINGUAL, [(EN, 3)]) == [(EN, 2), (EN, 3), (KO, 3)]
    document.original_language = KO
    assert order(Mode.BILINGUAL, None)[:5] == [(KO, 0), (EN, 0), (KO, 1), (KO, 2), (EN, 1)]
