"""Reduce an HTML page to its article: title, headings and paragraphs, nothing else.

The standard library's ``html.parser`` tokenises; this module keeps a stack of open
elements (closing what HTML closes implicitly: ``<p>`` before a block, ``<li>`` before
the next) and cuts the text into blocks at block elements and double ``<br>``. Scripts,
styles, iframes, forms' controls, ``nav`` and hidden elements are dropped as they are
parsed; in *article* mode so are ``header``/``footer``/``aside`` (but an article's own
``<header>``, which holds its headline) and elements whose class or id says boilerplate
(``sidebar``, ``comment``, ``share``...). Article mode then keeps the article that
`html_article.choose_article` finds; document mode (EPUB chapters) keeps every block.
Every step is linear in the size of the page, however deeply its elements nest.

Nothing is fetched: the parser sees only the string it is given, and no URL in it
(``src``, ``href``, ``@import``) is ever resolved.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from reader.document.formats import Extracted, FormatError, Job, decode_text
from reader.document.html_article import Block, choose_article, choose_title, unlikely
from reader.document.textfile import decode_in_chunks

__all__ = ["decode_html", "extract_html"]


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_SKIP = _words(
    "script style noscript template iframe frame frameset object embed applet canvas svg"
    " math button select textarea input option datalist dialog audio video map nav"
)
_BOILERPLATE = frozenset({"header", "footer", "aside"})  # outside <article>/<main>
_BOILERPLATE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
     "dialog", "alert", "alertdialog"}
)
_VOID = _words("area base br col embed hr img input link meta param source track wbr keygen")
_BLOCK = _words(
    "address article aside blockquote body caption center dd details dir div dl dt fieldset"
    " figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main"
    " menu ol p pre section summary table tbody td tfoot th thead tr ul"
)
_CLOSES_P = _BLOCK - {"caption", "td", "th", "tr", "tbody", "thead", "tfoot", "li", "dd", "dt"}
_SCOPES = {  # an implied end tag: (the tag, what limits the search for an open one)
    "li": ("li", frozenset({"ul", "ol", "menu"})),
    "dt": ("dt dd", frozenset({"dl"})),
    "dd": ("dt dd", frozenset({"dl"})),
    "tr": ("tr td th", frozenset({"table", "tbody", "thead", "tfoot"})),
    "td": ("td th", frozenset({"tr", "table"})),
    "th": ("td th", frozenset({"tr", "table"})),
}
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_KOREAN_LABELS = {"euc-kr", "euc_kr", "euckr", "ks_c_5601-1987", "ks_c_5601", "ksc5601",
                  "korean", "windows-949", "x-windows-949", "cp949", "uhc"}


class _Parser(HTMLParser):
    def __init__(self, article: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.article = article
        self.tags: list[str] = ["#root"]
        self.parents: list[int] = [-1]
        self.attr_text: list[str] = [""]  # class + id, for scoring
        self.stack: list[int] = [0]
        self.open: Counter[str] = Counter()  # open elements by tag: O(1) look-ups at any depth
        self.headings: list[int] = []  # levels of the open h1-h6
        self.flags: list[tuple[bool, bool, bool]] = [(False, False, False)]  # drop, article, a
        self.skip = 0  # open elements whose content is dropped
        self.pre = 0
        self.link = 0
        self.in_article = 0
        self.parts: list[str] = []
        self.link_chars = 0
        self.blocks: list[Block] = []
        self.title_parts: list[str] | None = None
        self.title = ""

    # -- tokens ---------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and not self.title and not self.skip:
            self.title_parts = []
            return
        if tag == "br":
            self.parts.append("\n")
            return
        if tag in _VOID:
            if tag == "hr":
                self._flush()
            return
        if tag in _CLOSES_P:
            self._close_implied("p", _BLOCK)
        if tag in _SCOPES:
            names, limits = _SCOPES[tag]
            for name in names.split():
                self._close_implied(name, limits)
        if tag in _BLOCK:
            self._flush()
        a = dict(attrs)
        ident = f"{a.get('class') or ''} {a.get('id') or ''}".strip()
        flags = (
            self._drops(tag, a, ident),
            tag in ("article", "main") or a.get("role") == "main",
            tag == "a" and "href" in a,
        )
        node = len(self.tags)
        self.tags.append(tag)
        self.parents.append(self.stack[-1])
        self.attr_text.append(ident)
        self.stack.append(node)
        self.open[tag] += 1
        if tag in _HEADINGS:
            self.headings.append(_HEADINGS[tag])
        self.flags.append(flags)
        self.skip += flags[0]
        self.in_article += flags[1]
        self.link += flags[2]
        self.pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # <br/> is one line break, <div/> opens and closes
        if tag not in _VOID:
            self.handle_endtag(tag)

    def _drops(self, tag: str, a: dict[str, str | None], ident: str) -> bool:
        if tag in _SKIP or "hidden" in a or a.get("aria-hidden") == "true":
            return True
        if _HIDDEN_STYLE.search(a.get("style") or ""):
            return True
        if not self.article:
            return False
        if tag in _BOILERPLATE and not (tag == "header" and self.in_article):
            return True  # an article's own <header> holds its headline and byline
        if (a.get("role") or "") in _BOILERPLATE_ROLES:
            return True
        exempt = tag in ("a", "body", "html", "article", "main")
        return bool(ident) and not exempt and unlikely(ident)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            if self.title_parts is not None:
                self.title = " ".join("".join(self.title_parts).split())
                self.title_parts = None
            return
        if tag == "br":
            self.parts.append("\n")
            return
        if tag in _BLOCK:
            self._flush()
        if self.open[tag]:
            while self._pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        elif not self.skip:
            text = data if self.pre else _SPACE.sub(" ", data)
            self.parts.append(text)
            if self.link:
                self.link_chars += len(text.strip())

    # -- structure ------------------------------------------------------------
    def _pop(self) -> str:
        tag = self.tags[self.stack[-1]]
        if tag in _BLOCK:
            self._flush()  # while the element is still open: its text belongs to it
        self.stack.pop()
        self.open[tag] -= 1
        if tag in _HEADINGS:
            self.headings.pop()
        drop, article, link = self.flags.pop()
        self.skip -= drop
        self.in_article -= article
        self.link -= link
        self.pre -= tag == "pre"
        return tag

    def _close_implied(self, tag: str, limits: frozenset[str]) -> None:
        if not self.open[tag]:
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            name = self.tags[self.stack[depth]]
            if name == tag:
                while len(self.stack) > depth:
                    self._pop()
                return
            if name in limits:
                return

    def _flush(self) -> None:
        if not self.parts:
            return
        raw = "".join(self.parts)
        links, self.parts, self.link_chars = self.link_chars, [], 0
        if not raw.strip():
            return
        node = self.stack[-1]
        heading = self.headings[-1] if self.headings else 0
        for piece in _BLANK_LINES.split(raw):
            lines = piece.split("\n")
            if not self.pre:
                lines = [" ".join(line.split()) for line in lines]
            text = "\n".join(line.rstrip() for line in lines if line.strip())
            if text:
                self.blocks.append(Block(text, node, min(links, len(text)), heading))

    def close(self) -> None:
        super().close()
        while len(self.stack) > 1:
            self._pop()
        self._flush()


def decode_html(data: bytes, name: str, encoding: str | None = None) -> str:
    """Bytes to text: the user's encoding, a BOM, the page's declared charset, or detection."""
    if encoding or data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, name, encoding)
    found = _META_CHARSET.search(data[:4096])
    if found:
        label = (found.group(1) or found.group(2)).decode("ascii").lower()
        if label in _KOREAN_LABELS:
            label = "cp949"  # what browsers do for EUC-KR
        elif label in ("iso-8859-1", "latin1", "us-ascii", "ascii"):
            label = "cp1252"
        elif label.startswith(("utf-16", "utf16")):
            label = "utf-8"  # a BOM-less page cannot be UTF-16 and declare it in ASCII
        try:
            return decode_in_chunks(data, label)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: detect instead, as browsers effectively do
    return decode_text(data, name)


def extract_html(
    text: str, *, job: Job | None = None, article: bool = True, report: bool = True
) -> Extracted:
    """The article (or, with ``article=False``, every block) of an HTML page. With `job`,
    parsing reports kilobytes done (unless `report` is False: one chapter of a book) and
    checks for cancellation every 256 kB."""
    parser = _Parser(article)
    chunk = 256 * 1024
    total = len(text)
    try:
        for start in range(0, total, chunk):
            if job is not None and report and total > chunk:
                job.step(start // 1024, total // 1024)
            elif job is not None:
                job.check()
            parser.feed(text[start : start + chunk])
        parser.close()
    except (AssertionError, ValueError) as exc:  # html.parser's own refusals
        raise FormatError(f"“{job.name if job else 'The page'}” cannot be read: {exc}") from exc
    blocks = parser.blocks
    if article and blocks:
        blocks = choose_article(parser.tags, parser.parents, parser.attr_text, blocks)
    paragraphs = [b.text for b in blocks]
    if job is not None:
        for paragraph in paragraphs:
            job.add_text(paragraph)
    return Extracted(paragraphs, choose_title(parser.title, blocks, parser.blocks))
