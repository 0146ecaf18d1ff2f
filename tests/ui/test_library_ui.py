"""File › Library: the bundled article and the recent files, opened with the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.document.model import Lang
from reader.library import MAX_RECENT
from reader.ui.main_window import MainWindow
from tests.helpers.windows import shown_window


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    win = shown_window(qtbot, settings, (1000, 700))
    win.open_bundled_article()
    return win


def rows(window: MainWindow) -> list[list[str]]:
    """Each section of the list: its heading, then its entries' first lines."""
    tree = window.opener.library.tree
    out = []
    for i in range(tree.topLevelItemCount()):
        heading = tree.topLevelItem(i)
        out.append([heading.text(0)] + [heading.child(j).text(0).split("\n")[0]
                                        for j in range(heading.childCount())])
    return out


def test_library_lists_the_article_and_recent_files_and_opens_with_enter(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.md"
    first.write_text("The river rose overnight. Nobody could remember a flood like it.")
    second.write_text("# Notes\n\nVolunteers filled sandbags all day.")
    for path in (first, second):
        with qtbot.waitSignal(window.load_settled, timeout=10000):
            window.open_path(path)
    second.unlink()  # moved away since

    window.opener.library_action.trigger()
    dialog = window.opener.library
    assert dialog is not None and dialog.isVisible()
    assert rows(window) == [
        ["Articles that come with Dari",
         "‘Second thoughts’: what makes North Korean defectors want to go back?"],
        ["Recent files", "second.md", "first.txt"],
    ]
    recent = dialog.tree.topLevelItem(1)
    assert recent.child(0).text(0).split("\n")[1].startswith("Missing — was in ")
    assert recent.child(1).text(0).split("\n")[1] == str(tmp_path)

    # The missing file says so and the dialog stays; the other one opens with Enter.
    dialog.tree.setCurrentItem(recent.child(0))
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert dialog.isVisible() and "“second.md” is no longer there" in dialog.problem.text()
    dialog.tree.setCurrentItem(recent.child(1))
    with qtbot.waitSignal(window.document_changed, timeout=10000):
        qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.document is not None and window.document.path == first
    assert window.settings.get("state/recent_files")[:2] == [str(first), str(second)]

    # Remove from List forgets the missing file.
    window.opener.library_action.trigger()
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(1).child(1))
    assert rows(window)[1][2] == "second.md"
    dialog.remove_button.click()
    assert rows(window)[1] == ["Recent files", "first.txt"]
    assert window.settings.get("state/recent_files") == [str(first)]

    # The bundled article opens from the list too (a double-click).
    article = dialog.tree.topLevelItem(0).child(0)
    rect = dialog.tree.visualItemRect(article)
    qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.isVisible()  # a single click only selects
    with qtbot.waitSignal(window.document_changed, timeout=10000):
        qtbot.mouseDClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert window.document.title[Lang.KO].startswith("‘마음이 바뀌다’")


def test_at_most_ten_recent_files(window: MainWindow, qtbot, tmp_path: Path) -> None:
    for n in range(MAX_RECENT + 2):
        path = tmp_path / f"text-{n}.txt"
        path.write_text(f"This is text number {n}.")
        with qtbot.waitSignal(window.load_settled, timeout=10000):
            window.open_path(path)
    recent = window.settings.get("state/recent_files")
    assert len(recent) == MAX_RECENT
    assert recent[0] == str(tmp_path / f"text-{MAX_RECENT + 1}.txt")


def test_the_library_lists_texts_in_the_reading_size(window: MainWindow, settings) -> None:
    """A reader who set large type finds the library in large type too (up to 20 pt)."""
    settings.set("pref/font_size_en", 18)
    window.opener.library_action.trigger()
    tree = window.opener.library.tree
    assert tree.font().pointSizeF() == 18
    window.opener.library.close()
    settings.set("pref/font_size_en", 40)
    window.opener.library_action.trigger()
    assert tree.font().pointSizeF() == 20  # the list stays usable beside the text
