"""TranslationEngine on real (tiny) Argos packages built by tests/helpers/argos_package.py."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

from reader.translation.engine import (
    MAX_INPUT_TOKENS,
    EngineError,
    ModelInfo,
    TranslationEngine,
    _split_long,
)
from tests.helpers.argos_package import build_package, build_package_dir, expected_translation

SENTENCES = ["hello world.", "the reader and the river!", "news today: the city is good."]
KOREAN = ["안녕하세요 세계.", "그 독자 그리고 그 강!", "뉴스 오늘: 그 도시 이다 좋은."]


def varied(count: int) -> list[str]:
    """Distinct sentences, so a mix-up of indexes shows in the output."""
    words = ["hello", "world", "book", "river", "bridge", "school", "friend", "night"]
    return [f"{words[i % 8]} {words[(i // 8) % 8]} {i}." for i in range(count)]


# -- ModelInfo ------------------------------------------------------------------------------
def test_model_info_reads_metadata(en_ko_package: Path) -> None:
    info = ModelInfo.from_package_dir(en_ko_package)
    assert (info.from_code, info.to_code, info.version) == ("en", "ko", "1.0")
    assert info.name == "translate-en_ko 1.0"
    assert info.path == en_ko_package
    assert info.target_prefix == ""


def test_model_info_rejects_a_folder_without_metadata(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match="metadata.json"):
        ModelInfo.from_package_dir(tmp_path)


def test_model_info_rejects_bad_metadata(tmp_path: Path) -> None:
    (tmp_path / "metadata.json").write_text(json.dumps({"type": "sbd"}), encoding="utf-8")
    with pytest.raises(EngineError, match="not a usable translation package"):
        ModelInfo.from_package_dir(tmp_path)


def test_a_missing_model_is_reported_on_load(tmp_path: Path, en_ko_package: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(en_ko_package, broken)
    shutil.rmtree(broken / "model")
    engine = TranslationEngine(broken)  # reading metadata works; the model loads lazily
    with pytest.raises(EngineError, match="cannot load translate-en_ko 1.0"):
        engine.translate(["hello world."])


# -- translating ----------------------------------------------------------------------------
def test_english_to_korean_gives_the_known_sentences(en_ko_package: Path) -> None:
    engine = TranslationEngine(en_ko_package)
    assert not engine.loaded  # lazy
    assert engine.translate(SENTENCES) == KOREAN
    assert engine.loaded


def test_korean_to_english_gives_the_known_sentences(ko_en_package: Path) -> None:
    engine = TranslationEngine(ko_en_package)
    assert engine.translate(["안녕하세요 세계.", "그 독자 그리고 강 오늘!"]) == [
        "hello world.",
        "the reader and river today!",
    ]


def test_blank_sentences_give_empty_strings_without_the_model(en_ko_package: Path) -> None:
    engine = TranslationEngine(en_ko_package)
    assert engine.translate(["", "  \n "]) == ["", ""]
    assert not engine.loaded
    assert engine.translate(["hello world.", " ", "news."]) == ["안녕하세요 세계.", "", "뉴스."]


def test_unknown_words_are_copied_as_argos_copies_them(en_ko_package: Path) -> None:
    # "뷁" is not in the vocabulary: CTranslate2 emits <unk>, replace_unknowns puts the
    # source piece back. Unlike Argos, underscores survive.
    engine = TranslationEngine(en_ko_package)
    assert engine.translate(["Hello Dari, 뷁 snake_case world!"]) == [
        "Hello Dari, 뷁 snake_case 세계!"
    ]


def test_target_prefix_is_forced_and_stripped(tmp_path: Path) -> None:
    package = build_package_dir(tmp_path, target_prefix="__ko__")
    engine = TranslationEngine(package)
    assert engine.info.target_prefix == "__ko__"
    assert engine.translate(SENTENCES) == KOREAN


def test_an_int8_package_translates_the_same(tmp_path: Path) -> None:
    package = build_package_dir(tmp_path, quantization="int8")  # as real Argos packages
    assert TranslationEngine(package).translate(SENTENCES) == KOREAN


def test_a_very_long_sentence_is_translated_in_parts(en_ko_package: Path) -> None:
    # 150 + 2 pieces, a comma, then 100 + 1: over MAX_INPUT_TOKENS, so it is cut after the
    # comma. (The test model itself stops after 64 pieces of each input: without the cut it
    # would never reach "world".)
    sentence = "hello " * 150 + "river, " + "world " * 100 + "."
    (text,) = TranslationEngine(en_ko_package).translate([sentence])
    assert text.startswith("안녕하세요 안녕하세요")
    assert "세계 세계" in text


def test_split_long_prefers_punctuation_then_word_starts() -> None:
    tokens = ["▁a", "b"] * 60 + ["▁c,"] + ["▁d"] * 300
    parts = _split_long(tokens)
    assert [t for part in parts for t in part] == tokens
    assert all(len(part) <= MAX_INPUT_TOKENS for part in parts)
    assert parts[0][-1] == "▁c,"  # cut after the comma
    no_punctuation = ["▁a", "b", "c"] * 100
    cut = _split_long(no_punctuation)
    assert all(part[0] == "▁a" for part in cut)  # never inside a word
    assert _split_long(["x"] * 450) == [["x"] * 200, ["x"] * 200, ["x"] * 50]


# -- streaming ------------------------------------------------------------------------------
@pytest.mark.parametrize(("first_batch", "batch_size"), [(2, 32), (1, 3), (5, 5), (100, 100)])
def test_stream_yields_every_index_in_order(
    en_ko_package: Path, first_batch: int, batch_size: int
) -> None:
    sentences = varied(70)
    sentences[7] = "   "
    engine = TranslationEngine(en_ko_package)
    results = list(
        engine.translate_stream(sentences, first_batch=first_batch, batch_size=batch_size)
    )
    assert [index for index, _ in results] == list(range(70))
    expected = [expected_translation(s) if s.strip() else "" for s in sentences]
    assert [text for _, text in results] == expected
    assert results[1] == (1, "세계 안녕하세요 1.")


def test_cancel_after_the_first_sentence_stops_the_stream(en_ko_package: Path) -> None:
    engine = TranslationEngine(en_ko_package)
    seen: list[int] = []
    for index, _text in engine.translate_stream(
        varied(100), cancelled=lambda: bool(seen), first_batch=2, batch_size=8
    ):
        seen.append(index)
    assert seen == [0]


def test_cancel_before_the_start_loads_nothing(en_ko_package: Path) -> None:
    engine = TranslationEngine(en_ko_package)
    assert list(engine.translate_stream(SENTENCES, cancelled=lambda: True)) == []
    assert not engine.loaded


def test_close_drops_the_model_and_it_reloads(en_ko_package: Path) -> None:
    engine = TranslationEngine(en_ko_package)
    engine.load()
    engine.close()
    assert not engine.loaded
    assert engine.translate(["hello world."]) == ["안녕하세요 세계."]


# -- against Argos itself -------------------------------------------------------------------
class _SplitAfterStops:
    """Offline stand-in for Argos's MiniSBD splitter (which would download a model)."""

    def __init__(self, pkg: object) -> None:
        self.pkg = pkg

    def split_sentences(self, text: str) -> list[str]:
        return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


