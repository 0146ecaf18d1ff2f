"""A ReadingSequence listener for tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from reader.speech.sequence import Event

E = TypeVar("E")


class Recorder:
    """A ReadingSequence listener that keeps every event with the time it arrived."""

    def __init__(self) -> None:
        self.events: list[tuple[float, Event]] = []
        self._changed = threading.Condition()

    def __call__(self, event: Event) -> None:
        with self._changed:
            self.events.append((time.monotonic(), event))
            self._changed.notify_all()

    def of(self, kind: type[E]) -> list[E]:
        with self._changed:
            return [event for _, event in self.events if isinstance(event, kind)]

    def wait_for(
        self, predicate: Callable[[Event], bool], timeout: float = 30.0, after: int = 0
    ) -> tuple[float, Event]:
        """The first event from index `after` on that satisfies `predicate`."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for stamp, event in self.events[after:]:
                    if predicate(event):
                        return stamp, event
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"no such event; got {[e for _, e in self.events]}")
                self._changed.wait(remaining)

    def __len__(self) -> int:
        with self._changed:
            return len(self.events)
