from __future__ import annotations

import threading
import wave
from pathlib import Path

import numpy as np
import pytest

from reader.document.model import Document, Lang
from reader.speech.export import PAUSE_SECONDS, ExportCancelled, export_wav
from reader.speech.sequence import Mode
from reader.speech.synth import SAMPLE_RATE, Clip, Synthesizer
from reader.speech.voices import Problem, SpeechSettings, SpeechUnavailable
from tests.helpers.documents import long_bilingual_document

EN, KO = Lang.EN, Lang.KO


@pytest.fixture
def document() -> Document:
    return long_bilingual_document(paragraphs=2)


def _read(path: Path) -> tuple[wave._wave_params, np.ndarray]:
    with wave.open(str(path), "rb") as wav:
        params = wav.getparams()
        return params, np.frombuffer(wav.readframes(params.nframes), dtype="<i2")


def _clip(
    synth: Synthesizer, document: Document, settings: SpeechSettings, lang: Lang, index: int
) -> Clip:
    text = document.sentences(lang)[index].text
    return synth.synthesize(text, settings.voice(lang), settings.rate_wpm).result(timeout=30)


def test_a_selection_of_three_sentences_is_one_wav_of_the_clips_and_pauses(
    synth: Synthesizer, document: Document, settings: SpeechSettings, tmp_path: Path
) -> None:
    selection = [(EN, 1), (EN, 4), (EN, 6)]
    calls: list[tuple[int, int]] = []
    path = tmp_path / "three.wav"
    result = export_wav(
        synth,
        document,
        selection,
        Mode.EN,
        settings,
        path,
        progress=lambda done, total: calls.append((done, total)),
    )
    params, samples = _read(path)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, SAMPLE_RATE)
    clips = [_clip(synth, document, settings, lang, index) for lang, index in selection]
    gap = round(PAUSE_SECONDS * SAMPLE_RATE)
    assert params.nframes == sum(c.frames for c in clips) + 2 * gap
    assert result.duration == pytest.approx(
        sum(c.duration for c in clips) + 2 * PAUSE_SECONDS, abs=1 / SAMPLE_RATE
    )
    expected = np.concatenate(
        [
            clips[0].samples,
            np.zeros(gap, np.int16),
            clips[1].samples,
            np.zeros(gap, np.int16),
            clips[2].samples,
        ]
    )
    assert np.array_equal(samples, expected)
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["three.wav"]


def test_bilingual_export_reads_whole_units_source_first_and_applies_volume(
    synth: Synthesizer, document: Document, settings: SpeechSettings, tmp_path: Path
) -> None:
    quiet = SpeechSettings(settings.voices, settings.rate_wpm, volume=0.5)
    path = tmp_path / "unit.wav"
    # Korean sentence 2 belongs to the 1:2 unit (English 1; Korean 1 and 2)
    result = export_wav(synth, document, [(KO, 2)], Mode.BILINGUAL, quiet, path)
    _, samples = _read(path)
    clips = [_clip(synth, document, settings, lang, i) for lang, i in [(EN, 1), (KO, 1), (KO, 2)]]
    gap = np.zeros(round(PAUSE_SECONDS * SAMPLE_RATE), np.int16)
    full = np.concatenate([clips[0].samples, gap, clips[1].samples, gap, clips[2].samples])
    assert result.sentences == 3
    assert np.array_equal(samples, np.rint(full * 0.5).astype(np.int16))


def test_whole_document_per_language(
    synth: Synthesizer, settings: SpeechSettings, tmp_path: Path
) -> None:
    document = long_bilingual_document(paragraphs=1)
    result = export_wav(synth, document, None, Mode.KO, settings, tmp_path / "ko.wav")
    clips = [_clip(synth, document, settings, KO, i) for i in range(5)]
    assert result.sentences == 5
    params, _ = _read(tmp_path / "ko.wav")
    assert params.nframes == sum(c.frames for c in clips) + 4 * round(PAUSE_SECONDS * SAMPLE_RATE)


def test_cancel_leaves_no_file_and_keeps_an_older_one(
    synth: Synthesizer, document: Document, settings: SpeechSettings, tmp_path: Path
) -> None:
    path = tmp_path / "out.wav"
    path.write_bytes(b"older export")
    stop = threading.Event()

    def progress(done: int, total: int) -> None:
        if done == 2:
            stop.set()

    with pytest.raises(ExportCancelled):
        export_wav(
            synth,
            document,
            None,
            Mode.BILINGUAL,
            settings,
            path,
            progress=progress,
            cancelled=stop.is_set,
        )
    assert path.read_bytes() == b"older export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.wav"]


def test_missing_voice_fails_before_any_file_exists(
    synth: Synthesizer, document: Document, settings: SpeechSettings, tmp_path: Path
) -> None:
    with pytest.raises(SpeechUnavailable) as caught:
        export_wav(
            synth,
            document,
            None,
            Mode.KO,
            SpeechSettings({EN: settings.voice(EN)}),
            tmp_path / "x.wav",
        )
    assert caught.value.problem is Problem.NO_VOICE
    assert list(tmp_path.iterdir()) == []
