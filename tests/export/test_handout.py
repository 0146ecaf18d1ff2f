"""The bilingual handout: what a counsellor gets in the PDF, on paper and in the HTML file."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest

from reader import paths
from reader.document.article import load_article
from reader.document.model import Document, Lang, Paragraph, Provenance, Sentence, Unit
from reader.export import handout
from reader.export.handout import (
    HandoutError,
    export_html,
    export_pdf,
    glossary_in_document,
    handout_html,
    print_handout,
)
from reader.glossary.model import Entry
from reader.glossary.store import load_bundled
from reader.session.notes import Notes

DATE = dt.date(2025, 3, 4)


@pytest.fixture(scope="module")
def article() -> Document:
    return load_article(paths.bundled_article())


@pytest.fixture(scope="module")
def glossary() -> list[Entry]:
    entries, problems = load_bundled(paths.content_dir(), ["second-thoughts/glossary.toml"])
    assert not problems
    return entries


def letters(text: str) -> str:
    """Only the letters, compatibility-normalised: PDF text extraction gives spaces as
    tabs or control characters, breaks lines anywhere and may drop punctuation."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalpha())


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


@pytest.fixture(scope="module")
def columns_pdf(
    qapp: object, article: Document, glossary: list[Entry], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("pdf") / "handout.pdf"
    pages = export_pdf(path, article, date=DATE, glossary_entries=glossary)
    return path, pages


@pytest.fixture(scope="module")
def columns_text(columns_pdf: tuple[Path, int]) -> list[str]:
    return pdf_pages(columns_pdf[0])


def find_page(pages: list[str], needle: str) -> tuple[int, int]:
    """(page, offset in its letters) of the first page whose text holds `needle`'s letters."""
    key = letters(needle)
    for number, text in enumerate(pages):
        at = letters(text).find(key)
        if at >= 0:
            return number, at
    raise AssertionError(f"not in the PDF: {needle!r}")


def start(sentences: list[Sentence], n: int = 24) -> str:
    return sentences[0].text[:n]


# -- PDF -------------------------------------------------------------------------------------
def test_pdf_is_a4_with_both_languages_aligned_unit_by_unit(
    columns_pdf: tuple[Path, int], columns_text: list[str], article: Document
) -> None:
    path, pages = columns_pdf
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == pages > 2
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points

    units = list(article.units())
    assert len(units) > 30
    for u in (0, 1, 2, 7, len(units) // 2, len(units) - 1):
        en, ko = units[u].side(Lang.EN), units[u].side(Lang.KO)
        en_page, en_at = find_page(columns_text, start(en))
        ko_page, ko_at = find_page(columns_text, start(ko, 12))
        assert en_page == ko_page, (
            f"unit {u}: English on page {en_page + 1}, Korean on {ko_page + 1}"
        )
        assert en_at < ko_at, f"unit {u}: the Korean comes before the English"
        if u + 1 < len(units):  # and before the next unit starts
            next_page, next_at = find_page(columns_text, start(units[u + 1].side(Lang.EN)))
            assert (next_page, next_at) > (ko_page, ko_at)


def test_pdf_pages_are_numbered_in_a_footer(columns_text: list[str]) -> None:
    n = len(columns_text)
    for number, text in enumerate(columns_text, start=1):
        lines = [" ".join(line.split()) for line in text.splitlines()]
        assert lines[-1] == f"Page {number} of {n}"
    assert "Page 1 of" in " ".join(columns_text[0].split())


def test_pdf_ends_with_the_glossary_of_terms_in_the_article(
    columns_text: list[str], glossary: list[Entry], article: Document
) -> None:
    appendix_page, _ = find_page(columns_text, "Glossary 용어 풀이")
    last_unit = list(article.units())[-1]
    assert find_page(columns_text, start(last_unit.side(Lang.KO), 12))[0] <= appendix_page
    appendix = letters("".join(columns_text[appendix_page:]))
    hanawon = next(e for e in glossary if e.ko == "하나원")
    for text in ("Hanawon", "하나원", hanawon.en_definition, hanawon.ko_definition):
        assert letters(text) in appendix
    # the Korean definition right after its term, the English one before them
    at = appendix.index(letters("Hanawon" + hanawon.en_definition))
    assert appendix.index(letters("하나원" + hanawon.ko_definition)) > at


def test_pdf_embeds_a_korean_font_and_prints_text_at_12_points(
    columns_pdf: tuple[Path, int], article: Document
) -> None:
    page = pypdf.PdfReader(columns_pdf[0]).pages[0]
    embedded = {}
    for font in page["/Resources"]["/Font"].values():
        font = font.get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        embedded[str(font["/BaseFont"])] = any(k.startswith("/FontFile") for k in descriptor)
    korean = handout.fonts.family_for(Lang.KO).replace(" ", "").lower()  # notosanscjkkr
    assert any(korean in name.lower() for name in embedded), embedded
    assert all(embedded.values()), embedded  # every font is in the file

    sizes: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes[text.strip()] = size * abs(tm[3] * cm[3])  # in points

    page.extract_text(visitor_text=visit)
    first = tuple(letters(article.sentences(lang)[0].text)[:6] for lang in Lang)
    body = {t: s for t, s in sizes.items() if letters(t).startswith(first)}  # first lines
    assert len(body) == 2 and all(s >= 12 for s in body.values()), body


def test_interleaved_pdf_puts_the_korean_right_after_its_english(
    qapp: object, article: Document, tmp_path: Path
) -> None:
    path = tmp_path / "interleaved.pdf"
    export_pdf(path, article, layout="interleaved", date=DATE)
    pages = pdf_pages(path)
    units = list(article.units())
    for u in (0, 3, 10):
        en_at = find_page(pages, start(units[u].side(Lang.EN)))
        ko_at = find_page(pages, start(units[u].side(Lang.KO), 12))
        next_at = find_page(pages, start(units[u + 1].side(Lang.EN)))
        assert en_at < ko_at < next_at


def test_print_handout_paints_the_same_pages_on_a_printer(
    qapp: object, article: Document, glossary: list[Entry], tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = print_handout(printer, article, date=DATE, glossary_entries=glossary)
    text = pdf_pages(tmp_path / "printed.pdf")
    assert len(text) == pages
    assert " ".join(text[-1].split()).endswith(f"Page {pages} of {pages}")
    assert letters("하나원") in letters(text[-1] + text[-2])


def test_without_a_korean_font_no_pdf_is_written(
    qapp: object, article: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(handout.fonts, "family_for", lambda lang: "DejaVu Sans")
    with pytest.raises(HandoutError, match="No font with Korean"):
        export_pdf(tmp_path / "h.pdf", article)
    assert not list(tmp_path.iterdir())


# -- HTML ------------------------------------------------------------------------------------
class Blocks(HTMLParser):
    """The text of each element with a lang attribute, and every tag and attribute seen."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.blocks: list[tuple[str, str, str]] = []  # (tag, lang, text)
        self._open: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        lang = dict(attrs).get("lang")
        if tag in ("td", "th", "p", "h1", "h2") and lang:
            self._open.append([tag, lang, ""])

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][2] += data

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1][0] == tag:
            tag, lang, text = self._open.pop()
            self.blocks.append((tag, lang, text))


def parse(html_text: str) -> Blocks:
    parser = Blocks()
    parser.feed(html_text)
    return parser


def test_html_columns_have_one_row_per_unit_with_lang_cells(
    article: Document, glossary: list[Entry]
) -> None:
    page = handout_html(article, date=DATE, glossary_entries=glossary)
    parsed = parse(page)
    assert parsed.tags[0] == ("html", {"lang": "en"})
    cells = [(lang, text) for tag, lang, text in parsed.blocks if tag == "td"]
    units = list(article.units())
    entries = glossary_in_document(article, glossary)
    assert len(cells) == 2 * (len(units) + len(entries))
    for u, unit in enumerate(units):
        (en_lang, en_text), (ko_lang, ko_text) = cells[2 * u], cells[2 * u + 1]
        assert (en_lang, ko_lang) == ("en", "ko")
        assert en_text == " ".join(s.text for s in unit.side(Lang.EN))
        assert ko_text == " ".join(s.text for s in unit.side(Lang.KO))
    assert "4 March 2025" in page and "2025년 3월 4일" in page
    assert "font-size: 12pt" in page


def test_html_is_self_contained_utf8(
    article: Document, glossary: list[Entry], tmp_path: Path
) -> None:
    export_html(tmp_path / "h.html", article, glossary_entries=glossary, date=DATE)
    raw = (tmp_path / "h.html").read_bytes()
    page = raw.decode("utf-8")
    assert '<meta charset="utf-8">' in page
    assert "하나원" in page
    assert "http://" not in page and "https://" not in page
    assert "url(" not in page and "src=" not in page and "@import" not in page
    tags = {tag for tag, _ in parse(page).tags}
    assert not tags & {"img", "link", "script", "iframe", "object", "embed", "audio", "video"}


def test_html_appendix_lists_only_terms_in_the_document(article: Document) -> None:
    hanawon = Entry(
        id="hanawon",
        category="institution",
        en="Hanawon",
        ko="하나원",
        en_definition="A settlement centre.",
        ko_definition="정착 지원 시설.",
    )
    absent = Entry(id="zebra", category="everyday", en="zebra crossing", ko="횡단보도",
                   en_definition="Stripes on a road.", ko_definition="길 위의 줄무늬.")  # fmt: skip
    page = handout_html(article, glossary_entries=[absent, hanawon])
    assert "Glossary" in page and "A settlement centre." in page and "정착 지원 시설." in page
    assert "zebra" not in page and "횡단보도" not in page
    assert "Glossary" not in handout_html(article)  # no entries: no appendix


def test_html_includes_notes_only_when_asked(article: Document) -> None:
    notes = Notes()
    notes.add(Lang.KO, 0, "Talk about 하나원 first")
    notes.add(Lang.EN, 2, "Ask about the crossing")
    without = handout_html(article, notes=notes)
    assert "Talk about" not in without and "Ask about the crossing" not in without
    en = [s.text for s in article.sentences(Lang.EN)]  # one sentence per unit here
    assert article.unit_of(Lang.EN, 2) == 2 and article.unit_of(Lang.KO, 0) == 0
    for layout in handout.LAYOUTS:
        page = handout_html(article, layout=layout, notes=notes, include_notes=True)
        # each note follows its unit (both languages of it), before the next unit
        ko_0 = article.sentences(Lang.KO)[0].text
        assert page.index(ko_0) < page.index("Talk about 하나원 first") < page.index(en[1])
        ko_2 = article.sentences(Lang.KO)[article.unit_sentences(2, Lang.KO).start].text
        assert page.index(ko_2) < page.index("Ask about the crossing") < page.index(en[3])


def test_html_interleaved_puts_each_korean_right_after_its_english(article: Document) -> None:
    parsed = parse(handout_html(article, layout="interleaved"))
    blocks = [(lang, text) for tag, lang, text in parsed.blocks if tag == "p"]
    body = blocks[-2 * article.unit_count :]
    for u, unit in enumerate(article.units()):
        assert body[2 * u] == ("en", " ".join(s.text for s in unit.side(Lang.EN)))
        assert body[2 * u + 1] == ("ko", " ".join(s.text for s in unit.side(Lang.KO)))


def test_machine_translations_are_marked_and_missing_ones_shown() -> None:
    document = Document(
        [Paragraph([
            Unit({Lang.EN: [Sentence("Hello.")],
                  Lang.KO: [Sentence("안녕하세요.", Provenance.machine("translate-en_ko 1.1"))]}),
            Unit({Lang.EN: [Sentence("Not translated <yet> & more.")]}),
        ])],
        title={Lang.EN: "Greetings"},
    )  # fmt: skip
    page = handout_html(document, date=DATE)
    assert "안녕하세요.<sup>†</sup>" in page
    assert "† Machine translation, not checked by a person." in page
    assert "Not translated &lt;yet&gt; &amp; more." in page
    assert ">—</span></td>" in page
    assert '<h1><span lang="en">Greetings</span></h1>' in page


def test_an_unknown_layout_is_refused(article: Document) -> None:
    with pytest.raises(ValueError, match="unknown handout layout 'sideways'"):
        handout_html(article, layout="sideways")  # type: ignore[arg-type]


def test_a_given_title_heads_the_handout_above_the_documents_titles(article: Document) -> None:
    page = handout_html(article, title="For Mrs Kim", date=DATE)
    h1 = re.search(r"<h1>(.*?)</h1>", page)
    assert h1 and "For Mrs Kim" in h1.group(1)
    assert page.index("For Mrs Kim") < page.index(article.title[Lang.KO])
