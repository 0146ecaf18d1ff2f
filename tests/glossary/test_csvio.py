"""Glossary CSV import and export: exact round trip, BOM for Excel, malformed rows."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import given, reject, settings
from hypothesis import strategies as st

from reader.glossary.csvio import (
    COLUMNS,
    CsvProblem,
    decode_and_parse,
    export_bytes,
    parse_csv,
    read_csv,
    write_csv,
)
from reader.glossary.model import CATEGORIES, Entry, EntryOrigin, GlossaryError

TRICKY = Entry(
    id="defector", category="people", en="defector", ko="탈북민",
    en_variants=("defectors", "North Korean defector, former"), ko_variants=("북한이탈주민",),
    en_definition='A person who has "left", North Korea;\nsecond line\r\nthird line ',
    ko_definition="북한을 떠난 사람, \"탈북민\".\n둘째 줄", nk_usage="", note="  spaced  ",
    loanword=True, source="bundled:second-thoughts/glossary.toml", origin=EntryOrigin.OVERRIDE,
)  # fmt: skip


def test_export_has_a_bom_a_full_header_and_crlf_rows():
    data = export_bytes([TRICKY])
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.startswith(",".join(COLUMNS) + "\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(COLUMNS)
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["en_variants"] == "defectors | North Korean defector, former"
    assert row["loanword"] == "true" and row["origin"] == "override"


def test_round_trip_keeps_every_field(tmp_path: Path):
    plain = Entry(id="hanawon", category="institution", en="Hanawon", ko="하나원")
    write_csv(tmp_path / "g.csv", [TRICKY, plain])
    entries, problems = read_csv(tmp_path / "g.csv")
    assert problems == []
    assert entries == [TRICKY, plain]


# Any text but surrogates and NUL, with the characters a CSV file must quote made likely.
tricky_text = st.text(
    st.one_of(
        st.sampled_from([",", '"', "\n", "\r", " ", "|", ";", "탈", "북", "é", "\ufeff"]),
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    ),
    max_size=30,
)
term = st.one_of(
    st.text(st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1, max_size=5),
    tricky_text,
)


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    try:
        return Entry(
            id=draw(st.from_regex(r"[a-z0-9][a-z0-9._-]{0,12}", fullmatch=True)),
            category=draw(st.sampled_from(CATEGORIES)),
            en=draw(term),
            en_variants=tuple(draw(st.lists(term, max_size=3))),
            ko=draw(term),
            ko_variants=tuple(draw(st.lists(term, max_size=3))),
            en_definition=draw(tricky_text),
            ko_definition=draw(tricky_text),
            nk_usage=draw(tricky_text),
            note=draw(tricky_text),
            loanword=draw(st.booleans()),
            source=draw(st.sampled_from(["user", "bundled:resettlement-glossary.toml"])),
            origin=draw(st.sampled_from(list(EntryOrigin))),
        )
    except GlossaryError:  # an empty term or a '|' in a variant: not a valid entry
        reject()


@settings(max_examples=300, deadline=None)
@given(st.lists(entries(), max_size=5, unique_by=lambda e: e.id))
def test_export_then_import_gives_back_every_field(generated):
    imported, problems = decode_and_parse(export_bytes(generated))
    assert problems == []
    assert imported == generated


MALFORMED = (
    "id,category,en,ko,en_variants,loanword\r\n"  # line 1
    "good-1,people,defector,탈북민,defectors | North Korean defector,false\r\n"  # 2
    "no-ko,people,refugee,,,false\r\n"  # 3: no Korean term
    "short,people,DMZ\r\n"  # 4: too few columns
    "bad-category,weather,rain,비,,false\r\n"  # 5: unknown category
    'multi,place,Hanawon,하나원,"Hanawon centre\r\nresettlement centre",true\r\n'  # 6-7
    "bad-bool,people,spy,간첩,,maybe\r\n"  # 8
    "good-1,people,again,또,,false\r\n"  # 9: id used by line 2
    "\r\n"  # 10: blank, skipped silently
    "bad id,people,mile,마일,,false\r\n"  # 11: invalid id
    ",,settlement money,정착금,,\r\n"  # 12: no id or category: made up
)


def test_malformed_rows_are_reported_with_line_numbers_and_the_rest_imported():
    entries, problems = parse_csv(MALFORMED, taken_ids={"settlement-money"})
    assert [p.line for p in problems] == [3, 4, 5, 8, 9, 11]
    assert "no ko term" in problems[0].message
    assert "expected 6 columns, found 3" in problems[1].message
    assert "unknown category 'weather'" in problems[2].message
    assert str(problems[1]).startswith("line 4: ")
    assert [e.id for e in entries] == ["good-1", "multi", "settlement-money-2"]
    assert entries[0].en_variants == ("defectors", "North Korean defector")
    assert entries[1].en_variants == ("Hanawon centre resettlement centre",)  # one term
    assert entries[1].loanword is True
    made_up = entries[2]
    assert made_up.category == "general" and made_up.origin is EntryOrigin.USER
    assert made_up.source == "user"


def test_header_problems():
    assert parse_csv("") == ([], [CsvProblem(1, "the file is empty")])
    entries, problems = parse_csv("id,en,korean\r\nx,y,z\r\n")
    assert entries == [] and problems == [CsvProblem(1, "no ko column in the header")]
    entries, problems = parse_csv("EN, Ko ,colour\r\nspy,간첩,red\r\n")
    assert [e.en for e in entries] == ["spy"]
    assert problems == [CsvProblem(1, "unknown column(s) ignored: 'colour'")]


def test_import_without_bom_and_a_spreadsheet_variant_style():
    entries, problems = decode_and_parse("en,ko,ko_variants\nspy,간첩,간첩단|첩자\n".encode())
    assert problems == [] and entries[0].ko_variants == ("간첩단", "첩자")


def test_a_cp949_file_from_korean_excel_is_read_and_noted():
    entries, problems = decode_and_parse("en,ko\r\ndefector,탈북민\r\n".encode("cp949"))
    assert [(e.en, e.ko) for e in entries] == [("defector", "탈북민")]
    assert [p.line for p in problems] == [0] and "CP949" in problems[0].message
