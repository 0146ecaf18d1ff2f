"""Reading an article file: its errors, and the parsed copy kept so start-up skips TOML."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reader.document import article
from reader.document.article import ArticleError, load_article
from reader.document.model import Lang

BUNDLED = Path(__file__).resolve().parents[2] / "content" / "second-thoughts" / "article.toml"

SMALL = """format = 1
original_language = "en"
[title]
en = "Flood"
ko = "홍수"
[[paragraph]]
[[paragraph.unit]]
en = ["The river rose."]
ko = ["강물이 불었다."]
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DARI_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / "cache" / "articles"


def first_korean(path: Path) -> str:
    return load_article(path).sentences(Lang.KO)[0].text


def test_the_second_load_reads_the_copy_not_the_toml(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "flood" / "article.toml"
    path.parent.mkdir()
    path.write_text(SMALL, encoding="utf-8")
    first = load_article(path)
    (copy,) = cache.iterdir()
    assert copy.name.startswith("flood-") and copy.suffix == ".json"

    def no_toml(_path: Path) -> None:
        raise AssertionError("the TOML was parsed again")

    monkeypatch.setattr(article, "_read_toml", no_toml)
    again = load_article(path)
    assert again.sentences(Lang.KO) == first.sentences(Lang.KO)
    assert again.title == first.title


def test_the_bundled_article_is_the_same_from_its_copy(cache: Path) -> None:
    from_toml = load_article(BUNDLED)
    from_copy = load_article(BUNDLED)
    assert any(cache.iterdir())
    for lang in Lang:
        assert from_copy.sentences(lang) == from_toml.sentences(lang)
    assert from_copy.title == from_toml.title
    assert from_copy.source == from_toml.source


def test_an_edited_article_is_read_again(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "article.toml"
    path.write_text(SMALL, encoding="utf-8")
    assert first_korean(path) == "강물이 불었다."
    path.write_text(SMALL.replace("강물이 불었다.", "강물이 크게 불었다."), encoding="utf-8")
    assert first_korean(path) == "강물이 크게 불었다."
    # Same size, only the modification time differs: still read again.
    stat = path.stat()
    path.write_text(SMALL.replace("강물이 불었다.", "강물이 줄었다."), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert first_korean(path) == "강물이 줄었다."


@pytest.mark.parametrize("damage", [b"", b"{not json", b"[1, 2]", b'{"stamp": 1, "data": []}'])
def test_a_damaged_copy_is_made_again(tmp_path: Path, cache: Path, damage: bytes) -> None:
    path = tmp_path / "article.toml"
    path.write_text(SMALL, encoding="utf-8")
    load_article(path)
    (copy,) = cache.iterdir()
    copy.write_bytes(damage)
    assert first_korean(path) == "강물이 불었다."
    assert copy.read_bytes() != damage  # remade


def test_no_cache_folder_still_opens_the_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be")
    monkeypatch.setenv("DARI_DATA_DIR", str(blocked))
    path = tmp_path / "article.toml"
    path.write_text(SMALL, encoding="utf-8")
    assert first_korean(path) == "강물이 불었다."
    assert first_korean(path) == "강물이 불었다."


def test_errors_name_the_file(tmp_path: Path, cache: Path) -> None:
    with pytest.raises(ArticleError, match="cannot read gone.toml"):
        load_article(tmp_path / "gone.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("format = 1\n[[paragraph\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="broken.toml is not valid TOML"):
        load_article(broken)
    moved = tmp_path / "moved"
    moved.mkdir()
    shutil.copy(BUNDLED, moved / "article.toml")
    assert load_article(moved / "article.toml").unit_count == load_article(BUNDLED).unit_count
