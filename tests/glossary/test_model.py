"""Glossary entries and the merged glossary: overrides, tombstones, user entries, search."""

from __future__ import annotations

import unicodedata

import pytest

from reader.document.model import Lang
from reader.glossary.model import (
    USER_SOURCE,
    Entry,
    EntryOrigin,
    Glossary,
    GlossaryError,
    UserData,
    make_id,
)

SOURCE = "bundled:second-thoughts/glossary.toml"


def bundled(entry_id: str, en: str, ko: str, **fields) -> Entry:
    return Entry(
        id=entry_id, category="idea", en=en, ko=ko, source=SOURCE, origin=EntryOrigin.BUNDLED,
        **fields,
    )  # fmt: skip


DEFECTOR = bundled("defector", "defector", "탈북민", ko_variants=("북한이탈주민",),
                   en_definition="A person who has left North Korea.")  # fmt: skip
HANAWON = bundled("hanawon", "Hanawon", "하나원")


# -- entries --------------------------------------------------------------------------
def test_entry_terms_are_normalised():
    nfd = unicodedata.normalize("NFD", "탈북민")
    e = Entry(id="x", category="people", en="  North   Korean\tdefector ", ko=nfd,
              en_variants=("defectors", " defectors ", "", "North Korean defector"),
              ko_variants=(nfd, "북한이탈주민"))  # fmt: skip
    assert e.en == "North Korean defector"
    assert e.ko == "탈북민" and len(e.ko) == 3
    assert e.en_variants == ("defectors",)  # blanks, duplicates and the headword dropped
    assert e.ko_variants == ("북한이탈주민",)
    assert e.terms(Lang.KO) == ("탈북민", "북한이탈주민")
    assert e.source == USER_SOURCE and e.origin is EntryOrigin.USER


@pytest.mark.parametrize(
    "fields",
    [
        {"id": "has space"},
        {"id": "탈북"},
        {"id": ""},
        {"category": "Bad Category"},
        {"en": "   "},
        {"ko": ""},
        {"en_variants": ("a|b",)},
        {"source": "somewhere"},
    ],
)
def test_invalid_entries_are_refused(fields):
    base = {"id": "ok", "category": "people", "en": "term", "ko": "용어"}
    with pytest.raises(GlossaryError):
        Entry(**(base | fields))


def test_make_id():
    assert make_id("North Korean defector") == "north-korean-defector"
    assert make_id("Café", {"cafe"}) == "cafe-2"
    assert make_id("탈북민") == "entry"


# -- merging --------------------------------------------------------------------------
def test_bundled_entries_in_file_order():
    g = Glossary([DEFECTOR, HANAWON])
    assert [e.id for e in g] == ["defector", "hanawon"]
    assert g.get("hanawon") is HANAWON and "hanawon" in g and len(g) == 2
    assert g.get("nothing") is None


def test_a_user_edit_of_a_bundled_entry_is_an_override_that_wins():
    g = Glossary([DEFECTOR, HANAWON])
    edited = Entry(id="defector", category="people", en="defector", ko="탈북민",
                   ko_variants=("탈북자",), en_definition="Edited.")  # fmt: skip
    shown = g.put(edited)
    assert shown.en_definition == "Edited." and shown.ko_variants == ("탈북자",)
    assert shown.origin is EntryOrigin.OVERRIDE and shown.source == SOURCE
    assert g.get("defector") == shown
    assert g.bundled("defector") is DEFECTOR  # the shipped entry is untouched
    data = g.user_data()
    assert list(data.overrides) == ["defector"] and data.entries == {}
    # a fresh glossary from the same bundled entries and the saved user data agrees
    assert Glossary([DEFECTOR, HANAWON], data).get("defector") == shown


def test_editing_back_to_the_bundled_text_drops_the_override():
    g = Glossary([DEFECTOR])
    g.put(Entry(id="defector", category="people", en="defector", ko="탈북자"))
    g.put(Entry(id="defector", category="idea", en="defector", ko="탈북민",
                ko_variants=("북한이탈주민",),
                en_definition="A person who has left North Korea."))  # fmt: skip
    assert g.get("defector") == DEFECTOR
    assert g.user_data().overrides == {}


