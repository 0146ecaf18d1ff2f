"""Start-up: command line, QApplication, translators, settings, then the window.

Nothing heavy is imported here: translation engines, speech and model management load
when first used, so the window paints as fast as a bare Qt window (bench/startup.py).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

import reader
from reader import paths


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="dari", description="Read English and Korean side by side."
    )
    parser.add_argument(
        "file", nargs="?", type=Path,
        help="a document to open (.txt, .md, .html, .docx, .epub, .pdf) or a session (.dari)",
    )
    parser.add_argument(
        "--quit-after-paint", action="store_true",
        help="open, paint the window once and exit (for smoke tests and benchmarks)",
    )
    parser.add_argument("--lang", choices=["en", "ko"], help="interface language")
    return parser.parse_args(list(argv))


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load Dari's own strings and Qt's, for `language` or the system locale."""
    locale = QLocale(language) if language else QLocale.system()
    installed = []
    for name, directory in (
        ("dari", str(paths.translations_dir())),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", directory):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


class _QuitAfterPaint(QObject):
    """Quits once the window has painted after the first load has settled."""

    def __init__(self, app: QApplication, window: QObject) -> None:
        super().__init__(window)
        self._app = app
        self._armed = False
        self._window = window

    def arm(self) -> None:
        # On the window alone, which update() repaints with the rest: a filter on every
        # widget (allWidgets()) or on the application makes PySide work out the Python
        # class of each object it sees, ~20 ms of types that Dari's first frame needs none of.
        self._armed = True
        self._window.installEventFilter(self)
        self._window.update()  # type: ignore[attr-defined]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._armed and event.type() == QEvent.Type.Paint:
            self._armed = False
            self._window.removeEventFilter(self)
            print(f"first paint: {time.time():.6f}", flush=True)
            QTimer.singleShot(0, self._app.quit)
        return False


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO, format="dari: %(levelname)s: %(message)s")
    QApplication.setApplicationName(reader.APP_NAME)
    QApplication.setOrganizationName(reader.ORG_NAME)
    QApplication.setOrganizationDomain(reader.ORG_DOMAIN)
    QApplication.setApplicationVersion(reader.__version__)
    # Fusion draws with the palette everywhere (high contrast needs that); asked for here,
    # the first frame is drawn with it (see themes.apply_theme).
    app = QApplication([*sys.argv[:1], "-style", "Fusion"])

    from reader.settings import Settings
    from reader.ui.main_window import MainWindow

    settings = Settings()
    install_translators(app, args.lang or settings.get("pref/language"))
    window = MainWindow(settings, defer_extras=True)
    if args.quit_after_paint:
        quitter = _QuitAfterPaint(app, window)
        window.load_settled.connect(quitter.arm)
    window.show()
    QTimer.singleShot(2000, window.translator.start_housekeeping)
    if args.file is not None:
        window.open_path(args.file)
    else:
        window.open_bundled_article()
    return app.exec()
