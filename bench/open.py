"""Opening a large document: a generated 20 MB text through Dari's real window.

Usage: python bench/open.py [--mb N] [--runs N] [--lang en|ko] [--html] [--no-gui | --gui-only]
(with Dari installed, e.g. -e .)

Generates (from a fixed seed) N MB of English prose -- paragraphs of 2-8 sentences with
what makes segmentation work: abbreviations (Mr., U.S., e.g.), numbers (3.5), quotes and
questions -- or, with --lang ko, Korean prose (endings 다. 요. 까?, quotatives “…?” 하고,
numbers, English words with particles, sentences glued as in …했다.그는).

The GUI part runs each time in a fresh process: Dari's real window offscreen (1280x800,
speech and glossary built after the first paint as in the app, the bundled article open
and the glossary loaded); then the file is opened through MainWindow.open_path, as
File › Open does. A 5 ms timer ticks on the GUI thread throughout; a stall is a tick's
delay beyond its interval. Two seconds in, while the text streams in, the pane is
scrolled to the end of what is rendered and the last sentence there is clicked, then
scrolled back to the start, where the rest streams in below the part being read. Once
all is rendered and a second has passed, the pane is scrolled through the whole text
(100 jumps as when dragging the thumb, 60 page steps, 60 wheel turns) and sentences are
linked (at 40 places: a hover, a click, then 5 x Alt+Down), and at 10 places the pointer
moves down the pane, 3 pixels every 8 ms, over text and the gaps between paragraphs. Each
of those steps is timed from the input event to the end of the repaint of the pane it
changed. The scrolling uses the bar the reader sees (`SentenceView.position_bar`: the
document bar once a text is windowed), so the jumps move the window. Prints:

    first paint           open_path to the first paint of the pane with the text
    fully segmented       open_path until the whole document is in the window
    fully rendered        open_path until the pane has rendered all it will show
    GUI stall max         the longest stall while opening (and the 99th percentile)
    scroll step max       the slowest of the scrolling steps (and the median)
    link step max         the slowest hover, click or Alt+Down (and the median)
    pointer move max      the slowest mouse move (and the median)
    GUI stall max while scrolling and linking
    text shown            the share of the sentences on screen at the end of the scroll
                          bar the reader sees (a tall text is laid out a window at a time,
                          and its document bar spans it all: reader/ui/paragraph_window.py)
    peak RSS              of the window's process, and its RSS before opening

each as the median of the runs, with every run's figure and the target. Without --gui-only
it first times `load_any` alone (read, decode, segment), in a fresh process per run. With
--html the same text is also written as an article page and timed that way.
DARI_BENCH_TRACE=1 writes each stall over 50 ms and the GUI thread's Python stack during it
to stderr. Targets (README): first paint <= 1 s, no stall > 100 ms, no step > 100 ms,
all the text shown.
"""

from __future__ import annotations

import argparse
import json
import os
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
import json, os, resource, statistics, sys, tempfile, threading, time, traceback
from pathlib import Path

work = Path(tempfile.mkdtemp(prefix="dari-bench-open-"))
os.environ["DARI_CONFIG_DIR"] = str(work)
os.environ["DARI_DATA_DIR"] = str(work / "data")
from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent, QTextCursor, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSlider, QApplication

app = QApplication([])
from reader.document.model import Lang
from reader.settings import Settings
from reader.ui.main_window import MainWindow

PATH, LANG = Path(sys.argv[1]), Lang(sys.argv[2])
TRACE = bool(os.environ.get("DARI_BENCH_TRACE"))
TICK_MS = 5
GUI_THREAD = threading.get_ident()
marks = {}


def rss_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024


def run_until(done, timeout_s=600):
    # the event loop runs (no processEvents loop) until done() is true
    loop, check = QEventLoop(), QTimer()
    check.timeout.connect(lambda: done() and loop.quit())
    check.start(20)
    QTimer.singleShot(timeout_s * 1000, loop.quit)
    loop.exec()
    check.stop()
    if not done():
        sys.exit(f"timed out after {timeout_s} s")