def test_deleting_a_bundled_entry_leaves_a_tombstone_and_revert_restores_it():
    g = Glossary([DEFECTOR, HANAWON])
    g.put(Entry(id="hanawon", category="place", en="Hanawon centre", ko="하나원"))
    g.remove("hanawon")
    assert "hanawon" not in g and [e.id for e in g.entries()] == ["defector"]
    assert g.search("Hanawon") == []
    data = g.user_data()
    assert data.tombstones == {"hanawon"} and data.overrides == {}
    assert "hanawon" not in Glossary([DEFECTOR, HANAWON], data)
    g.revert("hanawon")
    assert g.get("hanawon") is HANAWON
    assert g.user_data().tombstones == set()


def test_user_entries_are_added_and_removed():
    g = Glossary([DEFECTOR])
    revision = g.revision
    added = g.put(Entry(id=g.new_id("Settlement money"), category="money",
                        en="settlement money", ko="정착금"))  # fmt: skip
    assert added.id == "settlement-money" and added.origin is EntryOrigin.USER
    assert [e.id for e in g] == ["defector", "settlement-money"]
    assert g.revision > revision
    g.remove("settlement-money")
    assert "settlement-money" not in g and g.user_data().entries == {}
    with pytest.raises(KeyError):
        g.remove("settlement-money")
    with pytest.raises(KeyError):
        g.revert("settlement-money")


def test_a_user_entry_whose_id_is_now_bundled_becomes_an_override():
    mine = Entry(id="hanawon", category="place", en="Hanawon", ko="하나원",
                 note="my note")  # fmt: skip
    g = Glossary([DEFECTOR, HANAWON], UserData(entries={"hanawon": mine}))
    assert g.get("hanawon").note == "my note"
    assert g.get("hanawon").origin is EntryOrigin.OVERRIDE
    assert list(g.user_data().overrides) == ["hanawon"]


def test_an_orphan_override_is_kept_and_shown():
    gone = Entry(id="gone", category="idea", en="gone", ko="사라짐", origin=EntryOrigin.OVERRIDE)
    g = Glossary([DEFECTOR], UserData(overrides={"gone": gone}))
    assert g.get("gone").origin is EntryOrigin.OVERRIDE
    g.remove("gone")
    assert "gone" not in g and g.user_data() == UserData()


def test_a_duplicate_bundled_id_is_reported_and_the_first_wins():
    other = bundled("defector", "escapee", "탈출자")
    g = Glossary([DEFECTOR, other])
    assert g.get("defector") is DEFECTOR
    assert len(g.problems) == 1 and "defector" in g.problems[0]


# -- search ---------------------------------------------------------------------------
SEARCH = Glossary([
    bundled("defector", "defector", "탈북민"),
    bundled("defection", "defection", "탈북"),
    bundled("self-defence", "self-defence", "자기방어"),
    bundled("undefined", "undefined", "미정"),
    bundled("refugee", "refugee", "난민", en_definition="Someone who defected or fled."),
    bundled("runaway", "runaway", "도망자", en_variants=("deflector",)),
    bundled("settlement", "settlement", "정착", ko_definition="탈북민이 자리를 잡는 일."),
])  # fmt: skip


def ids(query: str) -> list[str]:
    return [e.id for e in SEARCH.search(query)]


def test_search_ranks_exact_then_prefix_then_substring_then_definitions():
    assert ids("def") == [
        "defector",  # headword prefix, the shorter first
        "defection",
        "runaway",  # variant prefix
        "self-defence",  # a word of the term starts with it
        "undefined",  # substring
        "refugee",  # definition
    ]
    assert ids("defector")[0] == "defector"
    assert ids("defection") == ["defection"]


def test_search_is_case_insensitive():
    assert ids("DEFECTOR") == ids("defector")
    assert ids("Deflector") == ["runaway"]


def test_search_in_korean_exact_before_prefix_and_definitions_last():
    assert ids("탈북") == ["defection", "defector", "settlement"]


def test_search_finds_a_half_typed_syllable_and_decomposed_input():
    assert ids("탈부")[:2] == ["defector", "defection"]  # 북 still being typed
    assert ids(unicodedata.normalize("NFD", "탈북민")) == ["defector", "settlement"]


def test_empty_search_lists_everything_alphabetically():
    assert ids("  ") == sorted(ids("  "), key=lambda i: SEARCH.get(i).en.casefold())
    assert len(ids("")) == len(SEARCH)
    assert len(SEARCH.search("", limit=3)) == 3
