"""make evaluate: every stage scored against the demo corpus gold (tests/gold/demo.json)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rashomon.cli import demo_corpus_path
from rashomon.evaluate import score_all
from rashomon.pipeline import analyze

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "demo.json"


def main() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    report = analyze([demo_corpus_path()])
    scores = score_all(report, gold)
    if "--json" in sys.argv:
        print(json.dumps(scores, indent=2))
        return
    for stage, figures in scores.items():
        cells = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items())
        print(f"{stage:12s} {cells}")


if __name__ == "__main__":
    main()
