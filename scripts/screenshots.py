"""Render Dari's window offscreen to PNG files under docs/ (for the README and review).

Usage: python scripts/screenshots.py [out_dir] [name.png ...]

Writes main-window.png (default), large-type-800x600.png (200% type in an 800x600 window),
high-contrast.png, korean-ui.png and session-mode.png, all with the bundled article, and
library.png (File › Library, with a recent file and one on a drive not plugged in) and
handout-dialog.png (File › Export Handout…). Names after the folder write only those.
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


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else paths.bundled_root() / "docs"
    out.mkdir(parents=True, exist_ok=True)
    wanted = set(sys.argv[2:])
    if wanted - {"library.png", "handout-dialog.png"}:
        sys.exit("only library.png and handout-dialog.png can be written alone")
    app = QApplication([])
    if wanted:  # only these
        dialogs(out, wanted)
        print(f"wrote {', '.join(sorted(wanted))} to {out}")
        return 0
    dialogs(out, {"library.png", "handout-dialog.png"})

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
