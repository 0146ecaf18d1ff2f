"""Glossary entries, and the one glossary a reader sees.

Entries come from bundled TOML files and from the user (both read by ``store``). A user's
edit of a bundled entry is kept as an *override* with the same id and a deletion as a
*tombstone*, in :class:`UserData`; the bundled file is never changed. :class:`Glossary`
merges the three and answers lookups by id and search-as-you-type. Terms (headwords and
variants) are NFC-normalised, stripped and have runs of whitespace collapsed when an
:class:`Entry` is made; definitions and notes are kept as written.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from reader.document.model import Lang

USER_SOURCE = "user"
CATEGORIES = (  # those of the bundled glossaries, then "general" for the user's own
    "people", "place", "institution", "programme", "idea", "everyday", "money", "health",
    "housing", "work", "shopping", "banking", "documents", "transport", "education",
    "technology", "safety", "security", "food", "general",
)  # fmt: skip
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_CATEGORY = re.compile(r"[a-z][a-z0-9_-]{0,49}")


class GlossaryError(ValueError):
    """An entry or glossary file is not valid."""


class EntryOrigin(enum.StrEnum):
    BUNDLED = "bundled"
    USER = "user"
    OVERRIDE = "override"  # a user's edit of a bundled entry


def normalise_term(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass(frozen=True, kw_only=True)
class Entry:
    id: str
    category: str
    en: str
    en_variants: tuple[str, ...] = ()
    ko: str
    ko_variants: tuple[str, ...] = ()
    en_definition: str = ""
    ko_definition: str = ""
    nk_usage: str = ""
    note: str = ""
    loanword: bool = False
    source: str = USER_SOURCE  # "bundled:<file>" or "user"
    origin: EntryOrigin = EntryOrigin.USER

    def __post_init__(self) -> None:
        if not _ID.fullmatch(self.id):
            raise GlossaryError(f"invalid id {self.id!r} (ASCII letters, digits, . _ -)")
        if not _CATEGORY.fullmatch(self.category):
            raise GlossaryError(f"invalid category {self.category!r}")
        for lang in Lang:
            head = normalise_term(self.headword(lang))
            if not head:
                raise GlossaryError(f"{self.id}: the {lang.value} term is empty")
            variants: list[str] = []
            for raw in self.variants(lang):
                variant = normalise_term(raw)
                if "|" in variant:
                    raise GlossaryError(f"{self.id}: a variant may not contain '|'")
                if variant and variant != head and variant not in variants:
                    variants.append(variant)
            object.__setattr__(self, lang.value, head)
            object.__setattr__(self, f"{lang.value}_variants", tuple(variants))
        if self.source != USER_SOURCE and not self.source.startswith("bundled:"):
            raise GlossaryError(f"{self.id}: invalid source {self.source!r}")
        object.__setattr__(self, "origin", EntryOrigin(self.origin))

    def headword(self, lang: Lang) -> str:
        return self.en if lang is Lang.EN else self.ko

    def variants(self, lang: Lang) -> tuple[str, ...]:
        return self.en_variants if lang is Lang.EN else self.ko_variants

    def terms(self, lang: Lang) -> tuple[str, ...]:
        """The headword, then the variants."""
        return (self.headword(lang), *self.variants(lang))


def make_id(en: str, taken: Iterable[str] = ()) -> str:
    """A new id from an English term: lowercase ASCII slug, unique among `taken`."""
    taken = set(taken)
    ascii_text = unicodedata.normalize("NFKD", en).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80] or "entry"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


@dataclass
class UserData:
    """What the user changed: own entries, overrides of bundled entries, deletions."""

    entries: dict[str, Entry] = field(default_factory=dict)
    overrides: dict[str, Entry] = field(default_factory=dict)
    tombstones: set[str] = field(default_factory=set)

    def copy(self) -> UserData:
        return UserData(dict(self.entries), dict(self.overrides), set(self.tombstones))


class Glossary:
    """Bundled entries (earlier files win on a duplicate id) merged with the user's data.

    Order: bundled entries in file order (overridden or not), then orphan overrides (their
    bundled entry has gone), then the user's own entries in the order they were added.
    """

    def __init__(self, bundled: Iterable[Entry] = (), user: UserData | None = None) -> None:
        self.problems: list[str] = []
        self._bundled: dict[str, Entry] = {}
        for entry in bundled:
            if entry.id in self._bundled:
                self.problems.append(
                    f"{entry.source}: id {entry.id!r} already in "
                    f"{self._bundled[entry.id].source}; ignored"
                )
            else:
                self._bundled[entry.id] = entry
        self._user = user.copy() if user else UserData()
        for entry_id in [i for i in self._user.entries if i in self._bundled]:
            # a bundled entry appeared with the id of a user's entry: the user's one wins
            self._user.overrides.setdefault(entry_id, self._user.entries.pop(entry_id))
        self._effective: dict[str, Entry] | None = None
        self._index: list[tuple[Entry, _SearchKeys]] | None = None
        self.revision = 0  # bumped on every change, so a view can rebuild its matcher

    def _entries(self) -> dict[str, Entry]:
        if self._effective is None:
            user, out = self._user, {}
            for entry_id, bundled in self._bundled.items():
                override = user.overrides.get(entry_id)
                if entry_id not in user.tombstones:
                    out[entry_id] = (
                        bundled
                        if override is None
                        else replace(override, source=bundled.source, origin=EntryOrigin.OVERRIDE)
                    )
            for entry_id, override in user.overrides.items():
                if entry_id not in out and entry_id not in user.tombstones:
                    out[entry_id] = replace(override, origin=EntryOrigin.OVERRIDE)
            for entry_id, entry in user.entries.items():
                out.setdefault(
                    entry_id, replace(entry, source=USER_SOURCE, origin=EntryOrigin.USER)
                )
            self._effective = out
        return self._effective

    def entries(self) -> list[Entry]:
        return list(self._entries().values())

    def get(self, entry_id: str) -> Entry | None:
        return self._entries().get(entry_id)

    def bundled(self, entry_id: str) -> Entry | None:
        """The bundled entry as shipped, whatever the user did to it."""
        return self._bundled.get(entry_id)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._entries()

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries())

    def __len__(self) -> int:
        return len(self._entries())

    def user_data(self) -> UserData:
        return self._user.copy()

    def new_id(self, en: str) -> str:
        return make_id(en, {*self._bundled, *self._user.entries, *self._user.overrides})

    def search(self, query: str, limit: int | None = None) -> list[Entry]:
        """Entries whose terms or definitions contain `query`, best first: exact headword,
        exact variant, headword prefix, variant prefix, prefix of a word in a term,
        substring of a term, substring of a definition; then shorter English first.
        Case-insensitive and Unicode-normalised; prefixes are compared decomposed, so the
        half-typed "탈부" already finds "탈북민"."""
        q = _key(query)
        if not q:
            return sorted(self.entries(), key=lambda e: (e.en.casefold(), e.id))[:limit]
        if self._index is None:
            self._index = [(e, _SearchKeys.of(e)) for e in self.entries()]
        p = _prefix_key(q)
        w = " " + " ".join(_WORD_BREAK.split(p)).strip()  # as the start of a word
        ranked = []
        for entry, keys in self._index:
            tier = keys.tier(q, p, w)
            if tier is not None:
                ranked.append((tier, len(entry.en), entry.en.casefold(), entry.id, entry))
        ranked.sort(key=lambda r: r[:4])
        return [r[-1] for r in ranked[:limit]]

    # -- editing ----------------------------------------------------------------
    def put(self, entry: Entry) -> Entry:
        """Add or change an entry. For a bundled id this stores an override (or drops it
        when the entry equals the bundled one again); otherwise a user entry."""
        user, bundled = self._user, self._bundled.get(entry.id)
        user.tombstones.discard(entry.id)
        if (
            bundled is not None
            and replace(entry, source=bundled.source, origin=EntryOrigin.BUNDLED) == bundled
        ):
            user.overrides.pop(entry.id, None)
        elif bundled is not None or entry.id in user.overrides:
            user.overrides[entry.id] = replace(
                entry, source=USER_SOURCE, origin=EntryOrigin.OVERRIDE
            )
        else:
            user.entries[entry.id] = replace(entry, source=USER_SOURCE, origin=EntryOrigin.USER)
        self._changed()
        return self._entries()[entry.id]

    def remove(self, entry_id: str) -> None:
        """Delete an entry; a bundled one is hidden by a tombstone (see :meth:`revert`)."""
        user = self._user
        if entry_id in self._bundled or entry_id in user.overrides:
            user.overrides.pop(entry_id, None)
            if entry_id in self._bundled:
                user.tombstones.add(entry_id)
        elif user.entries.pop(entry_id, None) is None:
            raise KeyError(entry_id)
        self._changed()

    def revert(self, entry_id: str) -> None:
        """Bring back a bundled entry as shipped, dropping the user's override or deletion."""
        if entry_id not in self._bundled:
            raise KeyError(entry_id)
        self._user.overrides.pop(entry_id, None)
        self._user.tombstones.discard(entry_id)
        self._changed()

    def _changed(self) -> None:
        self._effective = None
        self._index = None
        self.revision += 1


