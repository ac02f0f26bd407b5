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

# A fictional story told by fictional outlets: developer Tom Vale, a harbour contract
# and a bribery case in the town of Brookhaven.


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
        "Judge Ana Ruiz dismissed the bribery case against developer Tom Vale on Tuesday. "
        "Vale's company built the Larkspur marina complex beside the old ferry terminal.",
        "ledger",
    )
    b = analysis(
        "On Tuesday the bribery case against developer Tom Vale was dismissed by Judge Ana Ruiz. "
        "Protesters gathered outside the courthouse holding hand-painted signs about the harbour.",
        "courier",
    )
    c = analysis(
        "Developer Tom Vale saw the bribery case against him dismissed by Judge Ana Ruiz on Tuesday.",
        "gazette",
    )
    facts = compared(a, b, c)
    assert len(facts.shared) == 1
    fact = facts.shared[0]
    assert [s.article for s in fact.sources] == ["ledger", "courier", "gazette"]
    assert fact.text.startswith("Judge Ana Ruiz dismissed")
    assert {(u.article, u.text.split()[0]) for u in facts.unique} == {
        ("ledger", "Vale's"), ("courier", "Protesters")
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


def test_headline_and_quote_led_sentences_are_not_statements() -> None:
    title = "Vale case thrown out by Brookhaven judge"
    text = (
        f"{title}\n"
        "“We always knew the harbour deal was clean and the town will see it soon,” Vale said.\n"
        "The developer plans to reopen the Larkspur marina office next month."
    )
    a = analysis(text, "ledger", title=title,
                 quotes=("We always knew the harbour deal was clean and the town will see it soon,",))
    units = statements_of(a, 0)
    assert [u.text for u in units] == ["The developer plans to reopen the Larkspur marina office next month."]


def test_fallback_quote_detection_without_quote_records() -> None:
    a = analysis("“The deal was clean from the first day to the very last day,” Vale told reporters.", "ledger")
    assert statements_of(a, 0) == []


def test_clause_split_matches_the_clause_that_is_shared() -> None:
    a = analysis(
        "Prosecutors charged Tom Vale with bribing two harbour inspectors in January, "
        "but the charges were dropped in April after a key witness recanted.",
        "ledger",
    )
    b = analysis("The bribery charges against Tom Vale were dropped in April after a witness recanted.", "courier")
    units = statements_of(a, 0)
    assert [u.text for u in units] == [
        "Prosecutors charged Tom Vale with bribing two harbour inspectors in January",
        "the charges were dropped in April after a key witness recanted.",
    ]
    facts = compared(a, b)
    assert len(facts.shared) == 1
    assert facts.shared[0].text == units[1].text
    assert [u.text for u in facts.unique] == [units[0].text]


# --- conflicts ----------------------------------------------------------------------------


DATE_CASES = [
    # (sentence a, dates a, sentence b, dates b, expected values or None)
    pytest.param(
        "The town council approved the Larkspur harbour contract with Vale on March 3, 2023.",
        (("March 3, 2023", "2023-03-03"),),
        "The town council approved the Larkspur harbour contract with Vale on March 9, 2023.",
        (("March 9, 2023", "2023-03-09"),),
        ("March 3, 2023", "March 9, 2023"),
        id="day-vs-day",
    ),
    pytest.param(
        "Vale was arrested at the Larkspur marina office in May 2022 by state police.",
        (("May 2022", "2022-05"),),
        "State police arrested Vale at the Larkspur marina office in June 2022.",
        (("June 2022", "2022-06"),),
        ("May 2022", "June 2022"),
        id="month-vs-month",
    ),
    pytest.param(
        "In July, Judge Ana Ruiz dismissed the bribery case against Tom Vale.",
        (("July", "2024-07"),),
        "On July 12, Judge Ana Ruiz dismissed the bribery case against Tom Vale.",
        (("July 12", "2024-07-12"),),
        None,
        id="in-july-vs-july-12-compatible",
    ),
    pytest.param(
        "In July, Judge Ana Ruiz dismissed the bribery case against Tom Vale.",
        (),
        "On July 12, Judge Ana Ruiz dismissed the bribery case against Tom Vale.",
        (),
        None,
        id="compatible-by-fallback-rules",
    ),
    pytest.param(
        "On July 12, Judge Ana Ruiz dismissed the bribery case against Tom Vale.",
        (),
        "On July 15, Judge Ana Ruiz dismissed the bribery case against Tom Vale.",
        (),
        ("July 12", "July 15"),
        id="conflict-by-fallback-rules",
    ),
    pytest.param(
        "Judge Ana Ruiz dismissed the bribery case against Tom Vale on July 12.",
        (("July 12", "2024-07-12"),),
        "Judge Ana Ruiz dismissed the bribery case against Tom Vale.",
        (),
        None,
        id="date-in-one-only",
    ),
    pytest.param(
        "Judge Ana Ruiz dismissed the bribery case against Tom Vale last Tuesday.",
        (("last Tuesday", "2024-07-09"),),
        "Judge Ana Ruiz dismissed the bribery case against Tom Vale on July 15.",
        (("July 15", "2024-07-15"),),
        ("last Tuesday", "July 15"),
        id="dates-stage-records-preferred",
    ),
    pytest.param(
        "In July, Judge Ana Ruiz dismissed the bribery case against Tom Vale.",
        (("July", "2024-07"),),
        "On July 12, Judge Ana Ruiz dismissed the bribery case against Tom Vale.",
        (("July 12", "2023-07-12"),),
        None,
        id="years-guessed-by-the-dates-stage-are-not-compared",
    ),
    pytest.param(
        "Judge Ana Ruiz dismissed the bribery case against Tom Vale on July 12, 2023.",
        (("July 12, 2023", "2023-07-12"),),
        "Judge Ana Ruiz dismissed the bribery case against Tom Vale on July 12, 2024.",
        (("July 12, 2024", "2024-07-12"),),
        ("July 12, 2023", "July 12, 2024"),
        id="written-years-are-compared",
    ),
    pytest.param(
        "The town council approved the Larkspur harbour contract with Vale in 2021.",
        (("2021", "2021"),),
        "The town council approved the Larkspur harbour contract with Vale in March 2021.",
        (("March 2021", "2021-03"),),
        None,
        id="year-contains-month",
    ),
]


@pytest.mark.parametrize("text_a, dates_a, text_b, dates_b, expected", DATE_CASES)
def test_date_conflicts(text_a, dates_a, text_b, dates_b, expected) -> None:
    facts = compared(analysis(text_a, "ledger", dates=dates_a), analysis(text_b, "courier", dates=dates_b))
    assert len(facts.shared) == 1  # the same fact either way
    dated = [c for c in facts.conflicts if c.kind == "date"]
    if expected is None:
        assert facts.conflicts == ()
    else:
        assert len(dated) == 1
        assert tuple(v.value for v in dated[0].versions) == expected
        assert [v.article for v in dated[0].versions] == ["ledger", "courier"]
        assert dated[0].about.startswith("date")


def test_event_dated_differently_in_differently_worded_sentences() -> None:
    a = analysis(
        "The Larkspur marina, long the pride of the eastern waterfront and its fishing fleet, "
        "has been shut since Friday, June 6, when harbour police taped off the pier.",
        "ledger",
        dates=(("Friday, June 6", "2025-06-06"),),
    )
    b = analysis(
        "Harbour police closed the Larkspur marina on Saturday, June 7, citing unsafe pilings.",
        "courier",
        dates=(("Saturday, June 7", "2025-06-07"),),
    )
    facts = compared(a, b)
    assert [c.kind for c in facts.conflicts] == ["date"]
    assert [v.value for v in facts.conflicts[0].versions] == ["Friday, June 6", "Saturday, June 7"]
    assert facts.conflicts[0].about.startswith("date of close")


def test_same_event_verb_on_different_things_is_no_conflict() -> None:
    a = analysis("Harbour police closed the Larkspur marina on June 7 after an inspection.", "ledger")
    b = analysis("The town library closed its reading room on June 2 for repainting.", "courier")
    assert compared(a, b).conflicts == ()


NUMBER_CASES = [
    pytest.param(
        "Tom Vale was sentenced to 18 months in prison for bribing harbour inspectors.",
        "Tom Vale was sentenced to 16 months in prison for bribing harbour inspectors.",
        ("18 months", "16 months"),
        "month",
        id="months",
    ),
    pytest.param(
        "Tom Vale was sentenced to eighteen months in prison for bribing harbour inspectors.",
        "Tom Vale received a sentence of two years in prison for bribing harbour inspectors.",
        None,
        None,
        id="different-units-no-conflict",
    ),
    pytest.param(
        "The developer, Tom Vale, 52, was arrested at the marina office in Brookhaven.",
        "The developer, Tom Vale, 53, was arrested at the marina office in Brookhaven.",
        ("52", "53"),
        "age",
        id="age-apposition",
    ),
    pytest.param(
        "The 52-year-old developer Tom Vale was arrested at the marina office in Brookhaven.",
        "Developer Tom Vale, age 53, was arrested at the marina office in Brookhaven.",
        ("52-year-old", "age 53"),
        "age",
        id="age-forms",
    ),
    pytest.param(
        "Vale paid the harbour inspectors $2 million in bribes over three years, prosecutors said.",
        "Vale paid the harbour inspectors $3 million in bribes over three years, prosecutors said.",
        ("$2 million", "$3 million"),
        "dollars",
        id="money",
    ),
    pytest.param(
        "Vale paid the harbour inspectors $2 million in bribes over three years, prosecutors said.",
        "Vale paid the harbour inspectors bribes worth $2,000,000 over three years, prosecutors said.",
        None,
        None,
        id="same-money-written-differently",
    ),
    pytest.param(
        "Police arrested Vale and two aides at the Larkspur marina office on Friday morning.",
        "Police arrested Vale at the Larkspur marina office on Friday morning.",
        None,
        None,
        id="number-in-one-only",
    ),
]


@pytest.mark.parametrize("text_a, text_b, expected, unit", NUMBER_CASES)
def test_number_conflicts(text_a, text_b, expected, unit) -> None:
    facts = compared(analysis(text_a, "ledger"), analysis(text_b, "courier"))
    assert len(facts.shared) == 1
    if expected is None:
        assert facts.conflicts == ()
        return
    assert [c.kind for c in facts.conflicts] == ["number"]
    conflict = facts.conflicts[0]
    assert tuple(v.value for v in conflict.versions) == expected
    assert unit in conflict.about


def test_name_conflict_in_the_same_role() -> None:
    a = analysis("Judge Ana Ruiz dismissed the bribery case against Tom Vale on Tuesday.", "ledger")
    b = analysis("Judge Carl Brandt dismissed the bribery case against Tom Vale on Tuesday.", "courier")
    facts = compared(a, b)
    assert len(facts.shared) == 1
    assert [c.kind for c in facts.conflicts] == ["name"]
    assert [v.value for v in facts.conflicts[0].versions] == ["Ana Ruiz", "Carl Brandt"]
    assert "judge" in facts.conflicts[0].about


@pytest.mark.parametrize(
    "text_a, text_b",
    [
        pytest.param(
            "Judge Ana Ruiz dismissed the bribery case against Tom Vale on Tuesday.",
            "Judge Ruiz dismissed the bribery case against Tom Vale on Tuesday.",
            id="short-form-of-the-same-name",
        ),
        pytest.param(
            "Judge Ana Ruiz dismissed the bribery case against Tom Vale on Tuesday.",
            "Judge Ana Ruiz dismissed the bribery case against Vale, a Brookhaven developer, on Tuesday.",
            id="extra-name-with-no-rival",
        ),
    ],
)
def test_no_name_conflict(text_a, text_b) -> None:
    facts = compared(analysis(text_a, "ledger"), analysis(text_b, "courier"))
    assert len(facts.shared) == 1
    assert facts.conflicts == ()


@pytest.mark.parametrize(
    "text_a, text_b, values",
    [
        pytest.param(
            "Tom Vale signed the harbour contract with the town council in his own name.",
            "Tom Vale never signed the harbour contract with the town council in his own name.",
            ("signed", "never signed"),
            id="never",
        ),
        pytest.param(
            "Tom Vale accepted payments from the marina operators during the tender.",
            "Tom Vale denied accepting payments from the marina operators during the tender.",
            ("accepted", "denied accepting"),
            id="denied",
        ),
        pytest.param(
            "The harbour inspectors didn't flag the cracked pilings to the town council.",
            "The harbour inspectors flagged the cracked pilings to the town council.",
            ("didn't flag", "flagged"),
            id="contraction",
        ),
    ],
)
def test_claim_conflicts(text_a, text_b, values) -> None:
    facts = compared(analysis(text_a, "ledger"), analysis(text_b, "courier"))
    assert [c.kind for c in facts.conflicts] == ["claim"]
    assert tuple(v.value for v in facts.conflicts[0].versions) == values
    # affirming and denying is no agreement: neither shared nor unique
    assert facts.shared == () and facts.unique == ()


@pytest.mark.parametrize(
    "text_a, text_b",
    [
        pytest.param(
            "Tom Vale never signed the harbour contract with the town council.",
            "Tom Vale did not sign the harbour contract with the town council.",
            id="both-deny",
        ),
        pytest.param(
            "Judge Ana Ruiz did not grant the defence motion to move the Vale trial.",
            "Judge Ana Ruiz rejected the defence motion to move the Vale trial.",
            id="negative-verb",
        ),
        pytest.param(
            "Auditors flagged marina invoices that did not match any berth booking last spring.",
            "Auditors flagged marina invoices that matched no berth booking last spring.",
            id="negation-after-the-word",
        ),
        pytest.param(
            "Tom Vale denied the bribery charges at his first hearing in the Brookhaven court.",
            "Tom Vale faced the bribery charges at his first hearing in the Brookhaven court.",
            id="denying-a-thing",
        ),
    ],
)
def test_no_claim_conflict(text_a, text_b) -> None:
    facts = compared(analysis(text_a, "ledger"), analysis(text_b, "courier"))
    assert len(facts.shared) == 1
    assert facts.conflicts == ()


def test_conflict_versions_merge_across_three_outlets() -> None:
    facts = compared(
        analysis("Tom Vale was sentenced to 18 months in prison for bribing harbour inspectors.", "ledger"),
        analysis("Tom Vale was sentenced to 16 months in prison for bribing harbour inspectors.", "courier"),
        analysis("Tom Vale was sentenced to 18 months in prison for bribing harbour inspectors.", "gazette"),
    )
    assert len(facts.conflicts) == 1
    versions = facts.conflicts[0].versions
    assert [(v.article, v.value) for v in versions] == [
        ("ledger", "18 months"), ("courier", "16 months"), ("gazette", "18 months")
    ]


def test_output_follows_article_order_then_offset() -> None:
    a = analysis(
        "Fishermen at the eastern pier complained about the rising mooring fees this winter. "
        "Judge Ana Ruiz dismissed the bribery case against Tom Vale on Tuesday.",
        "ledger",
    )
    b = analysis(
        "Judge Ana Ruiz dismissed the bribery case against Tom Vale on Tuesday. "
        "The harbour commission will publish its audit of the marina accounts next spring.",
        "courier",
    )
    facts = compared(b, a)
    assert [s.article for s in facts.shared[0].sources] == ["courier", "ledger"]
    assert facts.shared[0].text == b.article.text[: facts.shared[0].sources[0].end]
    assert [u.article for u in facts.unique] == ["courier", "ledger"]


def test_coverage_matrix() -> None:
    a = analysis(
        "Judge Ana Ruiz dismissed the bribery case against Tom Vale on Tuesday. "
        "Vale's company built the Larkspur marina complex beside the old ferry terminal.",
        "ledger",
    )
    b = analysis("On Tuesday the bribery case against Tom Vale was dismissed by Judge Ana Ruiz.", "courier")
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


def test_numeric_story_reports_only_same_unit_clashes() -> None:
    a = analysis(
        "Heavy rain flooded 12 roads in the Millbrook valley on Sunday, the county said. "
        "About 300 homes lost power for three hours, according to Delta Grid.\n"
        "Mayor Iris Quell opened two shelters at the Millbrook school for 80 residents.\n"
        "Farmers said 40 cows were moved to higher ground by volunteers.\n"
        "Last year a smaller flood cost the town $1.2 million in repairs.",
        "ledger",
    )
    b = analysis(
        "The Millbrook river burst its banks on Sunday, flooding 14 roads across the valley.\n"
        "Power was cut to roughly 300 homes for four hours, Delta Grid said.\n"
        "Mayor Iris Quell said the two shelters at the school had taken in 95 people by nightfall.\n"
        "Rescue crews pulled three people from a car stranded on the valley road.\n"
        "The weather service expects 20 millimetres more rain on Tuesday.",
        "courier",
    )
    facts = compared(a, b)
    assert len(facts.shared) == 3
    assert sorted((c.kind, tuple(v.value for v in c.versions)) for c in facts.conflicts) == [
        ("number", ("12 roads", "14 roads")), ("number", ("three hours", "four hours")),
    ]
    assert len(facts.unique) == 4


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
    "Vale Ruiz judge harbour marina case dismissed July 12 2024 never not $2 million 18 "
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
    [("dismissed", "dismissing"), ("approve", "approved"), ("cases", "case"),
     ("charges", "charged"), ("stopped", "stop"), ("inquiries", "inquiry")],
)
def test_stem_joins_inflections(a, b) -> None:
    assert stem(a) == stem(b)


