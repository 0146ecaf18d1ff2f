"""Opening a large document: `load_any` time and peak memory on a generated 20 MB file.

Usage: python bench/open.py [--mb N] [--runs N] [--html] [--no-gui | --gui-only]
(with Dari installed, e.g. -e .)

Generates (from a fixed seed) N MB of English prose -- paragraphs of 2-8 sentences with
the things that make segmentation work: abbreviations (Mr., U.S., e.g.), numbers (3.5),
quotes and questions -- and times `load_any` (read, decode, split into paragraphs and
sentences, build the Document) in a fresh subprocess per run, so that peak RSS is the
load's own. With --html the same text is also written as an article page (one <p> per
paragraph, an <h2> every tenth, plus navigation and a footer) and timed the same way.

Prints, as medians of the runs:
    load 20 MB: N s             the text file
    peak RSS: N MB              of the process that loaded it (Python and imports included)
    progress gap: N ms          the longest time between two progress reports
    paragraphs: N, sentences: N
and, with --html, the same lines for the page, prefixed "html".

Then the GUI part (skipped with --no-gui): in a fresh process, Dari's real window runs
offscreen (1280x800, speech and glossary built after the first paint as in the app, the
bundled article open and the glossary loaded), and the text file is opened through
MainWindow.open_path, as File › Open does. A 5 ms QTimer ticks on the GUI thread from
the open until a second after the text is fully rendered; a stall is a tick's delay
beyond its interval (as in bench/translate_ui.py). Halfway through the rendering the
English pane is scrolled to the end of what is rendered and a sentence there is clicked
(made current), to time what a user does while the text streams in. Prints, as medians:
    first paint: N ms           from open_path to the first paint of the pane with the text
    fully rendered: N s         from open_path until every sentence is in the pane
    GUI stall max: N ms         the longest stall (and the 99th percentile)
    scroll and click while rendering: N ms
    GUI peak RSS: N MB          of the window's process
Targets (README): first paint <= 1 s, no stall > 100 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from reader.document.formats import load_any

marks = []
start = time.perf_counter()
document = load_any(Path(sys.argv[1]), progress=lambda d, t: marks.append(time.perf_counter()))
end = time.perf_counter()
points = [start, *marks, end]
print(json.dumps({
    "seconds": end - start,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "gap_ms": max(b - a for a, b in zip(points, points[1:])) * 1000,
    "paragraphs": len(document.paragraphs),
    "sentences": document.unit_count,
}))
"""

GUI_CHILD = r"""
import json, os, resource, sys, tempfile, time
from pathlib import Path

work = Path(tempfile.mkdtemp(prefix="dari-bench-open-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DARI_CONFIG_DIR"] = str(work)
os.environ["DARI_DATA_DIR"] = str(work / "data")
from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([])
import gc
pauses = []
def _gc(phase, info, t=[0.0]):
    if phase == "start":
        t[0] = time.perf_counter()
    elif time.perf_counter() - t[0] > 0.05:
        pauses.append(round((time.perf_counter() - t[0]) * 1000))
gc.callbacks.append(_gc)
from reader.document.model import Lang
from reader.settings import Settings
from reader.ui.main_window import MainWindow

def wait(signal, timeout_ms=120_000):
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)

window = MainWindow(Settings(work / "dari.ini"), defer_extras=True)
window.resize(1280, 800)
window.show()
window.open_bundled_article()
wait(window.extras_ready)
if not window.glossary.ready:
    wait(window.glossary.loaded)
view = window.panes[Lang.EN].view
marks = {}

class PaintWatch(QObject):
    def eventFilter(self, watched, event):
        if (event.type() == QEvent.Type.Paint and "paint" not in marks and "open" in marks
                and window.document is not None and window.document.path == PATH
                and view.sentence_count):
            marks["paint"] = time.perf_counter()
        return False

PATH = Path(sys.argv[1])
watch = PaintWatch()
view.viewport().installEventFilter(watch)
ticks = []
timer = QTimer()
timer.setInterval(5)
timer.timeout.connect(lambda: ticks.append(time.perf_counter()))

def on_finished():  # (the start of the text, shown while the rest loads, does not count)
    if (window.document is not None and window.document.path == PATH
            and not window.opener.loading and not view.is_rendering):
        marks.setdefault("rendered", time.perf_counter())

def interact():
    # what a user might do while the text streams in: scroll down and click a sentence
    if not view.sentence_count:
        QTimer.singleShot(100, interact)
        return
    start = time.perf_counter()
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    index = view.sentence_count - 1
    window.linker.set_current(Lang.EN, index)
    app.processEvents()
    marks["interaction"] = time.perf_counter() - start

view.rendering_finished.connect(on_finished)
timer.start()
marks["open"] = time.perf_counter()
window.open_path(PATH)
QTimer.singleShot(2000, interact)
while "rendered" not in marks:
    wait(view.rendering_finished)
end = time.perf_counter() + 1.0
while time.perf_counter() < end:
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
timer.stop()
gaps = sorted((b - a) * 1000 - 5 for a, b in zip(ticks, ticks[1:]))
if os.environ.get("DARI_BENCH_TRACE"):
    for a, b in zip(ticks, ticks[1:]):
        if b - a > 0.05:
            sys.stderr.write(f"stall {1000 * (b - a):.0f} ms at {a - marks['open']:.2f} s\n")
    relative = {k: v - marks["open"] for k, v in marks.items() if k != "interaction"}
    sys.stderr.write(f"marks: {relative}\n")
print(json.dumps({
    "first_paint_ms": (marks["paint"] - marks["open"]) * 1000,
    "rendered_s": marks["rendered"] - marks["open"],
    "stall_max_ms": gaps[-1],
    "stall_p99_ms": gaps[int(len(gaps) * 0.99)],
    "ticks": len(ticks),
    "interaction_ms": marks.get("interaction", float("nan")) * 1000,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "sentences": view.sentence_count,
    "gc_pauses_over_50ms": len(pauses),
}))
"""

