from __future__ import annotations

import pytest

from rashomon.sentences import paragraph_spans, sentence_at, split_sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One thing happened. Then another.", ["One thing happened.", "Then another."]),
        ("Mr. Vance arrived. He sat.", ["Mr. Vance arrived.", "He sat."]),
        ("J. R. Olsen spoke first. Nobody else did.", ["J. R. Olsen spoke first.", "Nobody else did."]),
        ("“We won,” she said. “Again.”", ["“We won,” she said.", "“Again.”"]),
        ("He asked why? Nobody knew!", ["He asked why?", "Nobody knew!"]),
        ("It cost $4.5 million. Voters balked.", ["It cost $4.5 million.", "Voters balked."]),
        ("The U.S. team lost. Fans left.", ["The U.S. team lost.", "Fans left."]),
        ("She left at 5 p.m. on Friday.", ["She left at 5 p.m. on Friday."]),
        ("He said: “I am done.” The room fell silent.", ["He said: “I am done.”", "The room fell silent."]),
        ("no capital after. so no split", ["no capital after. so no split"]),
        ("“First. Second,” she said. Then more.", ["“First. Second,” she said.", "Then more."]),
        ('"One. Two." He left.', ['"One. Two."', "He left."]),
        # a mark that never closes opens nothing: the paragraph still splits
        ("“Stray mark. Next sentence. Last one.", ["“Stray mark.", "Next sentence.", "Last one."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_index_the_text_and_paragraphs_count() -> None:
    text = "Headline here\n\n  First para. Second sentence.  \nThird para.\n"
    sentences = split_sentences(text)
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2]
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert [i for i, s in enumerate(sentences)] == [s.index for s in sentences]


def test_paragraph_spans_skip_blank_lines() -> None:
    text = "a\n   \n b \n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["a", "b"]


def test_sentence_at_finds_holder() -> None:
    text = "Alpha one. Beta two. Gamma three."
    sentences = split_sentences(text)
    assert sentence_at(sentences, text.index("Beta")).text == "Beta two."
    assert sentence_at(sentences, len(text) + 5) is None
