"""Quote marks -> quoted spans, the title and scare-quote filter, and the small helpers
that keep each span's cost bounded. Every text here is invented."""

from __future__ import annotations

import pytest
from conftest import make_article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_quotes import CITY, quotes_of

from rashomon.quote_marks import (
    SpanSet,
    last_char,
    last_words,
    quote_words,
    quoted_spans,
    words_inside,
)
from rashomon.quotes import extract_quotes
from rashomon.sentences import paragraph_spans, split_sentences

# --- marks ------------------------------------------------------------------------------

MARK_CASES = [
    pytest.param(
        CITY + "\"The clerk told me ‘come back Monday’ and I did,\" Okafor said. "
        "“Nothing had changed.”",
        ["The clerk told me ‘come back Monday’ and I did,", "Nothing had changed."],
        id="straight-curly-mixed-nested-single",
    ),
    pytest.param(
        CITY + "“It’s the council’s call, and the ’90s zoning code is outdated,” "
        "Okafor said.",
        ["It’s the council’s call, and the ’90s zoning code is outdated,"],
        id="curly-apostrophes",
    ),
    pytest.param(
        CITY + "'It's Harlow's turn, not the '90s crowd's,' Okafor said in the town's hall.",
        ["It's Harlow's turn, not the '90s crowd's,"],
        id="straight-single-with-apostrophes",
    ),
    pytest.param(
        CITY + "“This is a load of s--- and everyone knows it,” Okafor said. "
        "“What a s— show,” she added.",
        ["This is a load of s--- and everyone knows it,", "What a s— show,"],
        id="censored-words-inside",
    ),
    pytest.param(
        CITY + "“This one never closes, Okafor said. Later she added, “This one is fine.”\n"
        "“The next paragraph is fine too,” she said.",
        ["This one is fine.", "The next paragraph is fine too,"],
        id="unbalanced-curly-costs-one-quote",
    ),
    pytest.param(
        CITY + "\"This one never closes, Okafor said.\n"
        "\"The next paragraph is fine,\" she said. \"And so is this.\"",
        ["The next paragraph is fine,", "And so is this."],
        id="unbalanced-straight-costs-one-quote",
    ),
    pytest.param(
        CITY + "“The council has voted,” Okafor said. “The vote was close.\n"
        "“We will respect it and move on.”",
        ["The council has voted,", "The vote was close.", "We will respect it and move on."],
        id="multi-paragraph-quote",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MARK_CASES)
def test_marks(nlp, text, expected):
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == expected
    assert {q.speaker for q in quotes} == {"Lena Okafor"}


NOT_QUOTES = [
    pytest.param(CITY + "Okafor appeared on the “Civic Hour” podcast on Monday.", id="podcast"),
    pytest.param(CITY + "Okafor praised the film 'Riverbend' at the gala.", id="film-straight"),
    pytest.param(CITY + "She said the documentary “Low Water” opened her eyes.",
                 id="title-with-cue"),
    pytest.param(CITY + "The flood on the set of ‘Riverbend’ delayed filming.",
                 id="title-curly"),
    pytest.param(CITY + "Boxer Ray “The Anvil” Doucette will retire.", id="nickname"),
    pytest.param(CITY + "The so-called “reform” package passed on a Tuesday.",
                 id="scare-quote"),
    pytest.param(CITY + "The “new normal” in Harlow means trains every hour.",
                 id="scare-two-words"),
    pytest.param(CITY + "The ferry, known to locals as “the Grey Lady”, sails at noon.",
                 id="nickname-the-title-case"),
    pytest.param(CITY + "Harlow residents call the depot 'the Big Shed' with some pride.",
                 id="nickname-naming-verb-is-no-cue"),
    pytest.param(CITY + "Locals dubbed the tram “a Slow Miracle” in its first year.",
                 id="nickname-a-title-case"),
]


def test_nickname_with_a_speech_cue_is_a_quote(nlp):
    text = CITY + "Okafor said the plan was “the Best Deal in Years” for Harlow."
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.speaker) for q in quotes] == [("the Best Deal in Years", "Lena Okafor")]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_not_quotes(nlp, text):
    assert quotes_of(nlp, text) == ()


