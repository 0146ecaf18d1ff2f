"""Render Dari's window offscreen to PNG files under docs/ (for the README and review).

Usage: QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [out_dir]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DARI_CONFIG_DIR", tempfile.mkdtemp(prefix="dari-shots-"))

from PySide6.QtWidgets import QApplication  # noqa: E402

from reader import paths  # noqa: E402
from reader.document.article import load_article  # noqa: E402
from reader.document.model import Lang  # noqa: E402
from reader.settings import Settings  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else paths.bundled_root() / "docs"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    window = MainWindow(Settings(Path(os.environ["DARI_CONFIG_DIR"]) / "dari.ini"))
    window.resize(1280, 800)
    window.show()
    window.set_document(load_article(paths.bundled_article()))
    settle(app)
    window.linker.set_current(Lang.EN, 4)
    settle(app)
    window.grab().save(str(out / "main-window.png"))
    window.resize(800, 600)
    settle(app)
    window.grab().save(str(out / "main-window-800x600.png"))
    print(f"wrote screenshots to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
