"""File › Library: the articles bundled with Dari and the files opened lately, to open with
Enter or a double-click. A recent file that is no longer there is marked and stays listed
until it is removed (it may be on a drive that is not plugged in)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.library import BundledArticle

PATH_ROLE = Qt.ItemDataRole.UserRole
MISSING_ROLE = Qt.ItemDataRole.UserRole + 1
PAD = 6  # pixels above and below each entry

Index = QModelIndex | QPersistentModelIndex


class _EntryDelegate(QStyledItemDelegate):
    """Rows with room to breathe: entries of one or two lines, headings with air above."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        extra = 2 * PAD + (PAD if not index.parent().isValid() else 0)
        return QSize(size.width(), size.height() + extra)


class LibraryDialog(QDialog):
    open_requested = Signal(object)  # Path
    remove_requested = Signal(str)  # a recent file's path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryDialog")
        self.setWindowTitle(self.tr("Library"))
        self.resize(640, 460)
        intro = QLabel(self.tr("Choose a text to read. Enter or a double-click opens it."))
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("libraryList")
        self.tree.setAccessibleName(self.tr("Texts to open"))
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(12)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(_EntryDelegate(self.tree))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self.problem = QLabel()
        self.problem.setObjectName("libraryProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("libraryOpen")
        self.open_button.setDefault(True)
        self.remove_button = QPushButton(self.tr("&Remove from List"))
        self.remove_button.setObjectName("libraryRemove")
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def set_contents(self, articles: list[BundledArticle], recent: list[str]) -> None:
        """Fill the list: bundled articles first, then recent files, most recent first."""
        self.tree.clear()
        self.problem.hide()
        bundled = self._heading(self.tr("Articles that come with Dari"))
        for article in articles:
            lines = [article.title_en, article.title_ko] if article.title_ko else [
                article.title_en]
            self._entry(bundled, lines, article.path, missing=False)
        recent_heading = self._heading(self.tr("Recent files"))
        if not recent:
            empty = QTreeWidgetItem(recent_heading, [self.tr("No files opened yet.")])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
        for entry in recent:
            path = Path(entry)
            missing = not path.is_file()
            where = str(path.parent)
            if missing:
                where = self.tr("Missing — was in {folder}").format(folder=where)
            self._entry(recent_heading, [path.name, where], path, missing=missing)
        self.tree.expandAll()
        first = bundled.child(0) or recent_heading.child(0)
        if first is not None and first.flags() & Qt.ItemFlag.ItemIsSelectable:
            self.tree.setCurrentItem(first)
        self._on_tree_current_item_changed(self.tree.currentItem(), None)

    def _heading(self, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [text])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: not selectable
        font = QFont(self.tree.font())
        font.setBold(True)
        item.setFont(0, font)
        item.setTextAlignment(0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        return item

    def _entry(self, parent: QTreeWidgetItem, lines: list[str], path: Path, *,
               missing: bool) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, ["\n".join(lines)])
        item.setData(0, PATH_ROLE, str(path))
        item.setData(0, MISSING_ROLE, missing)
        item.setToolTip(0, str(path))
        if missing:
            colour = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            item.setForeground(0, QBrush(colour))
        return item

    def current_path(self) -> Path | None:
        item = self.tree.currentItem()
        value = item.data(0, PATH_ROLE) if item is not None else None
        return Path(value) if value else None

    def _is_recent(self, item: QTreeWidgetItem | None) -> bool:
        heading = item.parent() if item is not None else None
        return heading is not None and self.tree.indexOfTopLevelItem(heading) == 1

    @Slot(QTreeWidgetItem, int)
    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        value = item.data(0, PATH_ROLE)
        if not value:
            return
        if item.data(0, MISSING_ROLE):
            self.problem.setText(self.tr(
                "“{name}” is no longer there. It may have been moved or deleted, or be on a "
                "drive that is not connected."
            ).format(name=Path(value).name))
            self.problem.show()
            return
        self.accept()
        self.open_requested.emit(Path(value))

    @Slot()
    def _on_open_button_clicked(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self._on_tree_item_activated(item)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        item = self.tree.currentItem()
        if item is not None and self._is_recent(item):
            self.remove_requested.emit(item.data(0, PATH_ROLE))

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_tree_current_item_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        has_path = current is not None and bool(current.data(0, PATH_ROLE))
        self.open_button.setEnabled(has_path)
        self.remove_button.setEnabled(has_path and self._is_recent(current))
