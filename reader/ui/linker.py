"""Links the two panes sentence by sentence.

Hovering, clicking or stepping to a sentence lights it and its counterpart, and scrolls
the other pane so the counterpart starts level with it. When the user scrolls one pane,
the other follows by sentence (the sentence at the top of one pane and its counterpart
at the top of the other, at the same fraction through), not by scroll-bar ratio.

A long text is rendered a slice at a time (see ``sentence_render``): a sentence not yet
rendered cannot be made current, and a counterpart not yet rendered in the other pane is
lit when it arrives but not scrolled to on hovering. A pane that is scrolled while the
other has not rendered that far yet (a session reopened far down a long text) is followed
once the other catches up.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal, Slot

from reader.document.model import Document, Lang
from reader.ui.sentence_view import SentenceView

CATCH_UP_SENTENCES = 200  # more than a screen holds at the smallest type


class Linker(QObject):
    current_changed = Signal(object, int)  # Lang, sentence index

    def __init__(self, views: dict[Lang, SentenceView], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.views = views
        self.document: Document | None = None
        self.sync_scroll = True
        self._syncing = False
        self.current: tuple[Lang, int] | None = None
        self._catching_up: set[Lang] = set()  # panes to follow once they render that far
        for lang, view in views.items():
            view.sentence_hovered.connect(lambda i, lang=lang: self._on_view_hovered(lang, i))
            view.sentence_clicked.connect(lambda i, lang=lang: self.set_current(lang, i))
            view.verticalScrollBar().valueChanged.connect(
                lambda _value, lang=lang: self._on_view_scrolled(lang)
            )

    def set_document(self, document: Document, *, keep_current: bool = False) -> None:
        """`keep_current`: the new document begins with the old one (a preview's text)."""
        self.document = document
        self._catching_up.clear()  # (a view forgets its waiting callbacks with its text)
        if not keep_current:
            self.current = None

    def _ranges(self, lang: Lang, index: int) -> dict[Lang, range]:
        assert self.document is not None
        unit = self.document.unit_of(lang, index)
        return {side: self.document.unit_sentences(unit, side) for side in self.views}

    # -- hover ----------------------------------------------------------------
    def _on_view_hovered(self, lang: Lang, index: int) -> None:
        if self.document is None:
            return
        if index < 0:
            for view in self.views.values():
                view.set_hover(range(0))
            return
        ranges = self._ranges(lang, index)
        for side, view in self.views.items():
            view.set_hover(ranges[side])
        self._level_counterpart(lang, index, ranges)

    # -- current sentence -----------------------------------------------------
    def set_current(self, lang: Lang, index: int) -> None:
        if self.document is None or not 0 <= index < self.views[lang].sentence_count:
            return  # (a view shows only sentences of its document, as far as rendered)
        self.current = (lang, index)
        ranges = self._ranges(lang, index)
        for side, view in self.views.items():
            view.set_current(ranges[side])
        self._with_sync_paused(lambda: self.views[lang].ensure_sentence_visible(index))
        self._level_counterpart(lang, index, ranges)
        self.current_changed.emit(lang, index)

    def step(self, lang: Lang, delta: int) -> None:
        """Move the current sentence by `delta` in `lang` (Alt+Down / Alt+Up)."""
        if self.document is None:
            return
        count = self.views[lang].sentence_count
        if not count:
            return
        if self.current is None:
            target = 0 if delta > 0 else count - 1
        else:
            current_lang, current_index = self.current
            if current_lang is not lang:
                counterparts = self.document.counterparts(current_lang, current_index)
                current_index = counterparts.start if counterparts else 0
            target = min(count - 1, max(0, current_index + delta))
        self.set_current(lang, target)

    # -- scrolling ------------------------------------------------------------
    def _level_counterpart(self, lang: Lang, index: int, ranges: dict[Lang, range]) -> None:
        source_view = self.views[lang]
        y = source_view.sentence_top(index)
        for side, view in self.views.items():
            if side is not lang and view.rendered(ranges[side]) and view.isVisible():
                self._with_sync_paused(partial(view.level_with, ranges[side], y))

    @Slot()
    def _on_view_scrolled(self, lang: Lang) -> None:
        if self._syncing or not self.sync_scroll or self.document is None:
            return
        anchor = self.views[lang].anchor()
        if anchor is None:
            return
        counterparts = self.document.counterparts(lang, anchor.index)
        for side, view in self.views.items():
            if side is not lang and counterparts and not view.rendered(counterparts):
                if side not in self._catching_up:
                    # a screenful past them too: the text must go on below a sentence
                    # for it to be scrolled to the top
                    last = self.document.sentence_count(side) - 1
                    self._catching_up.add(side)
                    view.when_rendered(min(last, counterparts.stop - 1 + CATCH_UP_SENTENCES),
                                       partial(self._caught_up, side, lang))
            elif side is not lang and view.rendered(counterparts) and view.isVisible():
                if anchor.top >= 0:  # the sentence starts inside the viewport
                    self._with_sync_paused(partial(view.level_with, counterparts, anchor.top))
                else:
                    self._with_sync_paused(
                        partial(view.scroll_to_anchor, counterparts, anchor.fraction)
                    )

    def _caught_up(self, side: Lang, lang: Lang) -> None:
        """`side` has rendered as far as `lang` was scrolled: follow it to where `lang` is
        now."""
        self._catching_up.discard(side)
        self._on_view_scrolled(lang)

    def _with_sync_paused(self, action: Callable[[], None]) -> None:
        was = self._syncing
        self._syncing = True
        try:
            action()
        finally:
            self._syncing = was
