"""Render the window offscreen as a user would see it, and check the Korean really renders
in a font that has Hangul (not a fallback box font)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase, QFontInfo, QImage

from reader import paths
from reader.document.article import load_article
from reader.document.model import Lang
from reader.ui.main_window import MainWindow


def test_window_renders_the_bundled_article_with_a_hangul_font(
    qtbot, settings, tmp_path: Path
) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.set_document(load_article(paths.bundled_article()))

    ko_view = window.panes[Lang.KO].view
    family = QFontInfo(ko_view.font()).family()
    assert QFontDatabase.WritingSystem.Korean in QFontDatabase.writingSystems(family), family
    assert ko_view.sentence_text(0).startswith("세계에서 가장 억압적인 정권을")

    shot = tmp_path / "window.png"
    assert window.grab().save(str(shot))
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)

    # The Korean pane is not blank: a good share of its text area differs from the background.
    rect = ko_view.viewport().rect()
    origin = ko_view.viewport().mapTo(window, rect.topLeft())
    background = image.pixelColor(origin.x() + 2, origin.y() + 2)
    inked = sum(
        image.pixelColor(origin.x() + x, origin.y() + y) != background
        for x in range(20, rect.width() - 20, 7)
        for y in range(20, min(rect.height(), 300), 5)
    )
    assert inked > 200
