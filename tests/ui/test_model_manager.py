"""The Translation Models dialog, driven as a user would, on real (tiny) Argos packages."""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader.translation import download
from reader.translation.archive import ArchiveError, format_size, validate_archive
from reader.translation.download import RemotePackage
from reader.translation.packages import PackageStore
from reader.ui import model_manager
from reader.ui.messages import Level, Message, MessageBus
from reader.ui.model_manager import ModelManagerDialog
from tests.helpers.argos_package import build_package

JOB_TIMEOUT_MS = 10_000


@pytest.fixture
def store(tmp_path: Path) -> PackageStore:
    packages_dir = tmp_path / "packages"
    packages_dir.mkdir()
    return PackageStore(packages_dir)


@pytest.fixture
def posted(qapp: object) -> list[Message]:
    return []


@pytest.fixture
def dialog(qtbot, store: PackageStore, posted: list[Message], tmp_path: Path) -> ModelManagerDialog:
    bus = MessageBus()
    bus.posted.connect(posted.append)
    dlg = ModelManagerDialog(store, bus, download_dir=tmp_path / "downloads")
    dlg._test_bus = bus  # type: ignore[attr-defined]  # keep the bus alive with the dialog
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


@pytest.fixture
def archives(tmp_path: Path) -> Callable[..., Path]:
    def make(**kwargs: Any) -> Path:
        return build_package(tmp_path / "archives", **kwargs)

    return make


def install(qtbot, dialog: ModelManagerDialog, path: Path) -> bool:
    with qtbot.waitSignal(dialog.job_finished, timeout=JOB_TIMEOUT_MS) as blocker:
        assert dialog.install_file(path)
    return bool(blocker.args[0])


def rows(dialog: ModelManagerDialog) -> list[tuple[str, ...]]:
    table = dialog.table
    listed = []
    for row in range(table.rowCount()):
        items = [table.item(row, column) for column in range(table.columnCount())]
        listed.append(tuple(item.text() if item is not None else "" for item in items))
    return listed


