"""Running plain-Python work off the GUI thread and getting its result back as a signal.

A worker running Python holds the interpreter lock for up to the switch interval (5 ms
by default) each time the GUI thread asks for it, and the GUI thread asks at every event
it handles in Python: loading a 20 MB text in the background then stalled the window
for 100–400 ms at a time. So the first task started shortens the interval to
``SWITCH_INTERVAL_S`` for the whole process (the cost: more lock hand-overs, a few per
cent of a worker's speed).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

SWITCH_INTERVAL_S = 0.001


class TaskSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)  # the function's result
    failed = Signal(object)  # the exception
    cancelled = Signal()


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    def __call__(self) -> bool:
        return self._event.is_set()


class Task(QRunnable):
    """Runs ``fn(*args, **kwargs)`` on the global thread pool.

    The signals object lives on the thread that created the task (the GUI thread), so the
    connected slots run there; the worker only emits. The pool owns and deletes the C++
    runnable when ``run`` returns (auto-delete): a runnable kept alive only by a Python
    reference could be freed by a slot dropping that reference while the worker thread is
    still returning from ``run``. Callers keep the Python object for ``token`` and
    ``signals``, which are plain Python attributes and stay valid.
    """

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.signals = TaskSignals()
        self.token = CancelToken()
        self._fn, self._args, self._kwargs = fn, args, kwargs

    @classmethod
    def reporting(cls, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Task:
        """A task whose `fn` is also given ``progress=`` (emits ``signals.progress``) and
        ``cancelled=`` (the task's token), as ``formats.load_any`` takes them."""
        task = cls(fn, *args, **kwargs)
        task._kwargs.update(progress=task.signals.progress.emit, cancelled=task.token)
        return task

    def cancel(self) -> None:
        self.token.cancel()

    def run(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except Exception as exc:  # noqa: BLE001 - reported through the error channel
            self.signals.failed.emit(exc)
            return
        if self.token():
            self.signals.cancelled.emit()
        else:
            self.signals.finished.emit(result)

    def start(self, pool: QThreadPool | None = None) -> Task:
        if sys.getswitchinterval() > SWITCH_INTERVAL_S:
            sys.setswitchinterval(SWITCH_INTERVAL_S)
        # Keep the signals object alive until its last signal has been delivered, even if
        # the caller drops the task: the queued signals need their source to exist.
        signals = self.signals
        _LIVE.add(signals)
        for signal in (signals.finished, signals.failed):
            signal.connect(lambda _value, s=signals: _LIVE.discard(s))
        signals.cancelled.connect(lambda s=signals: _LIVE.discard(s))
        (pool or QThreadPool.globalInstance()).start(self)
        return self


_LIVE: set[TaskSignals] = set()
