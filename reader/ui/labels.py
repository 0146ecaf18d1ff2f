"""Menu texts as other places show them."""

from __future__ import annotations

import re

_KOREAN_MNEMONIC = re.compile(r"\(&\w\)")


def plain_label(text: str) -> str:
    """A menu text without its mnemonic, for toolbars, tooltips and accessible names:
    "&Open…" → "Open…", "열기(&O)…" → "열기…"."""
    return _KOREAN_MNEMONIC.sub("", text).replace("&", "")
