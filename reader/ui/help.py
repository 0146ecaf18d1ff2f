"""The keyboard help page (F1): every menu action with its shortcut, read from the menus
themselves so it can never fall out of date."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMenuBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


def shortcut_rows(menu_bar: QMenuBar) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(action text, shortcuts)]) for every menu, in menu order."""
    sections = []
    for menu_action in menu_bar.actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        rows: list[tuple[str, str]] = []
        _collect(menu.actions(), rows, prefix="")
        if rows:
            sections.append((menu_action.text().replace("&", ""), rows))
    return sections


def _collect(actions: list[QAction], rows: list[tuple[str, str]], prefix: str) -> None:
    for action in actions:
        if action.isSeparator():
            continue
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            label = action.text().replace("&", "")
            _collect(submenu.actions(), rows, prefix=f"{prefix}{label} › ")
            continue
        keys = ", ".join(
            key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
        )
        rows.append((prefix + action.text().replace("&", ""), keys))


class HelpDialog(QDialog):
    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Dari Keyboard Help"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.browser.setHtml(self._html(menu_bar))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 720)

    def _html(self, menu_bar: QMenuBar) -> str:
        parts = [
            f"<h2>{escape(self.tr('Keyboard shortcuts'))}</h2>",
            "<p>" + escape(self.tr(
                "Every command is in a menu: press Alt (or F10) to reach the menu bar, then "
                "the underlined letter. Tab moves between the panes and the panels."
            )) + "</p>",
        ]
        for title, rows in shortcut_rows(menu_bar):
            parts.append(f"<h3>{escape(title)}</h3><table cellpadding='4'>")
            for text, keys in rows:
                parts.append(
                    f"<tr><td>{escape(text)}</td><td><b>{escape(keys or '—')}</b></td></tr>"
                )
            parts.append("</table>")
        return "".join(parts)