def tree(folder: Path) -> list[str]:
    """Everything under *folder*, hidden entries included."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def idle_buttons_enabled(dialog: ModelManagerDialog) -> bool:
    return (
        not dialog.busy
        and dialog.install_button.isEnabled()
        and dialog.download_button.isEnabled()
        and dialog.job_panel.isHidden()
    )


# -- listing and installing ----------------------------------------------------------------------


def test_installed_packages_are_listed_with_languages_version_and_size(
    qtbot, dialog: ModelManagerDialog, store: PackageStore, archives, posted: list[Message]
) -> None:
    assert dialog.windowTitle() == "Translation Models"
    assert dialog.empty_label.isVisibleTo(dialog) and rows(dialog) == []
    changes: list[None] = []
    dialog.packages_changed.connect(lambda: changes.append(None))

    assert install(qtbot, dialog, archives(from_code="en", to_code="ko", package_version="1.0"))
    assert dialog.message_bar.text == "Installed translate-en_ko 1.0 (English → Korean)."
    assert posted[-1].level is Level.INFO and posted[-1].text == dialog.message_bar.text
    assert install(qtbot, dialog, archives(from_code="ko", to_code="en", package_version="1.2"))

    installed = {p.name: p for p in store.installed()}
    listed = rows(dialog)
    assert listed == [
        ("English → Korean", "1.0", format_size(installed["translate-en_ko 1.0"].size)),
        ("Korean → English", "1.2", format_size(installed["translate-ko_en 1.2"].size)),
    ]
    assert all(re.fullmatch(r"\d+(\.\d)? (KiB|MiB)", size) for _, _, size in listed)
    assert [p.name for p in dialog.packages()] == ["translate-en_ko 1.0", "translate-ko_en 1.2"]
    assert tree(store.packages_dir)[:1] == ["translate-en_ko-1_0"]
    assert not dialog.empty_label.isVisibleTo(dialog) and dialog.table.isVisibleTo(dialog)
    assert len(changes) == 2
    assert idle_buttons_enabled(dialog)


def traversal_archive(archives) -> Path:
    """A real package plus one member whose path leads out of the package folder."""
    path = archives()
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("translate-en_ko-1_0/../../escaped.txt", b"outside")
    return path


def text_archive(archives) -> Path:
    path = archives().with_name("notes.argosmodel")
    path.write_text("These are my notes, not a model.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("make", [text_archive, traversal_archive], ids=["text", "traversal"])
def test_a_broken_archive_shows_the_exact_reason_and_changes_nothing(
    qtbot, dialog: ModelManagerDialog, store: PackageStore, archives, posted, make, tmp_path: Path
) -> None:
    path = make(archives)
    with pytest.raises(ArchiveError) as reason:
        validate_archive(path)
    before = tree(tmp_path)

    assert install(qtbot, dialog, path) is False

    assert dialog.message_bar.text == str(reason.value)
    assert "is not a usable translation package" in dialog.message_bar.text
    assert posted[-1].level is Level.ERROR and posted[-1].text == str(reason.value)
    assert tree(tmp_path) == before  # nothing unpacked, nothing escaped, no temp folder left
    assert tree(store.packages_dir) == []
    assert rows(dialog) == []
    assert idle_buttons_enabled(dialog)


def test_a_second_package_for_the_same_languages_is_refused(
    qtbot, dialog: ModelManagerDialog, store: PackageStore, archives, posted
) -> None:
    assert install(qtbot, dialog, archives(package_version="1.0"))
    before = tree(store.packages_dir)

    assert install(qtbot, dialog, archives(package_version="1.1")) is False

    text = dialog.message_bar.text
    assert text.startswith("“translate-en_ko-1_1.argosmodel” was not installed")
    assert "translate-en_ko 1.0 already translates English → Korean" in text
    assert posted[-1].level is Level.ERROR and posted[-1].text == text
    assert tree(store.packages_dir) == before
    assert [row[:2] for row in rows(dialog)] == [("English → Korean", "1.0")]


# -- removing ------------------------------------------------------------------------------------


def select_first_row(qtbot, dialog: ModelManagerDialog) -> None:
    item = dialog.table.item(0, 0)
    assert item is not None
    rect = dialog.table.visualItemRect(item)
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.selected_package() is not None


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_remove_asks_first_then_removes_from_the_list_and_the_disk(
    qtbot, dialog: ModelManagerDialog, store: PackageStore, archives, monkeypatch, answer
) -> None:
    assert not dialog.remove_button.isEnabled()  # nothing to remove
    assert install(qtbot, dialog, archives())
    select_first_row(qtbot, dialog)
    assert dialog.remove_button.isEnabled()
    questions: list[str] = []

    def question(parent: QWidget, title: str, text: str, *args: object) -> object:
        questions.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    if answer is QMessageBox.StandardButton.No:
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        assert not dialog.busy
        assert [row[0] for row in rows(dialog)] == ["English → Korean"]
        assert tree(store.packages_dir)[:1] == ["translate-en_ko-1_0"]
    else:
        with qtbot.waitSignal(dialog.job_finished, timeout=JOB_TIMEOUT_MS) as blocker:
            qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        assert blocker.args == [True]
        assert rows(dialog) == [] and dialog.packages() == []
        assert tree(store.packages_dir) == []
        assert dialog.message_bar.text == "Removed translate-en_ko 1.0 (English → Korean)."
        assert not dialog.remove_button.isEnabled()  # nothing left to remove
    assert len(questions) == 1 and "translate-en_ko 1.0 (English → Korean)" in questions[0]


# -- downloading ---------------------------------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_download_without_network_says_so_at_once(
    qtbot, dialog: ModelManagerDialog, monkeypatch, posted
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", f"https://127.0.0.1:{closed_port()}/")
    started = time.monotonic()
    with qtbot.waitSignal(dialog.job_finished, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
        assert dialog.busy and not dialog.download_button.isEnabled()
        assert dialog.cancel_button.isEnabled()
    assert time.monotonic() - started < 5
    assert blocker.args == [False]
    assert dialog.message_bar.text == (
        "No network connection: 127.0.0.1 could not be reached. Check that you are online."
    )
    assert posted[-1].level is Level.ERROR and posted[-1].text == dialog.message_bar.text
    assert idle_buttons_enabled(dialog)


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A loopback server that accepts connections and never answers."""
    server = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield int(server.getsockname()[1])
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()
    assert QThreadPool.globalInstance().waitForDone(10_000)  # the worker ends on its own