def test_fallback_dates_skip_names_and_verbs() -> None:
    text = "Mary Marlowe may appeal in May; the hearing moved from March 3 to Dec. 4, 2024 and 2021."
    found = [(w.text, w.year, w.month, w.day) for w in fallback_dates(text)]
    assert found == [
        ("May", None, 5, None), ("March 3", None, 3, 3), ("Dec. 4, 2024", 2024, 12, 4), ("2021", 2021, None, None)
    ]


def test_numbers_and_units() -> None:
    text = "Vale, 52, paid $2.5 million and three fines over 18 months, with 40% of 1,200 slips sat empty in 2021."
    (unit,) = statements_of(analysis(text, "ledger"), 0)
    assert [(n.text, n.value, n.unit) for n in unit.numbers] == [
        ("52", 52.0, "age"), ("$2.5 million", 2.5e6, "dollars"), ("three fines", 3.0, "fin"),
        ("18 months", 18.0, "month"), ("40%", 40.0, "percent"), ("1,200 slips", 1200.0, "slip"),
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
    dismissal = [
        f for f in facts.shared
        if "dismiss" in f.text.lower() and {s.article for s in f.sources} == {"seed0", "seed1"}
    ]
    assert dismissal, [f.text for f in facts.shared]
    assert {u.article for u in facts.unique} == {"seed0", "seed1"}
    assert not [c for c in facts.conflicts if c.kind == "number"]
