"""Small bilingual documents built in code for UI tests."""

from __future__ import annotations

from reader.document.model import Document, Lang, Paragraph, Provenance, Sentence, Unit

REVIEWED = Provenance.reviewed()


def unit(en: list[str], ko: list[str]) -> Unit:
    return Unit(
        {
            Lang.EN: [Sentence(t) for t in en],
            Lang.KO: [Sentence(t, REVIEWED) for t in ko],
        }
    )


def long_bilingual_document(paragraphs: int = 12) -> Document:
    """Enough text to scroll; Korean sentences deliberately longer or shorter than English,
    and one 1:2 and one 2:1 unit per paragraph so that sentence counts differ."""
    paras = []
    for p in range(paragraphs):
        paras.append(
            Paragraph(
                [
                    unit([f"Paragraph {p} opens with a short sentence."],
                         [f"{p}번째 문단은 짧은 문장으로 시작한다."]),
                    unit([f"Then paragraph {p} has a sentence that the translator split in two, "
                          "because Korean reads better that way."],
                         [f"{p}번째 문단에는 번역자가 둘로 나눈 문장이 있다.",
                          "한국어로는 그렇게 읽는 편이 자연스럽기 때문이다."]),
                    unit([f"Paragraph {p} ends with two sentences.", "They became one."],
                         [f"{p}번째 문단은 두 문장으로 끝나는데, 번역에서는 한 문장이 되었다."]),
                    unit(["A longer English sentence follows here so that the two panes do not "
                          "line up by accident, with words enough to wrap over several lines in "
                          "a pane of ordinary width."],
                         ["짧은 한국어 문장."]),
                ]
            )
        )
    return Document(
        paras,
        title={Lang.EN: "A test document", Lang.KO: "시험용 문서"},
        source="Written for Dari's tests",
        original_language=Lang.EN,
    )
