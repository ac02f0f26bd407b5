"""A stage that fails on one article or story costs that part, never the run."""

from __future__ import annotations

import pytest
from conftest import make_article, validate_report_json

from rashomon import collate, quotes
from rashomon.pipeline import analyze_articles
from rashomon.report import report_to_dict

GOOD = "Pier reopens\nHarbourmaster Lena Brandt said the pier would reopen. “We are ready,” Brandt said."
OTHER = "Pier back\nThe pier reopened on Friday. “It is ready,” said harbourmaster Lena Brandt."


@pytest.mark.parametrize("stage", ["draft_quotes", "finish_quotes"])
def test_one_failing_article_is_a_problem_and_the_rest_is_analysed(nlp, monkeypatch, stage) -> None:
    real = getattr(quotes, stage)

    def explode_on_bad(draft_or_article, *rest):
        article = getattr(draft_or_article, "article", draft_or_article)
        if article.id == "bad":
            raise RuntimeError("boom")
        return real(draft_or_article, *rest)

    monkeypatch.setattr(quotes, stage, explode_on_bad)
    report = analyze_articles(
        [make_article(GOOD, id="good"), make_article(OTHER, id="bad")], nlp=nlp
    )
    assert [a.article.id for a in report.articles] == ["good"]
    (problem,) = report.problems
    assert problem.code == "R400" and problem.fatal and "boom" in problem.message
    assert problem.source == "bad.txt"
    validate_report_json(report_to_dict(report))


# Neither quote has a speaker the rules can read ('we heard'), so both articles send a
# sentence to the parser, in one batch.
NEEDS_PARSE = "Dock news\nThe crew spoke at dawn. “We are ready,” we heard from {who}."


def test_a_parse_that_fails_on_one_article_costs_only_that_article(nlp, monkeypatch) -> None:
    real = nlp.parse
    seen: list[list[str]] = []

    def parse(texts):
        texts = list(texts)
        seen.append(texts)
        if any("Vega" in t for t in texts):
            raise RuntimeError("parser broke")
        return real(texts)

    monkeypatch.setattr(nlp, "parse", parse)
    report = analyze_articles(
        [make_article(NEEDS_PARSE.format(who="Lena Brandt"), id="good"),
         make_article(NEEDS_PARSE.format(who="Ivo Vega"), id="bad")], nlp=nlp
    )
    assert len(seen[0]) >= 2  # one stream for the batch first
    assert [a.article.id for a in report.articles] == ["good"]
    (problem,) = report.problems
    assert problem.source == "bad.txt" and "parser broke" in problem.message
    good = report.articles[0]
    assert [q.text for q in good.quotes] == ["We are ready,"]


def test_a_failing_story_stage_leaves_the_rest_of_the_story(nlp, monkeypatch) -> None:
    def explode(quotes_):
        raise ValueError("collate broke")

    monkeypatch.setattr(collate, "group_quotes", explode)
    report = analyze_articles([make_article(GOOD, id="a"), make_article(OTHER, id="b")], nlp=nlp)
    (story,) = report.stories
    assert story.quote_groups == ()
    assert story.quotes, "quotes still reported"
    (problem,) = report.problems
    assert problem.code == "R400" and not problem.fatal and "quote versions" in problem.message


def test_repeated_ids_are_made_unique_and_offsets_stay_true(nlp) -> None:
    report = analyze_articles([make_article(GOOD, id="x"), make_article(OTHER, id="x")], nlp=nlp)
    assert [a.article.id for a in report.articles] == ["x", "x-2"]
    validate_report_json(report_to_dict(report))


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "“", "Headline only", "“Unclosed quote, she said.", "a\u00a0b “c” d", "x" * 5000],
)
def test_degenerate_articles_do_not_fail(nlp, text: str) -> None:
    report = analyze_articles([make_article(text, id="odd")], nlp=nlp)
    assert not [p for p in report.problems if p.code == "R400"], report.problems
    validate_report_json(report_to_dict(report))
