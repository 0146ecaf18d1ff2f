"""Read-aloud latency and synthesis speed with the real engine (pyttsx3 + espeak-ng).

Usage: python bench/speech.py [--runs N]

Uses the bundled article (content/second-thoughts): its English and Korean sentences.

- first audio: the time from ``ReadingSequence.play()`` to the moment the player receives
  the first clip (a SilentSink that notes when ``play`` is called: with aplay the sound
  starts a few ms later, once the process is up). One run per sentence, starting the
  reading there, for the first ``--runs`` sentences of each language; the engine is warm
  (the app starts it with the window) and the clip cache is off, so every run synthesises.
  Prints ``first audio: N ms`` (median over both languages), then per language, plus the
  worst case (the longest sentences) and one cold start (engine created by that request).
- real-time factor: audio seconds / synthesis seconds for all sentences of a language,
  one after the other, through the Synthesizer (cache off).

Target: first audio <= 150 ms.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
from pathlib import Path

from reader.document.article import load_article
from reader.document.model import Document, Lang
from reader.speech.player import EndCallback, SilentSink
from reader.speech.sequence import Event, Mode, ReadingSequence, State, StateChanged
from reader.speech.synth import Clip, Synthesizer
from reader.speech.voices import SpeechSettings, default_voice

ARTICLE = Path(__file__).resolve().parents[1] / "content" / "second-thoughts" / "article.toml"


class FirstAudio(SilentSink):
    """Notes when the first clip arrives; plays nothing."""

    def __init__(self) -> None:
        super().__init__(speed=1.0)
        self.received = threading.Event()
        self.at = 0.0

    def play(self, clip: Clip, on_end: EndCallback) -> None:
        if not self.received.is_set():
            self.at = time.perf_counter()
            self.received.set()
        super().play(clip, on_end)


class Stopped:
    def __init__(self) -> None:
        self.event = threading.Event()

    def __call__(self, event: Event) -> None:
        if isinstance(event, StateChanged) and event.state is State.STOPPED:
            self.event.set()


def first_audio_ms(
    synth: Synthesizer,
    document: Document,
    mode: Mode,
    settings: SpeechSettings,
    start: tuple[Lang, int],
) -> float:
    player, stopped = FirstAudio(), Stopped()
    reading = ReadingSequence(synth, player, stopped)
    try:
        began = time.perf_counter()
        reading.play(document, mode, settings, start=start)
        if not player.received.wait(10):
            raise RuntimeError("no audio within 10 s")
        reading.stop()
        stopped.event.wait(5)
    finally:
        reading.close()
    time.sleep(0.1)  # let the prefetch of the next sentence finish: it is not this run's cost
    return (player.at - began) * 1000


def real_time_factor(synth: Synthesizer, texts: list[str], voice: str, rate: int) -> float:
    began = time.perf_counter()
    audio = sum(synth.synthesize(text, voice, rate).result(60).duration for text in texts)
    return audio / (time.perf_counter() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="sentences per language")
    args = parser.parse_args()
    document = load_article(ARTICLE)
    synth = Synthesizer(cache_size=0)
    try:
        began = time.perf_counter()
        voices = synth.voices().result(30)  # the engine starts with the first request
        engine_ms = (time.perf_counter() - began) * 1000
        settings = SpeechSettings({lang: default_voice(voices, lang).id for lang in Lang})
        cold = engine_ms + first_audio_ms(synth, document, Mode.EN, settings, (Lang.EN, 0))
        per_lang: dict[Lang, list[float]] = {}
        worst: dict[Lang, tuple[float, int]] = {}
        for lang in Lang:
            mode = Mode.EN if lang is Lang.EN else Mode.KO
            count = min(args.runs, document.sentence_count(lang))
            per_lang[lang] = [
                first_audio_ms(synth, document, mode, settings, (lang, i)) for i in range(count)
            ]
            lengths = [len(sentence.text) for sentence in document.sentences(lang)]
            longest = lengths.index(max(lengths))
            worst[lang] = (
                first_audio_ms(synth, document, mode, settings, (lang, longest)),
                lengths[longest],
            )
        everything = [ms for values in per_lang.values() for ms in values]
        print(f"first audio: {statistics.median(everything):.0f} ms")
        for lang, values in per_lang.items():
            print(
                f"first audio ({lang.value}): {statistics.median(values):.0f} ms "
                f"(median of {len(values)}; min {min(values):.0f}, max {max(values):.0f})"
            )
        for lang, (ms, chars) in worst.items():
            print(f"first audio ({lang.value}, longest sentence, {chars} chars): {ms:.0f} ms")
        print(
            f"first audio, cold (engine start {engine_ms:.0f} ms + first sentence): {cold:.0f} ms"
        )
        for lang in Lang:
            texts = [s.text for s in document.sentences(lang)]
            factor = real_time_factor(synth, texts, settings.voice(lang), settings.rate_wpm)
            print(f"real-time factor ({lang.value}): {factor:.0f}x over {len(texts)} sentences")
    finally:
        synth.close()


if __name__ == "__main__":
    main()
