"""The facts scorer (``evaluate_facts``) on hand-made labels and predictions; the text
is our own, outlets and people fictional."""

from __future__ import annotations

import pytest

from rashomon.evaluate_facts import (
    SnippetNotFound,
    score_conflicts,
    score_shared,
    score_unique,
    story_gold,
)
from rashomon.model import Conflict, ConflictVersion, FactSource, SharedFact, UniqueFact

TEXTS = {
    "gull": "The ferry sank on May 3. Forty crew were rescued. The captain, Ines Farrow, is 52.",
    "pier": "The ferry went down on May 4. All 40 crew were saved. A tug stood by.",
    "copy": "The ferry went down on May 4. All 40 crew were saved. A tug stood by all night.",
}
GOLD = {
    "syndicated": [["pier", "copy"]],
    "facts": [
        {"id": "rescue", "mentions": {"gull": "Forty crew were rescued.", "pier": "All 40 crew were saved."}},
        {"id": "captain", "mentions": {"gull": "The captain, Ines Farrow, is 52."}},
        {"id": "tug", "mentions": {"pier": "A tug stood by.", "copy": "A tug stood by all night."}},
    ],
    "conflicts": [
        {"kind": "date", "about": "sinking", "versions": {
            "gull": {"snippet": "The ferry sank on May 3.", "value": "May 3"},
            "pier": {"snippet": "The ferry went down on May 4.", "value": "May 4"},
        }},
    ],
}


def at(article: str, part: str) -> tuple[str, int, int]:
    start = TEXTS[article].index(part)
    return article, start, start + len(part)


def version(article: str, part: str) -> ConflictVersion:
    _, start, end = at(article, part)
    return ConflictVersion(article, part, part, start, end)


def test_story_gold_counts_a_syndicated_pair_as_one_source() -> None:
    gold = story_gold(GOLD, TEXTS)
    by_id = {f.id: f for f in gold.facts}
    assert not by_id["rescue"].unique
    assert by_id["captain"].unique and by_id["tug"].unique  # wire + copy: one source
    assert gold.conflicts[0].versions[0] == at("gull", "The ferry sank on May 3.")


def test_a_snippet_not_in_the_text_is_an_error() -> None:
    bad = {"facts": [{"id": "x", "mentions": {"gull": "The ferry flew."}}]}
    with pytest.raises(SnippetNotFound):
        story_gold(bad, TEXTS)


def test_conflicts_need_the_kind_and_two_articles() -> None:
    gold = story_gold(GOLD, TEXTS)
    right = Conflict("date", "sinking", (version("gull", "May 3"), version("pier", "May 4")))
    wrong_kind = Conflict("number", "sinking", (version("gull", "May 3"), version("pier", "May 4")))
    one_side = Conflict("date", "sinking", (version("gull", "May 3"), version("gull", "Forty")))
    tally, updates = score_conflicts([right, wrong_kind, one_side], gold)
    assert (tally.right, tally.predicted, tally.found, tally.gold, updates) == (1, 3, 1, 1, 0)
    tally, _ = score_conflicts([], gold)
    assert tally.recall == 0.0 and tally.precision == 1.0


def test_an_update_reported_as_a_conflict_is_counted_apart() -> None:
    gold = story_gold({**GOLD, "updates": [{"about": "rescued", "versions": {
        "gull": {"snippet": "Forty crew were rescued.", "value": "40"},
        "pier": {"snippet": "All 40 crew were saved.", "value": "40"},
    }}]}, TEXTS)
    as_conflict = Conflict("number", "crew", (version("gull", "Forty"), version("pier", "40 crew")))
    tally, updates = score_conflicts([as_conflict], gold)
    assert updates == 1 and tally.right == 0 and tally.predicted == 1


def test_unique_facts_right_wrong_and_unjudged() -> None:
    gold = story_gold(GOLD, TEXTS)

    def unique(article: str, part: str) -> UniqueFact:
        _, start, end = at(article, part)
        return UniqueFact(article, part, start, end)

    predicted = [
        unique("gull", "The captain, Ines Farrow, is 52."),  # right
        unique("copy", "A tug stood by all night."),  # right: wire + copy are one source
        unique("pier", "All 40 crew were saved."),  # wrong: gull carries it too
    ]
    tally = score_unique(predicted, gold)
    assert (tally.right, tally.predicted, tally.found, tally.gold) == (2, 3, 2, 2)


def test_shared_facts_need_two_sources() -> None:
    gold = story_gold(GOLD, TEXTS)

    def source(article: str, part: str) -> FactSource:
        _, start, end = at(article, part)
        return FactSource(article, start, end)

    rescue = SharedFact("rescue", (source("gull", "Forty crew"), source("pier", "All 40 crew")))
    tug = SharedFact("tug", (source("pier", "A tug stood by."), source("copy", "A tug stood by")))
    tally = score_shared([rescue, tug], gold)
    assert (tally.right, tally.predicted, tally.found, tally.gold) == (1, 2, 1, 1)


def test_bench_facts_gate(nlp) -> None:
    """`make bench-facts` on the thirty-six development stories; gates just under
    today's figures (conflicts P 0.915 R 0.546, updates 12 of 19, unique F1 0.701,
    shared P 0.792 R 0.465). The issue's target, conflict recall >= 0.9 at precision
    >= 0.8, is not met, and on stories the rules were never mended on recall is lower
    still (README)."""
    import sys
    from pathlib import Path

    bench = str(Path(__file__).resolve().parents[1] / "bench")
    sys.path.insert(0, bench)
    try:
        from bench_facts import score_all
    finally:
        sys.path.remove(bench)
    import io
    from contextlib import redirect_stderr

    stderr = io.StringIO()
    with redirect_stderr(stderr):  # score_all prints any stage failure there
        total, per_story = score_all(nlp)
    assert stderr.getvalue() == "", stderr.getvalue()
    assert len(per_story) >= 36 and total.conflicts.gold >= 119
    # each folder is scored as one story; what story grouping alone would make of it is
    # reported for every story
    assert all(set(s.stories_found) == {story} for story, s in per_story.items())
    assert total.conflicts.precision >= 0.89, total.conflicts.notes
    assert total.conflicts.recall >= 0.53, total.conflicts.notes
    assert total.updates.found >= 12 and total.updates_as_conflicts <= 1
    assert total.unique.f1 >= 0.69
    assert total.shared.precision >= 0.78 and total.shared.recall >= 0.45
