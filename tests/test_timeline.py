"""The story timeline: event clauses, merging across outlets, conflicts, undated items.
Articles are our own, with fictional people; the seed check reads the seeds at run time."""

from __future__ import annotations

import pytest
from conftest import SEEDS, make_article, seed_paths

from rashomon.dates import find_dates
from rashomon.model import Article, ArticleAnalysis, PartialDate, Quote
from rashomon.sentences import split_sentences
from rashomon.timeline import build_timeline, content_words


def analysis(text: str, id: str = "a1", published: str | None = "2024-12-18") -> ArticleAnalysis:
    article = make_article(text, id=id, published=published)
    sentences = split_sentences(text)
    return ArticleAnalysis(article, sentences, find_dates(article, sentences, article.published))


def event_texts(analyses) -> list[tuple[str, str]]:
    events, _ = build_timeline(analyses)
    return [(e.date.iso(), e.event) for e in events]


def clause_of(source, analyses) -> str:
    text = next(a.article.text for a in analyses if a.article.id == source.article)
    return text[source.event_start:source.event_end]


EVENT_CLAUSES = [
    # (text, [(date, expression, event clause)]) -- the clause the date governs, trimmed
    # an anaphoric month takes the year of the date before it; ", and" ends a clause
    ("Dredging of the harbour began in February 2022, and the last barge left in August of "
     "the same year.",
     [("2022-02", "February 2022", "Dredging of the harbour began"),
      ("2022-08", "August of the same year", "the last barge left")]),
    # a leading discourse marker and the fronted date are not the event; a bare month
    # takes its year from publication
    ("However, in October, the school board postponed the vote on the new gym.",
     [("2024-10", "October", "the school board postponed the vote on the new gym")]),
    # a fronted subordinate clause ends at its comma
    ("Because the marathon route flooded in May 2022, organisers moved the race inland.",
     [("2022-05", "May 2022", "the marathon route flooded")]),
    # a year modifying a noun mid-clause: the noun phrase is the event
    ("Engineers still study the 2019 blackout at the eastern substation.",
     [("2019", "2019", "the 2019 blackout at the eastern substation")]),
    # a relative clause closed by a comma stays inside; "before" opens another clause
    ("A gale in March 2020, which flattened the harbour fence, sank three moored dinghies "
     "before dawn broke.",
     [("2020-03", "March 2020",
       "A gale in March 2020, which flattened the harbour fence, sank three moored dinghies")]),
    # a subjectless "-ing" clause hangs on the clause before it; the weekday fixes the year
    ("The marathon winner fainted after crossing the line on Sunday, November 3.",
     [("2024-11-03", "Sunday, November 3", "The marathon winner fainted after crossing the line")]),
    ("The bakery owner, who bought the shop in 2020, retired on Tuesday.",
     [("2020", "2020", "The bakery owner, who bought the shop"),
      ("2024-12-17", "Tuesday", "The bakery owner, who bought the shop in 2020, retired")]),
]


@pytest.mark.parametrize("text,expected", EVENT_CLAUSES)
def test_event_is_the_clause_the_date_governs(text, expected):
    analyses = [analysis(text)]
    events, _ = build_timeline(analyses)
    assert [(e.date.iso(), e.sources[0].expression, e.event) for e in events] == expected
    for event in events:
        # one article, one mention per event: its source is exactly the event's clause
        assert len(event.sources) == 1
        source = event.sources[0]
        assert source.article == "a1"
        assert clause_of(source, analyses) == event.event
        assert text[source.start:source.end] == source.expression
        assert source.sentence in text


def test_same_event_from_two_outlets_is_one_entry_at_the_finest_date():
    a = analysis("In July, the harbour authority reopened the north pier to fishing boats.", id="a")
    b = analysis("On July 12, the north pier reopened to fishing boats after repairs.", id="b")
    events, _ = build_timeline([a, b])
    assert len(events) == 1
    event = events[0]
    assert event.date == PartialDate.of(2024, 7, 12)
    # told in the words of the source as precise as the event's date
    assert event.event == "the north pier reopened to fishing boats"
    assert [(s.article, s.expression) for s in event.sources] == [("a", "July"), ("b", "July 12")]
    reopened = "the harbour authority reopened the north pier to fishing boats"
    assert clause_of(event.sources[0], [a, b]) == reopened
    assert event.conflict is None


