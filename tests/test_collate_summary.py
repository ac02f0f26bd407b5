"""Per-outlet counts of quote versions (``collate_summary.quote_summary``).

Stories are built by hand from invented quotes (a lighthouse, a bakery strike); the
outlets and people are fictional.
"""

from __future__ import annotations

import pytest

from rashomon.collate import group_quotes
from rashomon.collate_match import misattributed
from rashomon.collate_summary import kinds_seen_from, quote_summary
from rashomon.model import Quote, QuoteRelation, Story

KEEPER, BAKER = "Ines Farrow", "Odile Brandt"
OUTLETS = {"gull": "Gull Gazette", "pier": "Pier Post", "tide": "Tide Times"}
LAMP = "The lamp has burned every night for ninety years and it will burn tonight"


def q(id: str, article: str, text: str, speaker: str | None = KEEPER) -> Quote:
    return Quote(id, article, text, 0, len(text), "direct", speaker=speaker)


def story_of(*quotes: Quote) -> Story:
    articles = tuple(dict.fromkeys(x.article for x in quotes))
    return Story("s1", "Lighthouse", articles, quotes=quotes, quote_groups=group_quotes(quotes))


def test_one_outlet_alone_altering_is_singled_out() -> None:
    story = story_of(
        q("g1", "gull", LAMP),
        q("p1", "pier", LAMP + "."),
        q("t1", "tide", LAMP.replace("every night", "most nights")),
    )
    summary = quote_summary(story, OUTLETS)
    by = {o.outlet: o for o in summary.outlets}
    assert list(by) == ["Gull Gazette", "Pier Post", "Tide Times"]
    assert by["Tide Times"].alone_count("altered") == 1
    assert by["Gull Gazette"].alone == ()
    # the full stop only Pier Post adds is its own finding, a typographic one
    assert [(t.kind, t.count) for t in by["Pier Post"].alone] == [("typographic", 1)]
    # each of the others shows "altered" against the Tide Times version
    assert [by[name].count("altered") for name in by] == [1, 1, 1]
    assert all(o.grouped == 1 for o in summary.outlets)


def test_two_outlets_differing_both_carry_the_kind_and_nobody_is_alone() -> None:
    story = story_of(q("g1", "gull", LAMP), q("t1", "tide", LAMP.replace(" every", "")))
    summary = quote_summary(story, OUTLETS)
    assert [o.count("altered") for o in summary.outlets] == [1, 1]
    assert all(o.alone == () for o in summary.outlets)


def test_cut_kinds_are_seen_from_each_outlets_side() -> None:
    short = "The lamp has burned every night for ninety years"
    story = story_of(q("g1", "gull", LAMP), q("p1", "pier", LAMP), q("t1", "tide", short))
    by = {o.outlet: o for o in quote_summary(story, OUTLETS).outlets}
    assert by["Tide Times"].count("truncated") == 1 and by["Tide Times"].count("extended") == 0
    assert by["Gull Gazette"].count("extended") == 1 and by["Gull Gazette"].count("truncated") == 0
    assert by["Tide Times"].alone_count("truncated") == 1
    assert by["Gull Gazette"].alone == ()


def test_a_quote_is_counted_once_however_many_outlets_it_differs_from() -> None:
    story = story_of(
        q("g1", "gull", LAMP.replace("ninety", "a hundred")),
        q("p1", "pier", LAMP),
        q("t1", "tide", LAMP.replace("tonight", "again tonight")),
    )
    by = {o.outlet: o for o in quote_summary(story, OUTLETS).outlets}
    assert by["Gull Gazette"].count("altered") == 1  # against Pier Post and Tide Times
    # the others do not agree among themselves: nobody is alone
    assert all(o.alone == () for o in by.values())
    assert dict((t.kind, t.count) for t in quote_summary(story).pairs)["altered"] == 3


def test_misattribution_by_one_outlet() -> None:
    story = story_of(
        q("g1", "gull", LAMP), q("p1", "pier", LAMP), q("t1", "tide", LAMP, speaker=BAKER)
    )
    by = {o.outlet: o for o in quote_summary(story, OUTLETS).outlets}
    assert by["Tide Times"].alone_count("misattributed") == 1
    assert by["Pier Post"].count("misattributed") == 1
    assert by["Pier Post"].alone_count("misattributed") == 0


def test_articles_without_outlet_names_count_as_their_own_outlet() -> None:
    story = story_of(q("g1", "gull", LAMP), q("t1", "tide", LAMP + "!"))
    summary = quote_summary(story)
    assert [(o.outlet, o.articles) for o in summary.outlets] == [
        ("gull", ("gull",)),
        ("tide", ("tide",)),
    ]
    assert [o.count("typographic") for o in summary.outlets] == [1, 1]


def test_story_without_groups_has_an_empty_summary() -> None:
    story = story_of(q("g1", "gull", LAMP), q("t1", "tide", "Nothing like the other quote."))
    summary = quote_summary(story, OUTLETS)
    assert summary.pairs == () and summary.outlets == ()


def test_kinds_seen_from_either_end() -> None:
    relation = QuoteRelation("a", "b", ("truncated", "altered"), ())
    assert kinds_seen_from(relation, "b") == {"truncated", "altered"}
    assert kinds_seen_from(relation, "a") == {"extended", "altered"}


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("Ines Farrow", "Ines Farrow", False),
        ("Ines Farrow", "ines  farrow", False),
        ("Farrow", "Ines Farrow", False),  # the surname alone is the same person
        ("Keeper Ines Farrow", "Ines Farrow", False),  # a title before the name
        ("Ines Farrow", "Odile Brandt", True),
        ("Ines Farrow", "Paul Farrow", True),  # same surname, another first name
        ("Ines Farrow", None, False),  # one side unresolved: nothing to contradict
        (None, None, False),
    ],
)
def test_misattributed_compares_names_not_strings(
    a: str | None, b: str | None, expected: bool
) -> None:
    assert misattributed(a, b) is expected
    assert misattributed(b, a) is expected
