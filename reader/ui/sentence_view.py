"""A read-only text view that knows where each sentence of one language sits.

The view renders a document's sentences in one language, paragraph by paragraph, and
keeps the character range of every sentence so that a point, a scroll position or a
key press can be turned into a sentence index and back. Highlighting uses extra
selections, so the document itself is never modified to show a highlight.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QPoint, QPointF, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.document.model import Lang, Origin
from reader.ui.decorations import Colours, DecorationState, Mark, build_selections
from reader.ui.paragraph_window import ParagraphWindowMixin
from reader.ui.sentence_render import RenderingMixin
from reader.ui.themes import contrast_ratio

if TYPE_CHECKING:  # event classes: importing one costs ~1 ms of PySide types at start-up
    from PySide6.QtGui import (
        QContextMenuEvent,
        QHelpEvent,
        QKeyEvent,
        QMouseEvent,
        QResizeEvent,
    )

# Per-sentence decorations (marks, notes, hidden sentences) are made for the sentences on
# screen and this many either side; a text this short is decorated whole.
DECORATION_MARGIN = 200


@dataclass(frozen=True)
class Anchor:  # a dataclass: a NamedTuple's index() would clash with `index`
    """A reading position: the sentence at the top of the viewport, where its top is
    (viewport y, negative once scrolled past) and how far (0..1) it has scrolled past."""

    index: int
    top: int
    fraction: float


class SentenceView(ParagraphWindowMixin, RenderingMixin, QTextBrowser):
    sentence_hovered = Signal(int)  # -1 when the pointer leaves every sentence
    sentence_clicked = Signal(int)
    sentence_double_clicked = Signal(int)
    text_rendered = Signal()  # the sentences were (re)rendered or more were appended
    rendering_finished = Signal()  # every sentence there is to show is rendered
    sentence_replaced = Signal(int)  # one sentence's text changed in place
    term_clicked = Signal(object, int, object)  # Lang, sentence index, Mark (a plain click)
    context_menu_about_to_show = Signal(object, object)  # QMenu, viewport QPoint

    # CJK fonts already carry generous ascent and descent: similar visual spacing needs less.
    LINE_HEIGHT_PERCENT = {Lang.EN: 145, Lang.KO: 125}

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setReadOnly(True)
        # A word wider than the pane (28-point type in a narrow pane) breaks rather than
        # running off the edge: text never clips.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setMouseTracking(True)  # QTextBrowser already tracks the mouse on its viewport
        self._state = DecorationState()
        self._colours = Colours.from_palette(self.palette())
        self._line_spacing = self.LINE_HEIGHT_PERCENT[lang]
        self._paragraph_spacing = 90
        self._max_line_width = 0
        self._last_hovered = -1
        self._lit: Mapping[int, Sequence[Mark]] = {}
        self._notes: Mapping[int, str] = {}
        self._window = range(0)  # the sentences decorated in full (see _visible_window)
        self._init_rendering()
        self._init_window()
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        # Tooltip text for a glossary mark (sentence index, mark); "" for none.
        self.term_tooltip: Callable[[int, Mark], str] | None = None

    def finish_setup(self) -> None:
        """Selecting text with the keyboard as well as the mouse. Start-up calls this
        after the first frame: it needs the Qt namespace's enums, ~15 ms to create."""
        self.setTextInteractionFlags(
            QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
            | QtCore.Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

    def _reset_decorations(self) -> None:
        """A new text: the highlights and marks were for the old one."""
        self._state.current = range(0)
        self._state.hover = range(0)
        self._state.revealed = set()
        self._state.marks, self._lit = {}, {}  # re-marked by the glossary
        self._window = range(0)

    # -- content --------------------------------------------------------------
    def sentence_text(self, index: int) -> str:
        cursor = self._cursor_for(index)
        return cursor.selectedText()

    def _cursor_for(self, index: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._starts[index])
        cursor.setPosition(self._ends[index], QTextCursor.MoveMode.KeepAnchor)
        return cursor

    # -- geometry -------------------------------------------------------------
    def sentence_at(self, point: QPoint) -> int:
        """The sentence under a viewport point, or -1 (margins, title, gaps)."""
        if not self._starts:
            return -1
        doc_point = QPointF(
            point.x() + self.horizontalScrollBar().value(),
            point.y() + self.verticalScrollBar().value(),
        )
        position = self.document().documentLayout().hitTest(
            doc_point, QtCore.Qt.HitTestAccuracy.ExactHit
        )
        if position < 0:
            return -1
        return self.sentence_at_position(position)

    def sentence_at_position(self, position: int) -> int:
        index = bisect.bisect_right(self._starts, position) - 1
        if index < 0 or position >= self._ends[index]:
            return -1
        return index

    def sentence_top(self, index: int) -> int:
        """Top of the sentence's first line, in viewport coordinates (a long text's
        window moves to it first)."""
        self._ensure_shown(index)
        return self._top(index)

    def sentence_bottom(self, index: int) -> int:
        self._ensure_shown(index)
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._ends[index])
        return self.cursorRect(cursor).bottom()

    def _top(self, index: int) -> int:
        return self._y_of(self._starts[index])

    def anchor(self) -> Anchor | None:
        """The sentence at the top of the viewport, and how far into it we have scrolled
        (None with no text, or while a long text's window moves)."""
        shown = self.shown_range
        if not shown or self._moving:  # (mid-move, Qt's layout is half done: no answer)
            return None
        # The last sentence that starts at or above the top edge (tops never decrease with
        # the index, so a binary search needs O(log n) layout look-ups).
        low, high, index = shown.start, shown.stop - 1, shown.start
        while low <= high:
            middle = (low + high) // 2
            if self._top(middle) <= 0:
                index, low = middle, middle + 1
            else:
                high = middle - 1
        top = self._top(index)
        while index > shown.start and self._top(index - 1) == top:
            index -= 1  # several sentences start on the top line: the first of them
        top, bottom = self._top(index), self.sentence_bottom(index)
        height = max(1, bottom - top)
        return Anchor(index, top, min(1.0, max(0.0, -top / height)))

    def scroll_to_anchor(self, sentences: range, fraction: float) -> None:
        """Scroll so that a point `fraction` of the way through `sentences` is at the top."""
        sentences = self.rendered(sentences)
        if not sentences:
            return
        top = self.sentence_top(sentences.start)
        bottom = self.sentence_bottom(sentences.stop - 1)
        self.scroll_by(round(top + fraction * (bottom - top)))

    def level_with(self, sentences: range, y: int) -> None:
        """Scroll so that the first of `sentences` starts at viewport height `y`."""
        if self.rendered(sentences):
            self.scroll_by(self.sentence_top(sentences.start) - y)

    def rendered(self, sentences: range) -> range:
        """The part of `sentences` rendered so far (a long text streams in)."""
        return range(sentences.start, min(sentences.stop, len(self._starts)))

    def scroll_by(self, delta: int) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + delta)

    def ensure_sentence_visible(self, index: int) -> None:
        if index >= len(self._starts):
            return
        top, bottom = self.sentence_top(index), self.sentence_bottom(index)
        height = self.viewport().height()
        margin = min(height // 4, self.fontMetrics().height() * 3)
        if top < margin:
            self.scroll_by(top - margin)
        elif bottom > height - margin:
            self.scroll_by(min(top - margin, bottom - height + margin))

    # -- highlighting ---------------------------------------------------------
    @property
    def current(self) -> range:
        return self._state.current

    @property
    def hovered(self) -> range:
        return self._state.hover

    def set_current(self, sentences: range) -> None:
        self._state.current = sentences
        self._refresh_selections()

    def set_hover(self, sentences: range) -> None:
        if sentences != self._state.hover:
            self._state.hover = sentences
            self._refresh_selections()

    # -- reading modes ----------------------------------------------------------
    @property
    def focus_mode(self) -> bool:
        return self._state.focus_mode

    def set_focus_mode(self, on: bool) -> None:
        self._state.focus_mode = on
        self._refresh_selections()

    @property
    def reveal_mode(self) -> bool:
        return self._state.reveal_mode

    def set_reveal_mode(self, on: bool) -> None:
        """Session mode: sentences stay hidden (but laid out) until revealed."""
        self._state.reveal_mode = on
        self._state.revealed = set()
        self._refresh_selections()

    def reveal(self, sentences: range | list[int]) -> None:
        self._state.revealed.update(sentences)
        self._refresh_selections()

    def is_revealed(self, index: int) -> bool:
        return not self._state.reveal_mode or index in self._state.revealed

    def set_marks(self, marks: dict[int, Sequence[Mark]]) -> None:
        """Glossary terms to underline, by sentence index (offsets within the sentence)."""
        self._state.marks = marks
        self._refresh_selections()

    def set_marks_visible(self, visible: bool) -> None:
        self._state.marks_visible = visible
        self._refresh_selections()

    def set_lit_marks(self, marks: Mapping[int, Sequence[Mark]]) -> None:
        """Marks to light (the glossary entry being looked at), over everything else."""
        if marks != self._lit:
            self._lit = marks
            self._refresh_selections()

    @property
    def lit_marks(self) -> Mapping[int, Sequence[Mark]]:
        return self._lit

    def add_marks(self, marks: Mapping[int, Sequence[Mark]]) -> None:
        """More marks, for sentences just rendered (the others are kept)."""
        if marks:
            self._state.marks.update(marks)
            self._refresh_selections()

    @property
    def marks(self) -> dict[int, Sequence[Mark]]:
        return self._state.marks

    def set_notes(self, notes: Mapping[int, str]) -> None:
        """The counsellor's notes by sentence: a faint wash, and a line in the tooltip."""
        self._notes = dict(notes)
        self._state.noted = set(notes)
        self._refresh_selections()

    @property
    def notes(self) -> Mapping[int, str]:
        return self._notes

    def mark_at(self, point: QPoint) -> tuple[int, Mark] | None:
        index = self.sentence_at(point)
        if index < 0 or not self._state.marks_visible:
            return None
        cursor = self.cursorForPosition(point)  # the nearest gap between characters
        position = cursor.position() - self._starts[index]
        if point.x() < self.cursorRect(cursor).left() and position > 0:
            position -= 1  # the gap is right of the pointer: the character before it
        for mark in self._state.marks.get(index, ()):
            if mark.start <= position < mark.end:
                return index, mark
        return None

    # -- style ------------------------------------------------------------------
    def set_reading_style(
        self,
        font: QFont,
        *,
        line_spacing: int | None = None,
        paragraph_spacing: int | None = None,
        max_line_width: int | None = None,
        colours: Colours | None = None,
    ) -> None:
        """Apply type and colours, re-render, and keep the same sentence in view."""
        anchor = self.anchor() if self._starts else None
        self.setFont(font)
        if line_spacing is not None:
            self._line_spacing = line_spacing
        if paragraph_spacing is not None:
            self._paragraph_spacing = paragraph_spacing
        if max_line_width is not None:
            self._max_line_width = max_line_width
        if colours is not None:
            self._colours = colours
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.Base, colours.background)
            palette.setColor(QPalette.ColorRole.Text, colours.text)
            self.setPalette(palette)
        if self._document is not None:
            state = self._state
            kept = (state.current, state.hover, set(state.revealed), state.marks, self._lit)
            self.set_document(self._document)
            state.current, state.hover, state.revealed, state.marks, self._lit = kept
        self._apply_line_width()
        self._refresh_selections()
        if anchor is not None:
            self.when_rendered(anchor.index, lambda: self._restore_anchor(anchor))

    def _apply_line_width(self) -> None:
        """Centre a column of at most `max_line_width` characters in the pane."""
        if self._max_line_width <= 0:
            self.setViewportMargins(0, 0, 0, 0)
        else:
            column = self._max_line_width * self.fontMetrics().averageCharWidth() + 36
            spare = max(0, self.width() - self.verticalScrollBar().sizeHint().width() - column)
            self.setViewportMargins(spare // 2, 0, spare - spare // 2, 0)
        self._place_document_bar()

    def _restore_anchor(self, anchor: Anchor) -> None:
        if anchor.index >= len(self._starts):
            return
        sentences = range(anchor.index, anchor.index + 1)
        if anchor.top >= 0:
            self.level_with(sentences, anchor.top)
        else:
            self.scroll_to_anchor(sentences, anchor.fraction)

    def _refresh_selections(self) -> None:
        self._window = self._visible_window()
        selections = build_selections(
            self._state, self._colours, len(self._starts),
            self._cursor_between, self._whole_cursor, self._window,
        )
        self.setExtraSelections(selections + self._lit_selections())

    def _visible_window(self) -> range:
        """The sentences decorated in full: those on screen, with a margin either side."""
        count = len(self._starts)
        if count <= 2 * DECORATION_MARGIN:
            return range(count)
        top = self._position_at(0)
        bottom = self._position_at(self.viewport().height())
        first = max(0, bisect.bisect_right(self._starts, top) - 1)
        last = bisect.bisect_right(self._starts, bottom)
        return range(max(0, first - DECORATION_MARGIN), min(count, last + DECORATION_MARGIN))

    @Slot(int)
    def _on_scrolled(self, _value: int) -> None:
        """Move a long text's window on near its edges, keep its document bar in step, and
        re-decorate when the screen nears the edge of the decorated sentences."""
        if self._moving:  # (Qt clamping the bar mid-move: the layout is half done)
            return
        if self._windowed and self._check_edges():
            return  # (the move did what follows)
        self._after_move()

    def _after_move(self) -> None:
        """The screen shows another part of the text (scrolled, or a long text's window
        moved, which may not move on again from here: it may have moved to a sentence the
        caller is about to scroll to)."""
        if self._windowed:
            self._update_document_bar()
        count, window = len(self._starts), self._window
        if count <= 2 * DECORATION_MARGIN:
            return
        top = self._position_at(0)
        first = bisect.bisect_right(self._starts, top) - 1
        margin = DECORATION_MARGIN // 2
        above = window.start == 0 or first >= window.start + margin
        below = window.stop == count or first < window.stop - margin
        if not (above and below):
            self._refresh_selections()

    def _lit_selections(self) -> list[QTextEdit.ExtraSelection]:
        """The lit marks: the glossary colour blended into the current-sentence highlight
        (lit terms sit in the current sentences), with its text colour and an underline."""
        if not self._lit or not self._state.marks_visible:
            return []
        c = self._colours
        under = _over(c.current, c.background)
        tint = QColor(c.glossary_mark)
        for alpha in range(110, 20, -10):  # as strong as the text stays readable on it
            tint.setAlpha(alpha)
            if contrast_ratio(c.current_text, _over(tint, under)) >= 4.5:
                break
        fmt = QTextCharFormat()
        fmt.setBackground(_over(tint, under))
        fmt.setForeground(c.current_text)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(c.glossary_mark)
        out = []
        for index, marks in self._lit.items():
            if 0 <= index < len(self._starts) and self.is_revealed(index):
                for mark in marks:
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor = self._cursor_between(index, mark.start, mark.end)
                    selection.format = fmt
                    out.append(selection)
        return out

    def _cursor_between(self, index: int, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self._starts[index] + start, self._ends[index]))
        stop = self._ends[index] if end < 0 else min(self._ends[index], self._starts[index] + end)
        cursor.setPosition(stop, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _whole_cursor(self) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        return cursor

    # -- events ---------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Keep the same sentence at the top when the text reflows."""
        anchor = self.anchor() if self._starts and self.verticalScrollBar().value() else None
        super().resizeEvent(event)
        if self._max_line_width > 0:
            self._apply_line_width()
        self._place_document_bar()
        if anchor is not None:
            self._restore_anchor(anchor)
        self._update_document_bar()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Ctrl+Home and Ctrl+End reach the ends of a long text (shown a window at a
        time); other keys move the caret within what is shown."""
        if self._windowed:
            modifiers = event.modifiers()
            control = modifiers & QtCore.Qt.KeyboardModifier.ControlModifier
            if control and event.key() in (QtCore.Qt.Key.Key_Home, QtCore.Qt.Key.Key_End):
                end = event.key() == QtCore.Qt.Key.Key_End
                position = self.document().characterCount() - 1 if end else 0
                cursor = self.textCursor()  # (before the window moves the caret into it)
                self.go_to_position(position)
                extend = modifiers & QtCore.Qt.KeyboardModifier.ShiftModifier
                cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor if extend
                                   else QTextCursor.MoveMode.MoveAnchor)
                self.setTextCursor(cursor)
                event.accept()
                return
            self._keep_caret_shown()
        super().keyPressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        super().mouseMoveEvent(event)
        index = self.sentence_at(event.position().toPoint())
        if index != self._last_hovered:
            self._last_hovered = index
            self.sentence_hovered.emit(index)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        left = event.button() == QtCore.Qt.MouseButton.LeftButton
        if left and not self.textCursor().hasSelection():
            index = self.sentence_at(event.position().toPoint())
            if index >= 0:
                self.sentence_clicked.emit(index)
                found = self.mark_at(event.position().toPoint())
                if found is not None:
                    self.term_clicked.emit(self.lang, *found)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.sentence_at(event.position().toPoint())
        if index >= 0:
            self.sentence_double_clicked.emit(index)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        super().leaveEvent(event)
        if self._last_hovered != -1:
            self._last_hovered = -1
            self.sentence_hovered.emit(-1)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def build_context_menu(self, point: QPoint) -> QMenu:
        """The standard menu (Copy, Select All) plus what listeners add for `point`."""
        menu = self.createStandardContextMenu(point)
        self.context_menu_about_to_show.emit(menu, point)
        return menu

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            help_event = cast("QHelpEvent", event)
            tip = self.tooltip_at(help_event.pos())
            if tip:
                QToolTip.showText(help_event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, point: QPoint) -> str:
        """What hovering `point` explains: a glossary term, else the sentence's origin."""
        found = self.mark_at(point) if self.term_tooltip is not None else None
        tip = self.term_tooltip(*found) if found is not None and self.term_tooltip else ""
        if tip:
            return tip
        index = self.sentence_at(point)
        return self.tooltip_for(index) if index >= 0 else ""

    def tooltip_for(self, index: int) -> str:
        """Where the sentence came from, and the note on it if there is one."""
        provenance = self._sentences[index].provenance
        tip = ""
        if provenance.origin is Origin.MACHINE:
            tip = self.tr("Machine translation by {model} — may contain errors").format(
                model=provenance.model or self.tr("an offline model")
            )
        elif provenance.origin is Origin.CORRECTED:
            tip = self.tr("Corrected by you")
        note = self._notes.get(index)
        if note:
            line = self.tr("Note: {text}").format(text=note)
            tip = f"{tip}\n{line}" if tip else line
        return tip


def _over(top: QColor, under: QColor) -> QColor:
    """`top` composited over the opaque `under`."""
    a = top.alphaF()
    return QColor(*(round(t * a + u * (1 - a)) for t, u in zip(
        (top.red(), top.green(), top.blue()), (under.red(), under.green(), under.blue()),
        strict=True,
    )))
