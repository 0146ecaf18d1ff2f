"""Update and compile Dari's Qt Linguist files.

    python scripts/update_translations.py           # lupdate + lrelease
    python scripts/update_translations.py --check   # fail if any string is unfinished

`pyside6-lupdate` collects every ``self.tr()`` / ``QCoreApplication.translate()`` string
from reader/ into translations/dari_ko.ts (existing translations are kept); translators
edit that file (Qt Linguist, or any XML-aware editor); `pyside6-lrelease` compiles it to
translations/dari_ko.qm, which the app loads (reader/app.py install_translators).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "translations" / "dari_ko.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        sys.exit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    missing = []
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            empty = translation is None or not (translation.text or "")
            if (kind == "unfinished" or empty) and kind not in {"obsolete", "vanished"}:
                missing.append(f"{name}: {message.findtext('source', '')}")
    return missing


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "reader").rglob("*.py"))
    TS.parent.mkdir(exist_ok=True)
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources,
         "-ts", str(TS.relative_to(ROOT))],
        cwd=ROOT, check=True,
    )
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT, check=True)
    missing = unfinished(TS)
    print(f"{TS.name}: {len(missing)} unfinished")
    if args.check and missing:
        print("\n".join(missing[:50]))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
