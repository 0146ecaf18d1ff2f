"""Read an EPUB (2 or 3) book with the standard library and our HTML extractor.

An EPUB is a zip: ``META-INF/container.xml`` names the package document (``.opf``),
whose manifest lists the files and whose spine gives the reading order. Each spine
document in the main flow (``linear`` not ``no``; the EPUB 3 navigation document is
skipped) goes through `html_text.extract_html` in document mode, which keeps every block
and headings as paragraphs. The title is the package's ``dc:title``. Nothing referenced
by a chapter (images, fonts, stylesheets, remote resources) is ever read.

Books whose chapters are encrypted (DRM, listed in ``META-INF/encryption.xml`` with an
algorithm other than font obfuscation) are refused with a message saying so.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from urllib.parse import unquote  # string handling only: nothing is fetched
from xml.etree.ElementTree import Element

from reader.document.docx_text import local_name, open_zip, parse_xml, read_member
from reader.document.formats import Extracted, FormatError, Job
from reader.document.html_text import decode_html, extract_html

__all__ = ["extract_epub"]

_CONTAINER = "META-INF/container.xml"
_ENCRYPTION = "META-INF/encryption.xml"
_FONT_OBFUSCATION = (
    "http://www.idpf.org/2008/embedding",
    "http://ns.adobe.com/pdf/enc#RC",
)
_DOCUMENT_TYPES = ("application/xhtml+xml", "text/html", "application/xml")


def extract_epub(path: Path, job: Job) -> Extracted:
    with open_zip(path, job, "EPUB") as archive:
        names = set(archive.namelist())
        package = _package_path(archive, names, job)
        root = parse_xml(read_member(archive, package, job), job, package)
        base = posixpath.dirname(package)
        title, manifest, spine = _read_package(root, base)
        _refuse_drm(archive, names, job)
        documents = [
            manifest[idref][0]
            for idref, linear in spine.items()
            if idref in manifest
            and linear
            and manifest[idref][1] in _DOCUMENT_TYPES
            and "nav" not in manifest[idref][2]
        ]
        if not documents:
            raise job.damaged("its spine lists no chapters")
        paragraphs: list[str] = []
        for done, member in enumerate(documents):
            job.step(done, len(documents))
            if member not in names:
                raise job.damaged(f"the chapter “{member}” is missing")
            text = decode_html(read_member(archive, member, job), job.name)
            chapter = extract_html(text, job=job, article=False, report=False)
            paragraphs.extend(chapter.paragraphs)
        job.step(len(documents), len(documents))
    return Extracted(paragraphs, title)


def _package_path(archive: zipfile.ZipFile, names: set[str], job: Job) -> str:
    if _CONTAINER in names:
        root = parse_xml(read_member(archive, _CONTAINER, job), job, _CONTAINER)
        for element in root.iter():
            if local_name(element.tag) == "rootfile":
                full_path = element.get("full-path", "")
                if full_path in names:
                    return full_path
    opf = sorted(name for name in names if name.lower().endswith(".opf"))
    if opf:
        return opf[0]
    kind = "a Word document" if "word/document.xml" in names else "an EPUB book"
    raise job.damaged(f"it is not {kind} (no package document)")


def _read_package(
    root: Element, base: str
) -> tuple[str, dict[str, tuple[str, str, str]], dict[str, bool]]:
    """(title, manifest id -> (zip path, media type, properties), spine id -> linear)."""
    title = ""
    manifest: dict[str, tuple[str, str, str]] = {}
    spine: dict[str, bool] = {}
    for element in root.iter():
        tag = local_name(element.tag)
        if tag == "title" and not title and element.text:
            title = " ".join(element.text.split())
        elif tag == "item":
            href = unquote(element.get("href", "").partition("#")[0])
            member = posixpath.normpath(posixpath.join(base, href))
            manifest[element.get("id", "")] = (
                member,
                element.get("media-type", ""),
                element.get("properties", ""),
            )
        elif tag == "itemref":
            spine.setdefault(element.get("idref", ""), element.get("linear", "yes") != "no")
    return title, manifest, spine


def _refuse_drm(archive: zipfile.ZipFile, names: set[str], job: Job) -> None:
    if _ENCRYPTION not in names:
        return
    root = parse_xml(read_member(archive, _ENCRYPTION, job), job, _ENCRYPTION)
    for data in root.iter():
        if local_name(data.tag) != "EncryptedData":
            continue
        methods = {
            e.get("Algorithm", "") for e in data.iter() if local_name(e.tag) == "EncryptionMethod"
        }
        if not methods <= set(_FONT_OBFUSCATION):  # fonts may be obfuscated, not text
            raise FormatError(
                f"“{job.name}” is protected by DRM (copy protection); "
                "Dari can only open EPUB books without DRM."
            )
