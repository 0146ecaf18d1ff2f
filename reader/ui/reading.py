"""Reading comfort: type size and family per pane, spacing, line width, theme colours,
focus mode, and session mode for a counsellor sitting with a client.

The controller owns the actions for these, applies preferences to the panes whenever
a ``pref/`` setting changes (so the Preferences dialog works live), and keeps each pane
on the same sentence when its type changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu

from reader.document.model import Lang
from reader.settings import FONT_SIZE_RANGE, KEYS
from reader.ui.decorations import Colours
from reader.ui.fonts import family_for, reading_font
from reader.ui.labels import plain_label

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

SIZE_STEPS = (8, 9, 10, 11, 12, 13, 14, 16, 18, 20, 22, 24, 28, 32, 36, 40, 48, 56, 64, 72)
STYLE_KEYS = {
    "pref/font_size_en", "pref/font_size_ko", "pref/font_family_en", "pref/font_family_ko",
    "pref/line_spacing", "pref/paragraph_spacing", "pref/max_line_width", "pref/theme",
}


def step_size(size: int, direction: int) -> int:
    """The next size on the ladder in `direction` (+1 larger, -1 smaller), clamped."""
    low, high = FONT_SIZE_RANGE
    if direction > 0:
        bigger = [s for s in SIZE_STEPS if s > size]
        return min(high, bigger[0] if bigger else high)
    smaller = [s for s in SIZE_STEPS if s < size]
    return max(low, smaller[-1] if smaller else low)


class ReadingController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.session_active = False
        self._before_session: dict[str, Any] = {}
        self.colours: Colours | None = None
        self._build_actions()
        self.settings.changed.connect(self._on_settings_changed)

    # -- actions ----------------------------------------------------------------
    def _build_actions(self) -> None:
        w = self.window

        def action(text: str, slot: Any, keys: list[str], name: str, *,
                   checkable: bool = False) -> QAction:
            act = QAction(w)  # see MainWindow._action
            act.setText(text)
            act.setObjectName(name)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setCheckable(checkable)
            (act.toggled if checkable else act.triggered).connect(slot)
            act.setIconText(plain_label(text))
            w.addAction(act)
            return act

        self.larger_action = action(self.tr("&Larger Text"), lambda: self.change_size(+1),
                                    ["Ctrl+=", "Ctrl++"], "largerText")
        self.smaller_action = action(self.tr("&Smaller Text"), lambda: self.change_size(-1),
                                     ["Ctrl+-"], "smallerText")
        self.reset_size_action = action(self.tr("&Default Size"), self.reset_size, ["Ctrl+0"],
                                        "defaultTextSize")
        self.larger_both_action = action(
            self.tr("Larger Text in &Both Panes"), lambda: self.change_size(+1, both=True),
            ["Ctrl+Shift+="], "largerTextBoth")
        self.smaller_both_action = action(
            self.tr("Smaller Text in B&oth Panes"), lambda: self.change_size(-1, both=True),
            ["Ctrl+Shift+-"], "smallerTextBoth")
        self.focus_action = action(self.tr("&Focus Mode"), self.set_focus_mode, ["F8"],
                                   "focusMode", checkable=True)
        self.session_action = action(self.tr("Sess&ion Mode"), self.set_session_mode, ["F9"],
                                     "sessionMode", checkable=True)
        self.reveal_action = action(self.tr("&Reveal Translation"), self.reveal_current,
                                    ["Ctrl+R"], "revealTranslation")
        self.reveal_action.setEnabled(False)
        for act in (self.larger_action, self.smaller_action, self.reset_size_action):
            act.setToolTip(
                plain_label(act.text()) + " " + self.tr("(in the pane you are reading)")
            )

    def populate_menu(self, view_menu: QMenu) -> None:
        size_menu = view_menu.addMenu(self.tr("Text Si&ze"))
        size_menu.addActions([self.larger_action, self.smaller_action, self.reset_size_action])
        size_menu.addSeparator()
        size_menu.addActions([self.larger_both_action, self.smaller_both_action])
        view_menu.addSeparator()
        view_menu.addActions([self.focus_action, self.session_action, self.reveal_action])

    # -- type size --------------------------------------------------------------
    def change_size(self, direction: int, *, both: bool = False) -> None:
        langs = list(Lang) if both else [self.window.active_language()]
        for lang in langs:
            key = f"pref/font_size_{lang.value}"
            self.settings.set(key, step_size(self.settings.get(key), direction))

    def reset_size(self) -> None:
        lang = self.window.active_language()
        key = f"pref/font_size_{lang.value}"
        self.settings.set(key, KEYS[key].default)

    def font_for(self, lang: Lang) -> Any:
        size = int(self.settings.get(f"pref/font_size_{lang.value}"))
        if self.session_active and lang.value == self.settings.get("pref/session_client_language"):
            size = max(size, int(self.settings.get("pref/session_font_size")))
        font = reading_font(lang, size)
        family = self.settings.get(f"pref/font_family_{lang.value}")
        if family:
            font.setFamilies([family, family_for(lang), family_for(Lang.KO)])
        return font

    def apply_all(self, *, style_sheet: bool = True) -> None:
        """Apply every reading preference to both panes (and the theme to the app)."""
        theme_colours = self._theme_colours(style_sheet=style_sheet)
        for lang, pane in self.window.panes.items():
            pane.view.set_reading_style(
                self.font_for(lang),
                line_spacing=int(self.settings.get("pref/line_spacing")),
                paragraph_spacing=int(self.settings.get("pref/paragraph_spacing")),
                max_line_width=int(self.settings.get("pref/max_line_width")),
                colours=theme_colours,
            )

    def apply_style_sheet(self) -> None:
        """The theme's style sheet alone (deferred at start-up until after the first frame)."""
        self._theme_colours(style_sheet=True)

    def _theme_colours(self, *, style_sheet: bool = True) -> Colours | None:
        import reader.ui.themes as themes

        theme = themes.theme_named(self.settings.get("pref/theme"))
        instance = QApplication.instance()
        if isinstance(instance, QApplication):
            themes.apply_theme(instance, theme, style_sheet=style_sheet)
        self.colours = themes.colours_for(theme)
        return self.colours

    @Slot(str, object)
    def _on_settings_changed(self, name: str, _value: object) -> None:
        if name in STYLE_KEYS:
            self.apply_all()

    # -- focus mode ---------------------------------------------------------------
    def set_focus_mode(self, on: bool) -> None:
        for pane in self.window.panes.values():
            pane.view.set_focus_mode(on)
        if on and self.window.linker.current is None and self.window.document is not None:
            self.window.linker.step(self.window.active_language(), +1)

    # -- session mode -------------------------------------------------------------
    def client_language(self) -> Lang:
        return Lang(self.settings.get("pref/session_client_language"))

    def set_session_mode(self, on: bool) -> None:
        """Full screen, large type in the client's language, the other pane hidden sentence
        by sentence until the counsellor reveals it (Ctrl+R)."""
        w = self.window
        client = self.client_language()
        if on == self.session_active:
            return
        self.session_active = on
        if on:
            self._before_session = {
                "geometry": w.saveGeometry(),
                "sizes": w.splitter.sizes(),
                "maximized": w.isMaximized(),
                "toolbar": w.toolbar.isVisible(),
                "docks": [dock for dock in w.findChildren(QDockWidget) if dock.isVisible()],
            }
            for dock in self._before_session["docks"]:
                dock.hide()  # less on screen: the two texts only
            for lang in Lang:
                w.show_actions[lang].setChecked(True)
            w.toolbar.hide()
            w.showFullScreen()
            w.panes[client.other].view.set_reveal_mode(True)
            w.panes[client].setProperty("emphasis", True)
            total = sum(w.splitter.sizes()) or 1000
            order = w.pane_order()
            w.splitter.setSizes([total * 3 // 5 if lang is client else total * 2 // 5
                                 for lang in order])
        else:
            w.panes[client.other].view.set_reveal_mode(False)
            w.panes[client].setProperty("emphasis", False)
            w.showNormal()
            if self._before_session:
                w.restoreGeometry(self._before_session["geometry"])
                w.splitter.setSizes(self._before_session["sizes"])
                w.toolbar.setVisible(self._before_session["toolbar"])
                for dock in self._before_session["docks"]:
                    dock.show()
        self.reveal_action.setEnabled(on)
        self.session_action.setChecked(on)
        self.apply_all()
        w.statusBar().showMessage(
            self.tr("Session mode: press Ctrl+R to reveal the translation of the current "
                    "sentence, F9 to leave.") if on else "", 0 if on else 1)

    def reveal_current(self) -> None:
        """Reveal the translation of the current sentence (or the next one not yet shown)."""
        w = self.window
        if not self.session_active or w.document is None:
            return
        client = self.client_language()
        hidden_view = w.panes[client.other].view
        current = w.linker.current
        if current is None:
            w.linker.step(client, +1)
            current = w.linker.current
            if current is None:
                return
        lang, index = current
        if lang is client.other:
            hidden_view.reveal([index])
        else:
            hidden_view.reveal(w.document.counterparts(lang, index))
        w.statusBar().showMessage(self.tr("Translation revealed."), 3000)
