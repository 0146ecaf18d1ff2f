"""Typed settings: defaults, unknown keys refused, values survive, damaged files set aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.settings import KEYS, Settings


def test_defaults_round_trip_and_unknown_keys(qapp, settings_path: Path) -> None:
    settings = Settings(settings_path)
    assert settings.get("pref/sync_scroll") is True
    assert settings.get("state/orientation") == "side-by-side"
    settings.set("state/swapped", True)
    settings.set("state/orientation", "stacked")
    settings.sync()
    again = Settings(settings_path)
    assert again.get("state/swapped") is True
    assert again.get("state/orientation") == "stacked"
    with pytest.raises(KeyError):
        settings.get("pref/no_such_key")
    with pytest.raises(KeyError):
        settings.set("state/typo", 1)
    assert all("/" in name for name in KEYS)


def test_a_wrongly_typed_value_falls_back_to_its_default(qapp, settings_path: Path) -> None:
    settings_path.parent.mkdir(parents=True)
    settings_path.write_text("[state]\nswapped=banana\norientation=\n[pref]\nsync_scroll=0\n")
    settings = Settings(settings_path)
    assert settings.recovered_from is None
    assert settings.get("state/swapped") is False
    assert settings.get("pref/sync_scroll") is False


@pytest.mark.parametrize(
    "content",
    [b"\x00\x01\x02garbage\xff\xfe[[[", b"[state\nswapped=true\n", b"\xff\xfe\xfa not utf-8"],
)
def test_a_damaged_file_is_set_aside_and_defaults_used(
    qapp, settings_path: Path, content: bytes
) -> None:
    settings_path.parent.mkdir(parents=True)
    settings_path.write_bytes(content)
    settings = Settings(settings_path)
    assert settings.recovered_from is not None
    assert settings.recovered_from.read_bytes() == content  # nothing the user had is lost
    assert ".corrupt-" in settings.recovered_from.name
    assert settings.get("state/swapped") is False
    settings.set("state/swapped", True)
    settings.sync()
    assert Settings(settings_path).get("state/swapped") is True


def test_the_window_says_when_settings_were_set_aside(qtbot, settings_path: Path) -> None:
    from reader.ui.main_window import MainWindow

    settings_path.parent.mkdir(parents=True)
    settings_path.write_bytes(b"\x00garbage")
    window = MainWindow(Settings(settings_path))
    qtbot.addWidget(window)
    window.show()
    assert "settings file was damaged" in window.message_bar.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [("recent_files=/only/one.txt", ["/only/one.txt"]),  # INI keeps one item as a string
     ("recent_files=/a/b c.txt, /d/한글.txt", ["/a/b c.txt", "/d/한글.txt"]),
     ("recent_files=@Invalid()", []),  # how QSettings writes an empty list
     ("", [])],
)
def test_recent_files_are_a_list_of_paths(
    qapp, settings_path: Path, line: str, expected: list[str]
) -> None:
    settings_path.parent.mkdir(parents=True)
    settings_path.write_text(f"[state]\n{line}\n", encoding="utf-8")
    assert Settings(settings_path).get("state/recent_files") == expected