def test_same_output_as_argostranslate_on_the_same_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    import argostranslate.package as package
    import argostranslate.settings as settings
    import argostranslate.translate as translate

    assert str(settings.package_data_dir).startswith(tempfile.gettempdir())
    installed = tmp_path / "packages"
    archive = build_package(tmp_path / "built", package_version="1.1")
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(installed)
    # Only this package, and no translator Argos may have cached from another test.
    monkeypatch.setattr(settings, "package_dirs", [installed])
    monkeypatch.setattr(translate, "installed_translates", [])
    monkeypatch.setattr(translate, "MiniSBDSentencizer", _SplitAfterStops)
    translate.get_installed_languages.cache_clear()
    try:
        [pkg] = package.get_installed_packages()
        argos = translate.translate(" ".join(SENTENCES), "en", "ko")
    finally:
        translate.get_installed_languages.cache_clear()

    dari = TranslationEngine(pkg.package_path).translate(SENTENCES)
    assert argos == " ".join(dari) == " ".join(KOREAN)


def test_the_engine_does_not_import_argostranslate(en_ko_package: Path) -> None:
    code = (
        "import sys; from pathlib import Path\n"
        "from reader.translation.engine import TranslationEngine\n"
        f"print(TranslationEngine(Path({str(en_ko_package)!r})).translate(['hello world.'])[0])\n"
        "print(sorted(m for m in sys.modules if m.startswith('argostranslate')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.splitlines() == ["안녕하세요 세계.", "[]"]
