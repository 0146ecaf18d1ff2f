#!/usr/bin/env bash
# Installs everything Dari needs on a Debian/Ubuntu machine and creates .venv.
#   scripts/setup.sh          runtime: Korean fonts, espeak-ng, Xvfb for headless machines
#   scripts/setup.sh --test   also the test tools (pytest, pytest-qt, hypothesis, ruff, mypy)
set -euo pipefail
cd "$(dirname "$0")/.."

extra=""
[[ "${1:-}" == "--test" ]] && extra="[test,bench]"

DEBIAN_PACKAGES=(
    espeak-ng                 # speech: Korean and English voices
    fonts-noto-cjk fonts-nanum  # fonts with Hangul (Qt's "Sans Serif" has none)
    fonts-opendyslexic        # a freely licensed dyslexia-friendly choice for English
    xvfb xauth                # a virtual X display for headless machines and X tests
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
    libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 libxcb-shape0
    libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-render0 libxkbcommon0
    libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0
    alsa-utils                # aplay, used to play speech where a sound card exists
)

missing=()
if command -v dpkg-query >/dev/null; then
    for pkg in "${DEBIAN_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
fi
if ((${#missing[@]})); then
    SUDO=""
    [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    echo "Installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [[ ! -x .venv/bin/python ]]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -m pip install -q -e ".${extra}" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import reader, PySide6, ctranslate2, sentencepiece" \
    || { echo "Dari's Python environment is incomplete" >&2; exit 1; }
# Byte-compile Dari now (an editable install does not), so even the first start loads
# compiled modules; it also covers shells that set PYTHONDONTWRITEBYTECODE.
.venv/bin/python -m compileall -q reader >/dev/null
