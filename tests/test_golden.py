"""Golden test: a compact summary of the demo report, compared with the one kept in
tests/golden/. Any change to what the tool finds on the demo corpus shows up here as a
readable diff. After an intended change, regenerate and review the diff:

    RASHOMON_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from rashomon.cli import demo_corpus_path
from rashomon.model import Report
from rashomon.pipeline import analyze

GOLDEN = Path(__file__).resolve().parent / "golden" / "demo_summary.json"


def summary(report: Report) -> dict:
    """What a reader of the report would notice changing, without the bulky text."""
    stories = []
    for story in report.stories:
        stories.append({
            "title": story.title,
            "articles": list(story.articles),
            "speakers": {s.name: s.quotes for s in story.speakers},
            "quotes": [f"{q.article} | {q.kind} | {q.speaker} | {q.text[:50]}" for q in story.quotes],
            "quote_groups": [
                [f"{r.a} ~ {r.b}: {', '.join(r.kinds)}" for r in g.relations] for g in story.quote_groups
            ],
            "timeline": [
                f"{e.date.iso()} | {len(e.sources)} source(s){' | conflict' if e.conflict else ''} | {e.event[:50]}"
                for e in story.timeline
            ],
            "conflicts": [
                f"{c.kind}: " + " / ".join(f"{v.article}={v.value}" for v in c.versions)
                for c in story.facts.conflicts
            ],
            "shared_facts": len(story.facts.shared),
            "unique_facts": len(story.facts.unique),
        })
    articles = {
        a.article.id: f"{a.article.published.iso() if a.article.published else None} ({a.article.published_basis}), "
        f"{len(a.dates)} dates, {len(a.article.removed)} lines removed"
        for a in report.articles
    }
    return {"articles": articles, "stories": stories}


@pytest.fixture(scope="module")
def demo_summary(nlp) -> dict:
    return summary(analyze([demo_corpus_path()], nlp=nlp))


def test_demo_report_matches_golden_summary(demo_summary: dict) -> None:
    if os.environ.get("RASHOMON_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(demo_summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        pytest.skip("golden summary rewritten: review `git diff tests/golden` before committing")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert demo_summary["articles"] == expected["articles"]
    for got, want in zip(demo_summary["stories"], expected["stories"], strict=True):
        for key in want:
            assert got[key] == want[key], key
