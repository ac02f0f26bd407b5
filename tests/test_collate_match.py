"""Whether two outlets' quotes render one utterance (``collate_match``), one table of
pairs that must be grouped and one of pairs that must not.

Every quote is our own invention; people and places are fictional.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.collate import group_quotes
from rashomon.collate_align import align, tokenize
from rashomon.collate_match import (
    content_miss_share,
    edge_divergence,
    question_against_statement,
    renders_same,
    within_inner_quote,
)
from rashomon.model import Quote

QUINT, WREN = "Mara Quint", "Tobias Wren"


def grouped(a: str, b: str, sa: str | None = QUINT, sb: str | None = QUINT) -> bool:
    qa = Quote("a", "gull-gazette", a, 0, len(a), "direct", speaker=sa)
    qb = Quote("b", "pier-post", b, 0, len(b), "direct", speaker=sb)
    return bool(group_quotes([qa, qb]))


def aligned(a: str, b: str):
    return align(tokenize(a), tokenize(b), a, b)


ONE_UTTERANCE = [
    ("fragment", "ashamed of every single dollar",
     "I am ashamed of every single dollar I took from the fund"),
    ("word dropped in a fragment", "ashamed of every dollar", "ashamed of every single dollar"),
    ("number changed", "We lost 12 games this season and the board stayed silent",
     "We lost 21 games this season and the board stayed silent"),
    ("near spelling", "Ask the harbour master Kessler about the night shift",
     "Ask the harbour master Kestler about the night shift"),
    ("last word changed", "We will not raise the ferry fares this year",
     "We will not raise the ferry fares this winter"),
    ("cut after a changed word", "We paid for the new pontoons. The rest went on wages.",
     "We paid for the new pontoon."),
    ("function words only, but all of them", "They may not be.",
     "They may not be, and I understand why the crews are angry."),
    ("masked differently", "That transfer was a s--- deal for the club",
     "That transfer was a s*** deal for the club"),
    ("sentences reordered", "The roof is sound. The wiring is a fire waiting to happen.",
     "The wiring is a fire waiting to happen. The roof is sound."),
    ("surname and full name", "The lamp has burned every night for ninety years", None),
]


@pytest.mark.parametrize("why, a, b", ONE_UTTERANCE, ids=[row[0] for row in ONE_UTTERANCE])
def test_one_utterance_is_grouped(why: str, a: str, b: str | None) -> None:
    if b is None:
        assert grouped(a, a + ",", "Quint", QUINT)
    else:
        assert grouped(a, b)


TWO_REMARKS = [
    ("shared function words", "This is a disgusting day",
     "This is a different time, with a lot more people"),
    ("half the content words changed", "This is a disgusting day", "This is a disgusting thought"),
    ("one content word of one", "This is very serious,", "This is very important,"),
    ("content words added on the longer side",
     "and I think he has to ask himself if he wants to keep going",
     "If he is president, he wants to keep this movement going,"),
    ("same opening, two objects", "I have full confidence in our engineers",
     "I have full confidence in the regulator\u2019s process"),
    ("same opening, two pieces of advice", "Do not wait for an official order to leave your home",
     "Do not wait for an official order to start clearing your gutters"),
    ("repeated inside another's quote", "Lock the gates!",
     "I heard \u2018lock the gates\u2019 all night and I understood why"),
    ("question against statement", "Who is going to pay for the new pier?",
     "The council is going to pay for the new pier."),
    ("different speakers, a part of a longer quote", "The ferry must run every hour",
     "The ferry must run every hour until the bridge reopens in May"),
]


@pytest.mark.parametrize("why, a, b", TWO_REMARKS, ids=[row[0] for row in TWO_REMARKS])
def test_two_remarks_are_kept_apart(why: str, a: str, b: str) -> None:
    speakers = (QUINT, WREN) if why.startswith("different speakers") else (QUINT, QUINT)
    assert not grouped(a, b, *speakers)


def test_a_part_of_a_longer_quote_is_grouped_with_one_speaker() -> None:
    # the pair the misattribution row keeps apart is one utterance when one person says it
    assert grouped("The ferry must run every hour",
                   "The ferry must run every hour until the bridge reopens in May")


def test_content_miss_share_counts_unmatched_content_words() -> None:
    assert content_miss_share(aligned("This is very serious", "This is very important")) == 1.0
    assert content_miss_share(aligned("ashamed of every dollar", "ashamed of every dollar")) == 0.0
    # "single" is one of four content words on the longer side (ashamed every single dollar)
    share = content_miss_share(aligned("ashamed of every dollar", "ashamed of every single dollar"))
    assert share == pytest.approx(1 / 4)


def test_edge_divergence_counts_words_past_the_shared_ones() -> None:
    assert edge_divergence(aligned(
        "I have full confidence in our engineers",
        "I have full confidence in the regulator\u2019s process",
    )) == 2
    assert edge_divergence(aligned(
        "We will not raise the ferry fares this year", "We will not raise the ferry fares this winter"
    )) == 1
    # a cut is not a divergence: one side simply stops
    assert edge_divergence(aligned("We will not raise fares", "We will not raise fares this year")) == 0


def test_inner_quote_and_question_tests() -> None:
    a, b = "Lock the gates!", "I heard \u2018lock the gates\u2019 all night"
    assert within_inner_quote(aligned(a, b), a, b)
    assert not within_inner_quote(aligned(a, "I said lock the gates all night"), a,
                                  "I said lock the gates all night")
    q, s = "Who will pay for it?", "They will pay for it."
    assert question_against_statement(aligned(q, s), q, s)
    # a clause ending in a colon is not the question that follows it
    c = "and they asked one question: who will pay for it?"
    assert not question_against_statement(aligned("they asked one question.", c),
                                          "they asked one question.", c)


SENTENCES = st.lists(st.sampled_from(
    "the ferry pier island council will not pay for it this is a very serious day we "
    "who \u2018lock gates\u2019 ? . , s--- s*** \u2026 once-in-a decade".split()
), min_size=1, max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(SENTENCES, SENTENCES, st.sampled_from([None, QUINT, WREN]))
def test_renders_same_does_not_depend_on_the_order(a: str, b: str, sb: str | None) -> None:
    qa = Quote("a", "x", a, 0, len(a), "direct", speaker=QUINT)
    qb = Quote("b", "y", b, 0, len(b), "direct", speaker=sb)
    assert renders_same(aligned(a, b), qa, qb) == renders_same(aligned(b, a), qb, qa)
