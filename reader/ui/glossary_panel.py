"""The glossary side panel: search, the list of terms, and the entry being looked at.

A dock on the left or right of the window. Typing searches both languages at once
(:meth:`Glossary.search`, best matches first); the list shows the terms of the open
document or all terms. Enter (in the search field or the list) or "Next Occurrence"
walks through the sentences containing the selected term; Delete deletes it; Ctrl+Z and
Ctrl+Shift+Z undo and redo glossary edits while the panel has the keyboard focus (the
search field keeps Ctrl+Z for its own text). The panel only shows and asks: the
controller (``glossary_ui``) does the work.
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QSize,
    Qt,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.document.model import Lang
from reader.glossary.model import Entry, EntryOrigin, Glossary
from reader.ui.fonts import family_for

ID_ROLE = Qt.ItemDataRole.UserRole
DOCUMENT_SCOPE, ALL_SCOPE = 0, 1


def category_label(name: str) -> str:
    labels = {
        "people": QCoreApplication.translate("Glossary", "People"),
        "place": QCoreApplication.translate("Glossary", "Places"),
        "institution": QCoreApplication.translate("Glossary", "Institutions"),
        "programme": QCoreApplication.translate("Glossary", "Programmes"),
        "idea": QCoreApplication.translate("Glossary", "Ideas"),
        "everyday": QCoreApplication.translate("Glossary", "Everyday life"),
        "money": QCoreApplication.translate("Glossary", "Money"),
        "health": QCoreApplication.translate("Glossary", "Health"),
        "housing": QCoreApplication.translate("Glossary", "Housing"),
        "work": QCoreApplication.translate("Glossary", "Work"),
        "shopping": QCoreApplication.translate("Glossary", "Shopping"),
        "banking": QCoreApplication.translate("Glossary", "Banking"),
        "documents": QCoreApplication.translate("Glossary", "Documents"),
        "transport": QCoreApplication.translate("Glossary", "Transport"),
        "education": QCoreApplication.translate("Glossary", "Education"),
        "technology": QCoreApplication.translate("Glossary", "Technology"),
        "safety": QCoreApplication.translate("Glossary", "Safety"),
        "security": QCoreApplication.translate("Glossary", "Security"),
        "food": QCoreApplication.translate("Glossary", "Food"),
        "general": QCoreApplication.translate("Glossary", "General"),
    }
    return labels.get(name, name)


class ElidingComboBox(QComboBox):
    """A combo box that asks for the width of its longest item but may be narrowed to
    `minimumContentsLength` characters; its text is then cut with "…" and shown whole in
    the tooltip, rather than clipped mid-letter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.currentIndexChanged.connect(self._update_tooltip)

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()  # room for minimumContentsLength characters
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())),
                      default=0)
        room = metrics.horizontalAdvance("X") * self.minimumContentsLength()
        return QSize(hint.width() + max(0, longest - room), hint.height())

    def _field_width(self) -> int:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                           QStyle.SubControl.SC_ComboBoxEditField, self).width()

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.currentText()) > self._field_width()

    def _update_tooltip(self) -> None:
        self.setToolTip(self.currentText() if self.is_elided() else "")

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, self._field_width())
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._update_tooltip()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_tooltip()


class _PanelBody(QWidget):
    """The panel's controls. Asked its height for a width (it has wrapping labels), it
    answers the least it can do with, not what it would like: the scroll area around it
    then shrinks the list and the entry to fit the dock, and scrolls only below that."""

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return super().heightForWidth(width)
        return layout.minimumHeightForWidth(width)