WORDS = ["river", "bridge", "village", "morning", "water", "flood", "volunteers", "sandbags",
         "evening", "mayor", "speech", "farmer", "road", "house", "field", "storm", "rain",
         "week", "council", "report", "engineer", "market", "school", "children", "teacher",
         "train", "station", "harbour", "boat", "fisherman", "winter", "light"]  # fmt: skip
FILLER = ["the", "a", "of", "and", "to", "in", "was", "that", "he", "she", "it", "for", "on",
          "with", "as", "by", "from", "at", "his", "her", "they"]  # fmt: skip
OPENERS = ["Mr. Kim", "Dr. Lee", "The U.S. embassy", "By 3.5 p.m. the crowd", "She", "They",
           "In the end, everyone", "A spokesman, e.g. for the council,"]  # fmt: skip


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) if rng.random() < 0.4 else rng.choice(FILLER)
             for _ in range(rng.randint(6, 20))]  # fmt: skip
    kind = rng.random()
    body = f"{rng.choice(OPENERS)} {' '.join(words)}"
    if kind < 0.1:
        return f"“Why {' '.join(words[:6])}?” {rng.choice(['he', 'she'])} asked."
    if kind < 0.2:
        return f"{body} about {rng.randint(2, 900)}.{rng.randint(0, 9)} per cent?"
    return f"{body}."


def generate(path: Path, megabytes: float, html: bool) -> None:
    rng = random.Random(20240517)
    target = int(megabytes * 1024 * 1024)
    parts: list[str] = []
    size = 0
    if html:
        head = ("<!doctype html><html><head><meta charset='utf-8'><title>Big | Bench</title>"
                "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
                "<article><h1>Big</h1>")  # fmt: skip
        parts.append(head)
        size = len(head)
    n = 0
    while True:  # stay under the target: 20 MB is also the limit for a text file
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 8)))
        if html:
            heading = f"<h2>Section {n // 10}</h2>\n" if n % 10 == 0 else ""
            piece = f"{heading}<p>{paragraph}</p>\n"
        else:
            piece = paragraph + "\n\n"
        if size + len(piece.encode()) > target - 100:
            break
        parts.append(piece)
        size += len(piece.encode())
        n += 1
    if html:
        parts.append("</article><footer>Copyright Bench</footer></body></html>")
    path.write_text("".join(parts), encoding="utf-8")


def measure(path: Path, runs: int, child: str = CHILD) -> dict[str, float]:
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", child, str(path)], capture_output=True, text=True, timeout=900
        )
        if out.returncode:
            raise SystemExit(f"loading {path.name} failed:\n{out.stderr}")
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def report(label: str, megabytes: float, figures: dict[str, float]) -> None:
    prefix = f"{label} " if label else ""
    print(f"{prefix}load {megabytes:g} MB: {figures['seconds']:.2f} s")
    print(f"{prefix}peak RSS: {figures['rss_mb']:.0f} MB")
    print(f"{prefix}progress gap: {figures['gap_ms']:.0f} ms")
    print(f"{prefix}paragraphs: {figures['paragraphs']:.0f}, sentences: {figures['sentences']:.0f}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--html", action="store_true", help="also time a page of that size")
    parser.add_argument("--no-gui", action="store_true", help="skip the GUI part")
    parser.add_argument("--gui-only", action="store_true", help="only the GUI part")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "big.txt"
        generate(text, args.mb, html=False)
        if not args.gui_only:
            report("", args.mb, measure(text, args.runs))
            if args.html:
                page = Path(tmp) / "big.html"
                generate(page, args.mb, html=True)
                report("html", args.mb, measure(page, args.runs))
        if not args.no_gui:
            figures = measure(text, args.runs, GUI_CHILD)
            print(f"first paint: {figures['first_paint_ms']:.0f} ms")
            print(f"fully rendered: {figures['rendered_s']:.1f} s")
            print(f"GUI stall max: {figures['stall_max_ms']:.0f} ms "
                  f"(p99 {figures['stall_p99_ms']:.0f} ms, over {figures['ticks']:.0f} ticks "
                  f"of 5 ms)")
            print(f"scroll and click while rendering: {figures['interaction_ms']:.0f} ms")
            print(f"GUI peak RSS: {figures['rss_mb']:.0f} MB")
            print(f"sentences in the pane: {figures['sentences']:.0f}; "
                  f"cycle-collector pauses over 50 ms: {figures['gc_pauses_over_50ms']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
