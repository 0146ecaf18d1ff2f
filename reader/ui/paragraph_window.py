"""Showing a long text a window of paragraphs at a time.

Qt lays text out in fixed-point pixels that end at 8,388,607 (``QFIXED_MAX``): text further
down is never laid out and cannot be scrolled to, and some 9 MB of English reach it at the
default type in half a 1280-pixel window. So once a view's text grows taller than
``WINDOW_START_HEIGHT``, it shows a window of paragraphs. Every paragraph stays in the one
QTextDocument, so a sentence's position and index never change, but the blocks outside
the window are hidden (``QTextBlock.setVisible(False)``): Qt neither lays them out nor gives
them height. Paragraphs rendered later are hidden as they are added, which also spares
their layout: the text streams in faster.

The window moves as the reader scrolls near either edge (``EDGE_SHARE`` of it), keeping
what is on screen exactly where it was, and before any sentence outside it is shown
(linking, reading aloud, a session's place). The view's own scroll bar then spans only the
window, so a *document bar* lies over it: it spans the whole text by character position,
and dragging it moves the window to the place dragged to. (Over it, not instead of it:
hiding the view's bar would widen the text and lay the window out again, twice.) Ctrl+Home
and Ctrl+End reach the two ends from the keyboard.
"""

from __future__ import annotations

import bisect
import time
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QScrollBar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTextBrowser

    _Base = QTextBrowser
else:
    _Base = object

WINDOW_START_HEIGHT = 1_500_000  # pixels of text before the view shows a window of it
WINDOW_CHARS = 80_000  # characters in a window at most (thirty screens at default type)
WINDOW_HEIGHT = 1_000_000  # pixels in a window at most (large type in a narrow pane)
WINDOW_LAYOUT_MS = 25.0  # and no more than Qt lays out in this time (a jump lays out all)
MIN_WINDOW_CHARS = 20_000
MIN_WINDOW_SCREENS = 8  # nor fewer screenfuls than this (small type, a tall pane)
EDGE_SHARE = 0.25  # the window moves when the screen comes this near either end of it


