"""Reading sessions: notes on sentences and the session file (Qt-free)."""

from reader.session.notes import Note, NoteError, Notes
from reader.session.session import (
    FORMAT_NAME,
    FORMAT_VERSION,
    CurrentSentence,
    ReadingPosition,
    SessionError,
    SessionState,
    load_session,
    save_session,
)

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "CurrentSentence",
    "Note",
    "NoteError",
    "Notes",
    "ReadingPosition",
    "SessionError",
    "SessionState",
    "load_session",
    "save_session",
]
