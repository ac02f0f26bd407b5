"""make evaluate: every stage scored against the demo corpus gold (tests/gold/demo.json),
and collation against the hand-labelled quote-version pairs (tests/gold/quote_versions.json)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rashomon.cli import demo_corpus_path
from rashomon.evaluate import score_all
from rashomon.evaluate_collate import score_quote_versions
from rashomon.pipeline import analyze

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "demo.json"
VERSIONS_GOLD = GOLD.with_name("quote_versions.json")


def main() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    report = analyze([demo_corpus_path()])
    scores = score_all(report, gold)
    versions = json.loads(VERSIONS_GOLD.read_text(encoding="utf-8"))
    scores["version pairs"] = score_quote_versions(versions)
    if "--json" in sys.argv:
        print(json.dumps(scores, indent=2))
        return
    for stage, figures in scores.items():
        cells = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items())
        print(f"{stage:13s} {cells}")


if __name__ == "__main__":
    main()
