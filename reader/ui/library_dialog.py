"""File › Library: the articles bundled with Dari and the files opened lately, to open with
Enter or a double-click. A recent file that is no longer there is marked and stays listed
until it is removed (Delete, or Remove from List: it may be on a drive that is not plugged
in). The list is in the reading type, up to PANEL_MAX_POINTS, with the Korean family
chosen explicitly for the Korean titles."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontInfo,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QResizeEvent,
)
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

from reader.document.model import Lang
from reader.library import BundledArticle
from reader.ui.fonts import family_for

PATH_ROLE = Qt.ItemDataRole.UserRole
MISSING_ROLE = Qt.ItemDataRole.UserRole + 1
PAD = 6  # pixels above and below each entry
PANEL_MAX_POINTS = 20.0

Index = QModelIndex | QPersistentModelIndex


TEXT_MARGIN = 8  # pixels the style keeps either side of an item's text (Fusion: 3 + 3)


class _EntryDelegate(QStyledItemDelegate):
    """Rows with room to breathe: entries of one or two lines, headings with air above.
    A line too long for the list wraps; the row is as tall as the wrapped text (Qt's own
    measure assumes a wider column than the text gets, and cuts the last lines off)."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        depth = 1 if index.parent().isValid() else 0
        width = self.view.viewport().width() - depth * self.view.indentation() - TEXT_MARGIN
        if width > 0:
            wrapped = QFontMetrics(opt.font).boundingRect(
                QRect(0, 0, width, 1 << 20), Qt.TextFlag.TextWordWrap, opt.text)
            size.setHeight(max(size.height(), wrapped.height()))
        extra = 2 * PAD + (PAD if not depth else 0)
        return QSize(size.width(), size.height() + extra)


class _List(QTreeWidget):
    """Arrows, Page Up/Down, Home and End step over the headings (so the Open button is
    always for a text); Delete asks for the chosen entry to be removed; rows are measured
    again when the width changes (wrapped lines come and go)."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Delete):
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def moveCursor(  # noqa: N802
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        start = self.currentIndex()
        index = super().moveCursor(action, modifiers)
        if not index.isValid() or index.flags() & Qt.ItemFlag.ItemIsSelectable:
            return index
        Move = QAbstractItemView.CursorAction
        upwards = action in (Move.MoveUp, Move.MovePageUp, Move.MoveHome, Move.MovePrevious,
                             Move.MoveLeft)
        step = self.indexAbove if upwards else self.indexBelow
        while index.isValid() and not index.flags() & Qt.ItemFlag.ItemIsSelectable:
            index = step(index)
        if index.isValid():
            return index
        # Nothing to choose that way (Home onto the first heading, Up from the first text):
        # the other way from there, else stay.
        index = super().moveCursor(action, modifiers)
        other = self.indexBelow if upwards else self.indexAbove
        while index.isValid() and not index.flags() & Qt.ItemFlag.ItemIsSelectable:
            index = other(index)
        return index if index.isValid() else start

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()


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
        self.tree = _List()
        self.tree.setObjectName("libraryList")
        self.tree.setAccessibleName(self.tr("Texts to open"))
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(12)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)  # long titles wrap rather than end in "…"
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.header().setStretchLastSection(True)
        self.tree.setItemDelegate(_EntryDelegate(self.tree))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self.tree.delete_pressed.connect(self._on_remove_button_clicked)
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
        self.remove_button.setToolTip(self.tr(
            "Take the chosen recent file off this list (Delete). The file itself stays."))
        self.open_button.setAccessibleName(self.tr("Open the chosen text"))
        self.remove_button.setAccessibleName(self.tr("Remove the chosen file from the list"))
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
        self.set_reading_font(self.tree.font())
        self.tree.setFocus()

    def set_reading_font(self, font: QFont) -> None:
        """List the texts in `font` (the reading type; at most PANEL_MAX_POINTS), with the
        Korean family after the Latin one so Hangul titles do not depend on fallback."""
        font = QFont(font)
        if font.pointSizeF() > PANEL_MAX_POINTS:
            font.setPointSizeF(PANEL_MAX_POINTS)
        # The family as resolved: a generic name such as "Sans Serif" in a list of
        # families is not resolved, and the Korean family would then draw the Latin too.
        font.setFamilies([QFontInfo(font).family(), family_for(Lang.KO)])
        self.tree.setFont(font)
        bold = QFont(font)
        bold.setBold(True)
        for i in range(self.tree.topLevelItemCount()):  # headings carry their own font
            heading = self.tree.topLevelItem(i)
            if heading is not None:
                heading.setFont(0, bold)
        self.tree.doItemsLayout()

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
            item = self._entry(recent_heading, [path.name, where], path, missing=missing)
            if missing:
                item.setToolTip(0, self.tr("{path} is no longer there.").format(path=path))
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
        """Ask for the chosen recent file to be forgotten; the one after it (or before it,
        at the end) is chosen next, so Delete can be pressed again."""
        item = self.tree.currentItem()
        heading = item.parent() if item is not None else None
        if item is None or heading is None or not self._is_recent(item):
            return
        row = heading.indexOfChild(item)
        self.remove_requested.emit(item.data(0, PATH_ROLE))
        recent = self.tree.topLevelItem(1)  # the list is filled again by now
        nearest = recent.child(min(row, recent.childCount() - 1)) if (
            recent is not None and recent.childCount()) else None
        if nearest is not None and nearest.flags() & Qt.ItemFlag.ItemIsSelectable:
            self.tree.setCurrentItem(nearest)

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_tree_current_item_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        self.problem.hide()  # it was about the entry chosen before
        has_path = current is not None and bool(current.data(0, PATH_ROLE))
        self.open_button.setEnabled(has_path)
        self.remove_button.setEnabled(has_path and self._is_recent(current))
