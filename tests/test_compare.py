"""Compare stage: shared and unique facts, statement units, features.

Conflicts: test_compare_conflicts.py (which reuses the helpers defined here).
"""

from __future__ import annotations

import pytest
from conftest import make_article, seed_paths
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.compare import coverage_matrix, compare_facts
from rashomon.compare_units import statements_of
from rashomon.compare_values import fallback_dates, stem
from rashomon.model import ArticleAnalysis, DateMention, Facts, PartialDate, Quote
from rashomon.sentences import split_sentences

# A fictional story told by fictional outlets: ferry operator Tom Vale, his company Gull
# Line, Mayor Ana Ruiz and a new ferry terminal in the town of Brookhaven.


def mention(text: str, expression: str, iso: str, occurrence: int = 0) -> DateMention:
    """A dates-stage record for the ``occurrence``-th ``expression`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(expression, start + 1)
    date = PartialDate.parse(iso)
    return DateMention(expression, start, start + len(expression), iso, date.granularity, "date", date)


def analysis(
    text: str,
    id: str,
    *,
    dates: tuple[tuple[str, str], ...] = (),
    title: str | None = None,
    quotes: tuple[str, ...] = (),
) -> ArticleAnalysis:
    """An ArticleAnalysis by hand; ``dates`` are (expression, iso) pairs, ``quotes`` the
    quoted passages (text between the marks)."""
    article = make_article(text, id=id, outlet=f"{id.title()} Post", title=title)
    records = tuple(mention(text, expression, iso) for expression, iso in dates)
    quote_records = []
    for n, passage in enumerate(quotes):
        start = text.index(passage)
        quote_records.append(Quote(f"{id}-q{n}", id, passage, start, start + len(passage), "direct"))
    return ArticleAnalysis(article, split_sentences(text), records, tuple(quote_records))


def assert_offsets(facts: Facts, analyses: list[ArticleAnalysis]) -> None:
    texts = {a.article.id: a.article.text for a in analyses}
    for fact in facts.shared:
        first = fact.sources[0]
        assert texts[first.article][first.start:first.end] == fact.text
        for source in fact.sources:
            assert 0 <= source.start < source.end <= len(texts[source.article])
    for unique in facts.unique:
        assert texts[unique.article][unique.start:unique.end] == unique.text
    for conflict in facts.conflicts:
        for version in conflict.versions:
            assert texts[version.article][version.start:version.end] == version.text
            assert version.value in version.text


def compared(*analyses: ArticleAnalysis) -> Facts:
    facts = compare_facts(list(analyses))
    assert_offsets(facts, list(analyses))
    assert facts == compare_facts(list(analyses))  # deterministic
    return facts


# --- shared and unique ------------------------------------------------------------------


def test_shared_fact_across_three_outlets_in_different_words() -> None:
    a = analysis(
        "Mayor Ana Ruiz approved the winter timetable of operator Tom Vale on Tuesday. "
        "Gull Line repainted its two oldest boats at the Pellham shipyard over the summer.",
        "ledger",
    )
    b = analysis(
        "On Tuesday the winter timetable of operator Tom Vale was approved by Mayor Ana Ruiz. "
        "Commuters queued outside the town hall holding hand-painted signs about the fares.",
        "courier",
    )
    c = analysis(
        "Operator Tom Vale saw his winter timetable approved by Mayor Ana Ruiz on Tuesday.",
        "gazette",
    )
    facts = compared(a, b, c)
    assert len(facts.shared) == 1
    fact = facts.shared[0]
    assert [s.article for s in fact.sources] == ["ledger", "courier", "gazette"]
    assert fact.text.startswith("Mayor Ana Ruiz approved")
    assert {(u.article, u.text.split()[0]) for u in facts.unique} == {
        ("ledger", "Gull"), ("courier", "Commuters")
    }
    assert facts.conflicts == ()


def test_unrelated_statements_stay_unique_and_short_ones_are_dropped() -> None:
    a = analysis(
        "The harbour commission will publish its audit of the marina accounts next spring. "
        "Nobody commented.",
        "ledger",
    )
    b = analysis("Brookhaven fishermen complained about rising mooring fees at the eastern pier.", "courier")
    facts = compared(a, b)
    assert facts.shared == ()
    assert [u.article for u in facts.unique] == ["ledger", "courier"]
    assert all("Nobody" not in u.text for u in facts.unique)


@pytest.mark.parametrize(
    "text, kept",
    [
        pytest.param("Vale claimed he never signed the lease.", True, id="denial"),
        pytest.param("Those fines were waived in April of the same year.", True, id="dated-event"),
        pytest.param("The fund paid out $400.", True, id="figure"),
        pytest.param("Vale resigned in 2019.", True, id="year"),
        pytest.param("The pier reopened quietly.", True, id="three-content-words"),
        pytest.param("Nobody commented.", False, id="too-short"),
        pytest.param("Vale agreed.", False, id="name-and-a-word"),
    ],
)
def test_short_unique_statements_kept_when_they_say_something(text, kept) -> None:
    # a denial, a date or a figure is what a reader checking the outlets looks for,
    # however short the sentence
    other = analysis("Brookhaven fishermen complained about rising mooring fees at the eastern pier.", "courier")
    facts = compared(analysis(text, "ledger"), other)
    assert [u.text for u in facts.unique if u.article == "ledger"] == ([text] if kept else [])


# (ledger statement, courier statement telling the same event, courier statement that
# only shares names and places with it)
PAIRING_CASES = [
    pytest.param(
        "Deckhand Bo Lind died in March 2019 when the Gull Line ferry went down off the "
        "Larkspur breakwater during a storm.",
        "Vale still wants to explain the 2019 storm that killed deckhand Bo Lind, although "
        "the negligence case against him was dropped.",
        "Vale said a second inquiry would show what went wrong off the Larkspur breakwater, "
        "where Lind and skipper Carl Brandt went into the water from the Gull Line ferry.",
        id="died-killed",
    ),
    pytest.param(
        "Harbour police shot a stolen speedboat's engine near the Larkspur marina in August "
        "2021 after a long chase by pilot Dana Holt.",
        "The 2021 shooting at the Larkspur marina ended a speedboat chase, police said.",
        "Pilot Dana Holt and harbour police chased boats around the Larkspur marina every "
        "summer, the Gull Line crews said.",
        id="shot-shooting",
    ),
    pytest.param(
        "Mayor Ana Ruiz reopened the Larkspur footbridge in June 2023 after the Gull Line "
        "rebuilt its on-shore ramp.",
        "The 2023 reopening of the footbridge came once the ramp on shore was rebuilt.",
        "Mayor Ana Ruiz walked across the Larkspur footbridge with Gull Line staff on a sunny "
        "afternoon, the paper said.",
        id="reopened-reopening-hyphen",
    ),
]


@pytest.mark.parametrize("statement, same_event, same_names", PAIRING_CASES)
def test_event_and_date_outweigh_shared_names(statement, same_event, same_names) -> None:
    # the event in other words plus a compatible date is the same fact; the people and
    # the place alone are the story's background
    a = analysis(statement, "ledger")
    b = analysis(f"{same_event} {same_names}", "courier")
    facts = compared(a, b)
    assert len(facts.shared) == 1
    assert [(s.article, s.start) for s in facts.shared[0].sources] == [("ledger", 0), ("courier", 0)]
    assert [u.text for u in facts.unique] == [same_names]


def test_headline_and_quote_led_sentences_are_not_statements() -> None:
    title = "Brookhaven mayor backs winter ferry timetable"
    text = (
        f"{title}\n"
        "“Every crossing has run on time since spring and the town can count on it,” Vale said.\n"
        "The operator plans to reopen the Larkspur ticket office next month."
    )
    a = analysis(text, "ledger", title=title,
                 quotes=("Every crossing has run on time since spring and the town can count on it,",))
    units = statements_of(a, 0)
    assert [u.text for u in units] == ["The operator plans to reopen the Larkspur ticket office next month."]


def test_fallback_quote_detection_without_quote_records() -> None:
    a = analysis("“The boats were full from the first sailing to the very last one,” Vale told reporters.", "ledger")
    assert statements_of(a, 0) == []


def test_clause_split_matches_the_clause_that_is_shared() -> None:
    a = analysis(
        "The council fined Gull Line for skipping two lifeboat drills in October, "
        "but the penalty was waived in November after the inspector corrected his logbook.",
        "ledger",
    )
    b = analysis("The Gull Line penalty was waived in November after an inspector corrected his logbook.", "courier")
    units = statements_of(a, 0)
    assert [u.text for u in units] == [
        "The council fined Gull Line for skipping two lifeboat drills in October",
        "the penalty was waived in November after the inspector corrected his logbook.",
    ]
    facts = compared(a, b)
    assert len(facts.shared) == 1
    assert facts.shared[0].text == units[1].text
    assert [u.text for u in facts.unique] == [units[0].text]


def test_output_follows_article_order_then_offset() -> None:
    a = analysis(
        "Fishermen at the eastern pier complained about the rising mooring fees this winter. "
        "Mayor Ana Ruiz opened the ferry terminal built by Tom Vale on Tuesday.",
        "ledger",
    )
    b = analysis(
        "Mayor Ana Ruiz opened the ferry terminal built by Tom Vale on Tuesday. "
        "The harbour commission will publish its audit of the marina accounts next spring.",
        "courier",
    )
    facts = compared(b, a)
    assert [s.article for s in facts.shared[0].sources] == ["courier", "ledger"]
    assert facts.shared[0].text == b.article.text[: facts.shared[0].sources[0].end]
    assert [u.article for u in facts.unique] == ["courier", "ledger"]


def test_coverage_matrix() -> None:
    a = analysis(
        "Mayor Ana Ruiz opened the ferry terminal built by Tom Vale on Tuesday. "
        "Gull Line repainted its two oldest boats at the Pellham shipyard over the summer.",
        "ledger",
    )
    b = analysis("On Tuesday the ferry terminal built by Tom Vale was opened by Mayor Ana Ruiz.", "courier")
    facts = compared(a, b)
    rows = coverage_matrix(facts, ["ledger", "courier", "gazette"])
    assert rows[0] == (facts.shared[0].text, {"ledger": True, "courier": True, "gazette": False})
    assert rows[1][1] == {"ledger": True, "courier": False, "gazette": False}
    assert len(rows) == 2


def test_empty_and_single_article() -> None:
    assert compare_facts([]) == Facts()
    facts = compared(analysis("The harbour commission will publish its audit of the marina accounts.", "ledger"))
    assert facts.shared == () and facts.conflicts == ()
    assert len(facts.unique) == 1


def test_and_with_a_fronted_adverbial_splits() -> None:
    a = analysis(
        "Harbour police closed the Larkspur marina on Thursday, and on Friday the town council "
        "ordered an inspection of every pier.",
        "ledger",
    )
    assert [u.text for u in statements_of(a, 0)] == [
        "Harbour police closed the Larkspur marina on Thursday",
        "on Friday the town council ordered an inspection of every pier.",
    ]


def test_semicolon_splits_two_facts() -> None:
    a = analysis(
        "The harbour commission fined Vale's company $9,000 for late filings; "
        "the marina itself stayed open through the whole winter season.",
        "ledger",
    )
    assert [u.text for u in statements_of(a, 0)] == [
        "The harbour commission fined Vale's company $9,000 for late filings",
        "the marina itself stayed open through the whole winter season.",
    ]


_WORDS = st.sampled_from(
    "Vale Ruiz mayor harbour ferry terminal opened July 12 2024 never not $2 million 10 "
    "months age 52-year-old , ; but and the was in on “ ” \" . ’s Brandt denied".split()
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=40), min_size=1, max_size=3))
def test_any_text_gives_valid_offsets(word_lists) -> None:
    analyses = [
        analysis(" ".join(words).replace(" .", ".") + ".", f"outlet{n}")
        for n, words in enumerate(word_lists)
    ]
    compared(*analyses)


# --- features -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [("sailed", "sailing"), ("approve", "approved"), ("ferries", "ferry"),
     ("berths", "berthed"), ("stopped", "stop"), ("inquiries", "inquiry")],
)
def test_stem_joins_inflections(a, b) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize(
    "text, stems, events",
    [
        pytest.param("Crews cleared the on-set debris.", {"crew", "clear", "set", "debri"}, set(), id="hyphen-parts"),
        pytest.param("A cherry-red truck arrived.", {"cherry", "red", "truck", "arriv"}, set(), id="compound"),
        pytest.param("The storm killed two deckhands.", {"storm", "kill", "deckhand"}, {"die"}, id="event"),
        pytest.param("Police said the shooting left one dead.", {"polic", "shoot", "left", "dead"},
                     {"shoot", "die"}, id="two-events"),
    ],
)
def test_statement_stems_and_events(text, stems, events) -> None:
    (unit,) = statements_of(analysis(text, "ledger"), 0)
    assert set(unit.stems) == stems
    assert {event for event, _ in unit.events} == events


def test_fallback_dates_skip_names_and_verbs() -> None:
    text = "Marta Junot may race in May; the regatta moved from March 3 to Dec. 4, 2024 and 2021."
    found = [(w.text, w.year, w.month, w.day) for w in fallback_dates(text)]
    assert found == [
        ("May", None, 5, None), ("March 3", None, 3, 3), ("Dec. 4, 2024", 2024, 12, 4), ("2021", 2021, None, None)
    ]


def test_numbers_and_units() -> None:
    text = "Vale, 52, paid $2.5 million and three fines over 14 months, with 40% of 1,200 slips sat empty in 2021."
    (unit,) = statements_of(analysis(text, "ledger"), 0)
    assert [(n.text, n.value, n.unit) for n in unit.numbers] == [
        ("52", 52.0, "age"), ("$2.5 million", 2.5e6, "dollars"), ("three fines", 3.0, "fin"),
        ("14 months", 14.0, "month"), ("40%", 40.0, "percent"), ("1,200 slips", 1200.0, "slip"),
    ]


# --- seeds ----------------------------------------------------------------------------


@pytest.mark.skipif(len(seed_paths()) < 2, reason="seed articles not available")
def test_seed_articles() -> None:
    analyses = []
    for n, path in enumerate(seed_paths()[:2]):
        text = path.read_text(encoding="utf-8")
        headline = text.split("\n", 1)[0]
        article = make_article(text, id=f"seed{n}", title=headline)
        analyses.append(ArticleAnalysis(article, split_sentences(text)))
    facts = compared(*analyses)
    # properties only: the two outlets share at least one fact, each tells something
    # the other does not, and their figures do not clash
    both = [f for f in facts.shared if {s.article for s in f.sources} == {"seed0", "seed1"}]
    assert both
    assert all(f.text and len(f.sources) == 2 for f in both)
    assert {u.article for u in facts.unique} == {"seed0", "seed1"}
    assert not [c for c in facts.conflicts if c.kind == "number"]