def test_events_of_one_month_with_nothing_in_common_stay_apart():
    a = analysis("In May, the union voted to strike.", id="a")
    b = analysis("In May, the factory installed solar panels.", id="b")
    assert len(build_timeline([a, b])[0]) == 2


def test_same_event_with_incompatible_dates_is_a_conflict():
    a = analysis("The old rail bridge collapsed on March 3, 2024, injuring four workers.", id="a")
    b = analysis("The old rail bridge collapsed on March 5, 2024, injuring four workers near the river.", id="b")
    events, _ = build_timeline([a, b])
    assert len(events) == 1
    conflict = events[0].conflict
    assert conflict is not None
    assert conflict.dates == (PartialDate.of(2024, 3, 3), PartialDate.of(2024, 3, 5))
    assert "a: 2024-03-03" in conflict.note and "b: 2024-03-05" in conflict.note
    assert {s.article for s in events[0].sources} == {"a", "b"}


def test_one_outlet_telling_two_dates_is_not_a_conflict():
    a = analysis("The bridge was inspected in March 2023. The bridge was inspected again in May 2024.")
    events, _ = build_timeline([a])
    assert [e.date.iso() for e in events] == ["2023-03", "2024-05"]
    assert all(e.conflict is None for e in events)


# published Wednesday 2024-12-18: "last week" is 2024-W50, December 9-15
WEEK_MERGES = [
    # (article a, article b, [(date, [(article, expression)])])
    # a week joins no day outside it, however alike the clauses
    ("The ferry board approved the winter timetable on Tuesday.",
     "The ferry board hired two captains last week.",
     [("2024-12", [("b", "last week")]), ("2024-12-17", [("a", "Tuesday")])]),
    # ...and does join a day inside it
    ("The ferry board approved the winter timetable on December 11.",
     "The ferry board approved the winter timetable last week.",
     [("2024-12-11", [("a", "December 11"), ("b", "last week")])]),
]


@pytest.mark.parametrize("text_a,text_b,expected", WEEK_MERGES)
def test_a_week_joins_only_a_day_inside_it(text_a, text_b, expected):
    events, _ = build_timeline([analysis(text_a, id="a"), analysis(text_b, id="b")])
    assert [(e.date.iso(), [(s.article, s.expression) for s in e.sources]) for e in events] == expected


def test_clauses_sharing_only_the_story_topic_stay_apart():
    a = analysis("The town closed the harbour to yachts on December 10. The town dredged the harbour "
                 "in November. The town harbour museum opened in 2019. Town divers mapped the harbour "
                 "floor in 2021.", id="a")
    b = analysis("On his podcast last week, a town historian said the harbour had been neglected.", id="b")
    events, _ = build_timeline([a, b])
    # "town" and "harbour" are in every clause: the podcast is not the closing
    assert [(e.date.iso(), [s.article for s in e.sources]) for e in events] == [
        ("2019", ["a"]), ("2021", ["a"]), ("2024-11", ["a"]), ("2024-12", ["b"]), ("2024-12-10", ["a"]),
    ]


CONFLICTS = [
    # (texts, expected date, expected conflict dates or None, note parts)
    # one event verb ("shut"/"closed"/"closure") and its object: the same closing
    ((("a", "The Pell Street tunnel, known to drivers as the Drum for its echo, has been shut since "
            "Wednesday, December 11, when crews found water seeping through the walls."),
      ("b", "The city closed the tunnel on Thursday, December 12."),
      ("c", "Engineers ordered the closure of the tunnel on December 12 after a leak.")),
     "2024-12-12", ("2024-12-11", "2024-12-12"), ("a: 2024-12-11", "b, c: 2024-12-12")),
    # the same verb and object months apart: two closings, not a conflict
    ((("a", "Crews shut the tunnel on March 3, 2024, for painting."),
      ("b", "Police closed the tunnel on October 9, 2024.")),
     None, None, ()),
    # close dates, but different things done to the tunnel
    ((("a", "The city repaved the tunnel road on December 11."),
      ("b", "The city closed the tunnel on December 12.")),
     None, None, ()),
]


