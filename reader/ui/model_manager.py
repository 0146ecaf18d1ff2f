"""The "Translation Models" dialog: the installed Argos packages, and installing (from a file
or, only when the user asks, by download) and removing them.

The work itself is plain Python in ``reader.translation`` (PackageStore, download); this dialog
runs it on the thread pool, one job at a time, shows its progress with a Cancel button, and
reports every outcome through the MessageBus (and in its own MessageBar). Closing the dialog
cancels the running job; ``busy`` stays true until the worker has really stopped.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader import paths
from reader.translation import download
from reader.translation.archive import ArchiveError, Cancelled, format_size
from reader.translation.download import DownloadError, RemotePackage
from reader.translation.packages import InstalledPackage, PackageError, PackageStore
from reader.ui.messages import Level, Message, MessageBar, MessageBus
from reader.ui.tasks import CancelToken, Task

INDEX_TIMEOUT = 15.0  # seconds for the whole package list
DOWNLOAD_TIMEOUT = 30.0  # seconds the server may stay silent during a download

Progress = Callable[[int, int], None]
Work = Callable[[CancelToken, Progress], Any]  # runs on a worker thread


@dataclass
class _Job:
    task: Task
    token: CancelToken
    then: Callable[[Any], bool]  # on the GUI thread with the result; may start a follow-up
    cancelled_text: str
    failed_text: str
    cancellable: bool
    abandon_on_cancel: bool  # nothing to undo: Cancel ends the job now, the worker ends later


def download_and_install(
    store: PackageStore,
    remote: RemotePackage,
    folder: Path,
    *,
    installing: Callable[[], None],
    progress: Progress,
    cancelled: CancelToken,
) -> InstalledPackage:
    """Download *remote* into *folder*, install it, and delete the downloaded file."""
    archive = download.download_package(
        remote, folder, timeout=DOWNLOAD_TIMEOUT, progress=progress, cancelled=cancelled
    )
    try:
        installing()
        return store.install_from_path(archive, progress=progress, cancelled=cancelled)
    finally:
        archive.unlink(missing_ok=True)


class ModelManagerDialog(QDialog):
    packages_changed = Signal()
    job_finished = Signal(bool)  # True when the job did what it was asked
    _stage_changed = Signal(str)  # emitted by a worker: the status text of the next stage

    def __init__(
        self,
        store: PackageStore,
        messages: MessageBus,
        parent: QWidget | None = None,
        *,
        download_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._messages = messages
        self._download_dir = download_dir  # default: <data dir>/downloads, chosen when used
        self._packages: list[InstalledPackage] = []
        self._reported_broken: tuple[Path, ...] = ()
        self._job: _Job | None = None
        self._tasks: deque[Task] = deque(maxlen=4)  # a finished worker may still be returning
        self.setObjectName("modelManager")
        self.setWindowTitle(self.tr("Translation Models"))
        self._build()
        self._stage_changed.connect(self._on_stage_changed)
        self.resize(640, 440)
        self.refresh()

    # -- layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        explanation = self.tr(
            "Dari translates on this computer with Argos Translate models. Install an "
            "English→Korean model to translate English texts, and a Korean→English one for "
            "Korean texts. Nothing is sent over the network."
        )
        self.explanation_label = QLabel(explanation)
        self.explanation_label.setWordWrap(True)
        self.explanation_label.setAccessibleName(self.tr("About translation models"))
        self.explanation_label.setAccessibleDescription(explanation)
        location = self.tr("Models are kept in {folder}.").format(folder=self._store.packages_dir)
        self.location_label = QLabel(location)
        self.location_label.setWordWrap(True)
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location_label.setAccessibleName(location)

        self.message_bar = MessageBar()

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("modelTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Languages"), self.tr("Version"), self.tr("Size on disk")]
        )
        self.table.setAccessibleName(self.tr("Installed translation models"))
        self.table.setAccessibleDescription(self.tr("One row per installed model"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel(
            self.tr("No translation models are installed yet. Install one from a file, or "
                    "download one.")
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.empty_label.setAccessibleName(self.empty_label.text())

        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Current job"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)  # the amount is in bytes_label
        self.progress_bar.setAccessibleName(self.tr("Progress"))
        self.bytes_label = QLabel()
        self.bytes_label.setAccessibleName(self.tr("Amount done"))
        self.cancel_button = self._button(self.tr("Cancel"), self.tr("Stop the current job"))
        self.cancel_button.clicked.connect(self.cancel_job)
        self.job_panel = QWidget()
        job_layout = QGridLayout(self.job_panel)
        job_layout.setContentsMargins(0, 0, 0, 0)
        job_layout.addWidget(self.status_label, 0, 0, 1, 3)
        job_layout.addWidget(self.progress_bar, 1, 0)
        job_layout.addWidget(self.bytes_label, 1, 1)
        job_layout.addWidget(self.cancel_button, 1, 2)
        job_layout.setColumnStretch(0, 1)
        self.job_panel.hide()

        self.install_button = self._button(
            self.tr("&Install from File…"), self.tr("Install a model from an .argosmodel file")
        )
        self.install_button.clicked.connect(self._on_install_button_clicked)
        self.download_button = self._button(
            self.tr("&Download…"), self.tr("Download an English–Korean model over the internet")
        )
        self.download_button.clicked.connect(self._on_download_button_clicked)
        self.remove_button = self._button(self.tr("&Remove"), self.tr("Remove the selected model"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.close_button = self._button(self.tr("Close"), self.tr("Close this window"))
        self.close_button.clicked.connect(self.reject)
        self.close_button.setDefault(True)
        buttons = QHBoxLayout()
        for button in (self.install_button, self.download_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation_label)
        layout.addWidget(self.location_label)
        layout.addSpacing(4)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)  # in the table's place while there is none
        layout.addWidget(self.job_panel)
        layout.addLayout(buttons)

        order = [
            self.table,
            self.install_button,
            self.download_button,
            self.remove_button,
            self.cancel_button,
            self.close_button,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _button(self, text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        return button

    # -- public API ----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._job is not None

    def packages(self) -> list[InstalledPackage]:
        return list(self._packages)

    def selected_package(self) -> InstalledPackage | None:
        rows = self.table.selectionModel().selectedRows()
        return self._packages[rows[0].row()] if rows else None

    def pair_label(self, from_code: str, to_code: str) -> str:
        """ "English → Korean"."""
        names = {"en": self.tr("English"), "ko": self.tr("Korean")}
        return self.tr("{source} → {target}").format(
            source=names.get(from_code, from_code), target=names.get(to_code, to_code)
        )

    def refresh(self) -> None:
        """Read the packages folder again and show what is there."""
        try:
            scan = self._store.scan()
        except OSError as error:
            self._report(
                Level.ERROR,
                self.tr("The models folder {folder} could not be read: {reason}.").format(
                    folder=self._store.packages_dir, reason=error.strerror or error
                ),
            )
            packages, broken = [], []
        else:
            packages, broken = scan.packages, scan.broken
        selected = self.selected_package()
        changed = packages != self._packages
        self._packages = list(packages)
        self.table.setRowCount(len(packages))
        for row, package in enumerate(packages):
            size = QTableWidgetItem(format_size(package.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells = [
                QTableWidgetItem(self.pair_label(package.from_code, package.to_code)),
                QTableWidgetItem(package.version),
                size,
            ]
            for column, item in enumerate(cells):
                item.setToolTip(f"{package.name}\n{package.path}")
                self.table.setItem(row, column, item)
            if selected is not None and package.path == selected.path:
                self.table.selectRow(row)
        if packages and self.selected_package() is None:
            self.table.selectRow(0)  # so a keyboard user tabbing in has a row to act on
        self.table.setVisible(bool(packages))
        self.empty_label.setVisible(not packages)
        self._report_broken([b.path for b in broken], [b.message for b in broken])
        self._update_buttons()
        if changed:
            self.packages_changed.emit()

    def install_file(self, path: Path) -> bool:
        """Install the ``.argosmodel`` file *path* in the background; False if busy."""
        if not self._may_start():
            return False
        store = self._store

        def work(token: CancelToken, progress: Progress) -> InstalledPackage:
            return store.install_from_path(path, progress=progress, cancelled=token)

        self._start_job(
            self.tr("Installing “{name}”…").format(name=path.name),
            work,
            self._on_installed,
            cancelled_text=self.tr("The installation was cancelled; nothing was changed."),
            failed_text=self.tr("“{name}” could not be installed.").format(name=path.name),
        )
        return True

    def start_download(self) -> bool:
        """Fetch the package list, let the user choose, download and install; False if busy."""
        if not self._may_start():
            return False

        def work(token: CancelToken, progress: Progress) -> list[RemotePackage]:
            return download.fetch_index(timeout=INDEX_TIMEOUT, cancelled=token)

        self._start_job(
            self.tr("Getting the list of models…"),
            work,
            self._on_index_fetched,
            cancelled_text=self.tr("The download was cancelled; nothing was installed."),
            failed_text=self.tr("The list of models could not be downloaded."),
            abandon_on_cancel=True,  # reading the list changes nothing
        )
        return True

    def cancel_job(self) -> None:
        job = self._job
        if job is None or not job.cancellable or job.token():
            return
        job.token.cancel()
        if job.abandon_on_cancel:  # e.g. a connection that hangs until its timeout
            self._job = None
            self._report(Level.INFO, job.cancelled_text)
            self._settle(False)
            return
        self._set_status(self.tr("Cancelling…"))  # the worker stops at its next check
        self._update_buttons()

    def choose_archive(self) -> Path | None:
        """Ask for an ``.argosmodel`` file (tests replace this method)."""
        filename, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Install a Translation Model"),
            str(Path.home()),
            self.tr("Argos Translate models (*.argosmodel);;All files (*)"),
        )
        return Path(filename) if filename else None

    def choose_remote(self, remotes: list[RemotePackage]) -> RemotePackage | None:
        """Ask which package to download (tests replace this method)."""
        labels = []
        for remote in remotes:
            label = self.tr("{pair}, version {version}").format(
                pair=self.pair_label(remote.from_code, remote.to_code), version=remote.version
            )
            if remote.size:
                label += f" ({format_size(remote.size)})"
            labels.append(label)
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Download a Model"),
            self.tr("Choose the model to download and install:"),
            labels,
            0,
            False,
        )
        return remotes[labels.index(label)] if ok and label in labels else None

    # -- jobs ------------------------------------------------------------------------------------

    def _may_start(self) -> bool:
        if self._job is not None:
            self._report(Level.WARNING, self.tr("Wait until the current job has finished."))
            return False
        return True

    def _start_job(
        self,
        status: str,
        work: Work,
        then: Callable[[Any], bool],
        *,
        cancelled_text: str,
        failed_text: str,
        cancellable: bool = True,
        abandon_on_cancel: bool = False,
    ) -> None:
        # Our own token rather than task.token: Task turns a result into "cancelled" when
        # Cancel came just after the work finished, but an install that happened must be told.
        token = CancelToken()

        def run() -> Any:
            return work(token, task.signals.progress.emit)

        task = Task(run)
        task.signals.progress.connect(self._on_job_progress)
        task.signals.finished.connect(self._on_job_finished)
        task.signals.failed.connect(self._on_job_failed)
        self._job = _Job(
            task, token, then, cancelled_text, failed_text, cancellable, abandon_on_cancel
        )
        self._tasks.append(task)
        self.message_bar.hide()  # an old message is about an earlier attempt
        self._set_status(status)
        self._reset_progress()
        self.job_panel.show()
        self._update_buttons()
        task.start()

    def _settle(self, ok: bool) -> None:
        self.job_panel.hide()
        self.refresh()
        self.job_finished.emit(ok)

    def _sending_job(self) -> _Job | None:
        """The current job, if the signal being handled comes from it (not an abandoned one)."""
        job = self._job
        return job if job is not None and self.sender() is job.task.signals else None

    @Slot(int, int)
    def _on_job_progress(self, done: int, total: int) -> None:
        if self._sending_job() is None:
            return
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
            amount = self.tr("{done} of {total}").format(
                done=format_size(done), total=format_size(total)
            )
        else:
            self.progress_bar.setRange(0, 0)  # unknown total: a busy indicator
            amount = format_size(done)
        self.bytes_label.setText(amount)
        self.bytes_label.setAccessibleName(amount)

    @Slot(str)
    def _on_stage_changed(self, status: str) -> None:
        if self._job is not None and not self._job.token():
            self._set_status(status)
            self._reset_progress()

    @Slot(object)
    def _on_job_finished(self, result: object) -> None:
        job = self._sending_job()
        if job is None:
            return
        self._job = None
        ok = False
        try:
            ok = job.then(result)
        finally:  # even if `then` fails, the dialog must not stay busy
            if self._job is None:  # unless `then` started a follow-up job
                self._settle(ok)

    @Slot(object)
    def _on_job_failed(self, error: BaseException) -> None:
        job = self._sending_job()
        if job is None:
            return
        self._job = None
        if isinstance(error, Cancelled):
            self._report(Level.INFO, job.cancelled_text)
        elif isinstance(error, PackageError | ArchiveError | DownloadError):
            self._report(Level.ERROR, str(error))  # complete sentences for the user
        else:
            self._report(Level.ERROR, job.failed_text, repr(error))
        self._settle(False)

    def _on_installed(self, package: InstalledPackage) -> bool:
        self._report(
            Level.INFO,
            self.tr("Installed {name} ({pair}).").format(
                name=package.name, pair=self.pair_label(package.from_code, package.to_code)
            ),
        )
        return True

    def _on_removed(self, package: InstalledPackage) -> bool:
        self._report(
            Level.INFO,
            self.tr("Removed {name} ({pair}).").format(
                name=package.name, pair=self.pair_label(package.from_code, package.to_code)
            ),
        )
        return True

    def _on_index_fetched(self, remotes: list[RemotePackage]) -> bool:
        installed = {(p.from_code, p.to_code) for p in self._packages}
        choices = [r for r in remotes if (r.from_code, r.to_code) not in installed]
        if not remotes:
            self._report(Level.WARNING, self.tr("The list of models has no English–Korean models."))
            return False
        if not choices:
            self._report(
                Level.INFO,
                self.tr(
                    "Every English–Korean model in the list is already installed. To install "
                    "another version, remove the installed one first."
                ),
            )
            return False
        remote = self.choose_remote(choices)
        if remote is None:
            return False
        self._start_download(remote)
        return True

    def _start_download(self, remote: RemotePackage) -> None:
        store = self._store
        folder = self._download_dir or paths.data_dir() / "downloads"
        installing = self.tr("Installing {name}…").format(name=remote.name)
        stage = self._stage_changed

        def work(token: CancelToken, progress: Progress) -> InstalledPackage:
            return download_and_install(
                store,
                remote,
                folder,
                installing=lambda: stage.emit(installing),
                progress=progress,
                cancelled=token,
            )

        self._start_job(
            self.tr("Downloading {name}…").format(name=remote.name),
            work,
            self._on_installed,
            cancelled_text=self.tr("The download was cancelled; nothing was installed."),
            failed_text=self.tr("{name} could not be downloaded.").format(name=remote.name),
        )

    # -- helpers ---------------------------------------------------------------------------------

    def _report(self, level: Level, text: str, detail: str = "") -> None:
        message = Message(level, text, detail)
        self._messages.post(message)
        self.message_bar.show_message(message)

    def _report_broken(self, folders: list[Path], reasons: list[str]) -> None:
        if tuple(folders) == self._reported_broken:
            return
        self._reported_broken = tuple(folders)
        if not folders:
            return
        if len(folders) == 1:
            text = self.tr("A folder among the installed models cannot be used.")
        else:
            text = self.tr("{count} folders among the installed models cannot be used.").format(
                count=len(folders)
            )
        hint = self.tr(
            "Dari ignores them. Other Argos Translate tools may stop working until they are "
            "removed from {folder}."
        ).format(folder=self._store.packages_dir)
        self._report(Level.WARNING, text, "\n".join([*reasons, hint]))

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setAccessibleName(text)

    def _reset_progress(self) -> None:
        self.progress_bar.setRange(0, 0)
        self.bytes_label.clear()

    @Slot()
    def _update_buttons(self) -> None:
        idle = self._job is None
        self.install_button.setEnabled(idle)
        self.download_button.setEnabled(idle)
        self.remove_button.setEnabled(idle and self.selected_package() is not None)
        job = self._job
        self.cancel_button.setEnabled(job is not None and job.cancellable and not job.token())

    def done(self, result: int) -> None:
        self.cancel_job()  # busy until the worker has stopped and reported
        super().done(result)

    # -- slots -----------------------------------------------------------------------------------

    @Slot()
    def _on_install_button_clicked(self) -> None:
        path = self.choose_archive()
        if path is not None:
            self.install_file(path)

    @Slot()
    def _on_download_button_clicked(self) -> None:
        self.start_download()

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        package = self.selected_package()
        if package is None or not self._may_start():
            return
        pair = self.pair_label(package.from_code, package.to_code)
        answer = QMessageBox.question(
            self,
            self.tr("Remove Model"),
            self.tr(
                "Remove {name} ({pair})? It frees {size}. To translate {pair} again, you will "
                "have to install a model for it again."
            ).format(name=package.name, pair=pair, size=format_size(package.size)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        store = self._store

        def work(token: CancelToken, progress: Progress) -> InstalledPackage:
            store.remove(package)
            return package

        self._start_job(
            self.tr("Removing {name}…").format(name=package.name),
            work,
            self._on_removed,
            cancelled_text="",
            failed_text=self.tr("{name} could not be removed.").format(name=package.name),
            cancellable=False,
        )