class Ticks:
    # a tick every TICK_MS on the GUI thread; with TRACE, a watchdog thread prints the GUI
    # thread's stack whenever a tick is 50 ms late
    def __init__(self):
        self.times, self.timer = [], QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))

    def start(self):
        self.times, self.running = [time.perf_counter()], threading.Event()
        self.timer.start(TICK_MS)
        if TRACE:
            threading.Thread(target=self._watch, args=(self.running,), daemon=True).start()

    def stop(self):
        self.timer.stop()
        self.running.set()
        self.times.append(time.perf_counter())
        gaps = sorted((1000 * (b - a) - TICK_MS, a) for a, b in zip(self.times, self.times[1:]))
        if TRACE:
            worst = ", ".join(f"{ms:.0f} ms at {at - marks['open']:.2f} s" for ms, at in gaps[-3:])
            sys.stderr.write(f"longest stalls: {worst}; marks: " + ", ".join(
                f"{k} {v - marks['open']:.2f} s" for k, v in marks.items() if k != "open"
                and not k.endswith("_ms")) + "\n")
        return max(0.0, gaps[-1][0]), max(0.0, gaps[int(len(gaps) * 0.99)][0])

    def _watch(self, stopped):
        reported = (None, 0.0)
        while not stopped.wait(0.01):
            last = self.times[-1]
            late = time.perf_counter() - last
            if late > 0.05 and (last != reported[0] or late > reported[1] + 0.1):
                reported = (last, late)
                frame = sys._current_frames().get(GUI_THREAD)
                stack = "".join(traceback.format_stack(frame, limit=8)) if frame else ""
                sys.stderr.write(f"stalled {1000 * late:.0f} ms at "
                                 f"{last - marks['open']:.2f} s:\n{stack}\n")


def log_gc(phase, info, started=[0.0]):  # (with TRACE) collections over 20 ms
    if phase == "start":
        started[0] = time.perf_counter()
    elif time.perf_counter() - started[0] > 0.02 and "open" in marks:
        took = 1000 * (time.perf_counter() - started[0])
        sys.stderr.write(f"gc generation {info['generation']}: {took:.0f} ms at "
                         f"{started[0] - marks['open']:.2f} s ({info['collected']} freed)\n")


if TRACE:
    import gc
    gc.callbacks.append(log_gc)
window = MainWindow(Settings(work / "dari.ini"), defer_extras=True)
window.resize(1280, 800)
window.show()
window.open_bundled_article()
run_until(lambda: window.glossary is not None and window.glossary.ready)
view = window.panes[LANG].view
ticks = Ticks()


class PaintWatch(QObject):
    def eventFilter(self, watched, event):
        if (event.type() == QEvent.Type.Paint and "open" in marks and "paint" not in marks
                and window.document is not None and window.document.path == PATH
                and view.sentence_count):
            marks["paint"] = time.perf_counter()
        return False


def on_document_changed(document):
    if document.path == PATH and not window.opener.loading:
        marks.setdefault("loaded", time.perf_counter())  # the whole text, not its start


def on_rendering_finished():
    if "loaded" in marks and not view.is_rendering:
        marks.setdefault("rendered", time.perf_counter())


def point_in(index):
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._starts[index] + 1)
    rect = view.cursorRect(cursor)
    return QPoint(rect.right() + 1, rect.center().y())


def timed(action):
    # an input, and the repaint of the panes showing text (the frame the user sees)
    start = time.perf_counter()
    action()
    for pane in window.panes.values():
        if pane.view.isVisible():
            pane.view.viewport().repaint()
    return 1000 * (time.perf_counter() - start)