@pytest.mark.parametrize("texts,date,conflict,note_parts", CONFLICTS)
def test_one_event_with_incompatible_dates_is_one_entry_with_a_conflict(texts, date, conflict, note_parts):
    events, _ = build_timeline([analysis(text, id=id) for id, text in texts])
    if conflict is None:
        assert len(events) == len(texts)
        assert all(e.conflict is None for e in events)
        return
    assert len(events) == 1
    event = events[0]
    assert event.date.iso() == date
    assert tuple(d.iso() for d in event.conflict.dates) == conflict
    assert all(part in event.conflict.note for part in note_parts)
    assert {s.article for s in event.sources} == {id for id, _ in texts}


def test_one_source_per_sentence():
    a = analysis("Inspectors found a leak on December 9, and the city closed the tunnel two days later, "
                 "on December 11.", id="a")
    b = analysis("The city closed the tunnel on December 11.", id="b")
    events, _ = build_timeline([a, b])
    closing = next(e for e in events if e.date.iso() == "2024-12-11")
    # "two days later" and "December 11" date the same clause: the written-out one stays
    assert [(s.article, s.expression) for s in closing.sources] == [("a", "December 11"), ("b", "December 11")]


def quoted(text: str, quoted_text: str, id: str = "a1") -> ArticleAnalysis:
    """The analysis of ``text`` with ``quoted_text`` as its one direct quote."""
    plain = analysis(text, id=id)
    start = text.index(quoted_text)
    quote = Quote("q1", id, quoted_text, start, start + len(quoted_text), "direct")
    return ArticleAnalysis(plain.article, plain.sentences, plain.dates, (quote,))


QUOTED = [
    # (text, quoted part, expected events): a date inside a direct quote is the
    # speaker's, and no event starts or ends with a loose quote mark
    ("“Nobody slept. Today is not a good day for the ferry crew,” said Ilse Brandt. "
     "The ferry sank on December 16 near the breakwater.",
     "Nobody slept. Today is not a good day for the ferry crew,",
     [("2024-12-16", "The ferry sank on December 16 near the breakwater")]),
    ("“We rebuilt the pier in 2019,” said Ilse Brandt, who joined the harbour board in 2015.",
     "We rebuilt the pier in 2019,",
     [("2015", "joined the harbour board")]),
]


@pytest.mark.parametrize("text,quoted_text,expected", QUOTED)
def test_dates_inside_direct_quotes_are_not_events(text, quoted_text, expected):
    assert event_texts([quoted(text, quoted_text)]) == expected


LOOSE_QUOTES = [
    # (text, expected event): a sentence that starts or ends inside a quotation
    ("“Nobody slept. Then the crew called the coastguard on Monday.", "the crew called the coastguard"),
    # one sentence since the splitter keeps a balanced quotation whole; with no quote
    # records given, the clause runs from inside the opening mark to the date
    ("“Nobody slept. Then the crew called in 2019,” said Ilse Brandt.", "Nobody slept. Then the crew called"),
    ("The ferry crew, “exhausted after the storm on Monday”, went home.", "the storm on Monday"),
]


@pytest.mark.parametrize("text,expected", LOOSE_QUOTES)
def test_event_text_has_no_loose_quote_mark(text, expected):
    events, _ = build_timeline([analysis(text)])
    assert [e.event for e in events] == [expected]
    assert not events[0].event.startswith(("“", "”", '"')) and not events[0].event.endswith(("“", "”", '"'))


