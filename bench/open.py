"""Opening a large document: `load_any` time and peak memory on a generated 20 MB file.

Usage: python bench/open.py [--mb N] [--runs N] [--html]   (with Dari installed, e.g. -e .)

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
and, with --html, the same lines for the page, prefixed "html". The GUI's time to first
paint and its longest stall are measured by the GUI benchmark, not here.
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


def measure(path: Path, runs: int) -> dict[str, float]:
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, timeout=600
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "big.txt"
        generate(text, args.mb, html=False)
        report("", args.mb, measure(text, args.runs))
        if args.html:
            page = Path(tmp) / "big.html"
            generate(page, args.mb, html=True)
            report("html", args.mb, measure(page, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
