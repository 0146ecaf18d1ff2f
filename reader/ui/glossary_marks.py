"""Glossary terms in the two panes: underlining them, explaining them on hover, lighting
the entry being looked at, and listing where an entry occurs.

The :class:`~reader.glossary.match.Matcher` is built on a worker thread (about 17 ms for
the 255 bundled entries, 110 ms for 1,000) whenever the glossary changes; a newer build
supersedes an older one. Matching itself is fast (a 5,000-word document in a few
milliseconds), so a pane is re-marked on the GUI thread every time it re-renders: after
a new document, a change of type or theme, or more sentences of a long text or a
streaming translation (then only the new sentences are matched); a corrected sentence
is matched alone.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from reader.document.model import Lang
from reader.glossary.model import Glossary
from reader.ui.decorations import Mark
from reader.ui.sentence_view import SentenceView
from reader.ui.tasks import Task

if TYPE_CHECKING:
    from reader.glossary.match import Match, Matcher
    from reader.ui.main_window import MainWindow


class TermMarker(QObject):
    marks_changed = Signal()  # a pane was re-marked: the terms present may have changed
    matcher_ready = Signal()  # a matcher for the current glossary is in place
    CHANGED_EVERY_MS = 500

    def __init__(self, window: MainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.views: dict[Lang, SentenceView] = {lang: p.view for lang, p in window.panes.items()}
        self.glossary: Glossary | None = None
        self.matcher: Matcher | None = None
        self.selected_id: str | None = None  # the entry the panel shows, lit in the panes
        self.matches: dict[Lang, dict[int, list[Match]]] = {lang: {} for lang in Lang}
        # what each pane's marks are for: its render generation and how many sentences
        self._marked: dict[Lang, tuple[int, int]] = {lang: (-1, 0) for lang in Lang}
        self._build: Task | None = None
        self._running: set[Task] = set()  # keeps every started build's signals alive
        self._changed_timer = QTimer(self, singleShot=True, interval=self.CHANGED_EVERY_MS)
        self._changed_timer.timeout.connect(self.marks_changed)
        for lang, view in self.views.items():
            view.text_rendered.connect(self._on_view_text_rendered)
            view.sentence_replaced.connect(self._on_view_sentence_replaced)
            view.term_tooltip = lambda _index, mark, lang=lang: self.tooltip(lang, mark)
        window.linker.current_changed.connect(self._on_linker_current_changed)

    # -- the matcher ------------------------------------------------------------------
    def set_glossary(self, glossary: Glossary, matcher: Matcher | None = None) -> None:
        """Use `glossary`; with no `matcher` built for it, build one in the background
        (the old marks stay until it is ready)."""
        self.glossary = glossary
        if self._build is not None:
            self._build.cancel()
            self._build = None
        if matcher is not None:
            self._use(matcher)
            return
        from reader.glossary.match import Matcher

        task = Task(Matcher, glossary.entries())
        for signal in (task.signals.finished, task.signals.failed, task.signals.cancelled):
            signal.connect(self._on_build_done)
        self._build = task
        self._running.add(task)
        task.start()

    @property
    def building(self) -> bool:
        return self._build is not None

    @Slot(object)
    def _on_build_done(self, result: object = None) -> None:
        signals = self.sender()
        for task in [t for t in self._running if t.signals is signals]:
            self._running.discard(task)
            if task is self._build:
                self._build = None
                if not isinstance(result, BaseException | None):
                    self._use(cast("Matcher", result))

    def _use(self, matcher: Matcher) -> None:
        self.matcher = matcher
        for lang in Lang:
            self.mark(lang, full=True)
        self.matcher_ready.emit()

    # -- marking ------------------------------------------------------------------------
    @Slot()
    def _on_view_text_rendered(self) -> None:
        view = self.sender()
        if isinstance(view, SentenceView):
            self.mark(view.lang)

    @Slot(int)
    def _on_view_sentence_replaced(self, index: int) -> None:
        view = self.sender()
        if isinstance(view, SentenceView) and self.matcher is not None:
            lang = view.lang
            found = self.matcher.find_in_sentences([(index, view.sentence(index).text)], lang)
            self.matches[lang].pop(index, None)
            self.matches[lang].update(found)
            view.set_marks(self._marks(self.matches[lang]))
            self.update_lit()
            self._changed()

    def mark(self, lang: Lang, *, full: bool = False) -> None:
        """Match the sentences the pane shows: only those it has just added when a long
        text or a translation streams in, all of them otherwise. The text comes from the
        pane (what it shows is what is marked), which costs no look-up in the document."""
        view, document = self.views[lang], self.window.document
        if self.matcher is None or document is None:
            return
        count = min(view.sentence_count, document.sentence_count(lang))
        generation, marked_count = self._marked[lang]
        fresh = range(count)
        if not full and generation == view.render_generation and 0 < marked_count < count:
            fresh = range(marked_count, count)  # more sentences: match only those
        found = self.matcher.find_in_sentences(((i, view.sentence(i).text) for i in fresh), lang)
        self._marked[lang] = (view.render_generation, count)
        if fresh.start:
            self.matches[lang].update(found)
            view.add_marks(self._marks(found))
        else:
            self.matches[lang] = found
            view.set_marks(self._marks(found))
        self.update_lit()
        self._changed()

    @staticmethod
    def _marks(found: dict[int, list[Match]]) -> dict[int, Sequence[Mark]]:
        return {i: [Mark(*m[:3]) for m in ms] for i, ms in found.items()}

    def _changed(self) -> None:
        """Say the marks changed: at once, or every so often while a long text streams in
        (listeners recount the terms present, which takes time on a long text)."""
        if any(view.is_rendering for view in self.views.values()):
            if not self._changed_timer.isActive():
                self._changed_timer.start()
        else:
            self._changed_timer.stop()
            self.marks_changed.emit()

    def present_ids(self) -> set[str]:
        """The entries found in the document (as far as the panes show it)."""
        found = self.matches.values()
        return {m.entry_id for by_index in found for ms in by_index.values() for m in ms}

    def occurrences(self, entry_id: str, lang: Lang) -> list[int]:
        """The sentences in `lang` where the entry occurs, in order."""
        found = self.matches[lang].items()
        return [i for i, ms in found if any(m.entry_id == entry_id for m in ms)]

    # -- lighting the selected entry ------------------------------------------------------
    def select(self, entry_id: str | None) -> None:
        self.selected_id = entry_id
        self.update_lit()

    @Slot(object, int)
    def _on_linker_current_changed(self, _lang: Lang, _index: int) -> None:
        self.update_lit()

    def update_lit(self) -> None:
        """Light the selected entry's terms in the current sentence and its counterparts."""
        for lang, view in self.views.items():
            lit: dict[int, list[Mark]] = {}
            if self.selected_id is not None:
                for index in view.current:
                    marks = [
                        Mark(*m[:3])
                        for m in self.matches[lang].get(index, ())
                        if m.entry_id == self.selected_id
                    ]
                    if marks:
                        lit[index] = marks
            view.set_lit_marks(lit)

    # -- hover --------------------------------------------------------------------------
    def tooltip(self, lang: Lang, mark: Mark) -> str:
        """The entry in the pane's language: its term and the other language's, the short
        definition, and the North Korean word when there is one."""
        entry = self.glossary.get(mark.entry_id) if self.glossary is not None else None
        if entry is None:
            return ""
        definition = (entry.en_definition if lang is Lang.EN else entry.ko_definition) or (
            entry.ko_definition if lang is Lang.EN else entry.en_definition
        )
        head, other = html.escape(entry.headword(lang)), html.escape(entry.headword(lang.other))
        parts = [f"<b>{head}</b> — {other}"]
        if definition:
            parts.append(html.escape(definition))
        if entry.nk_usage:
            # In the pane's language, whatever the interface language is.
            label = self.tr("In North Korea: {usage}") if lang is Lang.EN else self.tr(
                "북한에서는: {usage}"
            )
            parts.append(f"<i>{label.format(usage=html.escape(entry.nk_usage))}</i>")
        return "<qt>" + "".join(f"<p style='margin:2px 0'>{p}</p>" for p in parts) + "</qt>"