NOT_EVENTS = [
    "Published December 18, 2024",
    "The bakery apprenticeship takes 18 months.",
    "The club meets every week.",
    "She is currently abroad, and she recently moved.",
    "These last two decades, the lighthouse stood dark.",
    "Forecasters argue about the future of the harbour.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_durations_sets_references_and_datelines_are_not_events(text):
    assert build_timeline([analysis(text)]) == ((), ())


def test_undated_plans_and_unplaced_dates_go_apart():
    text = (
        "The bakery will hire two bakers in the next few weeks.\n"
        "A tasting is set to take place in March 2025.\n"
        "The school board met in October."
    )
    analyses = [analysis(text)]
    events, undated = build_timeline(analyses)
    # a plan with a date is on the timeline, a plan with none apart
    assert [e.date.iso() for e in events] == ["2024-10", "2025-03"]
    assert [u.expression for u in undated] == ["the next few weeks"]
    assert clause_of(undated[0], analyses) == "The bakery will hire two bakers"
    # without a publication date a relative date has no value: it waits apart
    events, undated = build_timeline([analysis("The school board met in October.", published=None)])
    assert events == () and [u.expression for u in undated] == ["October"]


def test_events_are_in_date_order_across_articles():
    a = analysis("The dam opened in 2015. It was closed in June 2021 for repairs.", id="a")
    b = analysis("The dam was first planned in March 1998 by Nora Vey.", id="b")
    assert [d for d, _ in event_texts([a, b])] == ["1998-03", "2015", "2021-06"]


def test_quarters_and_half_years_are_events_of_their_year():
    a = analysis("The mill lost money in the first half of 2022. Sales grew in the third quarter "
                 "of 2023.", id="a")
    assert [d for d, _ in event_texts([a])] == ["2022", "2023"]


def test_content_words_leave_out_names_and_function_words():
    assert content_words("Inspector Hana Roe repaired the gates at Mill Lane") == {"repair", "gate"}
    assert content_words("repairing of the gate") == {"repair", "gate"}


# -- the seed articles (read at run time, never copied) -----------------------------

def _seed_analyses() -> list[ArticleAnalysis]:
    paths = [p for p in seed_paths() if p.name[:3] in ("000", "001")]
    if len(paths) < 2:
        pytest.skip(f"seeds not available in {SEEDS}")
    published = PartialDate.of(2024, 12)
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        article = Article(id=path.name[:3], source=str(path), text=text, published=published)
        sentences = split_sentences(text)
        out.append(ArticleAnalysis(article, sentences, find_dates(article, sentences, published)))
    return out


def _mention_of(source, analyses):
    """The date mention an event source stands for."""
    dates = next(a.dates for a in analyses if a.article.id == source.article)
    return next(m for m in dates if (m.start, m.end) == (source.start, source.end))


def test_seed_timeline():
    analyses = _seed_analyses()
    events, undated = build_timeline(analyses)
    by_date = {e.date.iso(): e for e in events}
    assert {"2021-10", "2023-01", "2023-04", "2024-07-12", "2024-10", "2024-12-16"} <= set(by_date)
    for iso in ("2021-10", "2023-01", "2023-04", "2024-10", "2024-12-16"):
        assert len(by_date[iso].event.split()) >= 3  # a clause, not a bare date
    # both outlets tell the July event, one to the month and one to the day: one entry
    both = by_date["2024-07-12"]
    assert {s.article for s in both.sources} == {"000", "001"}
    precisions = {_mention_of(s, analyses).granularity for s in both.sources}
    assert precisions == {"month", "day"}
    assert all(e.conflict is None for e in events)
    assert [e.date for e in events] == sorted(e.date for e in events)
    # an announced plan with no date waits apart
    assert any(_mention_of(u, analyses).value == "FUTURE_REF" for u in undated)
    for event in events:
        for source in event.sources:
            text = next(a.article.text for a in analyses if a.article.id == source.article)
            assert text[source.start:source.end] == source.expression
            assert source.event_start < source.event_end
