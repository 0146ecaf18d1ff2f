"""Started as the app starts it (speech, the glossary and the documents layer built just
after the first frame), the window still loads its glossary and opens files."""

from __future__ import annotations

from pathlib import Path

from reader.document.model import Lang
from reader.ui.main_window import MainWindow


def test_the_glossary_loads_when_built_after_the_window_is_shown(
    qtbot, settings, tmp_path: Path
) -> None:
    window = MainWindow(settings, defer_extras=True)
    qtbot.addWidget(window)
    window.show()
    window.open_bundled_article()
    qtbot.waitSignal(window.extras_ready, timeout=5000).wait()
    assert window.glossary is not None
    qtbot.waitUntil(lambda: window.glossary.ready, timeout=20000)  # no Show event came
    assert window.panes[Lang.EN].view.marks  # the terms are underlined
    path = tmp_path / "note.txt"
    path.write_text("The counsellor met the client at Hanawon.")
    with qtbot.waitSignal(window.load_settled, timeout=10000):
        window.open_path(path)
    assert window.panes[Lang.EN].view.sentence_text(0) == path.read_text()
