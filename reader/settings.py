"""Typed settings: one table of keys and defaults, preferences apart from window state.

Preferences (``pref/...``) are the user's choices; window state (``state/...``) is where the
window and its panes were left. Both live in one INI file written by QSettings, which
writes through a temporary file and a rename, so a crash mid-save leaves the old file. Reading or
writing a key that is not in the table raises ``KeyError``, so a typo cannot silently create
a new setting. A settings file that QSettings cannot parse is renamed aside with a
timestamp and Dari starts from defaults; ``recovered_from`` tells the window to say so.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal


class Key(NamedTuple):  # a NamedTuple: cheaper to create at start-up than a dataclass
    name: str
    default: Any

    @property
    def kind(self) -> type:
        return type(self.default)


_KEYS = [
    # preferences: reading
    Key("pref/sync_scroll", True),
    Key("pref/language", ""),  # interface language: "" follows the system; "en" or "ko"
    Key("pref/font_size_en", 14),  # points, 8..72
    Key("pref/font_size_ko", 14),
    Key("pref/font_family_en", ""),  # "" = Dari's default for the language
    Key("pref/font_family_ko", ""),
    Key("pref/line_spacing", 150),  # percent of the font's natural line height
    Key("pref/paragraph_spacing", 90),  # percent of the font size
    Key("pref/max_line_width", 0),  # characters per line; 0 = the pane's width
    Key("pref/theme", "light"),  # light | dark | sepia | high-contrast
    Key("pref/session_client_language", "ko"),  # the pane emphasised in session mode
    Key("pref/session_font_size", 28),  # points, for the client's pane in session mode
    # preferences: speech
    Key("pref/speech_mode", "en"),  # en | ko | bilingual
    Key("pref/speech_voice_en", ""),  # "" = picked automatically
    Key("pref/speech_voice_ko", ""),
    Key("pref/speech_rate", 160),  # words per minute
    Key("pref/speech_volume", 90),  # percent
    Key("pref/speech_output", "device"),  # device | silent
    # preferences: glossary
    Key("pref/glossary_marks", True),
    # window state
    Key("state/geometry", QByteArray()),
    Key("state/window", QByteArray()),
    Key("state/pane_sizes", ""),  # the panes' sizes along the splitter: "480,720"
    Key("state/orientation", "side-by-side"),  # or "stacked"
    Key("state/swapped", False),
    Key("state/show_en", True),
    Key("state/show_ko", True),
    Key("state/last_file", ""),
    Key("state/recent_files", []),  # paths, most recent first (reader.library.MAX_RECENT)
    Key("state/glossary_visible", True),
    Key("state/glossary_area", "right"),  # right | left
    Key("state/handout_layout", "columns"),  # columns | interleaved: the last one chosen
    Key("state/handout_glossary", True),  # the glossary appendix, as last chosen
    Key("state/handout_format", "pdf"),  # pdf | html: the last file type exported
    Key("state/handout_folder", ""),  # where the last handout was saved
]
FONT_SIZE_RANGE = (8, 72)
THEMES = ("light", "dark", "sepia", "high-contrast")
SPEECH_MODES = ("en", "ko", "bilingual")
KEYS: dict[str, Key] = {key.name: key for key in _KEYS}


def default_settings_path() -> Path:
    """The INI file Dari uses; ``DARI_CONFIG_DIR`` moves it (tests, portable installs)."""
    override = os.environ.get("DARI_CONFIG_DIR")
    if override:
        return Path(override) / "dari.ini"
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(base) / "dari.ini"


class Settings(QObject):
    changed = Signal(str, object)

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path or default_settings_path()
        self.recovered_from: Path | None = None
        self._qsettings = self._open()

    def _open(self) -> QSettings:
        qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        damaged = qsettings.status() == QSettings.Status.FormatError or not _readable_ini(
            self.path
        )
        if damaged and self.path.exists():
            stamp = time.strftime("%Y%m%d-%H%M%S")
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
            del qsettings
            os.replace(self.path, aside)
            self.recovered_from = aside
            qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        return qsettings

    def get(self, name: str) -> Any:
        key = KEYS[name]
        raw = self._qsettings.value(name, key.default)
        return _coerce(raw, key)

    def set(self, name: str, value: Any) -> None:
        key = KEYS[name]
        value = _coerce(value, key)
        if self.get(name) == value and self._qsettings.contains(name):
            return
        self._qsettings.setValue(name, value)
        self.changed.emit(name, value)

    def sync(self) -> None:
        self._qsettings.sync()


_INI_LINE = re.compile(r"\s*(|[;#].*|\[[^\]]+\]|[^=\[\]]+=.*)\s*")


def _readable_ini(path: Path) -> bool:
    """QSettings accepts nearly anything as INI; a file Dari wrote has only sections,
    ``key=value`` lines and comments, in UTF-8, with no NUL bytes."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if b"\x00" in data:
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(_INI_LINE.fullmatch(line) for line in text.splitlines())


def _coerce(raw: Any, key: Key) -> Any:
    kind = key.kind
    if kind is list:  # of strings; INI gives one item as a string, none as None
        items = raw if isinstance(raw, list | tuple) else [raw] if raw else []
        return [str(item) for item in items]
    if isinstance(raw, kind) and not (kind is int and isinstance(raw, bool)):
        return raw
    try:
        if kind is bool:
            if isinstance(raw, str):
                return raw.strip().lower() in {"1", "true", "yes", "on"}
            return bool(raw)
        if kind is QByteArray:
            return QByteArray(raw) if isinstance(raw, bytes | bytearray) else key.default
        return kind(raw)
    except (TypeError, ValueError):
        return key.default
