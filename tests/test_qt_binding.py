"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 drops a reference to None on every call of a void method (widget.update(),
label.setText(...), processEvents()...). On Python 3.11, where None is not immortal, the
process then aborts with "deallocating None" after a few thousand calls — at a random
moment in the app or the test suite. pyproject.toml excludes that release; this test
fails loudly if such a build comes back."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qapp) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        label.update()
    assert before - sys.getrefcount(None) < 200
