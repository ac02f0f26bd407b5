"""make bench-corpus: story grouping quality and corpus throughput of `rashomon ingest`.

Quality: every labelled story of the project (the demo corpus and the fact gold's
stories, development and held-out, each folder one story; wire copies included) goes
into a fresh store, in a seeded shuffled order, one article at a time per batch or all
at once; the stories the store makes are scored against the folders with B-cubed
precision, recall and F1 (target F1 >= 0.95).

Throughput: a corpus of ``--articles`` articles (100,000 by default) is generated from
the same stories: each copy of a story gets other people's and places' names, other
figures and a publication date shifted by months, so that copies are distinct stories;
it is written to JSON Lines files, then one ingest run reads, stores and groups them all
on one core. Prints articles per second and the peak memory of the process. Analysis:
the stories of a smaller generated corpus analysed by the local engine (one core) and
by the Ray engine with one and two workers.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from rashomon.cli import demo_corpus_path
from rashomon.corpus import BATCH, analyse_stories, ingest, ingest_articles
from rashomon.ingest import read_inputs
from rashomon.model import Article, PartialDate
from rashomon.store import Store

ROOT = Path(__file__).resolve().parents[1]
LABELLED = [ROOT / "tests" / "gold" / "facts", ROOT / "tests" / "gold" / "facts_heldout"]


def labelled_stories() -> list[tuple[str, list[Article]]]:
    """(label, articles) of every labelled story folder, the demo's included."""
    folders = [d for base in LABELLED if base.is_dir() for d in sorted(base.iterdir()) if d.is_dir()]
    folders += [d for d in sorted(demo_corpus_path().iterdir()) if d.is_dir()]
    out = []
    for folder in folders:
        articles, _ = read_inputs([folder])
        out.append((folder.name, articles))
    return out


