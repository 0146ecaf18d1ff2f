"""`dari` and `python -m reader` started as real processes (a second QApplication in the
test process would abort)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TIMEOUT_S = 60


def run_dari(args: list[str], tmp_path: Path, *, command: list[str] | None = None):
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["DARI_CONFIG_DIR"] = str(tmp_path / "config")
    env["DARI_DATA_DIR"] = str(tmp_path / "data")
    cmd = (command or [sys.executable, "-m", "reader"]) + args
    return subprocess.run(
        cmd, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
    )


def test_python_m_reader_paints_the_bundled_article_and_exits(tmp_path: Path) -> None:
    result = run_dari(["--quit-after-paint"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Opened “" in result.stderr and "article.toml" in result.stderr


def test_dari_script_opens_a_file(tmp_path: Path) -> None:
    script = shutil.which("dari", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the dari entry point is not installed in this environment")
    text = tmp_path / "letter.txt"
    text.write_text("주민센터에 가서 신청서를 냈다. 며칠 뒤 연락이 왔다.", encoding="utf-8")
    result = run_dari([str(text), "--quit-after-paint"], tmp_path, command=[script])
    assert result.returncode == 0, result.stderr
    assert "Opened “letter.txt”" in result.stderr


def test_a_bad_file_argument_is_shown_not_fatal(tmp_path: Path) -> None:
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(256)) * 64)
    result = run_dari([str(blob), "--quit-after-paint"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "does not look like a text file" in result.stderr


@pytest.mark.xdisplay
def test_dari_paints_in_a_real_x_window_under_xvfb(tmp_path: Path) -> None:
    """The xcb platform plugin needs Debian's xcb libraries; .ci/run installs them."""
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        pytest.skip("xvfb-run is not installed (Debian package xvfb)")
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="xcb",
        DARI_CONFIG_DIR=str(tmp_path / "config"),
        DARI_DATA_DIR=str(tmp_path / "data"),
    )
    result = subprocess.run(
        [xvfb_run, "-a", "-s", "-screen 0 1280x800x24",
         sys.executable, "-m", "reader", "--quit-after-paint"],
        env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "first paint:" in result.stdout
    assert "could not load the Qt platform plugin" not in result.stderr.lower()