def test_cancel_ends_a_hanging_package_list_request_at_once(
    qtbot, dialog: ModelManagerDialog, monkeypatch, silent_server: int
) -> None:
    monkeypatch.setattr(model_manager, "INDEX_TIMEOUT", 3.0)
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", f"https://127.0.0.1:{silent_server}/")
    qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    qtbot.wait(300)  # connected, waiting for the server
    assert dialog.busy
    started = time.monotonic()
    with qtbot.waitSignal(dialog.job_finished, timeout=1000) as blocker:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert time.monotonic() - started < 1
    assert blocker.args == [False]
    assert dialog.message_bar.text == "The download was cancelled; nothing was installed."
    assert idle_buttons_enabled(dialog)
    # The abandoned request times out later; its failure must not be reported.
    late: list[object] = []
    dialog.job_finished.connect(late.append)
    abandoned = dialog._tasks[-1].signals
    with qtbot.waitSignal(abandoned.failed, timeout=6000) as failure:
        pass
    assert "did not answer within 3 seconds" in str(failure.args[0])
    qtbot.wait(50)
    assert late == []
    assert dialog.message_bar.text == "The download was cancelled; nothing was installed."


def test_download_lists_missing_pairs_then_installs_and_deletes_the_file(
    qtbot, dialog: ModelManagerDialog, store: PackageStore, archives, monkeypatch, tmp_path: Path
) -> None:
    index_calls: list[dict[str, Any]] = []
    remotes = [
        RemotePackage("en", "ko", "1.1", "https://example.invalid/en_ko.argosmodel"),
        RemotePackage("ko", "en", "1.1", "https://example.invalid/ko_en.argosmodel", size=1),
    ]

    def fetch_index(**kwargs: Any) -> list[RemotePackage]:
        index_calls.append(kwargs)
        return remotes

    ko_en = archives(from_code="ko", to_code="en", package_version="1.1")
    download_calls: list[dict[str, Any]] = []
    progress_seen: list[tuple[int, int]] = []

    def download_package(remote: RemotePackage, dest_dir: Path, **kwargs: Any) -> Path:
        download_calls.append({"remote": remote, "dest_dir": dest_dir, **kwargs})
        dest_dir.mkdir(parents=True, exist_ok=True)
        target = dest_dir / remote.filename
        shutil.copyfile(ko_en, target)
        size = target.stat().st_size
        kwargs["progress"](size // 2, size)
        kwargs["progress"](size, size)
        return target

    monkeypatch.setattr(download, "fetch_index", fetch_index)
    monkeypatch.setattr(download, "download_package", download_package)
    assert install(qtbot, dialog, archives(from_code="en", to_code="ko", package_version="1.0"))
    assert index_calls == []  # nothing goes to the network until the user asks

    offered: list[list[RemotePackage]] = []

    def choose_remote(choices: list[RemotePackage]) -> RemotePackage:
        offered.append(choices)
        bar = dialog.progress_bar
        bar.valueChanged.connect(lambda value: progress_seen.append((value, bar.maximum())))
        return choices[0]

    monkeypatch.setattr(dialog, "choose_remote", choose_remote)
    with qtbot.waitSignal(dialog.job_finished, timeout=JOB_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)

    assert blocker.args == [True]
    assert index_calls[0]["timeout"] == 15
    assert offered == [[remotes[1]]]  # English → Korean is installed already
    assert download_calls[0]["remote"] == remotes[1]
    assert download_calls[0]["dest_dir"] == tmp_path / "downloads"
    assert download_calls[0]["cancelled"]() is False
    assert [row[:2] for row in rows(dialog)] == [
        ("English → Korean", "1.0"),
        ("Korean → English", "1.1"),
    ]
    assert dialog.message_bar.text == "Installed translate-ko_en 1.1 (Korean → English)."
    assert list((tmp_path / "downloads").iterdir()) == []  # the downloaded file is gone
    size = ko_en.stat().st_size
    assert (size // 2, size) in progress_seen and (size, size) in progress_seen


# -- cancelling an install -----------------------------------------------------------------------


@pytest.mark.parametrize("how", ["cancel button", "closing the dialog"])
def test_cancelling_an_install_leaves_nothing_behind(
    qtbot, dialog: ModelManagerDialog, store: PackageStore, archives, monkeypatch, posted, how
) -> None:
    started, resume = threading.Event(), threading.Event()
    real_install = store.install_from_path

    def paused_install(archive: Path, **kwargs: Any) -> object:
        def progress(done: int, total: int) -> None:
            kwargs["progress"](done, total)
            if not started.is_set():
                started.set()
                resume.wait(5)  # hold the worker mid-unpack until the test has cancelled

        return real_install(archive, progress=progress, cancelled=kwargs["cancelled"])

    monkeypatch.setattr(store, "install_from_path", paused_install)
    with qtbot.waitSignal(dialog.job_finished, timeout=JOB_TIMEOUT_MS) as blocker:
        assert dialog.install_file(archives())
        qtbot.waitUntil(started.is_set)
        qtbot.waitUntil(lambda: dialog.progress_bar.value() > 0)
        assert re.fullmatch(r"\S+ \S+ of \S+ MiB", dialog.bytes_label.text())
        assert dialog.busy and dialog.cancel_button.isEnabled()
        assert not dialog.install_button.isEnabled()
        assert not dialog.download_button.isEnabled()
        assert not dialog.remove_button.isEnabled()
        assert dialog.install_file(archives()) is False  # one job at a time
        if how == "cancel button":
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
            assert dialog.status_label.text() == "Cancelling…"
        else:
            dialog.close()
        assert not dialog.cancel_button.isEnabled()
        resume.set()

    assert blocker.args == [False]
    assert tree(store.packages_dir) == []  # no package, no hidden temporary folder
    assert store.installed() == [] and rows(dialog) == []
    assert posted[-1].text == "The installation was cancelled; nothing was changed."
    assert idle_buttons_enabled(dialog)


# -- broken folders, keyboard and accessibility --------------------------------------------------


def test_unusable_folders_are_reported_as_a_warning(
    qtbot, store: PackageStore, posted: list[Message]
) -> None:
    (store.packages_dir / "half-copied").mkdir()
    bus = MessageBus()
    bus.posted.connect(posted.append)
    dlg = ModelManagerDialog(store, bus)
    qtbot.addWidget(dlg)
    assert posted[-1].level is Level.WARNING
    assert posted[-1].text == "A folder among the installed models cannot be used."
    assert "“half-copied” is not usable" in posted[-1].detail
    dlg.refresh()
    assert len(posted) == 1  # reported once, not at every refresh


def test_keyboard_reaches_every_control_in_order_and_all_are_named(
    qtbot, dialog: ModelManagerDialog, archives
) -> None:
    assert install(qtbot, dialog, archives(from_code="en", to_code="ko"))
    assert install(qtbot, dialog, archives(from_code="ko", to_code="en"))
    dialog.message_bar.hide()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.table.setFocus()
    selected = dialog.selected_package()
    assert selected is not None and selected.name == "translate-en_ko 1.0"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)  # arrows choose a row...
    selected = dialog.selected_package()
    assert selected is not None and selected.name == "translate-ko_en 1.0"
    visited = [QApplication.focusWidget()]
    for _ in range(4):  # ...and Tab leaves the table
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [
        dialog.table,
        dialog.install_button,
        dialog.download_button,
        dialog.remove_button,
        dialog.close_button,
    ]
    focusable = [
        widget
        for widget in dialog.findChildren(QWidget)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and not widget.isHidden()
    ]
    assert dialog.cancel_button in focusable
    for widget in [*focusable, dialog.progress_bar, dialog.explanation_label]:
        assert widget.accessibleName(), widget
