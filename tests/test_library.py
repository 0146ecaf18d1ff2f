"""What the Library lists: bundled articles by their titles, recent files most recent
first (Qt-free)."""

from __future__ import annotations

from pathlib import Path

from reader import paths
from reader.library import MAX_RECENT, bundled_articles, with_recent, without


def test_the_bundled_article_is_listed_with_both_titles() -> None:
    articles = bundled_articles(paths.content_dir())
    assert [a.path for a in articles] == [paths.bundled_article()]
    assert articles[0].title_en.startswith("‘Second thoughts’")
    assert articles[0].title_ko.startswith("‘마음이 바뀌다’")


def test_an_unreadable_article_is_listed_by_its_folder(tmp_path: Path) -> None:
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "article.toml").write_text("title = [", encoding="utf-8")
    (tmp_path / "fine").mkdir()
    (tmp_path / "fine" / "article.toml").write_text('[title]\nen = "Fine"\n', encoding="utf-8")
    (tmp_path / "not-an-article").mkdir()
    listed = [(a.path.parent.name, a.title_en, a.title_ko) for a in bundled_articles(tmp_path)]
    assert listed == [("broken", "broken", ""), ("fine", "Fine", "")]


def test_recent_files_most_recent_first_without_duplicates(tmp_path: Path) -> None:
    recent: list[str] = []
    for n in range(MAX_RECENT + 3):
        recent = with_recent(recent, tmp_path / f"{n}.txt")
    assert len(recent) == MAX_RECENT
    assert recent[0] == str(tmp_path / f"{MAX_RECENT + 2}.txt")
    recent = with_recent(recent, tmp_path / "5.txt")
    assert recent[0] == str(tmp_path / "5.txt") and recent.count(str(tmp_path / "5.txt")) == 1
    assert len(recent) == MAX_RECENT
    assert str(tmp_path / "5.txt") not in without(recent, tmp_path / "5.txt")
