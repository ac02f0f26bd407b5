"""make bench-facts: shared facts, unique facts and conflicts against the facts gold.

Each story of ``tests/gold/facts.json`` is a folder of fictional articles under
``tests/gold/facts/<story>/`` (three outlets, sometimes a syndicated copy), written for
this project with every body sentence labelled; the folder is analysed on its own and
scored by :mod:`rashomon.evaluate_facts` (matching rules in its docstring). Each folder
is analysed as one story (a story the grouping would split is said so, not scored
split: grouping has its own benchmark). Prints
precision and recall of conflicts, unique facts and shared facts, per story and in all,
and with ``--show N`` the first N mistakes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rashomon.cluster import group_stories
from rashomon.evaluate_facts import FactScores, Tally, add_scores, score_story
from rashomon.ingest import read_inputs
from rashomon.nlp import NLP
from rashomon.pipeline import analyze_articles, one_story

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "facts.json"
HELD_OUT = GOLD.with_name("facts_heldout.json")  # measured, never mended on

TARGET_CONFLICT_RECALL = 0.9
TARGET_CONFLICT_PRECISION = 0.8


def score_all(nlp: NLP | None = None, gold_path: Path = GOLD) -> tuple[FactScores, dict[str, FactScores]]:
    """Total scores and the scores of each gold story (articles in the folder named
    like the gold file: tests/gold/facts/ for tests/gold/facts.json)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    corpus = gold_path.with_suffix("")
    nlp = nlp or NLP()
    total, per_story = FactScores(), {}
    for story, labels in gold["stories"].items():
        articles, problems = read_inputs([corpus / story])
        if not articles:
            raise SystemExit(f"bench-facts: {corpus / story}: no article to analyse")
        # the facts of the story as one story: how story grouping does is the corpus
        # benchmark's business; here it is only reported (stories_found)
        report = analyze_articles(articles, nlp=nlp, problems=problems, group=one_story)
        for problem in report.problems:  # a stage that failed would read as a bad score
            print(f"bench-facts: {story}: {problem.line()}", file=sys.stderr)
        per_story[story] = score_story(report, labels, story)
        analysed = [a.article.text for a in report.articles]
        per_story[story].stories_found[story] = len(group_stories(analysed))
        add_scores(total, per_story[story])
    return total, per_story


def _cells(t: Tally) -> str:
    return f"P {t.precision:.2f} R {t.recall:.2f} ({t.right}/{t.predicted} right, {t.found}/{t.gold} found)"


def print_scores(title: str, total: FactScores, per_story: dict[str, FactScores], show: int) -> None:
    print(title)
    for story, s in per_story.items():
        found = s.stories_found[story]
        split = f" (story grouping alone would split it into {found} stories)" if found != 1 else ""
        print(f"  {story}{split}")
        print(f"    conflicts {_cells(s.conflicts)}; unique {_cells(s.unique)}; shared {_cells(s.shared)}")
    c = total.conflicts
    print(f"  all {len(per_story)} stories:")
    print(f"    conflicts: precision {c.precision:.3f}, recall {c.recall:.3f} "
          f"({c.right}/{c.predicted} reported right, {c.found}/{c.gold} planted found; "
          f"target recall >= {TARGET_CONFLICT_RECALL} at precision >= {TARGET_CONFLICT_PRECISION})")
    u = total.updates
    print(f"    updates (a later, larger count): {u.found}/{u.gold} reported as updates, "
          f"{u.right}/{u.predicted} reported updates right, {total.updates_as_conflicts} "
          "reported as conflicts")
    for name, t in (("unique facts", total.unique), ("shared facts", total.shared)):
        print(f"    {name}: precision {t.precision:.3f}, recall {t.recall:.3f}, F1 {t.f1:.3f} "
              f"({t.right}/{t.predicted} reported right, {t.found}/{t.gold} found)")
    notes = total.conflicts.notes + total.updates.notes + total.unique.notes + total.shared.notes
    for line in notes[:show]:
        print("    " + line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print up to N mistakes per set")
    parser.add_argument("--development-only", action="store_true",
                        help="leave the held-out stories unmeasured (while mending the rules)")
    args = parser.parse_args(argv)
    nlp = NLP()
    print_scores("development stories (tests/gold/facts.json; the rules were mended on these)",
                 *score_all(nlp), args.show)
    if HELD_OUT.is_file() and not args.development_only:
        print_scores("held-out stories (tests/gold/facts_heldout.json; never mended on)",
                     *score_all(nlp, HELD_OUT), args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
