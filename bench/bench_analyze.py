"""make bench: articles per second of `analyze` against the full spaCy small pipeline.

The corpus is generated from the bundled demo articles: each copy swaps the people's
names for others (so no two articles are identical) and gets its own id. Both runs happen
in this one process on the same texts; the figure that matters is the ratio, because the
machine is shared and absolute times are noisy. Medians of --repeats runs.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import re
import sys

from bench_collate import collate_lines, median_seconds

from rashomon.cli import demo_corpus_path
from rashomon.ingest import read_inputs
from rashomon.nlp import DEFAULT_MODELS, NLP
from rashomon.pipeline import analyze_articles

FIRST = ["Avery", "Jonah", "Priya", "Mateo", "Ingrid", "Tomasz", "Leila", "Rory", "Sunita", "Elias"]
LAST = ["Quill", "Barros", "Nakamura", "Okonjo", "Lindqvist", "Petrescu", "Haddad", "Moreau", "Castell", "Iwu"]


def generated_corpus(size: int, seed: int = 7):
    base, problems = read_inputs([demo_corpus_path()])
    if not base:
        sys.exit(f"no demo articles found ({[p.line() for p in problems]})")
    rng = random.Random(seed)
    out = []
    for i in range(size):
        article = base[i % len(base)]
        text = article.text
        # swap every capitalised two-word name-like run for a generated one, consistently
        for name in sorted(set(re.findall(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", text)))[:6]:
            text = text.replace(name, f"{rng.choice(FIRST)} {rng.choice(LAST)}")
        title_end = text.find("\n") if article.title_span else -1
        out.append(
            dataclasses.replace(
                article,
                id=f"{article.id}-{i}",
                text=text,
                title=text[:title_end] if title_end > 0 else article.title,
                title_span=(0, title_end) if title_end > 0 else None,
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quotes", type=int, default=5000, help="quotes in the synthetic collate story")
    args = parser.parse_args()

    articles = generated_corpus(args.articles)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    import spacy

    for name in DEFAULT_MODELS:
        try:
            full = spacy.load(name)  # every component, as a user running spaCy would
            break
        except OSError:
            continue
    else:
        sys.exit("no spaCy English pipeline installed: run `make venv`")
    nlp = NLP()
    nlp.language  # load outside the timed region, like the baseline
    list(full.pipe(texts[:5]))
    analyze_articles(articles[:5], nlp=nlp)

    baseline = median_seconds(lambda: list(full.pipe(texts, batch_size=64)), args.repeats)
    ours = median_seconds(lambda: analyze_articles(articles, nlp=nlp), args.repeats)

    print(f"corpus: {len(articles)} generated articles, {words / len(articles):.0f} words each on average")
    print(f"spaCy full small pipeline ({', '.join(full.pipe_names)}): {len(articles) / baseline:8.1f} articles/s")
    print(f"rashomon analyze (all stages, stories included):       {len(articles) / ours:8.1f} articles/s")
    print(f"ratio (rashomon / spaCy baseline): {baseline / ours:.2f}x   (median of {args.repeats} runs; target 10x in later issues)")

    print("\n".join(collate_lines(args.quotes, args.repeats)))


if __name__ == "__main__":
    main()
