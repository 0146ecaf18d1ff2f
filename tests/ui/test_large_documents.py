"""A large text as the user meets it: refused with a message over the size limit; when
it is taller than Qt can lay out, shown up to that height with a message saying so; and
the pointer over it finds each sentence, and none between paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor

from reader.document.formats import MAX_TEXT_BYTES
from reader.document.model import Lang
from reader.ui import sentence_render
from reader.ui.main_window import MainWindow
from reader.ui.sentence_view import SentenceView


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1100, 700)
    win.show()
    qtbot.waitExposed(win)
    win.open_bundled_article()
    return win


def numbered_text(path: Path, paragraphs: int) -> int:
    """Paragraphs of four numbered sentences; returns how many sentences."""
    text = "\n\n".join(
        " ".join(f"Sentence {4 * p + i + 1} tells of the river and the bridge." for i in range(4))
        for p in range(paragraphs)
    )
    path.write_text(text + "\n")
    return 4 * paragraphs


def open_and_render(window: MainWindow, qtbot, path: Path) -> SentenceView:
    view = window.panes[Lang.EN].view
    with qtbot.waitSignal(window.load_settled, timeout=20000):
        window.open_path(path)
    qtbot.waitUntil(lambda: not view.is_rendering, timeout=20000)
    return view


def test_a_file_over_the_limit_is_refused_with_a_message(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: its size is all that is looked at
        fh.truncate(MAX_TEXT_BYTES + 1024 * 1024)
    before = window.document
    with qtbot.waitSignal(window.load_settled, timeout=10000):
        window.open_path(path)
    assert window.message_bar.text == (
        "“huge.txt” is too large to open (21.0 MB; the limit for this kind of file is 20 MB)."
    )
    assert window.document is before


def test_the_pointer_finds_each_sentence_and_none_between_paragraphs(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "paragraphs.txt"
    numbered_text(path, 30)
    view = open_and_render(window, qtbot, path)
    view.verticalScrollBar().setValue(view.sentence_top(10))  # a few paragraphs down
    height = view.viewport().height()
    on_screen = [i for i in range(view.sentence_count)
                 if view.sentence_top(i) >= 0 and view.sentence_bottom(i) < height]
    assert len(on_screen) > 4
    for index in on_screen:
        cursor = QTextCursor(view.document())
        cursor.setPosition(view._starts[index] + 1)
        rect = view.cursorRect(cursor)
        assert view.sentence_at(QPoint(rect.right() + 1, rect.center().y())) == index
        if index % 4 == 3 and index + 1 in on_screen:  # the last of a paragraph: the gap after
            gap = range(view.sentence_bottom(index) + 1, view.sentence_top(index + 1))
            assert len(gap) > 4
            assert {view.sentence_at(QPoint(40, y)) for y in gap} == {-1}


def test_a_text_taller_than_qt_can_lay_out_stops_with_a_message(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sentence_render, "MAX_LAYOUT_HEIGHT", 20_000)  # pixels
    path = tmp_path / "tall.txt"
    total = numbered_text(path, 400)
    view = open_and_render(window, qtbot, path)
    assert view.cut_short
    shown = view.sentence_count
    assert 0 < shown < total
    assert 20_000 <= view.document().size().height() < 22_000  # a slice's worth over
    percent = int(100 * shown / total)
    assert window.message_bar.text == (
        f"“tall.txt” is too long to show whole at this type size: the pane shows its first "
        f"{percent} %. Smaller text (View › Text Size) shows more."
    )
    # all that is shown can be reached: the scroll bar's end shows the last sentence
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert view.sentence_text(shown - 1) == (
        f"Sentence {shown} tells of the river and the bridge.")
    bottom = view.viewport().height() - 1
    assert 0 <= view.sentence_top(shown - 1) <= bottom
    window.linker.set_current(Lang.EN, shown - 1)
    window.linker.step(Lang.EN, 1)  # the end of what is shown: no further
    assert window.linker.current == (Lang.EN, shown - 1)


def test_a_text_that_fits_says_nothing(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sentence_render, "MAX_LAYOUT_HEIGHT", 200_000)
    path = tmp_path / "fits.txt"
    total = numbered_text(path, 100)
    view = open_and_render(window, qtbot, path)
    assert not view.cut_short
    assert view.sentence_count == total
    assert not window.message_bar.text


def test_the_rest_of_a_long_text_loads_once_its_start_is_laid_out(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loading competes with the window for the interpreter: it waits for the start."""
    from reader.ui import tasks

    path = tmp_path / "long.txt"
    numbered_text(path, 8000)  # ~1.8 MB: its start is shown first
    view = window.panes[Lang.EN].view
    started: list[tuple[bool, int]] = []  # (rendering, sentences shown) as the load starts
    start = tasks.Task.start

    def recording_start(task: tasks.Task, pool: object = None) -> tasks.Task:
        if getattr(task._fn, "__name__", "") == "load_document":
            started.append((view.is_rendering, view.sentence_count))
        return start(task, pool)  # type: ignore[arg-type]

    monkeypatch.setattr(tasks.Task, "start", recording_start)
    with qtbot.waitSignal(window.load_settled, timeout=30000):
        window.open_path(path)
    assert len(started) == 1
    rendering, shown = started[0]
    assert not rendering and 0 < shown < 32000
    assert window.document is not None and window.document.sentence_count(Lang.EN) == 32000
