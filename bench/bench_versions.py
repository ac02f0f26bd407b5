"""make bench-versions: quote versions across real outlets (PolNeAR), against hand labels.

PolNeAR (``../shared/benchmarks/polnear``) holds political news of seven publishers from
2015-2016; outlets quote the same speeches, debates and statements. The gold direct
quotations of train and dev (the rules of :mod:`rashomon.evaluate_polnear`), each with
its speaker taken from the gold Source (a capitalised surname; a pronoun or description
gives none), are put through :func:`rashomon.collate.group_quotes` as ONE story: over
6,000 quotes of 924 articles, a harder haystack than any real story. The pairs it
keeps between articles published at most ``WINDOW_DAYS`` apart are scored against the
hand labels of ``tests/gold/polnear_quote_versions.json`` (which hold article ids and
offsets, no text; scoring rules in :mod:`rashomon.evaluate_collate`).

The labelled pairs were drawn by ``--pool`` (kept here so the draw can be repeated):
every pair of quotes from articles at most ``WINDOW_DAYS`` apart that share a run of
four words, or that share three words and align loosely, or that score 75 or more on
rapidfuzz's token-set ratio, all labelled; and a seeded random sample of the remaining
pairs sharing a run of three words, whose labels carry the sampling weight. A pair
predicted outside the labelled pool is counted and listed, never guessed.

Run: ``python bench/bench_versions.py [--root PATH] [--show N]``;
``--pool OUT.jsonl`` writes the pairs to label, with their texts and context: benchmark
text, so write it outside the repository or under the git-ignored ``bench/out/``, and
commit only the labels (ids, offsets, kinds) to the gold file.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from bench_quotes import DEFAULT_ROOT, load_split
from rapidfuzz import fuzz

from rashomon.collate import group_quotes
from rashomon.collate_align import align, tokenize
from rashomon.evaluate_collate import (
    LabelledScores,
    QuoteKey,
    labelled_pairs_from_json,
    score_labelled_pairs,
    speaker_from_source,
)
from rashomon.model import Quote

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "polnear_quote_versions.json"
WINDOW_DAYS = 7
SAMPLE_SEED = 5
SAMPLE_SIZE = 150


def load_quotes(root: Path) -> tuple[list[Quote], dict[str, dt.date], dict[str, str], dict[str, str | None]]:
    """The gold quotations of train + dev as Quotes (id ``q<n>``), in a fixed order;
    each article's publication date; each article's text; each quote's Source text."""
    dates: dict[str, dt.date] = {}
    with open(root / "metadata.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["publication_date"]:
                dates[row["filename"]] = dt.date.fromisoformat(row["publication_date"])
    quotes, texts, sources = [], {}, {}
    for split in ("dev", "train"):
        articles, gold, _, _ = load_split(root, split, None)
        texts.update((a.id, a.text) for a in articles)
        for g in gold:
            speaker = speaker_from_source(g.source_text)
            sources[f"q{len(quotes)}"] = g.source_text
            quotes.append(Quote(f"q{len(quotes)}", g.article, g.text, g.start, g.end, "direct",
                                speaker=speaker))
    return quotes, dates, texts, sources


def key_of(quote: Quote) -> QuoteKey:
    return QuoteKey(quote.article, quote.start, quote.end)


def within_window(a: Quote, b: Quote, dates: dict[str, dt.date]) -> bool:
    da, db = dates.get(a.article), dates.get(b.article)
    return da is not None and db is not None and abs((da - db).days) <= WINDOW_DAYS


# --- the labelling pool -----------------------------------------------------------------


def _runs(tokens, n: int) -> set[tuple[str, ...]]:
    keys = [t.key for t in tokens if t.key]
    return set(zip(*(keys[k:] for k in range(n))))


def pool_pairs(quotes: Sequence[Quote], dates: dict[str, dt.date]) -> list[tuple[int, int, str, float]]:
    """(i, j, stratum, weight) of every pair to label (i < j in input order)."""
    tokens = [tokenize(q.text) for q in quotes]
    threes = [_runs(t, 3) for t in tokens]
    fours = [_runs(t, 4) for t in tokens]
    by_three: dict[tuple[str, ...], list[int]] = {}
    for i, runs in enumerate(threes):
        for run in runs:
            by_three.setdefault(run, []).append(i)
    sharing3: set[tuple[int, int]] = set()
    for posting in by_three.values():
        for i, j in combinations(posting, 2):
            if quotes[i].article != quotes[j].article and within_window(quotes[i], quotes[j], dates):
                sharing3.add((i, j))
    full: dict[tuple[int, int], str] = {}
    for i, j in sorted(sharing3):
        if fours[i] & fours[j]:
            full[(i, j)] = "four-word run"
            continue
        al = align(tokens[i], tokens[j], quotes[i].text, quotes[j].text)
        shorter = max(1, min(len(tokens[i]), len(tokens[j])))
        if al.longest_run >= 3 and al.matched / shorter >= 0.4:
            full[(i, j)] = "aligns loosely"
    for i, j in combinations(range(len(quotes)), 2):
        a, b = quotes[i], quotes[j]
        if (i, j) in full or a.article == b.article or not within_window(a, b, dates):
            continue
        if fuzz.token_set_ratio(a.text, b.text) >= 75:
            full[(i, j)] = "token-set ratio"
    rest = sorted(sharing3 - set(full))
    sample = random.Random(SAMPLE_SEED).sample(rest, min(SAMPLE_SIZE, len(rest)))
    weight = len(rest) / len(sample) if sample else 0.0
    out = [(i, j, stratum, 1.0) for (i, j), stratum in sorted(full.items())]
    out += [(i, j, "three-word run, sampled", weight) for i, j in sorted(sample)]
    return out


def _context(text: str, start: int, end: int, width: int = 300) -> str:
    return text[max(0, start - width) : start] + "[[" + text[start:end] + "]]" + text[end : end + width]


def write_pool(out: Path, quotes: list[Quote], dates, texts, sources: dict[str, str | None]) -> int:
    rows = pool_pairs(quotes, dates)
    with open(out, "w", encoding="utf-8") as f:
        for n, (i, j, stratum, weight) in enumerate(rows):
            sides = {}
            for name, q in (("a", quotes[i]), ("b", quotes[j])):
                sides[name] = {
                    "article": q.article, "start": q.start, "end": q.end,
                    "published": str(dates.get(q.article)), "text": q.text,
                    "source": sources.get(q.id), "speaker": q.speaker,
                    "context": _context(texts[q.article], q.start, q.end),
                }
            f.write(json.dumps({"id": f"p{n:04d}", "stratum": stratum, "weight": weight, **sides},
                               ensure_ascii=False) + "\n")
    return len(rows)


# --- scoring ------------------------------------------------------------------------------


def predicted_pairs(quotes: Sequence[Quote], dates: dict[str, dt.date]
                    ) -> tuple[dict[tuple[QuoteKey, QuoteKey], frozenset[str]], float]:
    """The pairs group_quotes keeps between articles at most WINDOW_DAYS apart, with
    their kinds, and the seconds grouping took."""
    start = time.perf_counter()
    groups = group_quotes(quotes)
    seconds = time.perf_counter() - start
    by_id = {q.id: q for q in quotes}
    predicted = {}
    for group in groups:
        for rel in group.relations:
            a, b = by_id[rel.a], by_id[rel.b]
            if within_window(a, b, dates):
                predicted[(key_of(a), key_of(b))] = frozenset(rel.kinds)
    return predicted, seconds


@dataclass(frozen=True)
class VersionsRun:
    scores: LabelledScores
    quotes: int
    articles: int
    seconds: float  # grouping time
    labelled: int
    # predicted pairs no label covers, and of those the ones that share no three-word run
    # (outside every stratum of the pool; the others stand in the sampled stratum, which
    # the labelled sample's weight already counts)
    outside_pool: int


def score_polnear_versions(root: Path) -> VersionsRun:
    quotes, dates, texts, _ = load_quotes(root)
    labels = labelled_pairs_from_json(json.loads(GOLD.read_text(encoding="utf-8")))
    predicted, seconds = predicted_pairs(quotes, dates)
    scores = score_labelled_pairs(labels, predicted)
    by_key = {key_of(q): q for q in quotes}
    outside = sum(
        1 for a, b in scores.unlabelled
        if not _runs(tokenize(by_key[a].text), 3) & _runs(tokenize(by_key[b].text), 3)
    )
    return VersionsRun(scores, len(quotes), len(texts), seconds, len(labels), outside)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the PolNeAR folder")
    parser.add_argument("--pool", type=Path, help="write the pairs to label to this JSONL file")
    parser.add_argument("--show", type=int, default=0, help="print up to N wrong pairs")
    args = parser.parse_args(argv)
    if not (args.root / "dev" / "text").is_dir():
        print(f"bench-versions: skipped: PolNeAR not found at {args.root} "
              "(expected ../shared/benchmarks/polnear/{train,dev}/{text,attributions})")
        return 0
    if args.pool:
        quotes, dates, texts, sources = load_quotes(args.root)
        print(f"{write_pool(args.pool, quotes, dates, texts, sources)} pairs written to {args.pool}")
        return 0
    run = score_polnear_versions(args.root)
    scores = run.scores
    print(f"PolNeAR train + dev: {run.quotes:,} gold quotations of {run.articles} articles as "
          f"one story, grouped in {run.seconds:.1f} s ({run.quotes / run.seconds:,.0f} quotes/s)")
    print(f"{run.labelled} labelled pairs (articles at most {WINDOW_DAYS} days apart), "
          f"{scores.gold_same:.0f} of them one utterance (sampling weights applied)")
    print(f"grouping: precision {scores.precision:.3f}, recall {scores.recall:.3f}, "
          f"F1 {scores.f1:.3f}; {len(scores.unlabelled)} predicted pairs not labelled, "
          f"{run.outside_pool} of them outside the pool (label them: --pool)")
    print(f"relation kinds exactly right on {scores.kinds_right}/{scores.kinds_total} "
          f"true pairs found; per kind F1: "
          + ", ".join(f"{k} {v:.2f}" for k, v in scores.kind_f1.items()))
    if args.show:
        for line in scores.mistakes[: args.show]:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
