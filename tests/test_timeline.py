"""The story timeline: event clauses, merging across outlets, conflicts, undated items.
Articles are our own, with fictional people; the seed check reads the seeds at run time."""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS, make_article, seed_paths

from rashomon.dates import find_dates
from rashomon.model import Article, ArticleAnalysis, PartialDate
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
    # (text, [(date, event clause)]) -- the clause the date governs, trimmed
    ("In January 2023, prosecutors charged Ivo Lind with fraud, but the charges were dropped "
     "in April of the same year.",
     [("2023-01", "prosecutors charged Ivo Lind with fraud"), ("2023-04", "the charges were dropped")]),
    ("However, in October, the council announced plans to sue after the deal collapsed.",
     [("2024-10", "the council announced plans to sue")]),
    ("Although the suit was settled in May 2022, Pia Kern still wants an apology.",
     [("2022-05", "the suit was settled")]),
    ("Nobody in town forgot the 2019 blackout that shut the hospital.",
     [("2019", "the 2019 blackout that shut the hospital")]),
    ("The March 2020 storm, which hit the coast at night, left two sailors missing after their boat sank.",
     [("2020-03", "The March 2020 storm, which hit the coast at night, left two sailors missing")]),
    ("“We are not done,” Eli Park said while speaking to reporters on Monday, December 16.",
     [("2024-12-16", "Eli Park said while speaking to reporters")]),
    ("The mayor, who took office in 2020, resigned on Tuesday.",
     [("2020", "The mayor, who took office"), ("2024-12-17", "The mayor, who took office in 2020, resigned")]),
]


@pytest.mark.parametrize("text,expected", EVENT_CLAUSES)
def test_event_is_the_clause_the_date_governs(text, expected):
    analyses = [analysis(text)]
    events, _ = build_timeline(analyses)
    assert [(e.date.iso(), e.event) for e in events] == expected
    for event in events:
        for source in event.sources:
            assert clause_of(source, analyses) == event.event or len(event.sources) > 1
            assert text[source.start:source.end] == source.expression
            assert source.sentence in text


def test_same_event_from_two_outlets_is_one_entry_at_the_finest_date():
    a = analysis("In July, Judge Rhea Marsh dismissed the fraud case against Colm Dray.", id="a")
    b = analysis("On July 12, the court dismissed the case against Colm Dray and closed the file.", id="b")
    events, _ = build_timeline([a, b])
    assert len(events) == 1
    assert events[0].date == PartialDate.of(2024, 7, 12)
    assert {s.article for s in events[0].sources} == {"a", "b"}
    assert events[0].conflict is None


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


NOT_EVENTS = [
    "Published December 18, 2024",
    "Tara Quill served 18 months in jail.",
    "The club meets every week.",
    "She is currently abroad, and she recently moved.",
    "These last three years, nobody called.",
    "Nobody knows what the future holds.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_durations_sets_references_and_datelines_are_not_events(text):
    assert build_timeline([analysis(text)]) == ((), ())


def test_undated_plans_and_unplaced_dates_go_apart():
    text = (
        "Kim Aro will testify in the next few weeks.\n"
        "A hearing is set to take place in March 2025.\n"
        "The jury met in October."
    )
    analyses = [analysis(text)]
    events, undated = build_timeline(analyses)
    # a plan with a date is on the timeline, a plan with none apart
    assert [e.date.iso() for e in events] == ["2024-10", "2025-03"]
    assert [u.expression for u in undated] == ["the next few weeks"]
    assert clause_of(undated[0], analyses) == "Kim Aro will testify"
    # without a publication date a relative date has no value: it waits apart
    events, undated = build_timeline([analysis("The jury met in October.", published=None)])
    assert events == () and [u.expression for u in undated] == ["October"]


def test_events_are_in_date_order_across_articles():
    a = analysis("The dam opened in 2015. It was closed in June 2021 for repairs.", id="a")
    b = analysis("The dam was first planned in March 1998 by Nora Vey.", id="b")
    assert [d for d, _ in event_texts([a, b])] == ["1998-03", "2015", "2021-06"]


def test_content_words_leave_out_names_and_function_words():
    assert content_words("Judge Rhea Marsh dismissed the charges against Colm Dray") == {"dismis", "charg"}
    assert content_words("dismissal of the charge") == {"dismis", "charg"}


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


def test_seed_timeline():
    analyses = _seed_analyses()
    events, undated = build_timeline(analyses)
    by_date = {e.date.iso(): e for e in events}

    def words(iso: str) -> set[str]:
        return set(re.findall(r"[a-z]+", by_date[iso].event.lower()))

    assert {"2021-10", "2023-01", "2023-04", "2024-07-12", "2024-10", "2024-12-16"} <= set(by_date)
    assert "incident" in words("2021-10")
    assert "charged" in words("2023-01")
    assert {"charges", "dropped"} <= words("2023-04")
    assert "appeal" in words("2024-10")
    assert "podcast" in words("2024-12-16")
    dismissal = by_date["2024-07-12"]
    assert "dismissing" in dismissal.event or "dismissed" in dismissal.event
    assert {s.article for s in dismissal.sources} == {"000", "001"}
    assert {"July", "July 12"} <= {s.expression for s in dismissal.sources}
    assert all(e.conflict is None for e in events)
    assert [e.date for e in events] == sorted(e.date for e in events)
    assert any(u.expression == "the next couple months" for u in undated)
    for event in events:
        for source in event.sources:
            text = next(a.article.text for a in analyses if a.article.id == source.article)
            assert text[source.start:source.end] == source.expression
            assert source.event_start < source.event_end