def _key(text: str) -> str:  # exact and substring comparisons
    return normalise_term(text).casefold()


def _prefix_key(text: str) -> str:  # prefixes: decomposed, so a half-typed syllable fits
    return unicodedata.normalize("NFKD", text).casefold()


_WORD_BREAK = re.compile(r"[\s\-‐‑–—/()\[\],.;:!?'‘’\"“”·]+")


@dataclass(frozen=True)
class _SearchKeys:
    heads: tuple[str, ...]
    variants: tuple[str, ...]
    prefix_heads: tuple[str, ...]
    prefix_variants: tuple[str, ...]
    words: str  # " word word … " of all terms, decomposed
    definitions: tuple[str, ...]

    @classmethod
    def of(cls, entry: Entry) -> _SearchKeys:
        heads = tuple(_key(entry.headword(lang)) for lang in Lang)
        variants = tuple(_key(v) for lang in Lang for v in entry.variants(lang))
        prefix = tuple(_prefix_key(t) for t in heads + variants)
        words = " ".join(_WORD_BREAK.split(" ".join(prefix)))
        defs = (_key(entry.en_definition), _key(entry.ko_definition))
        return cls(heads, variants, prefix[:2], prefix[2:], f" {words} ", defs)

    def tier(self, q: str, p: str, w: str) -> int | None:
        if q in self.heads:
            return 0
        if q in self.variants:
            return 1
        if any(h.startswith(p) for h in self.prefix_heads):
            return 2
        if any(v.startswith(p) for v in self.prefix_variants):
            return 3
        if w.strip() and w in self.words:
            return 4
        if any(q in t for t in self.heads + self.variants):
            return 5
        if any(q in d for d in self.definitions):
            return 6
        return None
