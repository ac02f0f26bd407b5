"""Property tests over the whole pipeline on arbitrary news-like text: no stage fails,
every offset is true, and the report is valid against the JSON Schema. The number of
examples is bounded so the suite stays fast; raise it locally with
HYPOTHESIS_PROFILE=deep."""

from __future__ import annotations

import os

from conftest import make_article, validate_report_json
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.pipeline import analyze_articles
from rashomon.report import report_to_dict

settings.register_profile("ci", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("deep", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

PIECES = [
    "The council", "Mayor Ines Varga", "she said", "he told reporters", "said Varga", "“", "”", '"', "'",
    "‘", "’", "«", "»", "„", ".", ",", ":", " — ", "\n", "\n\n", "on Monday, March 10", "in July",
    "last week", "three years ago", "2025", "April of the same year", "for 18 months", "s---",
    "The Long Table podcast", "$4 million", "52-year-old", "not", "Share This Article", "Getty",
    "- Related: Pier Reopens", "Sign up for our newsletter", "voted 7-2", "Zoë Ångström", "東京",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map(" ".join)


@given(texts, st.booleans())
def test_pipeline_on_arbitrary_text(nlp, text: str, dated: bool) -> None:
    article = make_article(text, id="p", published="2025-03-14" if dated else None)
    report = analyze_articles([article], nlp=nlp)
    assert not [p for p in report.problems if p.code == "R400"], report.problems
    validate_report_json(report_to_dict(report))


@given(st.lists(texts, min_size=2, max_size=3))
def test_stories_of_several_arbitrary_articles(nlp, bodies: list[str]) -> None:
    articles = [make_article(b, id=f"a{i}") for i, b in enumerate(bodies)]
    report = analyze_articles(articles, nlp=nlp)
    assert not [p for p in report.problems if p.code == "R400"], report.problems
    assert sorted(a for s in report.stories for a in s.articles) == sorted(a.article.id for a in report.articles)
    validate_report_json(report_to_dict(report))
