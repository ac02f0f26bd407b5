"""Collate speed and grouping on a synthetic story (part of `make bench`).

One story of n quotes: n/5 utterances, each rendered by 5 outlets, some cut short,
extended, or with a word dropped; a third of the utterances open with one of a few stock
phrases ("at the end of the day"), so that shingles common to hundreds of quotes are in
the index as they are in real stories. Figures: quotes per second for n quotes, how the
time grows from n/4 to n quotes (an all-pairs comparison would grow 16-fold), and the
B-cubed F1 of the groups against the planted utterances (speed is worth nothing if
quotes are dropped or merged to get it).

Run alone: python bench/bench_collate.py [--quotes 5000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable, Sequence

from rashomon.collate import group_quotes
from rashomon.model import Quote

OUTLETS = 5
STOCK_PHRASES = (
    "at the end of the day",
    "I want to be very clear that",
    "we are going to make sure",
    "let me say this",
    "the fact of the matter is",
)
VOCAB = (
    "the council bridge plan money water school court judge vote week city road budget "
    "we will not can say harbour levy ferry clinic"
).split()


def synthetic_story_quotes(n: int, seed: int = 11) -> list[Quote]:
    """n quotes of one story; a quote's id is "o<outlet>:q<utterance>"."""
    rng = random.Random(seed)
    quotes = []
    for u in range(n // OUTLETS):
        words = [rng.choice(VOCAB) + str(rng.randrange(50)) for _ in range(rng.randint(8, 30))]
        if rng.random() < 1 / 3:
            words = rng.choice(STOCK_PHRASES).split() + words
        for outlet in range(OUTLETS):
            w = list(words)
            roll = rng.random()
            if roll < 0.2:
                w = w[: max(3, len(w) // 2)]
            elif roll < 0.3:
                w += ["and", "more"]
            elif roll < 0.4:
                del w[len(w) // 2]
            text = " ".join(w)
            quotes.append(
                Quote(f"o{outlet}:q{u}", f"o{outlet}", text, 0, len(text), "direct", f"Speaker {u % 40}")
            )
    rng.shuffle(quotes)
    return quotes


def median_seconds(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bcubed_f1(quotes: Sequence[Quote], groups: Sequence[Sequence[str]]) -> float:
    """B-cubed F1 of predicted groups (ungrouped quotes are singletons) against the
    planted utterance in each quote's id."""
    planted = {q.id: q.id.split(":")[1] for q in quotes}
    members: dict[str, set[str]] = {}
    for q in planted.values():
        members.setdefault(q, set())
    for q, u in planted.items():
        members[u].add(q)
    predicted = {q: {q} for q in planted}
    for group in groups:
        for q in group:
            predicted[q] = set(group)
    precision = statistics.fmean(
        len(predicted[q] & members[planted[q]]) / len(predicted[q]) for q in planted
    )
    recall = statistics.fmean(
        len(predicted[q] & members[planted[q]]) / len(members[planted[q]]) for q in planted
    )
    return 2 * precision * recall / (precision + recall)


def collate_lines(n: int, repeats: int) -> list[str]:
    small, story = synthetic_story_quotes(n // 4), synthetic_story_quotes(n)
    small_time = median_seconds(lambda: group_quotes(small), repeats)
    full_time = median_seconds(lambda: group_quotes(story), repeats)
    groups = group_quotes(story)
    f1 = bcubed_f1(story, [g.quotes for g in groups])
    return [
        f"collate: {len(story):,} quotes of one story ({len(story) // OUTLETS:,} utterances x "
        f"{OUTLETS} outlets) grouped at {len(story) / full_time:,.0f} quotes/s",
        f"collate: {len(story) / len(small):.0f}x the quotes took {full_time / small_time:.1f}x the "
        f"time (all pairs would take {(len(story) / len(small)) ** 2:.0f}x); "
        f"groups against the planted utterances: B-cubed F1 {f1:.3f}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quotes", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print("\n".join(collate_lines(args.quotes, args.repeats)))


if __name__ == "__main__":
    main()
