"""Compare stage: conflicts of each kind (date, number, name, claim) between outlets.

The fictional story and the helpers are those of test_compare.py.
"""

from __future__ import annotations

import pytest
from test_compare import analysis, compared

from rashomon.compare import compare_facts

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
        "Gull Line launched its night crossing from the Larkspur terminal in May 2022 with one boat.",
        (("May 2022", "2022-05"),),
        "Gull Line launched the night crossing from the Larkspur terminal in June 2022.",
        (("June 2022", "2022-06"),),
        ("May 2022", "June 2022"),
        id="month-vs-month",
    ),
    pytest.param(
        "In July, Mayor Ana Ruiz opened the new ferry terminal at Larkspur harbour.",
        (("July", "2024-07"),),
        "On July 12, Mayor Ana Ruiz opened the new ferry terminal at Larkspur harbour.",
        (("July 12", "2024-07-12"),),
        None,
        id="in-july-vs-july-12-compatible",
    ),
    pytest.param(
        "In July, Mayor Ana Ruiz opened the new ferry terminal at Larkspur harbour.",
        (),
        "On July 12, Mayor Ana Ruiz opened the new ferry terminal at Larkspur harbour.",
        (),
        None,
        id="compatible-by-fallback-rules",
    ),
    pytest.param(
        "On July 12, Mayor Ana Ruiz opened the new ferry terminal at Larkspur harbour.",
        (),
        "On July 15, Mayor Ana Ruiz opened the new ferry terminal at Larkspur harbour.",
        (),
        ("July 12", "July 15"),
        id="conflict-by-fallback-rules",
    ),
    pytest.param(
        "Mayor Ana Ruiz opened the new ferry terminal at Larkspur harbour on July 12.",
        (("July 12", "2024-07-12"),),
        "Mayor Ana Ruiz opened the new ferry terminal at Larkspur harbour.",
        (),
        None,
        id="date-in-one-only",
    ),
    pytest.param(
        "Mayor Ana Ruiz opened the new ferry terminal at Larkspur harbour last Tuesday.",
        (("last Tuesday", "2024-07-09"),),
        "Mayor Ana Ruiz opened the new ferry terminal at Larkspur harbour on July 15.",
        (("July 15", "2024-07-15"),),
        ("last Tuesday", "July 15"),
        id="dates-stage-records-preferred",
    ),
    pytest.param(
        "In July, Mayor Ana Ruiz opened the new ferry terminal at Larkspur harbour.",
        (("July", "2024-07"),),
        "On July 12, Mayor Ana Ruiz opened the new ferry terminal at Larkspur harbour.",
        (("July 12", "2023-07-12"),),
        None,
        id="years-guessed-by-the-dates-stage-are-not-compared",
    ),
    pytest.param(
        "Mayor Ana Ruiz opened the new ferry terminal at Larkspur harbour on July 12, 2023.",
        (("July 12, 2023", "2023-07-12"),),
        "Mayor Ana Ruiz opened the new ferry terminal at Larkspur harbour on July 12, 2024.",
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
    dated = [c for c in facts.conflicts if c.kind == "date"]
    if expected is None:
        assert len(facts.shared) == 1
        assert facts.conflicts == ()
    else:
        # disputed, so not shown as agreed; and told by both, so not unique either
        assert facts.shared == () and facts.unique == ()
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
        "The Larkspur crossing was suspended for 10 months while engineers rebuilt the pier.",
        "The Larkspur crossing was suspended for 7 months while engineers rebuilt the pier.",
        ("10 months", "7 months"),
        "month",
        id="months",
    ),
    pytest.param(
        "The Larkspur crossing was suspended for ten months while engineers rebuilt the pier.",
        "The Larkspur crossing stayed suspended for two years while engineers rebuilt the pier.",
        None,
        None,
        id="different-units-no-conflict",
    ),
    pytest.param(
        "The operator, Tom Vale, 52, opened a second ticket office in Brookhaven.",
        "The operator, Tom Vale, 53, opened a second ticket office in Brookhaven.",
        ("52", "53"),
        "age",
        id="age-apposition",
    ),
    pytest.param(
        "The 52-year-old operator Tom Vale opened a second ticket office in Brookhaven.",
        "Operator Tom Vale, age 53, opened a second ticket office in Brookhaven.",
        ("52-year-old", "age 53"),
        "age",
        id="age-forms",
    ),
    pytest.param(
        "Gull Line paid the town $2 million in berth fees over three years, the council said.",
        "Gull Line paid the town $3 million in berth fees over three years, the council said.",
        ("$2 million", "$3 million"),
        "dollars",
        id="money",
    ),
    pytest.param(
        "Gull Line paid the town $2 million in berth fees over three years, the council said.",
        "Gull Line paid the town berth fees worth $2,000,000 over three years, the council said.",
        None,
        None,
        id="same-money-written-differently",
    ),
    pytest.param(
        "Inspectors boarded the Gull Line ferry and two tugs at the Larkspur terminal on Friday morning.",
        "Inspectors boarded the Gull Line ferry at the Larkspur terminal on Friday morning.",
        None,
        None,
        id="number-in-one-only",
    ),
]


