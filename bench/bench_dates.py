"""make bench-dates: the date stage on TempEval-3 TimeML (TimeBank and AQUAINT).

Scores :func:`rashomon.dates.find_dates` on ``../shared/benchmarks/tempeval3`` with
:mod:`rashomon.evaluate_tempeval` (gold, predictions and matching rules are in its
docstring): the gold is every TIMEX3 of type DATE in ``<TEXT>``, the DCT is the
publication date. Speed is the date stage alone (sentence splitting included, reading
the files excluded), in documents per second, one run; the machine is shared, so read it
as a rough figure. ``--show N`` lists the N most frequent value misses, grouped.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from rashomon.evaluate_tempeval import (
    DateScores,
    ValueMiss,
    combine,
    load_tml,
    run_stage,
    score_document,
)

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "tempeval3"
SPLITS = {"timebank": "TimeBank", "aquaint": "AQUAINT"}
HEIDELTIME_VALUE_F1 = 0.776  # TempEval-3 platinum, all TIMEX3 types (UzZaman et al. 2013)
TARGET_VALUE_F1 = 0.85


def score_split(folder: Path, limit: int | None) -> tuple[DateScores, float]:
    """The summed scores of the folder's ``.tml`` files and the stage's seconds."""
    results, seconds = [], 0.0
    for path in sorted(folder.glob("*.tml"))[:limit]:
        doc = load_tml(path)
        start = time.perf_counter()
        predicted = run_stage(doc, path.name)
        seconds += time.perf_counter() - start
        results.append(score_document(doc, predicted))
    return combine(results), seconds


def _f(x: float) -> str:
    return f"{x:.3f}"


def row(name: str, s: DateScores, seconds: float) -> str:
    e, v = s.expression, s.value
    speed = f"{s.documents / seconds:.1f}" if seconds > 0 else "–"
    return (f"| {name} | {s.documents} | {s.gold} | {_f(e.precision)} / {_f(e.recall)} / "
            f"{_f(e.f1)} | {_f(s.strict.f1)} | {_f(v.precision)} / {_f(v.recall)} / "
            f"**{_f(v.f1)}** | {speed} |")


def miss_key(miss: ValueMiss) -> tuple[str, str]:
    """Misses group by reason and by expression, case-folded, digits as 9."""
    return miss.reason, "".join("9" if c.isdigit() else c for c in miss.expression.lower())


def show_misses(misses: tuple[ValueMiss, ...], n: int) -> None:
    """The ``n`` most frequent groups of misses with an example of each."""
    groups: dict[tuple[str, str], list[ValueMiss]] = {}
    for m in misses:
        groups.setdefault(miss_key(m), []).append(m)
    print(f"The {n} most frequent value misses (reason, gold expression with digits as 9; "
          "example: gold value -> predicted expression and value):")
    print()
    ranked = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    for (reason, expression), found in ranked[:n]:
        m = found[0]
        predicted = "–" if m.predicted_kind is None else \
            f"{m.predicted_expression!r} {m.predicted_value or 'None'} ({m.predicted_kind})"
        print(f"- {len(found)}x {reason}: {expression!r} (e.g. {m.doc}: {m.value} -> "
              f"{predicted})")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT,
                        help="the TempEval-3 folder (TimeBank/ and AQUAINT/ inside)")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--limit", type=int, default=None, help="first N documents per split")
    parser.add_argument("--show", type=int, default=0, metavar="N",
                        help="list the N most frequent value misses")
    args = parser.parse_args(argv)
    chosen = list(SPLITS) if args.split == "all" else [args.split]
    folders = [(SPLITS[s], args.root / SPLITS[s]) for s in chosen]
    if not all(folder.is_dir() for _, folder in folders):
        print(f"bench-dates: skipped: TempEval-3 not found at {args.root} (expected "
              "../shared/benchmarks/tempeval3/{TimeBank,AQUAINT}/*.tml)")
        return 0

    results = [(name, *score_split(folder, args.limit)) for name, folder in folders]
    total = combine(s for _, s, _ in results)
    seconds = sum(t for _, _, t in results)
    print(f"TempEval-3 {' + '.join(name for name, _ in folders)} (the training data, not the "
          "platinum test set): "
          f"gold = TIMEX3 of type DATE, DCT = publication date. Reference: HeidelTime reached "
          f"value F1 {HEIDELTIME_VALUE_F1} on TempEval-3 platinum (all TIMEX3 types; not run "
          f"here); target value F1 >= {TARGET_VALUE_F1}.")
    print()
    print("| split | documents | gold DATEs | expression P / R / F1 (overlap) | strict span F1 "
          "| value P / R / F1 | documents/s |")
    print("|---|---|---|---|---|---|---|")
    for name, scores, spent in results:
        print(row(name, scores, spent))
    if len(results) > 1:
        print(row("total", total, seconds))
    print()
    reasons = Counter(m.reason for m in total.misses)
    print(f"Gold DATEs without a value hit: {len(total.misses)} "
          f"({', '.join(f'{r} {c}' for r, c in reasons.most_common())}); "
          f"{len(total.spurious)} date predictions match no TIMEX3; {total.other_temporal} set "
          "aside (they overlap a TIME, DURATION or SET). Speed: the date stage with sentence "
          "splitting, one run, shared machine: rough.")
    if args.show > 0:
        print()
        show_misses(total.misses, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
