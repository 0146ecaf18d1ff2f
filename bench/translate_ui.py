"""Translation as the user sees it: first sentence on screen and GUI event-loop stalls.

Usage: python bench/translate_ui.py [--runs N] [--cache DIR]

Uses the synthetic real-size package of bench/translate.py (6+6 layers, d_model 512, int8,
32k vocabulary; built and cached on first use), installed into a temporary Argos packages
directory. Dari's real window runs offscreen with the 60-sentence article opened from a
.txt file; the model is loaded before timing ("with the model loaded"), the translation
memory is empty, and then the Translate action is triggered as a user would.

- first sentence on screen: from Translate to the moment the Korean pane holds its first
  sentence (measured on the GUI thread, after the pane was updated);
- stalls: a 5 ms QTimer runs on the GUI thread throughout; a stall is the delay of a tick
  beyond its interval. The maximum and the 99th percentile are printed.

Each run uses a fresh memory, so every sentence goes through the engine. Prints medians
over the runs. Targets: first sentence <= 0.8 s, no stall > 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

TICK_MS = 5


def run_once(package_archive: Path, article: list[list[str]], work: Path) -> dict[str, float]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.document.model import Lang
    from reader.settings import Settings
    from reader.translation.packages import PackageStore
    from reader.ui.main_window import MainWindow
    from reader.ui.translation_controller import TranslationController

    app = QApplication.instance()
    assert app is not None
    packages = work / "packages"
    if not packages.exists():
        PackageStore(packages).install_from_path(package_archive)
    memory = work / f"memory-{time.monotonic_ns()}.sqlite3"
    controller = TranslationController(packages, memory)
    window = MainWindow(Settings(work / "dari.ini"), translator=controller)
    window.resize(1280, 800)
    window.show()

    text = work / "article.txt"
    text.write_text("\n\n".join(" ".join(p) for p in article), encoding="utf-8")

    def wait_for(signal, timeout_ms: int = 60_000) -> None:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)

    window.open_path(text)
    wait_for(window.document_changed)
    engine = controller.resources.engine_for(Lang.EN, Lang.KO)
    assert engine is not None
    engine.load()
    controller.resources.memory()  # open (create) the memory before timing, as after start-up

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    first_on_screen: list[float] = []
    ko_view = window.panes[Lang.KO].view

    def on_applied(done: int, total: int) -> None:
        if not first_on_screen and ko_view.sentence_count:
            first_on_screen.append(time.perf_counter())

    controller.sentences_applied.connect(on_applied)
    timer.start()
    start = time.perf_counter()
    window.translate_action.trigger()
    wait_for(controller.job_finished)
    end = time.perf_counter()
    timer.stop()
    assert ko_view.sentence_count == sum(len(p) for p in article), ko_view.sentence_count

    gaps = [(b - a) * 1000 - TICK_MS for a, b in zip(ticks, ticks[1:], strict=False)]
    gaps.sort()
    window.close()
    window.deleteLater()
    return {
        "first": first_on_screen[0] - start,
        "wall": end - start,
        "stall_max": max(gaps) if gaps else 0.0,
        "stall_p99": gaps[int(len(gaps) * 0.99)] if gaps else 0.0,
        "ticks": len(ticks),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    default_cache = Path(tempfile.gettempdir()) / "dari-bench-translate"
    parser.add_argument("--cache", default=str(default_cache))
    args = parser.parse_args()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="dari-bench-ui-"))
    os.environ["DARI_CONFIG_DIR"] = str(work)
    os.environ["DARI_DATA_DIR"] = str(work / "data")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import translate as core  # bench/translate.py: the synthetic package and the article

    _folder, archive = core.build_package(Path(args.cache))
    article = core.make_article()

    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    results = [run_once(archive, article, work) for _ in range(args.runs)]
    del app

    def median(key: str) -> float:
        return statistics.median(r[key] for r in results)

    sentences = sum(len(p) for p in article)
    print(f"article: {sentences} sentences; package: {archive.name} (6+6 layers, d512, int8)")
    print(f"runs: {args.runs}")
    print(f"whole article in the window: median {median('wall'):.2f} s")
    print(f"first sentence on screen: median {median('first') * 1000:.0f} ms "
          f"(worst {max(r['first'] for r in results) * 1000:.0f} ms)")
    print(f"GUI stall: median of max {median('stall_max'):.1f} ms "
          f"(worst {max(r['stall_max'] for r in results):.1f} ms), "
          f"p99 {median('stall_p99'):.1f} ms, over {int(median('ticks'))} ticks of {TICK_MS} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
