"""Render Dari's window offscreen to PNG files under docs/ (for the README and review).

Usage: python scripts/screenshots.py [out_dir] [name.png ...]

Writes main-window.png (default), large-type-800x600.png (200% type in an 800x600 window),
high-contrast.png, korean-ui.png and session-mode.png, all with the bundled article, and
library.png (File › Library, with a recent file and one on a drive not plugged in),
handout-dialog.png (File › Export Handout…) and long-text.png (a 3 MB text, too tall to lay
out whole, two thirds of the way down by its document bar). Names after the folder write
only those.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_TMP = tempfile.mkdtemp(prefix="dari-shots-")
os.environ["DARI_CONFIG_DIR"] = _TMP
os.environ["DARI_DATA_DIR"] = str(Path(_TMP) / "data")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader import paths  # noqa: E402
from reader.app import install_translators  # noqa: E402
from reader.document.model import Lang  # noqa: E402
from reader.settings import Settings  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402


def settle(seconds: float = 0.4) -> None:
    """Run the event loop for a while (QApplication.processEvents in a Python loop is
    avoided: see tests/test_qt_binding.py)."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def window(name: str, size: tuple[int, int], **prefs: object) -> MainWindow:
    settings = Settings(Path(_TMP) / f"{name}.ini")
    for key, value in prefs.items():
        settings.set(key, value)
    win = MainWindow(settings)
    win.resize(*size)
    win.show()
    win.open_bundled_article()
    settle(1.2)  # the glossary loads in the background and marks the panes
    win.linker.set_current(Lang.EN, 4)
    settle()
    return win


def dialogs(out: Path, wanted: set[str]) -> None:
    """The Library and the handout options, over the window, as a user sees them."""
    if not wanted & {"library.png", "handout-dialog.png"}:
        return
    examples = Path(tempfile.gettempdir()) / "dari-examples"  # a steady path to show
    examples.mkdir(exist_ok=True)
    recent = examples / "flood-notice.txt"
    recent.write_text("The river rose overnight. Nobody could remember a flood like it.\n")
    win = window("dialogs", (1280, 800), **{
        "state/recent_files": [str(recent), "/media/usb-drive/letter-from-hanawon.docx"]})
    if "library.png" in wanted:
        win.opener.show_library()
        settle()
        library = win.opener.library
        assert library is not None
        library.grab().save(str(out / "library.png"))
        library.reject()
    if "handout-dialog.png" in wanted:
        win.handouts.ask_options("export")
        settle()
        handout = win.handouts.dialog
        assert handout is not None
        handout.grab().save(str(out / "handout-dialog.png"))
        handout.reject()
    win.close()


def long_text(out: Path) -> None:
    """A text too tall for Qt to lay out whole: shown a window at a time, with the
    document bar over the pane's scroll bar."""
    path = Path(tempfile.gettempdir()) / "dari-examples" / "river-report.txt"
    path.parent.mkdir(exist_ok=True)
    paragraph = ("The river rose {n} centimetres overnight, and the volunteers filled "
                 "sandbags by the bridge until the morning. Paragraph {n} of the report "
                 "says the mayor thanked them. Nobody could remember a flood like it.")
    path.write_text("\n\n".join(paragraph.format(n=n) for n in range(1, 16_001)) + "\n")
    win = window("long", (1280, 800))
    win.open_path(path)
    view = win.panes[Lang.EN].view
    for _ in range(200):
        if (not win.opener.loading and win.document is not None
                and win.document.path == path and not view.is_rendering):
            break
        settle(0.1)
    assert view.windowed, "the text is not tall enough to be shown a window at a time"
    bar = view.position_bar()
    bar.setValue(bar.maximum() * 2 // 3)
    anchor = view.anchor()
    win.linker.set_current(Lang.EN, anchor.index + 4 if anchor else 0)
    settle()
    win.grab().save(str(out / "long-text.png"))
    win.close()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else paths.bundled_root() / "docs"
    out.mkdir(parents=True, exist_ok=True)
    wanted = set(sys.argv[2:])
    alone = {"library.png", "handout-dialog.png", "long-text.png"}
    if wanted - alone:
        sys.exit(f"only {', '.join(sorted(alone))} can be written alone")
    app = QApplication([])
    if wanted:  # only these
        dialogs(out, wanted)
        if "long-text.png" in wanted:
            long_text(out)
        print(f"wrote {', '.join(sorted(wanted))} to {out}")
        return 0
    dialogs(out, {"library.png", "handout-dialog.png"})
    long_text(out)

    shots = {
        "main-window.png": window("default", (1280, 800)),
        "large-type-800x600.png": window(
            "large", (800, 600), **{"pref/font_size_en": 28, "pref/font_size_ko": 28}
        ),
    }
    for name, win in shots.items():
        win.grab().save(str(out / name))
        win.close()

    contrast = window("contrast", (1280, 800), **{"pref/theme": "high-contrast"})
    contrast.grab().save(str(out / "high-contrast.png"))
    contrast.close()
    window("reset", (400, 300), **{"pref/theme": "light"}).close()

    session = window("session", (1280, 800))
    session.reading.set_session_mode(True)
    session.linker.set_current(Lang.KO, 2)
    session.reading.reveal_current()
    session.linker.set_current(Lang.KO, 3)
    settle()
    session.grab().save(str(out / "session-mode.png"))
    session.reading.set_session_mode(False)
    session.close()

    install_translators(app, "ko")
    korean = window("korean", (1280, 800))
    korean.grab().save(str(out / "korean-ui.png"))
    korean.close()
    print(f"wrote screenshots to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
