"""A large text as the user meets it: refused with a message over the size limit; when it
is taller than Qt can lay out, shown a window of paragraphs at a time, reached whole by
the document bar, the keyboard and linking, and scrolling evenly across the window's
edges, in both panes and through a saved session; the pointer over it finds each
sentence, and none between paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractSlider, QFileDialog

from reader.document.formats import MAX_TEXT_BYTES
from reader.document.model import Document, Lang, Paragraph, Sentence, Unit
from reader.ui import paragraph_window, sentence_render
from reader.ui.main_window import MainWindow
from reader.ui.sentence_view import SentenceView
from tests.helpers.windows import shown_window


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    win = shown_window(qtbot, settings)
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


def test_the_last_guard_at_qts_layout_limit_stops_with_a_message(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were a window itself too tall for Qt (it cannot be, at any type size Dari offers:
    a window is some 80,000 characters), the pane would show what fits and say so."""
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


# -- a text too tall to lay out whole: a window at a time --------------------------------
@pytest.fixture
def small_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows of a few thousand pixels, so that a text of some 600,000 characters (a
    fraction of a second to render) is windowed as a 20 MB one is at full size."""
    monkeypatch.setattr(paragraph_window, "WINDOW_START_HEIGHT", 30_000)
    monkeypatch.setattr(paragraph_window, "WINDOW_CHARS", 30_000)
    monkeypatch.setattr(paragraph_window, "MIN_WINDOW_CHARS", 5_000)


def on_screen(view: SentenceView) -> list[int]:
    """The sentences the reader sees, found by pointing at the pane (top to bottom)."""
    found: set[int] = set()
    for y in range(0, view.viewport().height(), 4):
        for x in range(20, view.viewport().width() - 20, 60):
            found.add(view.sentence_at(QPoint(x, y)))
    found.discard(-1)
    return sorted(found)


def open_long_text(window: MainWindow, qtbot, folder: Path) -> tuple[SentenceView, int]:
    """Some 600,000 characters in 3,000 paragraphs, opened and rendered: the English pane
    and how many sentences."""
    path = folder / "long.txt"
    total = numbered_text(path, 3000)
    return open_and_render(window, qtbot, path), total


def sentence(n: int) -> str:
    return f"Sentence {n} tells of the river and the bridge."


def test_a_text_too_tall_to_lay_out_whole_is_shown_a_window_at_a_time(
    window: MainWindow, qtbot, tmp_path: Path, small_windows: None
) -> None:
    view, total = open_long_text(window, qtbot, tmp_path)
    assert view.windowed and view.sentence_count == total
    assert not view.cut_short and not window.message_bar.text
    assert 0 < len(view.shown_range) < total / 10  # a window, not the whole
    assert view.document().size().height() < 40_000
    # The document bar lies over the pane's own and spans the whole text.
    bar, inner = view.position_bar(), view.verticalScrollBar()
    assert bar is not inner and bar.isVisible()
    assert bar.accessibleName() == "Place in the whole text"
    assert QRect(bar.mapTo(view, QPoint()), bar.size()) == QRect(
        inner.mapTo(view, QPoint()), inner.size())
    assert view.childAt(bar.mapTo(view, bar.rect().center())) is bar  # on top, not under
    # Dragged to the end: the last sentence, at the foot of the pane.
    bar.setSliderDown(True)  # (held: the bar is not moved under the pointer meanwhile)
    for step in range(1, 11):
        bar.setSliderPosition(bar.maximum() * step // 10)
    assert bar.value() == bar.maximum()
    bar.setSliderDown(False)
    assert bar.value() == bar.maximum()
    seen = on_screen(view)
    assert seen[-1] == total - 1 and view.sentence_text(total - 1) == sentence(total)
    assert view.sentence_bottom(total - 1) <= view.viewport().height()
    # Half-way: the middle of the text (the sentences are all much the same length).
    bar.setValue(bar.maximum() // 2)
    seen = on_screen(view)
    assert abs(seen[0] - total / 2) < total * 0.02
    assert view.sentence_text(seen[0]) == sentence(seen[0] + 1)
    # Back to the start.
    bar.setValue(0)
    assert on_screen(view)[0] == 0


def test_scrolling_across_the_window_edges_moves_the_text_evenly(
    window: MainWindow, qtbot, tmp_path: Path, small_windows: None
) -> None:
    view, _total = open_long_text(window, qtbot, tmp_path)
    inner, bar = view.verticalScrollBar(), view.position_bar()
    moves = steps = 0
    while moves < 4:  # page down (as the PageDown key does) until the window moved 4 times
        anchor = view.anchor()
        assert anchor is not None
        shown, place = view.shown_range, bar.value()
        inner.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
        # the sentence that was at the top went up by exactly a page, window moved or not
        assert abs(view.sentence_top(anchor.index) - (anchor.top - inner.pageStep())) <= 1
        assert bar.value() > place  # and the document bar followed
        moves += view.shown_range != shown
        steps += 1
        assert steps < 200
    assert steps >= 4 * moves  # a window is many screens: it moves now and then
    # and back up across the edges as evenly
    moves = 0
    while moves < 2:
        anchor = view.anchor()
        assert anchor is not None
        shown = view.shown_range
        inner.triggerAction(QAbstractSlider.SliderAction.SliderPageStepSub)
        assert abs(view.sentence_top(anchor.index) - (anchor.top + inner.pageStep())) <= 1
        moves += view.shown_range != shown


def test_the_keyboard_and_linking_reach_any_sentence_of_a_windowed_text(
    window: MainWindow, qtbot, tmp_path: Path, small_windows: None
) -> None:
    view, total = open_long_text(window, qtbot, tmp_path)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert on_screen(view)[-1] == total - 1
    assert view.position_bar().value() == view.position_bar().maximum()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert on_screen(view)[0] == 0 and view.position_bar().value() == 0
    assert view.verticalScrollBar().value() == 0  # the title's margin too
    # Shift selects to the end, as in any text
    qtbot.keyClick(view, Qt.Key.Key_End,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    selected = view.textCursor().selectedText()
    assert selected.startswith("long\u2029" + sentence(1)) and selected.endswith(sentence(total))
    assert on_screen(view)[-1] == total - 1
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    # A sentence far outside the window made current (a note, a search, reading aloud).
    target = 2 * total // 3
    assert target not in view.shown_range
    window.linker.set_current(Lang.EN, target)
    assert view.current == range(target, target + 1) and target in on_screen(view)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.linker.current == (Lang.EN, target + 1) and target + 1 in on_screen(view)


def bilingual(paragraphs: int) -> Document:
    """English and a (longer) Korean side, one sentence to one: the panes' windows are of
    different heights and move at different places."""
    units = [
        [Unit({Lang.EN: [Sentence(sentence(4 * p + i + 1))],
               Lang.KO: [Sentence(f"{4 * p + i + 1}번째 문장은 강과 다리, 그리고 마을 "
                                  f"사람들의 이야기를 길게 들려준다.")]})
         for i in range(4)]
        for p in range(paragraphs)
    ]
    return Document([Paragraph(u) for u in units], title={Lang.EN: "Long", Lang.KO: "긴 글"},
                    original_language=Lang.EN)


def test_two_windowed_panes_stay_linked_and_a_session_keeps_the_place(
    window: MainWindow, qtbot, tmp_path: Path, small_windows: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    en, ko = window.panes[Lang.EN].view, window.panes[Lang.KO].view
    window.set_document(bilingual(2500))
    qtbot.waitUntil(lambda: not en.is_rendering and not ko.is_rendering, timeout=20000)
    assert en.windowed and ko.windowed
    # Scrolling one pane far down: the other follows by sentence, into its own window.
    en.position_bar().setValue(int(en.position_bar().maximum() * 0.7))
    top = en.anchor()
    assert top is not None and top.index > 6000
    ko_top = ko.anchor()
    assert ko_top is not None and abs(ko_top.index - top.index) <= 1
    # A Korean sentence made current: its English counterpart starts level with it.
    target = ko_top.index + 5
    window.linker.set_current(Lang.KO, target)
    assert abs(en.sentence_top(target) - ko.sentence_top(target)) <= 3
    # Saved and opened again: the same sentence current, the same place on screen.
    en.scroll_by(23)
    place = (en.anchor().index, en.sentence_top(en.anchor().index))  # type: ignore[union-attr]
    session = tmp_path / "long.dari"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(session), ""))
    with qtbot.waitSignal(window.sessions.session_saved, timeout=20000):
        window.sessions.save_action.trigger()
    window.open_bundled_article()
    with qtbot.waitSignal(window.load_settled, timeout=20000):
        window.open_path(session)
    qtbot.waitUntil(lambda: not en.is_rendering and not ko.is_rendering, timeout=20000)
    # (The place is kept in Korean, the current sentence's language; English, rendered
    # more slowly, follows it by sentence once it has rendered that far.)
    assert window.linker.current == (Lang.KO, target)
    anchor = en.anchor()
    assert en.windowed and anchor is not None and anchor.index == place[0]
    assert abs(en.sentence_top(anchor.index) - place[1]) <= 3


def test_a_pane_behind_the_other_catches_up_with_its_place(
    window: MainWindow, qtbot, small_windows: None
) -> None:
    """Scrolled far down while the other pane has not rendered that far (as when a session
    reopens deep in a long text), the other pane follows once it gets there."""
    en, ko = window.panes[Lang.EN].view, window.panes[Lang.KO].view
    window.set_document(bilingual(2500))
    ko._render_timer.stop()  # the Korean pane held back (as by a slower layout)
    qtbot.waitUntil(lambda: not en.is_rendering, timeout=20000)
    behind = ko.sentence_count
    assert behind < 4000
    en.level_with(range(4000, 4001), 0)
    assert en.anchor() is not None and en.anchor().index == 4000  # type: ignore[union-attr]
    ko._render_timer.start()
    qtbot.waitUntil(lambda: not ko.is_rendering, timeout=20000)
    top = ko.anchor()
    assert top is not None and top.index == 4000 and abs(top.top) <= 3