class ParagraphWindowMixin(_Base):
    """The window half of SentenceView (which provides the sentence positions)."""

    # provided by SentenceView and RenderingMixin
    _starts: list[int]

    def _init_window(self) -> None:
        self._windowed = False
        self._shown = (0, 0)  # the blocks shown, [first, stop), when windowed
        self._moving = False  # inside a move: the scrolling it does is not the reader's
        self._setting_bar = False
        self._document_bar: QScrollBar | None = None
        self._layout_s_per_char = 0.0  # as measured when blocks are shown (0: not yet)

    # -- state ----------------------------------------------------------------------
    @property
    def windowed(self) -> bool:
        """The text is too tall to lay out whole: part of it is shown at a time."""
        return self._windowed

    @property
    def shown_range(self) -> range:
        """The sentences laid out now (all of them unless `windowed`)."""
        if not self._windowed:
            return range(len(self._starts))
        start, end = self._shown_span()
        return range(bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end))

    def position_bar(self) -> QScrollBar:
        """The scroll bar the reader sees: the document bar when `windowed`."""
        if self._windowed and self._document_bar is not None:
            return self._document_bar
        return self.verticalScrollBar()

    def _reset_window(self) -> None:
        """A new QTextDocument: every block is shown."""
        self._windowed = False
        self._shown = (0, 0)
        self._layout_s_per_char = 0.0  # (the type or the language may have changed)
        if self._document_bar is not None:
            self._document_bar.hide()
            self.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def _shown_blocks(self) -> tuple[int, int]:
        """The block numbers shown, [first, stop)."""
        return self._shown if self._windowed else (0, self.document().blockCount())

    def _shown_span(self) -> tuple[int, int]:
        """The character positions of the blocks shown, [start, end)."""
        first, stop = self._shown_blocks()
        return self._block_position(first), self._block_position(stop)

    def _block_position(self, number: int) -> int:
        document = self.document()
        if number >= document.blockCount():
            return document.characterCount()
        return document.findBlockByNumber(number).position()

    def _block_of(self, position: int) -> int:
        return self.document().findBlock(position).blockNumber()

    # -- growing ----------------------------------------------------------------------
    def _window_after_render(self) -> None:
        """After a slice: start windowing once the text is tall, and keep the document bar
        up to date."""
        if not self._windowed:
            if self.document().size().height() > WINDOW_START_HEIGHT:
                self._start_windowing()
            return
        if not self._check_edges():
            self._update_document_bar()  # (a move does it)

    def _start_windowing(self) -> None:
        self._windowed = True
        self._shown = (0, self.document().blockCount())
        if self._document_bar is None:
            # In the view's scroll bar container, over the view's bar: a child of the view
            # itself would be under the container, which Qt raises when it lays it out.
            bar = QScrollBar(QtCore.Qt.Orientation.Vertical,
                             self.verticalScrollBar().parentWidget() or self)
            bar.setObjectName("documentBar")
            bar.setAccessibleName(self.tr("Place in the whole text"))
            bar.setAccessibleDescription(self.tr(
                "The text is long: the pane lays out part of it at a time. This bar spans "
                "all of it."
            ))
            bar.valueChanged.connect(self._on_document_bar_moved)
            bar.sliderReleased.connect(self._update_document_bar)
            self.verticalScrollBar().installEventFilter(self)  # (to follow its geometry)
            self._document_bar = bar
        self._move_window(self._middle_position())
        # (The view's own bar is showing: a window is many screens tall. It stays, under
        # the document bar.)
        self.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._place_document_bar()
        self._document_bar.show()
        self._update_document_bar()

    # -- moving -------------------------------------------------------------------------
    def _ensure_shown(self, index: int) -> None:
        """Move the window to sentence `index` if it is outside it."""
        if not self._windowed or index >= len(self._starts):
            return
        start, end = self._shown_span()
        if not start <= self._starts[index] < end:
            self._move_window(self._starts[index])

    def _check_edges(self) -> bool:
        """Move the window on if the screen is near an edge with more text beyond it.
        Returns whether it moved (and so updated what depends on the screen)."""
        if not self._windowed or self._moving:
            return False
        first, stop = self._shown
        bar = self.verticalScrollBar()
        height = self.document().size().height()
        margin = height * EDGE_SHARE
        near_top = first > 0 and bar.value() < margin
        near_bottom = (stop < self.document().blockCount()
                       and bar.value() + self.viewport().height() > height - margin)
        if near_top or near_bottom:
            return self._move_window(self._middle_position())
        return False

    def _window_chars(self) -> int:
        """How many characters a window holds: WINDOW_CHARS, fewer if their lines would
        be taller than WINDOW_HEIGHT at this type and width, or would take Qt longer than
        WINDOW_LAYOUT_MS to lay out (Korean takes about twice as long as English); but
        never fewer than MIN_WINDOW_SCREENS screenfuls."""
        chars = WINDOW_CHARS
        start, end = self._shown_span()
        height = self.document().size().height()
        if end - start >= 1_000 and height > 0:
            chars = min(chars, int(WINDOW_HEIGHT * (end - start) / height))
        if self._layout_s_per_char > 0:
            chars = min(chars, int(WINDOW_LAYOUT_MS / 1000 / self._layout_s_per_char))
        screen = self._position_at(self.viewport().height()) - self._top_position()
        return max(MIN_WINDOW_CHARS, MIN_WINDOW_SCREENS * screen, chars)

    def _move_window(self, position: int) -> bool:
        """Show the blocks around `position`, keeping what is on screen in place if it
        is still shown. Returns whether the window moved."""
        chars = self._window_chars()
        end_of_text = self.document().characterCount()
        start = max(0, min(position - chars // 2, end_of_text - chars))
        end = min(end_of_text, max(position + chars // 2, chars))
        last = end_of_text - 1  # (the position after the last character is in no block)
        first = self._block_of(min(start, last))
        stop = max(self._block_of(min(end, last)), self._block_of(min(position, last))) + 1
        return self._show_blocks(first, stop)

    def _show_blocks(self, first: int, stop: int) -> bool:
        old_first, old_stop = self._shown
        if (first, stop) == (old_first, old_stop):
            return False
        top = self._top_position()
        top_y = self._y_of(top)
        # Each change is laid out again, with Qt walking every block (hidden or not) to
        # the end: some 10-20 ms for a 20 MB text. A jump (no overlap) is one change over
        # both windows (the hidden blocks between cost the walk only); a move is two, as
        # one over the whole would lay out again the part that stays.
        jump = stop <= old_first or first >= old_stop
        if jump:
            changes = [(old_first, old_stop, False), (first, stop, True)]
        else:
            changes = []
            if first != old_first:
                changes.append((min(first, old_first), max(first, old_first), first < old_first))
            if stop != old_stop:
                changes.append((min(stop, old_stop), max(stop, old_stop), stop > old_stop))
        self._moving = True
        try:
            document = self.document()
            for begin, end, visible in changes:
                block = document.findBlockByNumber(begin)
                for _ in range(end - begin):
                    block.setVisible(visible)
                    if not visible:
                        block.layout().clearLayout()  # its lines, laid out again if shown
                    block = block.next()
            spans = [(min(first, old_first), max(stop, old_stop))] if jump else [
                (begin, end) for begin, end, _visible in changes]
            began = time.perf_counter()
            for begin, end in spans:
                start = self._block_position(begin)
                document.markContentsDirty(start, self._block_position(end) - start)
            if jump:
                self._learn_layout_speed(first, stop, time.perf_counter() - began)
            self._shown = (first, stop)
            start, end = self._shown_span()
            if start <= top < end:  # the same line at the same height as before
                bar = self.verticalScrollBar()
                bar.setValue(bar.value() + self._y_of(top) - top_y)
            self._keep_caret_shown()
        finally:
            self._moving = False
        self._after_move()
        return True

    def _learn_layout_speed(self, first: int, stop: int, seconds: float) -> None:
        """Keep a running measure of Qt's time per character to lay out a whole window,
        from jumps (where it does just that, besides its walk over the blocks)."""
        shown = self._block_position(stop) - self._block_position(first)
        if shown >= 5_000:
            per_char = seconds / shown
            known = self._layout_s_per_char
            self._layout_s_per_char = per_char if not known else 0.7 * known + 0.3 * per_char

    def _keep_caret_shown(self) -> None:
        """A caret left in a hidden block would be moved through text with no lines: put
        it on a line in the middle of the screen (where making it visible scrolls nothing),
        unless it holds a selection."""
        cursor = self.textCursor()
        start, end = self._shown_span()
        if not cursor.hasSelection() and not start <= cursor.position() < end:
            cursor.setPosition(self._position_at(self.viewport().height() // 2))
            self.setTextCursor(cursor)

    def _top_position(self) -> int:
        return self._position_at(0)

    def _middle_position(self) -> int:
        return self._position_at(self.viewport().height() // 2)

    def _position_at(self, y: int) -> int:
        """Where the line at viewport height `y` starts (in a gap between paragraphs, the
        line above it). Unlike Qt's hit test, which walks every block to the point and
        takes hidden ones for text, this searches the shown blocks by height."""
        document = self.document()
        layout = document.documentLayout()
        at = y + self.verticalScrollBar().value()
        first, stop = self._shown_blocks()
        low, high, found = first, stop - 1, first
        while low <= high:  # the last shown block whose top is at or above `at`
            middle = (low + high) // 2
            if layout.blockBoundingRect(document.findBlockByNumber(middle)).top() <= at:
                found, low = middle, middle + 1
            else:
                high = middle - 1
        block = document.findBlockByNumber(found)
        lines = block.layout()
        if lines is None:  # (an empty document's lone block)
            return block.position()
        inside = at - layout.blockBoundingRect(block).top()
        start = 0
        for number in range(lines.lineCount()):
            line = lines.lineAt(number)
            if line.y() > inside:
                break
            start = line.textStart()
        return block.position() + start

    def _y_of(self, position: int) -> int:
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        return self.cursorRect(cursor).top()

    # -- the document bar ---------------------------------------------------------------
    def _update_document_bar(self) -> None:
        """Span the whole text by character, the screen's share as the page."""
        bar = self._document_bar
        if not self._windowed or bar is None:
            return
        if bar.isSliderDown():
            return  # (the thumb stays under the pointer: updated when it lets go)
        top = self._top_position()
        page = max(1, self._position_at(self.viewport().height()) - top)
        self._setting_bar = True
        try:
            bar.setRange(0, max(0, self.document().characterCount() - page))
            bar.setPageStep(page)
            bar.setSingleStep(max(1, page // 10))
            inner = self.verticalScrollBar()
            at_end = self._shown[1] >= self.document().blockCount() and (
                inner.value() >= inner.maximum())
            bar.setValue(bar.maximum() if at_end else top)
        finally:
            self._setting_bar = False

    @Slot(int)
    def _on_document_bar_moved(self, value: int) -> None:
        if self._setting_bar or not self._windowed:
            return
        bar = self._document_bar
        assert bar is not None
        self.go_to_position(self.document().characterCount() if value >= bar.maximum() else value)

    def go_to_position(self, position: int) -> None:
        """Scroll so that the line holding character `position` is at the top (the end of
        the text: the last line at the bottom)."""
        if self._windowed:
            start, end = self._shown_span()
            chars = end - start
            if not start + chars * EDGE_SHARE <= position <= end - chars * EDGE_SHARE:
                self._move_window(position)
        inner = self.verticalScrollBar()
        if position >= self.document().characterCount() - 1:
            inner.setValue(inner.maximum())
        elif position <= 0:
            inner.setValue(0)  # (the document's top margin too)
        else:
            inner.setValue(inner.value() + self._y_of(position))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Keep the document bar over the view's bar wherever Qt lays that out."""
        if (watched is self.verticalScrollBar() and self._document_bar is not None
                and event.type() in (QEvent.Type.Resize, QEvent.Type.Move)):
            self._place_document_bar()
        return super().eventFilter(watched, event)

    def _after_move(self) -> None:
        raise NotImplementedError  # provided by SentenceView: decorations, document bar

    def _place_document_bar(self) -> None:
        """The document bar over the view's own scroll bar."""
        bar = self._document_bar
        if bar is None or not self._windowed:
            return
        inner = self.verticalScrollBar()
        if bar.parentWidget() is inner.parentWidget():
            bar.setGeometry(inner.geometry())
        else:
            bar.setGeometry(QRect(inner.mapTo(self, QPoint()), inner.size()))
        bar.raise_()
