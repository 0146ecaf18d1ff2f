"""Rendering a document's sentences into a :class:`~reader.ui.sentence_view.SentenceView`
a slice at a time, so that a long text never stalls the window.

`set_document` renders the first slice at once (``FIRST_SLICE_CHARS``: the first screenful
and more; a short document is rendered whole), then the rest follows in slices on a
zero-interval timer, each about ``SLICE_MS`` of work, inserts and layout together, with the
event loop running in between: the window paints, scrolls and links sentences while the
text streams in. Each slice appends to the one QTextDocument under a single edit block
(Qt lays out the slice once, when the block ends). Qt's layout time per character varies
with the text, so the size of the next slice is adapted from the time the last one took.

Units are rendered in order up to the first unit with no sentence in this language (a
translation still to come); `extend` renders more as a translation streams in.

A paragraph is a block of the QTextDocument; one longer than ``BLOCK_CHARS`` is split into
blocks at sentence ends (a new line, no paragraph gap): Qt lays a block out whole, and a
window (below) is made of blocks.

Qt lays text out in fixed-point pixels that end at 8,388,607 (``QFIXED_MAX``): text further
down is never laid out. A tall text is therefore shown a window of paragraphs at a time
(see ``paragraph_window``); the blocks rendered outside the window are hidden as they are
added. As a last guard, a view whose window alone would pass ``MAX_LAYOUT_HEIGHT`` (a
single block that tall) stops rendering there and says so (`cut_short`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from reader.document.model import Document, Lang, Origin, Sentence
from reader.ui.decorations import Colours, DecorationState

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QTextBrowser

    _Base = QTextBrowser
else:
    _Base = object

FIRST_SLICE_CHARS = 16_000  # a few ms: the first screenfuls, or all of a short text
SLICE_MS = 12.0  # the inserts and layout of one later slice, in milliseconds
SLICE_MAX_MS = 40.0  # and everything one slice makes happen, at most
WINDOWED_SLICE_MS = 25.0  # a slice of hidden text (see paragraph_window), all told
MIN_SLICE_CHARS, MAX_SLICE_CHARS = 1_000, 150_000
MAX_LAYOUT_HEIGHT = 8_000_000  # pixels: below Qt's limit, with room for a reflow
BLOCK_CHARS = 8_000  # a paragraph longer than this goes on in a new block


class RenderingMixin(_Base):
    """The content half of SentenceView (which provides the signals and the geometry)."""

    # provided by SentenceView
    lang: Lang
    text_rendered: SignalInstance
    rendering_finished: SignalInstance
    sentence_replaced: SignalInstance
    _colours: Colours
    _line_spacing: int
    _paragraph_spacing: int
    _state: DecorationState
    _window: range  # the sentences decorated in full
    _windowed: bool  # provided by ParagraphWindowMixin

    def _init_rendering(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._sentences: list[Sentence] = []
        self._document: Document | None = None
        self._rendering = False  # inside set_document: text_rendered is emitted once
        self._block = QTextBlockFormat()
        self._next_unit = 0
        self._paragraph_no = 0  # where the next unit is: its paragraph, and
        self._unit_in_paragraph = 0  # its place in that paragraph
        self._last_paragraph = -1
        self._has_block_text = False
        self._block_chars = 0  # in the last block
        self._chars = 0  # rendered so far
        self._cut_short = False
        self._slice_chars = 8_000  # grows by half at each quick slice
        self._plain = QTextCharFormat()
        self._go_on = QTextBlockFormat()
        self._waiting: list[tuple[int, Callable[[], None]]] = []
        self._generation = 0  # counts set_document calls: what is shown was re-rendered
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._on_render_timer_timeout)

    # -- content --------------------------------------------------------------
    def set_document(self, document: Document) -> None:
        """Show `document`'s sentences in this view's language: the first slice now, the
        rest in the background (`is_rendering` until done)."""
        if document is not self._document:
            self._waiting.clear()
        self._render_timer.stop()
        self._document = document
        self._generation += 1
        doc = QTextDocument(self)
        doc.setUndoRedoEnabled(False)  # read-only: an undo history would double the memory
        doc.setDefaultFont(self.font())
        doc.setDocumentMargin(18)
        self._starts, self._ends, self._sentences = [], [], []
        self._block = QTextBlockFormat()
        self._block.setLineHeight(self._line_spacing, 1)  # proportional
        self._block.setBottomMargin(self.font().pointSizeF() * self._paragraph_spacing / 100)
        self._next_unit = self._paragraph_no = self._unit_in_paragraph = 0
        self._last_paragraph = -1
        self._has_block_text = False
        self._block_chars = 0
        self._chars = 0
        self._cut_short = False
        self._plain = QTextCharFormat()
        self._go_on = QTextBlockFormat()  # a long paragraph's blocks but its last
        self._go_on.setLineHeight(self._line_spacing, 1)

        # A title in the other language (e.g. a file name) still heads this pane, so that
        # the two panes start level.
        title = document.title_in(self.lang)
        if title:
            cursor = QTextCursor(doc)
            title_format = QTextCharFormat()
            title_format.setFontWeight(QFont.Weight.Bold)
            title_format.setFontPointSize(self.font().pointSizeF() * 1.3)
            cursor.setBlockFormat(self._block)
            cursor.insertText(title, title_format)
            self._has_block_text = True
        self._reset_window()  # (setDocument scrolls, and the old window is no more)
        self.setDocument(doc)
        # setDocument takes the new document's text option: wrap long words anywhere, so a
        # word wider than the pane (large type, narrow pane) breaks instead of clipping.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._reset_decorations()
        self._rendering = True
        try:
            added, _chars = self._render(FIRST_SLICE_CHARS)
        finally:
            self._rendering = False
        self._after_render(added, emit=True)

    def extend(self, document: Document) -> int:
        """Append the units that gained text in this language since the last render (a
        slice now, the rest in the background). Returns how many sentences were added.
        Scroll position and highlights stay put."""
        if document is not self._document:
            self.set_document(document)
            return self.sentence_count
        added, _chars = self._render(FIRST_SLICE_CHARS)
        self._after_render(added)
        return added

    def adopt(self, document: Document) -> bool:
        """Carry on with `document` if it begins with everything shown (the whole text of
        a preview): keep what is rendered, highlights and scroll position, and render the
        rest. False, changing nothing, if it does not."""
        old = self._document
        if old is None or document.title_in(self.lang) != old.title_in(self.lang):
            return False
        done, partial = self._paragraph_no, self._unit_in_paragraph
        if len(document.paragraphs) < done + (1 if partial else 0):
            return False
        lang = self.lang
        for p_no in range(done + (1 if partial else 0)):
            old_units = old.paragraphs[p_no].units
            new_units = document.paragraphs[p_no].units
            count = partial if p_no == done else len(old_units)
            if (p_no < done and len(new_units) != len(old_units)) or len(new_units) < count:
                return False
            if any(a.side(lang) != b.side(lang)
                   for a, b in zip(old_units[:count], new_units[:count], strict=True)):
                return False
        self._document = document
        self._after_render(0)
        return True

    @property
    def render_generation(self) -> int:
        """Changes whenever the text is rendered afresh (not when more is appended, nor
        when a document carrying on from the one shown is adopted)."""
        return self._generation

    @property
    def is_rendering(self) -> bool:
        """More text is being rendered in the background."""
        return self._render_timer.isActive()

    @property
    def cut_short(self) -> bool:
        """Rendering stopped at ``MAX_LAYOUT_HEIGHT``: the rest of the text is not shown."""
        return self._cut_short

    @property
    def rendered_units(self) -> int:
        return self._next_unit

    @property
    def sentence_count(self) -> int:
        """The sentences rendered so far (all of them once `is_rendering` is False)."""
        return len(self._starts)

    def when_rendered(self, index: int, callback: Callable[[], None]) -> None:
        """Call `callback` once sentence `index` is rendered (now, if it is). Forgotten
        when another document is shown."""
        if index < len(self._starts):
            callback()
        else:
            self._waiting.append((index, callback))

    def sentence(self, index: int) -> Sentence:
        return self._sentences[index]

    def replace_sentence(self, index: int, sentence: Sentence) -> None:
        """Show `sentence` instead of sentence `index` (a correction, or its undoing)
        without re-rendering: the sentences after it move by the change in length."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._starts[index])
        cursor.setPosition(self._ends[index], QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(_one_block(sentence.text), self._format_for(sentence))
        delta = cursor.position() - self._ends[index]
        self._sentences[index] = sentence
        self._ends[index] += delta
        if delta:
            starts, ends = self._starts, self._ends
            for i in range(index + 1, len(starts)):
                starts[i] += delta
                ends[i] += delta
        self._refresh_selections()
        self.sentence_replaced.emit(index)

    # -- slices ---------------------------------------------------------------
    def _render(self, max_chars: int) -> tuple[int, int]:
        """Append units until about `max_chars` characters are added, the document ends
        or a unit has no text in this language. Returns (sentences, characters) added."""
        document = self._document
        max_chars = self._within_height(max_chars)
        if document is None or not max_chars:
            return 0, 0
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        paragraphs = document.paragraphs
        starts, ends, rendered = self._starts, self._ends, self._sentences
        added = chars = 0
        cursor.beginEditBlock()
        try:
            while self._paragraph_no < len(paragraphs) and chars < max_chars:
                units = paragraphs[self._paragraph_no].units
                while self._unit_in_paragraph < len(units) and chars < max_chars:
                    sentences = units[self._unit_in_paragraph].side(self.lang)
                    if not sentences:
                        return added, chars  # its translation is still to come
                    for sentence in sentences:
                        if self._paragraph_no != self._last_paragraph:
                            if self._has_block_text:
                                self._new_block(cursor)
                            else:
                                cursor.setBlockFormat(self._block)
                            self._last_paragraph = self._paragraph_no
                        elif self._block_chars > BLOCK_CHARS:
                            cursor.setBlockFormat(self._go_on)
                            self._new_block(cursor)
                        elif rendered:
                            cursor.insertText(" ", self._plain)
                            self._block_chars += 1
                        starts.append(cursor.position())
                        cursor.insertText(_one_block(sentence.text), self._format_for(sentence))
                        ends.append(cursor.position())
                        rendered.append(sentence)
                        self._has_block_text = True
                        self._block_chars += len(sentence.text)
                        chars += len(sentence.text) + 1
                        added += 1
                    self._unit_in_paragraph += 1
                    self._next_unit += 1
                if self._unit_in_paragraph >= len(units):
                    self._paragraph_no += 1
                    self._unit_in_paragraph = 0
        finally:
            cursor.endEditBlock()  # Qt lays the slice out here
            self._chars += chars
        return added, chars

    def _new_block(self, cursor: QTextCursor) -> None:
        cursor.insertBlock(self._block, self._plain)
        self._block_chars = 0
        if self._windowed:  # (outside the window: it grows by moving)
            cursor.block().setVisible(False)

    def _within_height(self, max_chars: int) -> int:
        """`max_chars`, fewer as the text nears ``MAX_LAYOUT_HEIGHT`` (at least a few
        lines' worth), or 0 and `cut_short` once it is there."""
        height = self.document().size().height()
        if height < MAX_LAYOUT_HEIGHT / 2 or not self._chars:
            return max_chars
        if height >= MAX_LAYOUT_HEIGHT:
            self._cut_short = self._cut_short or self._has_more()
            return 0
        room = (MAX_LAYOUT_HEIGHT - height) / (height / self._chars)  # in characters
        return min(max_chars, max(MIN_SLICE_CHARS, int(room / 2)))

    def _has_more(self) -> bool:
        """Whether a unit with text in this language is waiting to be rendered."""
        document = self._document
        if document is None or self._cut_short or self._paragraph_no >= len(document.paragraphs):
            return False
        units = document.paragraphs[self._paragraph_no].units
        return self._unit_in_paragraph < len(units) and bool(
            units[self._unit_in_paragraph].side(self.lang)
        )

    def _on_render_timer_timeout(self) -> None:
        start = time.perf_counter()
        added, chars = self._render(self._slice_chars)
        rendered = time.perf_counter()
        self._after_render(added)
        if chars:
            # Sized by the time inserts and layout take (the listeners' share, such as
            # re-decorating the screen, is much the same for any slice: counted in, it
            # shrank slices to nothing), within SLICE_MAX_MS for the whole slice.
            # Once windowed, new text is hidden and not laid out, and a slice's time is
            # mostly Qt's walk over the hidden blocks to the end: the fewer slices the
            # better, each sized by its whole time.
            per_char = max(1e-9, (rendered - start) / chars)
            whole = max(1e-9, time.perf_counter() - start)
            if self._windowed:
                wanted = chars * WINDOWED_SLICE_MS / 1000 / whole
            else:
                wanted = min(SLICE_MS / 1000 / per_char, chars * SLICE_MAX_MS / 1000 / whole)
            # adapt gently upwards, at once downwards: a slow slice is not repeated
            wanted = min(wanted, self._slice_chars * 1.5)
            self._slice_chars = int(min(MAX_SLICE_CHARS, max(MIN_SLICE_CHARS, wanted)))

    def _after_render(self, added: int, *, emit: bool = False) -> None:
        """Decorate what is new, tell listeners, and keep going if there is more."""
        more = self._has_more()
        if more:
            self._render_timer.start()
        if added:
            self._window_after_render()
        if added or emit:
            # Re-decorate (some 20 ms with a thousand glossary marks on screen) only if
            # the new sentences are among those decorated (see _visible_window) or
            # highlighted, and no listener did it (re-marking the new sentences does).
            first_new = len(self._starts) - added
            state, window = self._state, self._window
            stale = emit or max(window.stop, state.current.stop, state.hover.stop) >= first_new
            self.text_rendered.emit()
            if stale and self._window is window:  # (each re-decoration makes a new range)
                self._refresh_selections()
        if self._waiting:
            count = len(self._starts)
            ready = [callback for index, callback in self._waiting if index < count]
            self._waiting = [(i, c) for i, c in self._waiting if i >= count]
            for callback in ready:
                callback()
        if not more:
            self.rendering_finished.emit()

    def _format_for(self, sentence: Sentence) -> QTextCharFormat:
        if sentence.provenance.origin is not Origin.MACHINE:
            return self._plain
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(self._colours.machine_mark)
        return fmt

    # provided by SentenceView
    def _refresh_selections(self) -> None:
        raise NotImplementedError

    def _reset_decorations(self) -> None:
        raise NotImplementedError

    # provided by ParagraphWindowMixin
    def _reset_window(self) -> None:
        raise NotImplementedError

    def _window_after_render(self) -> None:
        raise NotImplementedError


def _one_block(text: str) -> str:
    """`text` with its line breaks (a poem's lines in one sentence) as breaks within the
    paragraph: inserted as they are, each would start a new block, with a paragraph's gap.
    Same length: positions are unchanged."""
    return text.replace("\n", "\u2028") if "\n" in text else text
