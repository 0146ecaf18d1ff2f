"""What a sentence view paints over its text without changing it: the linked-sentence and
hover highlights, focus-mode dimming, hidden (not yet revealed) sentences in session mode,
and glossary marks. Everything is an extra selection, so positions never shift.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit


class Colours(NamedTuple):  # a NamedTuple: cheaper to create at start-up than a dataclass
    """The colours a reading pane needs; themes fill them, defaults follow the palette."""

    text: QColor
    background: QColor
    current: QColor
    current_text: QColor
    hover: QColor
    dim_text: QColor
    machine_mark: QColor
    glossary_mark: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> Colours:
        # palette.color() returns a copy. (Not QColor(colour): resolving that overload
        # creates the Qt namespace's enums, ~15 ms, and this runs before the first frame.)
        role = QPalette.ColorRole
        current = palette.color(role.Highlight)
        current.setAlpha(110)
        hover = palette.color(role.Highlight)
        hover.setAlpha(55)
        dim = palette.color(role.Text)
        dim.setAlpha(95)
        return cls(
            text=palette.color(role.Text),
            background=palette.color(role.Base),
            current=current,
            current_text=palette.color(role.Text),
            hover=hover,
            dim_text=dim,
            machine_mark=palette.color(role.PlaceholderText),
            glossary_mark=palette.color(role.Link),
        )


class Mark(NamedTuple):
    """A glossary term found in a sentence: character offsets within the sentence."""

    start: int
    end: int
    entry_id: str


@dataclass
class DecorationState:
    current: range = range(0)
    hover: range = range(0)
    focus_mode: bool = False
    reveal_mode: bool = False
    revealed: set[int] = field(default_factory=set)
    marks: dict[int, Sequence[Mark]] = field(default_factory=dict)
    marks_visible: bool = True
    noted: set[int] = field(default_factory=set)  # sentences with a counsellor's note


# A sentence with a note: a faint warm wash, visible on every theme without hiding the
# current-sentence highlight painted over it.
NOTE_WASH = QColor(240, 170, 30, 48)


def build_selections(
    state: DecorationState,
    colours: Colours,
    count: int,
    cursor_for: Callable[[int, int, int], QTextCursor],
    whole_cursor: Callable[[], QTextCursor],
    window: range | None = None,
) -> list[QTextEdit.ExtraSelection]:
    """The extra selections for a view with `count` sentences, in painting order.

    `cursor_for(index, start, end)` selects characters `start..end` of sentence `index`
    (end -1 = to the end of the sentence); `whole_cursor()` selects the whole document.
    Per-sentence decorations that can be numerous (glossary marks, notes, hidden
    sentences) are made only for the sentences in `window` (default: all), so that a long
    document costs no more than the part on screen.
    """
    window = range(count) if window is None else range(max(0, window.start),
                                                       min(count, window.stop))
    selections: list[QTextEdit.ExtraSelection] = []

    def add(cursor: QTextCursor, fmt: QTextCharFormat) -> None:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        selections.append(selection)

    def valid(indexes: Iterable[int]) -> list[int]:
        return [i for i in indexes if 0 <= i < count]

    if state.noted:
        wash = QTextCharFormat()
        wash.setBackground(NOTE_WASH)
        for index in sorted(state.noted):
            if index in window:
                add(cursor_for(index, 0, -1), wash)

    if state.marks_visible:
        underline = QTextCharFormat()
        underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        underline.setUnderlineColor(colours.glossary_mark)
        if len(state.marks) > len(window):
            found = ((i, state.marks.get(i, ())) for i in window)
        else:
            found = ((i, m) for i, m in state.marks.items() if i in window)
        for index, marks in found:
            if state.reveal_mode and index not in state.revealed:
                continue  # a hidden sentence shows nothing, not even where its terms are
            for mark in marks:
                add(cursor_for(index, mark.start, mark.end), underline)

    if state.focus_mode:
        dim = QTextCharFormat()
        dim.setForeground(colours.dim_text)
        add(whole_cursor(), dim)
        plain = QTextCharFormat()
        plain.setForeground(colours.text)
        for index in valid(state.current):
            add(cursor_for(index, 0, -1), plain)

    for index, background in (
        *((i, colours.hover) for i in valid(state.hover)),
        *((i, colours.current) for i in valid(state.current)),
    ):
        fmt = QTextCharFormat()
        fmt.setBackground(background)
        hidden_here = state.reveal_mode and index not in state.revealed
        if background is colours.current and not hidden_here:
            fmt.setForeground(colours.current_text)
        add(cursor_for(index, 0, -1), fmt)

    if state.reveal_mode:
        hidden = QTextCharFormat()
        hidden.setForeground(QColor(0, 0, 0, 0))  # invisible, but laid out: panes stay level
        hidden.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
        for index in window:
            if index not in state.revealed:
                add(cursor_for(index, 0, -1), hidden)
    return selections