def while_rendering():
    if "rendered" in marks:
        return
    def scroll_and_click():
        bar = view.position_bar()
        bar.setValue(bar.maximum())
        index = view.sentence_count - 1
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_in(index))
    marks["while_rendering_ms"] = timed(scroll_and_click)
    QTimer.singleShot(200, lambda: view.position_bar().setValue(0))  # back to the start


watch = PaintWatch()
view.viewport().installEventFilter(watch)
window.document_changed.connect(on_document_changed)
view.rendering_finished.connect(on_rendering_finished)
rss_before = rss_mb()
ticks.start()
marks["open"] = time.perf_counter()
window.open_path(PATH)
QTimer.singleShot(2000, while_rendering)
run_until(lambda: "rendered" in marks)
settled = time.perf_counter() + 1.0
run_until(lambda: time.perf_counter() >= settled)
stall_max, stall_p99 = ticks.stop()

# how much of the text can be read: the last sentence on screen at the scroll bar's end
bar = view.position_bar()
bar.setValue(bar.maximum())
last_shown = -1
for y in range(view.viewport().height() - 1, 0, -2):
    for x in range(20, view.viewport().width(), 20):
        last_shown = max(last_shown, view.sentence_at(QPoint(x, y)))
    if last_shown >= 0:
        break
bar.setValue(0)

# -- after the load: scrolling and linking, one step at a time with the loop running between
bar = view.position_bar()
middle = view.viewport().rect().center()
def wheel():
    event = QWheelEvent(QPointF(middle), QPointF(view.viewport().mapToGlobal(middle)),
                        QPoint(), QPoint(0, -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)
def hover(point=None):
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(point or point_in(visible_sentence())),
                        QPointF(), Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)
def crossing():  # the pointer moving down the pane: over text, and between paragraphs
    return [lambda y=y: hover(QPoint(middle.x(), y))
            for y in range(0, view.viewport().height(), 3)]
def visible_sentence():
    for dy in (0, 12, -12, 24, -24, 48, -48, 96, -96):
        index = view.sentence_at(middle + QPoint(0, dy))
        if index >= 0:
            return index
    raise AssertionError("no sentence in the middle of the pane")
def click():
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_in(visible_sentence()))
moved = []
def alt_down():
    before = window.linker.current
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    moved.append(window.linker.current != before)