def test_quote_words_normalise_marks_and_dashes():
    assert quote_words("I Spent It On S— I Didn’t Need") == quote_words(
        "i spent it on s--- i didn't need.")
    assert words_inside(quote_words("The Hard One"), quote_words("Paying is the hard one."))
    assert not words_inside(quote_words("Hard Ones"), quote_words("the hard one"))


def test_paragraph_matching_is_local():
    text = "“Open and never closed\nA plain line.\n“Closed,” she said."
    spans = quoted_spans(text, paragraph_spans(text))
    assert [text[s.start : s.end] for s in spans] == ["Closed,"]


def test_no_quotes_no_parse():
    class Boom:
        def parse(self, texts):
            raise AssertionError("parsed an article with no quotes")

    text = "A plain article.\nIt has no quotation at all, only Okafor’s apostrophes."
    assert extract_quotes(make_article(text), split_sentences(text), Boom()) == ()


_CHARS = st.sampled_from(list("ab A.,:\n“”‘’\"'—-") + ["he said", "Okafor", " said "])


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_CHARS, max_size=60).map("".join))
def test_offsets_hold_on_any_text(nlp, text):
    for q in quotes_of(nlp, text):
        assert q.start < q.end


def test_outer_end_of_a_quote_running_on_is_its_paragraphs_end():
    text = "“The first part runs on  \n“and ends here,” she said.\nA last line."
    paragraphs = paragraph_spans(text)
    first, second = quoted_spans(text, paragraphs)
    assert first.continues and first.outer_end == first.end == paragraphs[0][1]
    assert text[first.start : first.end] == "The first part runs on"
    assert not second.continues and text[second.outer_end - 1] == "”"


@pytest.mark.parametrize("name", ["Émile Ngata", "Zoë Ngata", "Jo Reed", "Declan O'Rourke"])
def test_lost_closing_mark_seen_before_any_name(name):
    """', Émile Ngata said' inside a stretch left open shows the closing mark was lost,
    so the stretch is no first part of a multi-paragraph quote."""
    text = f"“We waited all night, {name} said.\n“The next one is fine,” she said."
    assert [text[s.start : s.end] for s in quoted_spans(text, paragraph_spans(text))] == [
        "The next one is fine,"]


def test_many_quotes_on_one_line_all_found():
    text = " ".join(f"“Road {i} is open,” she said." for i in range(300))
    spans = quoted_spans(text, paragraph_spans(text))
    assert [text[s.start : s.end] for s in spans] == [f"Road {i} is open," for i in range(300)]


@pytest.mark.parametrize(("spans", "inside", "outside"), [
    ([(10, 20), (0, 3)], [0, 2, 10, 19], [3, 9, 20, 25]),
    ([(0, 10), (2, 4), (12, 13)], [0, 5, 9, 12], [-1, 10, 11, 13]),  # nested and after
    ([], [], [0, 5]),
])
def test_span_set(spans, inside, outside):
    found = SpanSet.of(spans)
    assert all(found.holds(i) for i in inside)
    assert not any(found.holds(i) for i in outside)


@pytest.mark.parametrize(("text", "n", "expected"), [
    ("the film said", 1, ["said"]),
    ("the film said", 2, ["film", "said"]),
    ("said " + "x" * 500 + " podcast  ", 1, ["podcast"]),
    ("one " + " " * 900 + ", ", 1, ["one"]),  # the window widens past blank space
    ("", 1, []),
])
def test_last_words(text, n, expected):
    assert last_words(text, 0, len(text), n) == expected


def test_last_char():
    assert last_char("a b, \t", 0, 6) == ","
    assert last_char("a b, \t", 0, 6, " \t") == ","
    assert last_char("ab\n ", 0, 4, " \t") == "\n"
    assert last_char("   ", 0, 3) == ""
