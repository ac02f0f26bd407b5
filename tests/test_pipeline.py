"""End to end: the whole pipeline on the seeds (when ../shared is present) and on the
bundled demo corpus, scored against its gold. The gates are set just under the figures
measured when they were written, so that quality cannot silently drop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS, validate_report_json

from rashomon.cli import demo_corpus_path
from rashomon.collate_align import mask_of
from rashomon.collate_summary import quote_summary
from rashomon.evaluate import score_all
from rashomon.pipeline import analyze
from rashomon.report import report_to_dict

GOLD = Path(__file__).resolve().parent / "gold" / "demo.json"


@pytest.fixture(scope="module")
def demo_report(nlp):
    return analyze([demo_corpus_path()], nlp=nlp)


@pytest.fixture(scope="module")
def demo_scores(demo_report):
    return score_all(demo_report, json.loads(GOLD.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def seed_report(nlp):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return analyze([SEEDS], nlp=nlp)


def test_demo_report_is_valid_json_with_exact_offsets(demo_report) -> None:
    validate_report_json(json.loads(json.dumps(report_to_dict(demo_report))))
    assert demo_report.problems == ()


def test_demo_corpus_groups_into_its_stories(demo_scores) -> None:
    assert demo_scores["stories"]["bcubed_f1"] == 1.0


def test_demo_quotes_and_speakers(demo_scores) -> None:
    q = demo_scores["quotes"]
    assert q["overlap_f1"] >= 0.95, q
    assert q["speaker_accuracy"] >= SPEAKER_GATE, q
    assert q["titles_reported_as_quotes"] == 0, q


def test_demo_cleaning(demo_scores) -> None:
    c = demo_scores["cleaning"]
    assert c["boilerplate_recall"] == 1.0 and c["removed_precision"] == 1.0, c


def test_demo_dates_and_publication(demo_scores) -> None:
    assert demo_scores["dates"]["value_f1"] >= DATE_GATE, demo_scores["dates"]
    p = demo_scores["publication"]
    assert p["inferred_right"] == p["inferred_total"], p


def test_demo_quote_versions_and_conflicts(demo_scores) -> None:
    v = demo_scores["variants"]
    assert v["variants_grouped"] >= v["variants_total"] - 1, v
    assert v["variants_kinds_right"] >= VARIANT_KINDS_GATE, v
    c = demo_scores["conflicts"]
    assert c["conflicts_found"] == c["conflicts_planted"], c


def test_demo_timeline(demo_scores) -> None:
    t = demo_scores["timeline"]
    assert t["timeline_found"] >= TIMELINE_GATE, t


# --- the seeds: the motivating case -------------------------------------------------

def _story(report):
    assert len(report.stories) == 1, [s.articles for s in report.stories]
    return report.stories[0]


def test_seeds_are_one_story_with_valid_offsets(seed_report) -> None:
    validate_report_json(report_to_dict(seed_report))
    assert len(_story(seed_report).articles) == 2


def test_seed_speakers(seed_report) -> None:
    story = _story(seed_report)
    by_mention = {}
    for q in story.quotes:
        if q.speaker_mention:
            by_mention.setdefault(q.speaker_mention.text.lower(), set()).add(q.speaker)
    assert by_mention.get("he") == {"Alec Baldwin"}
    assert by_mention.get("the oscar nominee") == {"Alec Baldwin"}
    assert {q.speaker for q in story.quotes if q.speaker_mention and q.speaker_mention.text == "Sommer"} == {
        "Mary Marlowe Sommer"
    }
    speakers = {s.name for s in story.speakers}
    assert {"Alec Baldwin", "Mary Marlowe Sommer"} <= speakers


def test_seed_titles_are_not_quotes(seed_report) -> None:
    texts = {q.text.strip(" ,.") for q in _story(seed_report).quotes}
    assert "Rust" not in texts
    assert "Fail Better" not in texts


def test_seed_censored_quote_grouped_across_outlets(seed_report) -> None:
    story = _story(seed_report)
    quotes = {q.id: q for q in story.quotes}
    censored = [
        g for g in story.quote_groups
        if any("censored" in r.kinds for r in g.relations)
        and len({quotes[i].article for i in g.quotes}) == 2
    ]
    assert censored, [g.relations for g in story.quote_groups]


def _words(text: str) -> int:
    return len(text.split())


def test_seed_quote_versions_are_classified(seed_report) -> None:
    """The four hard cases of the seeds, found by shape (no seed text in our files): the
    expletive masked two ways, a partial quote dropping one word of the other outlet's
    long quote, the quote that long one runs on past where the other outlet stops, and
    a quote one outlet extends by two words at its end."""
    story = _story(seed_report)
    article = {q.id: q.article for q in story.quotes}
    relations = [
        (g, r) for g in story.quote_groups for r in g.relations if article[r.a] != article[r.b]
    ]
    assert all("misattributed" not in r.kinds for _, r in relations)

    censored = [r for _, r in relations if "censored" in r.kinds]
    assert len(censored) == 1
    (masked,) = [d for d in censored[0].diff if d.op != "equal"]
    assert masked.op == "replace" and mask_of(masked.a) and mask_of(masked.b)
    assert set(censored[0].kinds) == {"censored"}

    # a one-word drop inside the shared stretch of a partial quote: altered, and cut
    dropped = [
        (g, r)
        for g, r in relations
        if "altered" in r.kinds
        and [_words(d.a or d.b) for d in r.diff[1:-1] if d.op in ("insert", "delete")] == [1]
    ]
    assert len(dropped) == 1
    group, partial = dropped[0]
    assert {"truncated", "extended"} & set(partial.kinds)
    # in the same group: the long quote against another outlet's version that stops
    # many words earlier, with no word changed (a cut, not an alteration)
    cut = [
        r
        for r in group.relations
        if r is not partial
        and "altered" not in r.kinds
        and r.diff[-1].op in ("insert", "delete")
        and _words(r.diff[-1].a or r.diff[-1].b) >= 20
    ]
    assert cut and all({"truncated", "extended"} & set(r.kinds) for r in cut)

    two_more = [
        r
        for _, r in relations
        if r.diff[-1].op in ("insert", "delete") and _words(r.diff[-1].a or r.diff[-1].b) == 2
    ]
    assert two_more
    for r in two_more:
        assert "altered" not in r.kinds and {"truncated", "extended"} & set(r.kinds)

    # the summary sees both outlets altering (two outlets: nobody can tell which one)
    summary = quote_summary(story)
    assert [o.count("altered") for o in summary.outlets] == [1, 1]
    assert [o.count("censored") for o in summary.outlets] == [1, 1]
    assert all(not o.alone for o in summary.outlets)


def test_seed_every_quote_has_one_of_the_two_speakers(seed_report) -> None:
    """Every quotation in the seeds is the actor's or the judge's: none unattributed."""
    story = _story(seed_report)
    speakers = [q.speaker for q in story.quotes]
    assert set(speakers) == {"Alec Baldwin", "Mary Marlowe Sommer"}
    assert speakers.count("Mary Marlowe Sommer") == 3  # two in one outlet, one in the other


def test_seed_timeline_has_july_2024_dismissal_from_both_outlets(seed_report) -> None:
    story = _story(seed_report)
    (entry,) = [e for e in story.timeline if e.date.iso() == "2024-07-12"]
    assert "dismiss" in entry.event.lower() or any("dismiss" in s.sentence.lower() for s in entry.sources)
    assert {s.article for s in entry.sources} == set(story.articles)


SPEAKER_GATE = 0.95
DATE_GATE = 0.95
VARIANT_KINDS_GATE = 12
TIMELINE_GATE = 18