scroll_steps = [lambda v=round(bar.maximum() * k / 99): bar.setValue(v) for k in range(100)]
scroll_steps.append(lambda: bar.setValue(bar.maximum() // 3))
scroll_steps += [lambda: bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)] * 60
scroll_steps.append(lambda: bar.setValue(2 * bar.maximum() // 3))
scroll_steps += [wheel] * 60
link_steps = []
for k in range(40):
    link_steps.append(lambda v=round(bar.maximum() * k / 40): bar.setValue(v))  # (untimed)
    link_steps += [hover, click] + [alt_down] * 5
link_steps = [("link" if s in (hover, click, alt_down) else "", s, 20) for s in link_steps]
for k in range(10):  # (a move every 8 ms, as from a mouse)
    link_steps.append(("", lambda v=round(bar.maximum() * (k + 0.5) / 10): bar.setValue(v), 20))
    link_steps += [("move", move, 8) for move in crossing()]
window.activateWindow()
view.setFocus()
times = {"scroll": [], "link": [], "move": []}
steps = [("scroll", s, 20) for s in scroll_steps] + link_steps
ticks.start()
def next_step():
    kind, step, pause_ms = steps.pop(0)
    took = timed(step)
    if kind:
        times[kind].append(took)
    if steps:
        QTimer.singleShot(pause_ms, next_step)
QTimer.singleShot(20, next_step)
run_until(lambda: not steps)
interaction_stall, _p99 = ticks.stop()
assert all(moved), "Alt+Down did not step"
print(json.dumps({
    "first_paint_ms": (marks["paint"] - marks["open"]) * 1000,
    "loaded_s": marks["loaded"] - marks["open"],
    "rendered_s": marks["rendered"] - marks["open"],
    "stall_max_ms": stall_max,
    "stall_p99_ms": stall_p99,
    "while_rendering_ms": marks.get("while_rendering_ms", float("nan")),
    "scroll_max_ms": max(times["scroll"]),
    "scroll_median_ms": statistics.median(times["scroll"]),
    "link_max_ms": max(times["link"]),
    "link_median_ms": statistics.median(times["link"]),
    "move_max_ms": max(times["move"]),
    "move_median_ms": statistics.median(times["move"]),
    "interaction_stall_ms": interaction_stall,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "rss_before_mb": rss_before,
    "sentences": window.document.sentence_count(LANG),
    "shown_pc": 100 * (last_shown + 1) / window.document.sentence_count(LANG),
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

KO_WORDS = ["강", "다리", "마을", "아침", "물", "홍수", "모래주머니", "저녁", "시장", "연설",
            "농부", "길", "집", "들판", "폭풍", "비", "의회", "보고서", "기술자", "학교",
            "아이들", "선생님", "기차", "역", "항구", "배", "어부", "겨울", "빛", "하나원",
            "탈북민", "NVIDIA", "ChatGPT"]  # fmt: skip
KO_PARTICLES = ["은", "는", "이", "가", "을", "를", "에", "에서", "으로", "와", "의", "도"]
KO_OPENERS = ["김 씨는", "이 박사는", "미국 대사관은", "오후 3.5시쯤 사람들은", "그녀는",
              "주민들은", "결국 모두가", "의회 대변인은"]  # fmt: skip
KO_ENDINGS = ["갔다.", "보았다.", "말했다.", "있었다.", "기다렸다.", "시작했습니다.",
              "돌아왔어요.", "끝났죠."]  # fmt: skip


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


def ko_sentence(rng: random.Random) -> str:
    words = " ".join(rng.choice(KO_WORDS) + rng.choice(KO_PARTICLES)
                     for _ in range(rng.randint(3, 9)))  # fmt: skip
    kind = rng.random()
    if kind < 0.1:
        return f"“왜 {words} 갔을까?” 하고 {rng.choice(['그가', '그녀가'])} 물었다."
    if kind < 0.2:
        share = f"{rng.randint(2, 900)}.{rng.randint(0, 9)}"
        return f"{rng.choice(KO_OPENERS)} {words} 약 {share}퍼센트였나요?"
    if kind < 0.25:
        return f"{rng.choice(KO_OPENERS)} {words} 갔다.그는 {rng.choice(KO_ENDINGS)}"
    return f"{rng.choice(KO_OPENERS)} {words} {rng.choice(KO_ENDINGS)}"


def generate(path: Path, megabytes: float, html: bool, lang: str = "en") -> None:
    rng = random.Random(20240517)
    make = ko_sentence if lang == "ko" else sentence
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
        paragraph = " ".join(make(rng) for _ in range(rng.randint(2, 8)))
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


def child_env(tmp: str) -> dict[str, str]:
    """Offscreen Qt, and bytecode cached (see `warm_up`) as on a user's machine: this
    shell sets PYTHONDONTWRITEBYTECODE, which would have every run compile every module."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=f"{tmp}/pycache")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def warm_up(env: dict[str, str], tmp: str, lang: str, *, gui: bool) -> None:
    """Open a small text once, untimed, so that every module the timed runs import is
    compiled into their bytecode cache (stdlib and PySide6 included: a cache prefix holds
    its own copy of everything) and read from disk once, as on any launch after the first.
    Without it the first run compiled modules inside the timed part, on both threads."""
    small = Path(tmp) / "warm-up.txt"
    generate(small, 1, html=False, lang=lang)
    measure(small, 1, env, CHILD)
    if gui:
        measure(small, 1, env, GUI_CHILD, lang)


def measure(path: Path, runs: int, env: dict[str, str], child: str, *args: str) -> list[dict]:
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", child, str(path), *args], env=env,
                             capture_output=True, text=True, timeout=900)  # fmt: skip
        if out.returncode:
            raise SystemExit(f"opening {path.name} failed:\n{out.stderr}")
        if os.environ.get("DARI_BENCH_TRACE"):
            sys.stderr.write(out.stderr)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return results


def line(label: str, results: list[dict], key: str, fmt: str, unit: str, note: str = "") -> None:
    values = [r[key] for r in results]
    runs = ", ".join(format(v, fmt) for v in values)
    median = format(statistics.median(values), fmt)
    print(f"{label}: {median} {unit}{note}  (runs: {runs})")


def report_load(label: str, megabytes: float, results: list[dict]) -> None:
    prefix = f"{label} " if label else ""
    line(f"{prefix}load_any {megabytes:g} MB", results, "seconds", ".2f", "s")
    line(f"{prefix}load_any peak RSS", results, "rss_mb", ".0f", "MB")
    line(f"{prefix}load_any longest gap between progress reports", results, "gap_ms", ".0f", "ms")
    print(f"{prefix}paragraphs: {results[0]['paragraphs']}, sentences: {results[0]['sentences']}")


def report_gui(results: list[dict]) -> None:
    line("first paint", results, "first_paint_ms", ".0f", "ms", " [target <= 1000 ms]")
    line("fully segmented", results, "loaded_s", ".1f", "s")
    line("fully rendered", results, "rendered_s", ".1f", "s")
    line("GUI stall max while opening", results, "stall_max_ms", ".0f", "ms",
         " [target <= 100 ms]")  # fmt: skip
    line("GUI stall p99 while opening", results, "stall_p99_ms", ".0f", "ms")
    line("scroll and click while rendering", results, "while_rendering_ms", ".0f", "ms",
         " [target <= 100 ms]")  # fmt: skip
    line("scroll step max", results, "scroll_max_ms", ".0f", "ms", " [target <= 100 ms]")
    line("scroll step median", results, "scroll_median_ms", ".1f", "ms")
    line("link step max", results, "link_max_ms", ".0f", "ms", " [target <= 100 ms]")
    line("link step median", results, "link_median_ms", ".1f", "ms")
    line("pointer move max", results, "move_max_ms", ".0f", "ms", " [target <= 100 ms]")
    line("pointer move median", results, "move_median_ms", ".1f", "ms")
    line("GUI stall max while scrolling and linking", results, "interaction_stall_ms", ".0f",
         "ms", " [target <= 100 ms]")  # fmt: skip
    line("text shown (scrolled to the end)", results, "shown_pc", ".1f", "%",
         " [target 100 %]")  # fmt: skip
    line("peak RSS", results, "rss_mb", ".0f", "MB")
    line("RSS before opening", results, "rss_before_mb", ".0f", "MB")
    print(f"sentences in the document: {results[0]['sentences']}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lang", choices=("en", "ko"), default="en")
    parser.add_argument("--html", action="store_true", help="also time a page of that size")
    parser.add_argument("--no-gui", action="store_true", help="skip the GUI part")
    parser.add_argument("--gui-only", action="store_true", help="only the GUI part")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = child_env(tmp)
        warm_up(env, tmp, args.lang, gui=not args.no_gui)
        text = Path(tmp) / f"big-{args.lang}.txt"
        generate(text, args.mb, html=False, lang=args.lang)
        print(f"{text.stat().st_size / 1048576:.2f} MB of {args.lang} text, {args.runs} runs")
        if not args.gui_only:
            report_load("", args.mb, measure(text, args.runs, env, CHILD))
            if args.html:
                page = Path(tmp) / "big.html"
                generate(page, args.mb, html=True, lang=args.lang)
                report_load("html", args.mb, measure(page, args.runs, env, CHILD))
        if not args.no_gui:
            report_gui(measure(text, args.runs, env, GUI_CHILD, args.lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