def bcubed(predicted: dict[str, int], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (item -> cluster) against the
    gold one (item -> label)."""
    by_pred: dict[int, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for item, cluster in predicted.items():
        by_pred.setdefault(cluster, set()).add(item)
    for item, label in gold.items():
        by_gold.setdefault(label, set()).add(item)
    items = list(gold)
    p = sum(len(by_pred[predicted[i]] & by_gold[gold[i]]) / len(by_pred[predicted[i]]) for i in items) / len(items)
    r = sum(len(by_pred[predicted[i]] & by_gold[gold[i]]) / len(by_gold[gold[i]]) for i in items) / len(items)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def grouping_quality(seed: int, batch: int) -> tuple[float, float, float, int, int]:
    """B-cubed of the stories made from the labelled articles in a seeded order,
    ingested ``batch`` articles at a time."""
    stories = labelled_stories()
    articles, gold = [], {}
    for label, members in stories:
        for a in members:
            key = f"{label}/{a.id}"
            articles.append(replace(a, id=key))
            gold[key] = label
    random.Random(seed).shuffle(articles)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "q.db") as store:
        for start in range(0, len(articles), batch):
            ingest_articles(store, articles[start:start + batch])
        predicted = {key: s.id for s in store.stories() for key in s.articles}
        n_stories = len(store.stories())
    return (*bcubed(predicted, gold), len(stories), n_stories)


_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")
_NUMBER = re.compile(r"\b\d+\b")
_LOWER_WORD = re.compile(r"\b[a-z]{4,}\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def synthetic_corpus(size: int, seed: int = 7) -> Iterator[Article]:
    """``size`` articles made from the labelled stories, one at a time: copy k of a story
    renames every capitalised word by a per-copy table, keeps a random 70% of each
    article's sentences, swaps a fifth of its other words, changes its figures and moves
    its dates by 15 k days (beyond the story window), so that each copy is a story of
    its own."""
    rng = random.Random(seed)
    stories = [members for _, members in labelled_stories()]
    vocabulary = sorted({w for members in stories for a in members for w in _NAME.findall(a.text)})
    words = sorted({w for members in stories for a in members for w in _LOWER_WORD.findall(a.text)})
    made = 0
    for copy in itertools.count():
        for k, members in enumerate(stories):
            names = {w: rng.choice(vocabulary) + rng.choice(("an", "er", "ov", "is", "el", "ow")) for w in
                     sorted({w for a in members for w in _NAME.findall(a.text)})}
            shift = timedelta(days=15 * copy)
            for a in members:
                # each copy keeps its own 70% of the sentences, so that two copies of one
                # story are no near-duplicates of each other
                lines = a.text.split("\n")
                body = [s for s in _SENTENCE.split("\n".join(lines[1:])) if rng.random() < 0.7]
                text = _NAME.sub(lambda m: names.get(m.group(), m.group()), "\n".join([lines[0], " ".join(body)]))
                # and a fifth of its other words swapped, as two stories of one kind are
                # worded apart ("a fire at a plant" is told in a thousand ways)
                text = _LOWER_WORD.sub(lambda m: rng.choice(words) if rng.random() < 0.2 else m.group(), text)
                text = _NUMBER.sub(lambda m: str(int(m.group()) + copy % 7), text)
                published = PartialDate(a.published.value + shift, a.published.granularity) if a.published else None
                yield replace(a, id=f"c{copy}-s{k}-{a.id}", text=text, published=published,
                              title=_NAME.sub(lambda m: names.get(m.group(), m.group()), a.title or ""))
                made += 1
                if made == size:
                    return


def write_corpus(folder: Path, size: int, per_file: int = 10_000) -> None:
    """The generated corpus as JSON Lines files of ``per_file`` records (written, not
    timed: the ingest run reads them as it would a user's dump)."""
    articles = synthetic_corpus(size)
    for number in itertools.count():
        chunk = list(itertools.islice(articles, per_file))
        if not chunk:
            return
        with (folder / f"corpus-{number:03d}.jsonl").open("w", encoding="utf-8") as handle:
            for a in chunk:
                handle.write(json.dumps({
                    "id": a.id, "outlet": a.outlet, "title": a.title, "text": a.text, "url": a.url,
                    "published": a.published.value.isoformat() if a.published else None,
                }) + "\n")


def throughput(size: int) -> tuple[float, int, float, int]:
    """Ingest (reading the JSONL files, storing, near-duplicates, grouping) of ``size``
    generated articles in one run: articles a second, stories made, the peak memory of
    the process in MB, articles stored."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        write_corpus(folder, size)
        with Store(Path(tmp) / "t.db") as store:
            started = time.perf_counter()
            summary = ingest(store, [str(folder)])
            seconds = time.perf_counter() - started
            stories = len(store.stories())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return summary.added / seconds, stories, peak_mb, summary.added


def analysis_rates(articles: int, rounds: int) -> None:
    """Story analysis (every stage, cached as JSON) of generated stories holding about
    ``articles`` articles: the local engine on one core, then the Ray engine (a local
    Ray instance) with one worker and with two; medians over ``rounds``."""
    from rashomon.engine import LocalEngine

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "a.db") as store:
        ingest_articles(store, synthetic_corpus(articles * 3))
        stories, count = [], 0
        for row in sorted(store.stories(), key=lambda r: r.id):
            if count >= articles:
                break
            stories.append(row.id)
            count += len(row.articles)

        def timed(engine) -> float:
            store.db.execute("DELETE FROM analyses")
            started = time.perf_counter()
            summary = analyse_stories(store, stories, ("json",), engine=engine)
            assert summary.analysed == len(stories)
            return summary.articles / (time.perf_counter() - started)

        local = LocalEngine()
        local.model_name(None)  # (the pipeline loaded before the clock starts)
        rates: dict[str, list[float]] = {"local": [], "ray 1": [], "ray 2": []}
        try:
            from rashomon.distributed import RayEngine
        except ImportError:
            RayEngine = None
        ray = RayEngine(workers=2) if RayEngine is not None else None
        try:
            for _ in range(rounds):
                rates["local"].append(timed(local))
                if ray is not None:
                    for workers in (1, 2):
                        ray.workers = workers
                        rates[f"ray {workers}"].append(timed(ray))
        finally:
            if ray is not None:
                ray.close()

    def median(values: list[float]) -> float:
        return sorted(values)[len(values) // 2]

    print(f"story analysis: {len(stories)} generated stories, {count} articles, median of {rounds}")
    print(f"  local engine, one core: {median(rates['local']):.1f} articles/s (target 40)")
    if ray is None:
        print("  Ray engine: skipped (ray is not installed)")
        return
    one, two = median(rates["ray 1"]), median(rates["ray 2"])
    print(f"  Ray engine, 1 worker: {one:.1f} articles/s; 2 workers: {two:.1f} articles/s; "
          f"2 workers / 1 = {two / one:.2f}x (target 1.6x); "
          f"rounds: {', '.join(f'{b / a:.2f}x' for a, b in zip(rates['ray 1'], rates['ray 2']))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000, help="size of the generated corpus")
    parser.add_argument("--seeds", type=int, default=3, help="shuffled orders for the quality score")
    parser.add_argument("--analysis-articles", type=int, default=1200,
                        help="articles in the stories analysed for the analysis rates (0: skip)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each analysis rate")
    args = parser.parse_args(argv)
    scores = []
    for seed in range(args.seeds):
        if not scores:
            print("story grouping on the labelled stories (B-cubed; target F1 >= 0.95)")
        for batch in (BATCH, 1):
            p, r, f, gold_n, made = grouping_quality(seed, batch)
            scores.append(f)
            print(f"  order {seed}, batches of {batch}: P {p:.3f} R {r:.3f} F1 {f:.3f} "
                  f"({made} stories made of {gold_n} labelled)")
    if scores:
        print(f"  median F1 {sorted(scores)[len(scores) // 2]:.3f}")
    if args.articles:
        rate, stories, peak, added = throughput(args.articles)
        print(f"ingest + dedup + grouping: {added:,} generated articles at {rate:,.0f} articles/s "
              f"on one core ({stories:,} stories); peak memory {peak:,.0f} MB "
              "(targets: 1,000 articles/s, 2 GB)")
    if args.analysis_articles:
        analysis_rates(args.analysis_articles, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