class _PanelScroller(QScrollArea):
    """Scrolls the panel's controls up and down, never sideways: the dock is kept at least
    as wide as the controls need (the widest button), and starts as wide as they would
    like (the scope's longest choice too), up to a third of the window."""

    def __init__(self, body: QWidget) -> None:
        super().__init__()
        self.body = body
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(True)
        self.setWidget(body)

    def _beside(self) -> int:
        """The width the scroll area takes beside its contents: the scroll bar's."""
        return self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.body.minimumSizeHint().width() + self._beside(),
                     super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        wanted = self.body.sizeHint().width() + self._beside()
        window = self.window()
        if isinstance(window, QMainWindow):
            wanted = min(wanted, window.width() // 3)
        return QSize(max(wanted, self.minimumSizeHint().width()), super().sizeHint().height())


class GlossaryPanel(QDockWidget):
    entry_selected = Signal(str)  # an entry id; "" when nothing is selected
    next_requested = Signal()  # Enter, or the Next Occurrence button
    add_requested = Signal()
    edit_requested = Signal()
    delete_requested = Signal()
    undo_requested = Signal()
    redo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryDock")
        self.setWindowTitle(self.tr("Glossary"))
        self.setAccessibleName(self.tr("Glossary panel"))
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.glossary: Glossary | None = None
        self.present: set[str] = set()
        self.shown_id = ""

        self.search = QLineEdit()
        self.search.setObjectName("glossarySearch")
        self.search.setPlaceholderText(self.tr("Search English or Korean"))
        self.search.setAccessibleName(self.tr("Search the glossary"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.search.placeholderText())  # shown cut short when narrow
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.search.installEventFilter(self)
        self.scope = ElidingComboBox()
        self.scope.setObjectName("glossaryScope")
        self.scope.setAccessibleName(self.tr("Which terms to list"))
        self.scope.addItems([self.tr("Terms in this document"), self.tr("All terms")])
        self.scope.setMinimumContentsLength(8)
        self.scope.currentIndexChanged.connect(self._on_scope_current_index_changed)
        self.list = QListWidget()
        self.list.setObjectName("glossaryList")
        self.list.setAccessibleName(self.tr("Glossary terms"))
        self.list.setUniformItemSizes(True)  # long terms are elided, not scrolled to
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.list.installEventFilter(self)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.count_label.setObjectName("glossaryCount")
        self.count_label.setAccessibleName(self.tr("Number of terms listed"))

        self.title = QLabel(self.tr("No term selected"))
        self.title.setObjectName("glossaryEntryTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setAccessibleName(self.tr("Selected term"))
        self.details = QTextBrowser()
        self.details.setObjectName("glossaryDetails")
        self.details.setAccessibleName(self.tr("Glossary entry"))
        self.details.setOpenLinks(False)
        self.occurrence_label = QLabel()
        self.occurrence_label.setWordWrap(True)
        self.occurrence_label.setObjectName("glossaryOccurrence")
        self.occurrence_label.setAccessibleName(self.tr("Occurrence"))
        self.next_button = self._button("glossaryNext", self.tr("Ne&xt Occurrence"),
                                         self.next_requested)
        self.add_button = self._button("glossaryAdd", self.tr("&Add…"), self.add_requested)
        self.edit_button = self._button("glossaryEdit", self.tr("Ed&it…"), self.edit_requested)
        self.delete_button = self._button("glossaryDelete", self.tr("De&lete"),
                                          self.delete_requested)

        buttons = QGridLayout()
        buttons.setSpacing(2)
        buttons.addWidget(self.next_button, 0, 0, 1, 3)
        # One button a row: labels never clip, whatever the language or type size.
        for row, button in enumerate((self.add_button, self.edit_button, self.delete_button)):
            buttons.addWidget(button, row + 1, 0, 1, 3)
        body = _PanelBody()
        body.setObjectName("glossaryBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.scope)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.count_label)
        layout.addWidget(self.title)
        layout.addWidget(self.details, 3)
        layout.addWidget(self.occurrence_label)
        layout.addLayout(buttons)
        # Too short for everything (large type, a small window), the panel scrolls rather
        # than cutting controls off or squeezing the reading panes.
        scroller = _PanelScroller(body)
        scroller.setObjectName("glossaryScroller")
        scroller.setAccessibleName(self.tr("Glossary panel"))
        self.body, self.scroller = body, scroller
        self.setWidget(scroller)
        for first, second in ((self.search, self.scope), (self.scope, self.list),
                              (self.list, self.next_button), (self.next_button, self.details),
                              (self.details, self.add_button)):
            QWidget.setTabOrder(first, second)
        self.show_entry(None)

    def _button(self, name: str, text: str, signal: SignalInstance) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(signal.emit)
        return button

    # -- content ------------------------------------------------------------------------
    def set_glossary(self, glossary: Glossary | None, present: set[str] | None = None) -> None:
        self.glossary = glossary
        if present is not None:
            self.present = present
        self.refresh()

    def set_present(self, present: set[str]) -> None:
        if present != self.present:
            self.present = present
            if self.scope.currentIndex() == DOCUMENT_SCOPE:
                self.refresh()

    def refresh(self) -> None:
        """List the entries fitting the search and the scope, keeping the selection."""
        entries = self.glossary.search(self.search.text()) if self.glossary is not None else []
        if self.scope.currentIndex() == DOCUMENT_SCOPE:
            entries = [e for e in entries if e.id in self.present]
        self.list.blockSignals(True)
        self.list.clear()
        for entry in entries:
            item = QListWidgetItem(f"{entry.en} — {entry.ko}")
            item.setData(ID_ROLE, entry.id)
            if entry.origin is not EntryOrigin.BUNDLED:
                item.setToolTip(self._source_text(entry))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.select(self.shown_id)
        self.count_label.setText(self.tr("Terms listed: {count}").format(count=len(entries)))

    def listed_ids(self) -> list[str]:
        return [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]

    def select(self, entry_id: str) -> bool:
        """Make `entry_id` the list's current item, if listed (without signalling)."""
        self.list.blockSignals(True)
        try:
            for row in range(self.list.count()):
                if self.list.item(row).data(ID_ROLE) == entry_id:
                    self.list.setCurrentRow(row)
                    return True
            self.list.setCurrentRow(-1)
            return False
        finally:
            self.list.blockSignals(False)

    def show_entry(self, entry: Entry | None) -> None:
        """Show the whole entry: terms and variants, definitions, North Korean usage,
        category, note and whose it is."""
        self.shown_id = entry.id if entry is not None else ""
        for button in (self.next_button, self.edit_button, self.delete_button):
            button.setEnabled(entry is not None)
        self.occurrence_label.clear()
        if entry is None:
            self.title.setText(self.tr("No term selected"))
            self.details.setHtml(
                "<p>" + html.escape(self.tr(
                    "Click an underlined term in either pane, or pick one from the list."
                )) + "</p>"
            )
            return
        self.title.setText(f"{entry.en} — {entry.ko}")
        self.title.setAccessibleName(self.title.text())
        e = html.escape
        rows = [
            (self.tr("English"), e(entry.en), entry.en_variants),
            (self.tr("Korean"), e(entry.ko), entry.ko_variants),
        ]
        out = []
        for label, term, variants in rows:
            also = f" <span>({e(', '.join(variants))})</span>" if variants else ""
            out.append(f"<p><b>{e(label)}:</b> {term}{also}</p>")
        for text in (entry.en_definition, entry.ko_definition):
            if text:
                out.append(f"<p>{e(text)}</p>")
        if entry.nk_usage:
            label = self.tr("In North Korea")
            if not any("\uac00" <= ch <= "\ud7a3" for ch in label):
                label += " (북한에서는)"  # the English UI names it in Korean too
            out.append(f"<p><b>{e(label)}:</b> {e(entry.nk_usage)}</p>")
        tr_category, tr_note, tr_source = (
            self.tr("Category"), self.tr("Note"), self.tr("Source"))
        out.append(f"<p><b>{e(tr_category)}:</b> {e(category_label(entry.category))}</p>")
        if entry.note:
            out.append(f"<p><b>{e(tr_note)}:</b> {e(entry.note)}</p>")
        out.append(f"<p><b>{e(tr_source)}:</b> {e(self._source_text(entry))}</p>")
        self.details.setHtml("".join(out))

    def _source_text(self, entry: Entry) -> str:
        if entry.origin is EntryOrigin.USER:
            return self.tr("yours")
        name = entry.source.removeprefix("bundled:")
        if entry.origin is EntryOrigin.OVERRIDE:
            return self.tr("bundled ({file}), changed by you").format(file=name)
        return self.tr("bundled ({file})").format(file=name)

    def set_occurrence_text(self, text: str) -> None:
        self.occurrence_label.setText(text)
        self.occurrence_label.setAccessibleName(text or self.tr("Occurrence"))

    PANEL_MAX_POINTS = 20.0

    def set_reading_font(self, font: QFont) -> None:
        """Follow the reading size, up to PANEL_MAX_POINTS: a side panel in 28-point type
        would take a third of a small window and clip its own controls. The entry's heading
        is a little larger and bold."""
        font = QFont(font)
        if font.pointSizeF() > self.PANEL_MAX_POINTS:
            font.setPointSizeF(self.PANEL_MAX_POINTS)
        body = self.body
        body.setFont(font)
        for child in body.findChildren(QWidget):  # the theme's style sheet stops propagation
            child.setFont(font)
        # Every row in one font (the Korean family carries Latin too), so that rows with
        # and without Hangul line up alike.
        listed = QFont(font)
        listed.setFamilies([family_for(Lang.KO), *font.families()])
        self.list.setFont(listed)
        heading = QFont(font)
        heading.setBold(True)
        heading.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(heading)
        self.refresh()  # the list's row height is measured when it is filled
        # The dock's least width changed with the type: measure it now, and tell the window.
        layout = body.layout()
        if layout is not None:
            layout.activate()
        self.scroller.updateGeometry()

    # -- keys -----------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Claim Ctrl+Z / Ctrl+Shift+Z from the window's (sentence) undo while the focus is
        # in the panel; the search field claims them first for its own text.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
        elif event.matches(QKeySequence.StandardKey.Redo):
            self.redo_requested.emit()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.list and event.key() == Qt.Key.Key_Delete:
                self.delete_requested.emit()
                return True
            if watched is self.search and event.key() == Qt.Key.Key_Down and self.list.count():
                self.list.setFocus(Qt.FocusReason.TabFocusReason)
                if self.list.currentRow() < 0:
                    self.list.setCurrentRow(0)
                return True
        return super().eventFilter(watched, event)

    # -- slots ----------------------------------------------------------------------------
    @Slot(str)
    def _on_search_text_changed(self, _text: str) -> None:
        self.refresh()

    @Slot()
    def _on_search_return_pressed(self) -> None:
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)  # selects (and signals) the best match
        if self.list.currentRow() >= 0:
            self.next_requested.emit()

    @Slot(int)
    def _on_scope_current_index_changed(self, _index: int) -> None:
        self.refresh()

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_list_current_item_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        self.entry_selected.emit(current.data(ID_ROLE) if current is not None else "")

    @Slot(QListWidgetItem)
    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.next_requested.emit()
