"""Dari's main window as the UI tests start it: shown (offscreen), sized, and closed with
the test."""

from __future__ import annotations

from typing import Any

from reader.settings import Settings
from reader.ui.main_window import MainWindow


def shown_window(
    qtbot: Any, settings: Settings, size: tuple[int, int] | None = (1100, 700), **options: Any
) -> MainWindow:
    """A MainWindow on screen and exposed, `size` unless None; `options` go to MainWindow."""
    win = MainWindow(settings, **options)
    qtbot.addWidget(win)
    if size is not None:
        win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    return win