@pytest.mark.parametrize("text_a, text_b, expected, unit", NUMBER_CASES)
def test_number_conflicts(text_a, text_b, expected, unit) -> None:
    facts = compared(analysis(text_a, "ledger"), analysis(text_b, "courier"))
    if expected is None:
        assert len(facts.shared) == 1
        assert facts.conflicts == ()
        return
    assert facts.shared == () and facts.unique == ()
    assert [c.kind for c in facts.conflicts] == ["number"]
    conflict = facts.conflicts[0]
    assert tuple(v.value for v in conflict.versions) == expected
    assert unit in conflict.about


def test_name_conflict_in_the_same_role() -> None:
    a = analysis("Mayor Ana Ruiz opened the ferry terminal built by Tom Vale on Tuesday.", "ledger")
    b = analysis("Mayor Carl Brandt opened the ferry terminal built by Tom Vale on Tuesday.", "courier")
    facts = compared(a, b)
    assert facts.shared == () and facts.unique == ()
    assert [c.kind for c in facts.conflicts] == ["name"]
    assert [v.value for v in facts.conflicts[0].versions] == ["Ana Ruiz", "Carl Brandt"]
    assert "mayor" in facts.conflicts[0].about


@pytest.mark.parametrize(
    "text_a, text_b",
    [
        pytest.param(
            "Mayor Ana Ruiz opened the ferry terminal built by Tom Vale on Tuesday.",
            "Mayor Ruiz opened the ferry terminal built by Tom Vale on Tuesday.",
            id="short-form-of-the-same-name",
        ),
        pytest.param(
            "Mayor Ana Ruiz opened the ferry terminal built by Tom Vale on Tuesday.",
            "Mayor Ana Ruiz opened the ferry terminal built by Vale, a Brookhaven operator, on Tuesday.",
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
            "The school board did not grant the parents' request to move the levy vote.",
            "The school board rejected the parents' request to move the levy vote.",
            id="negative-verb",
        ),
        pytest.param(
            "Auditors flagged marina invoices that did not match any berth booking last spring.",
            "Auditors flagged marina invoices that matched no berth booking last spring.",
            id="negation-after-the-word",
        ),
        pytest.param(
            "Tom Vale denied the fare complaints at his first meeting with the Brookhaven council.",
            "Tom Vale faced the fare complaints at his first meeting with the Brookhaven council.",
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
        analysis("The Larkspur crossing was suspended for 10 months while engineers rebuilt the pier.", "ledger"),
        analysis("The Larkspur crossing was suspended for 7 months while engineers rebuilt the pier.", "courier"),
        analysis("The Larkspur crossing was suspended for 10 months while engineers rebuilt the pier.", "gazette"),
    )
    assert len(facts.conflicts) == 1
    versions = facts.conflicts[0].versions
    assert [(v.article, v.value) for v in versions] == [
        ("ledger", "10 months"), ("courier", "7 months"), ("gazette", "10 months")
    ]


# (outlet texts, expected conflict versions as (article, value)); every statement in a
# conflict is neither agreed (in a shared fact with a statement giving another value)
# nor unique
SPREAD_CONFLICT_CASES = [
    pytest.param(
        {
            "ledger": "The disgraced ferry boss was sentenced to 36 months of probation on Friday "
            "for raiding the Gull Line Passenger Fund, the charity he set up with much fanfare, "
            "and was ordered to repay $90,000.",
            # the sentencing sentence reads unlike the ledger's; the repayment one matches it
            "courier": "BROOKHAVEN — Tom Vale, who ran a fleet of island ferries for two decades "
            "and chaired the harbour board, was sentenced on Friday to 30 months of probation for "
            "draining a charity he founded. Magistrate Ana Ruiz also ordered Vale to repay $90,000 "
            "to the Gull Line Passenger Fund, which paid for free crossings for Larkspur pensioners.",
            "gazette": "On Friday, Magistrate Ana Ruiz sentenced Tom Vale to 30 months of probation "
            "for draining the Gull Line Passenger Fund, which he set up to carry Larkspur "
            "pensioners for free.",
        },
        [("ledger", "36 months"), ("courier", "30 months"), ("gazette", "30 months")],
        id="third-outlet-paired-elsewhere",
    ),
    pytest.param(
        {
            "ledger": "Vale was sentenced to 36 months of probation for draining the Passenger Fund.",
            "courier": "BROOKHAVEN — Tom Vale, who ran a fleet of island ferries for two decades and "
            "chaired the harbour board, was sentenced on Friday to 30 months of probation for "
            "draining the Passenger Fund he founded.",
        },
        [("ledger", "36 months"), ("courier", "30 months")],
        id="two-outlets",
    ),
    pytest.param(
        {
            "ledger": "Vale was sentenced to 36 months of probation for draining the Passenger Fund.",
            "courier": "His deckhand Bo Lind was sentenced to 30 months in jail for stealing diesel "
            "from the harbour depot.",
        },
        [],
        id="same-verb-and-unit-about-another-thing",
    ),
]


@pytest.mark.parametrize("texts, expected", SPREAD_CONFLICT_CASES)
def test_conflict_gathers_every_outlet_and_is_not_shown_as_agreed(texts, expected) -> None:
    facts = compared(*(analysis(text, id) for id, text in texts.items()))
    if not expected:
        assert facts.conflicts == ()
        assert sorted(u.article for u in facts.unique) == sorted(texts)
        return
    assert len(facts.conflicts) == 1
    conflict = facts.conflicts[0]
    assert conflict.kind == "number"
    assert [(v.article, v.value) for v in conflict.versions] == expected
    value_at = {(v.article, v.start): v.value for v in conflict.versions}
    for fact in facts.shared:
        values = {value_at[(s.article, s.start)] for s in fact.sources if (s.article, s.start) in value_at}
        assert len(values) <= 1, fact
    assert not {(u.article, u.start) for u in facts.unique} & set(value_at)


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
    # the roads and the power cut are disputed, not agreed: only the shelters are shared
    assert [f.text.split()[2] for f in facts.shared] == ["Quell"]
    assert sorted((c.kind, tuple(v.value for v in c.versions)) for c in facts.conflicts) == [
        ("number", ("12 roads", "14 roads")), ("number", ("three hours", "four hours")),
    ]
    assert len(facts.unique) == 4


# --- words outlets use for one thing (issue 6) ----------------------------------------


def test_different_words_for_one_count_still_clash() -> None:
    a = analysis("Forty-six workers were on the night shift when the blast hit the Gull Line depot.", "gull")
    b = analysis("According to the owner, 38 employees were working the overnight shift when the "
                 "explosion hit the Gull Line depot.", "pier")
    (conflict,) = compare_facts([a, b]).conflicts
    assert conflict.kind == "number"
    assert [v.value for v in conflict.versions] == ["Forty-six workers", "38 employees"]


def test_a_phrase_names_the_same_event_as_a_verb() -> None:
    a = analysis("Tom Vale was arrested on October 17, 2023, after an audit of Gull Line.", "gull",
                 dates=(("October 17, 2023", "2023-10-17"),))
    b = analysis("Tom Vale was taken into custody on November 17, 2023, at his home.", "pier",
                 dates=(("November 17, 2023", "2023-11-17"),))
    (conflict,) = compare_facts([a, b]).conflicts
    assert conflict.kind == "date"
    assert [v.value for v in conflict.versions] == ["October 17, 2023", "November 17, 2023"]
