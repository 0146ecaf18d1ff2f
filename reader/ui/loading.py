"""What the window's opener runs on worker threads: reading a file, pasted text, the start
of a long text and a session file into Documents ready to show.

Each also builds the document's look-up tables (the sentence index, the origins) there,
and keeps a long document out of the cycle collector's way, so that nothing of the kind
is left for the GUI thread.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from reader.document.article import load_article
from reader.document.formats import Extracted, Job, build_document, no_cyclic_gc
from reader.document.model import Document, Lang
from reader.session.session import SessionState

FREEZE_SENTENCES = 20_000  # see keep_out_of_gc


def load_document(
    path: Path,
    *,
    encoding: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Document:
    """Open any file Dari understands (runs on a worker thread)."""
    if path.suffix.lower() == ".toml":
        return load_article(path)
    from reader.document.formats import load_any

    document = load_any(path, encoding=encoding, progress=progress, cancelled=cancelled)
    return _indexed(document)


def _indexed(document: Document) -> Document:
    """Build the document's look-up tables here, on the worker, not on the GUI thread,
    and keep a long document out of the cycle collector's way (see `keep_out_of_gc`)."""
    with no_cyclic_gc():
        document.refs(Lang.EN)
        document.origins(Lang.EN)
    keep_out_of_gc(document)
    return document


def load_preview_indexed(path: Path, encoding: str | None) -> Document | None:
    """The start of a long text file, or None (runs on a worker thread)."""
    from reader.document.formats import load_preview

    document = load_preview(path, encoding=encoding)
    return _indexed(document) if document is not None else None


def load_session_indexed(path: Path) -> SessionState:
    """Read a session file (runs on a worker thread)."""
    from reader.session.session import load_session

    with no_cyclic_gc():
        state = load_session(path)
    _indexed(state.document)
    return state


def document_from_text(
    text: str,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Document:
    """A document of pasted text (runs on a worker thread)."""
    from reader.document.segment import split_paragraphs

    job = Job("The clipboard text", progress, cancelled)
    job.add_text(text)
    return _indexed(build_document(Extracted(split_paragraphs(text)), job=job))


def keep_out_of_gc(document: Document) -> None:
    """Spare the window the cycle collector's scans of a long document.

    A 20 MB text is some 1.5 million objects (no cycles among them: reference counting
    frees them). A full collection scans them all, a 0.6–0.8 s stall of every thread, and
    one comes soon after such a load. Frozen (`gc.freeze`), what is alive now is never
    scanned again; the price is that cyclic garbage among the objects alive now is never
    collected, which only matters for those that form cycles and die later (few: the
    document forms none)."""
    if sum(document.sentence_count(lang) for lang in Lang) >= FREEZE_SENTENCES:
        gc.freeze()
