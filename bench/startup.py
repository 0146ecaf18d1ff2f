"""Start-up time: process start to first painted frame, Dari vs a bare PySide6 window.

Usage: python bench/startup.py [--runs N] [--platform offscreen|xcb]

``--platform xcb`` draws real X windows, as a user sees them (with no display it re-runs
itself under ``xvfb-run``, one virtual display for every run); the default, offscreen,
needs no display at all and skips the window system.

Each run starts a fresh Python process (offscreen Qt). The child prints the wall-clock time
of its first paint; the figure is that minus the time just before the process was spawned.
Dari opens the bundled article and paints it (``--quit-after-paint``); the baseline is a
bare QMainWindow with one label. Runs alternate between the two to share any drift.

Both children cache bytecode in a temporary ``PYTHONPYCACHEPREFIX``, and the untimed
warm-up runs fill it, so the timed runs load compiled modules as every launch after the
first does on a user's machine. Without this, a shell that sets
``PYTHONDONTWRITEBYTECODE=1`` (this one does) makes every run recompile Dari's ~70
modules, about 110 ms that no user pays twice.
Prints both medians and, on a line of its own, ``ratio: N.NN`` (target <= 1.5).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"first paint: {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
            window.removeEventFilter(self)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1200, 800)
painted = Painted()
window.installEventFilter(painted)  # as Dari's --quit-after-paint does
window.show()
app.exec()
"""


def first_paint_seconds(cmd: list[str], env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True, timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("first paint: "):
            return float(line.split(": ", 1)[1]) - start
    raise RuntimeError(f"no paint reported by {cmd}:\n{out.stdout}\n{out.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--platform", choices=["offscreen", "xcb"], default="offscreen",
                        help="Qt platform plugin for both children")
    args = parser.parse_args()
    if args.platform == "xcb" and not os.environ.get("DISPLAY"):
        os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24",
                               sys.executable, *sys.argv])
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM=args.platform,
                   DARI_CONFIG_DIR=f"{tmp}/config", DARI_DATA_DIR=f"{tmp}/data",
                   PYTHONPYCACHEPREFIX=f"{tmp}/pycache")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        dari_cmd = [sys.executable, "-m", "reader", "--quit-after-paint"]
        bare_cmd = [sys.executable, "-c", BARE]
        for _ in range(2):  # warm the OS file cache and the bytecode cache for both
            first_paint_seconds(dari_cmd, env)
            first_paint_seconds(bare_cmd, env)
        dari, bare = [], []
        for _ in range(args.runs):
            dari.append(first_paint_seconds(dari_cmd, env))
            bare.append(first_paint_seconds(bare_cmd, env))
    d, b = statistics.median(dari), statistics.median(bare)
    print(f"runs: {args.runs} (Qt platform: {args.platform})")
    print(f"bare PySide6 window: median {b * 1000:.0f} ms "
          f"(min {min(bare) * 1000:.0f}, max {max(bare) * 1000:.0f})")
    print(f"Dari with the bundled article: median {d * 1000:.0f} ms "
          f"(min {min(dari) * 1000:.0f}, max {max(dari) * 1000:.0f})")
    print(f"ratio: {d / b:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
