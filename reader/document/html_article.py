"""Find the article in a parsed HTML page, the way Readability does, and its title.

`html_text` parses a page into blocks of text, each attached to the element that holds it
(elements are numbered in document order, so a parent's number is below its children's).
Here every prose block (25+ characters, mostly not link text) scores its parent (or the
container it sits in directly) fully, the next ancestor by half and the next by a sixth:
1 point, one per comma, one per 100 characters up to 3. A container starts from a weight
for its tag (``article`` +10, ``div`` +5, lists -3, headings -5) and its class/id (+25
for ``article``, ``content``, ``post``...; -25 for ``comment``, ``sidebar``, ``share``...),
and its score is discounted by its link density. The best container is kept with those
of its siblings that score at least a fifth as well (at least 10), are prose paragraphs
or are headings before it, and gives way to an enclosing ``<article>`` within three
levels, which also holds the headline and lede. Link-heavy blocks and small forms inside
it are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Block", "choose_article", "choose_title", "unlikely"]

_UNLIKELY = re.compile(
    r"-ad-|ad-break|adverti|agegate|banner|breadcrumb|combx|comment|communit|consent|cookie"
    r"|disqus|footer|gdpr|header|legends|menu|modal|newsletter|pager|pagination|popup|promo"
    r"|related|remark|replies|rss|share|shoutbox|sidebar|skyscraper|social|sponsor|subscri"
    r"|supplemental|yom-remote",
    re.IGNORECASE,
)
_MAYBE = re.compile(r"and|article|body|column|content|main|shadow|story|entry", re.IGNORECASE)
_POSITIVE = re.compile(
    r"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story", re.IGNORECASE
)
_NEGATIVE = re.compile(
    r"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer"
    r"|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox"
    r"|sidebar|skyscraper|sponsor|shopping|tags|tool|widget",
    re.IGNORECASE,
)
_TAG_WEIGHT = {"div": 5, "article": 10, "main": 5, "section": 3, "pre": 3, "td": 3,
               "blockquote": 3, "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3,
               "dt": -3, "li": -3, "form": -3, "th": -5, "h1": -5, "h2": -5, "h3": -5}
# Text straight inside these (Korean news sites put a whole article in one <div>, split by
# <br><br>) makes them a candidate themselves, as Readability's div-to-p conversion does.
_CONTAINERS = frozenset({"div", "section", "article", "main", "body", "center", "td", "form"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "hgroup"})
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—»:/\\]|::)\s+")


@dataclass
class Block:
    text: str
    node: int  # the element holding the text
    links: int  # characters inside <a href>
    heading: int  # 1-6, or 0

    @property
    def link_heavy(self) -> bool:
        return self.links * 2 > len(self.text)


def unlikely(ident: str) -> bool:
    """Class and id words of boilerplate (``sidebar``, ``comment-list``), not of content."""
    return _UNLIKELY.search(ident) is not None and _MAYBE.search(ident) is None


def choose_title(page_title: str, kept: list[Block], blocks: list[Block]) -> str:
    """The article's <h1>, else the page's first <h1>, else the longest part of <title>,
    else the article's first heading."""
    for block in (*kept, *blocks):
        if block.heading == 1:
            return " ".join(block.text.split())
    parts = _TITLE_SEPARATORS.split(page_title.strip())  # "The Flood | Daily Planet"
    if any(parts):
        return max(parts, key=len)
    return next((" ".join(b.text.split()) for b in kept if b.heading), "")


def choose_article(
    tags: list[str], parents: list[int], idents: list[str], blocks: list[Block]
) -> list[Block]:
    """The blocks of the article; `tags`, `parents` and `idents` describe each element."""
    n = len(tags)
    text_len, link_len = [0] * n, [0] * n
    for block in blocks:
        text_len[block.node] += len(block.text)
        link_len[block.node] += block.links
    for node in range(n - 1, 0, -1):  # children come after their parents
        text_len[parents[node]] += text_len[node]
        link_len[parents[node]] += link_len[node]

    def density(node: int) -> float:
        return link_len[node] / text_len[node] if text_len[node] else 1.0

    scores: dict[int, float] = {}
    for block in blocks:
        if block.heading or len(block.text) < 25 or block.link_heavy:
            continue
        points = 1 + block.text.count(",") + min(len(block.text) // 100, 3)
        node = block.node if tags[block.node] in _CONTAINERS else parents[block.node]
        level = 0
        while node > 0 and level < 3:
            if node not in scores:
                ident = idents[node]
                weight = _TAG_WEIGHT.get(tags[node], 0)
                weight += 25 * bool(_POSITIVE.search(ident)) - 25 * bool(_NEGATIVE.search(ident))
                scores[node] = weight
            scores[node] += points / (1, 2, 6)[level]
            node, level = parents[node], level + 1
    if not scores:
        return [b for b in blocks if not b.link_heavy]
    final = {node: score * (1 - density(node)) for node, score in scores.items()}
    top = max(final, key=final.__getitem__)
    threshold = max(10.0, final[top] * 0.2)
    up, level = parents[top], 0
    while up > 0 and level < 3:  # an enclosing <article> also holds the lede and headings
        if tags[up] == "article":
            if density(up) < 0.35:
                top = up
            break
        up, level = parents[up], level + 1
    parent = parents[top]
    keep = {top}
    for node in range(parent + 1, n):
        if parents[node] == parent and node != top and (
            final.get(node, 0) >= threshold
            or (tags[node] == "p" and text_len[node] > 80 and density(node) < 0.25)
            or (node < top and tags[node] in _HEADINGS)  # the article's own heading
        ):
            keep.add(node)

    # In one pass (parents come first): is a node inside what is kept, or inside a small
    # form (labels and notices go; a page wrapped whole in a <form>, as ASP.NET does, stays)?
    inside, in_form = [False] * n, [False] * n
    for node in range(1, n):
        up = parents[node]
        inside[node] = node in keep or inside[up]
        in_form[node] = (tags[node] == "form" and text_len[node] < 2000) or in_form[up]
    return [
        b for b in blocks
        if inside[b.node] and not in_form[b.node] and (b.heading or not b.link_heavy)
    ]
