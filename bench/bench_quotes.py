"""make bench-quotes: direct quotations and speakers on PolNeAR, rashomon against textacy.

Scores the quote stage on ``../shared/benchmarks/polnear`` (dev split by default,
``--split train`` for development) with :mod:`rashomon.evaluate_polnear` (the gold and
matching rules are in its docstring), and runs textacy's ``direct_quotations`` on the
same texts as the baseline (the full spaCy pipeline of the same model). Speed is the
quote stage (sentence splitting and the spaCy parse included, model loading excluded)
on one core, in articles per second, the median of ``--repeats`` runs; the machine is
shared, so read it as a rough figure.
"""

from __future__ import annotations

import os

# one core: set before numpy / spaCy are imported (their thread pools read these)
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

from rashomon.evaluate_polnear import (  # noqa: E402
    GoldQuote,
    PredictedQuote,
    QuoteScores,
    gold_quotes,
    mixed_quotes,
    paragraphs_of,
    pick_annotations,
    predicted_from_quote,
    score,
)
from rashomon.model import Article  # noqa: E402
from rashomon.nlp import DEFAULT_MODELS, NLP  # noqa: E402
from rashomon.pipeline import ARTICLE_BATCH  # noqa: E402
from rashomon.quotes import extract_quotes_many  # noqa: E402
from rashomon.sentences import split_sentences  # noqa: E402

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "polnear"


def pin_one_core() -> str:
    """Run this process on one CPU (Linux); say which."""
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    except (AttributeError, OSError):
        return "not pinned (no sched_setaffinity); thread pools set to 1"


def load_split(root: Path, split: str, limit: int | None
               ) -> tuple[list[Article], list[GoldQuote], dict[str, list[tuple[int, int]]], int]:
    """Articles (id = file stem, text = the file's text exactly), gold quotes, mixed
    quotes per article, and how many articles had several annotators' files."""
    text_dir, ann_dir = root / split / "text", root / split / "attributions"
    stems = [p.stem for p in sorted(text_dir.glob("*.txt"))][:limit]
    ann_names = [p.name for p in ann_dir.glob("*.ann")]
    chosen = pick_annotations(stems, ann_names)
    several = sum(1 for s in stems if sum(n.startswith(s + "_") for n in ann_names) > 1)
    articles, gold, mixed = [], [], {}
    for stem in stems:
        if stem not in chosen:
            continue
        with open(text_dir / f"{stem}.txt", encoding="utf-8", newline="") as f:
            text = f.read()  # newline="": offsets must match the .ann exactly
        ann = (ann_dir / chosen[stem]).read_text(encoding="utf-8")
        headline = text.split("\n", 1)[0]
        articles.append(Article(
            id=stem, source=str(text_dir / f"{stem}.txt"), text=text,
            title=headline.strip() or None,
            title_span=(0, len(headline)) if headline.strip() else None,
        ))
        gold.extend(gold_quotes(stem, text, ann))
        mixed[stem] = list(mixed_quotes(text, ann))
    return articles, gold, mixed, several


def timed(run: Callable[[], list[PredictedQuote]], repeats: int
          ) -> tuple[list[PredictedQuote], float]:
    """The last run's predictions and the median seconds of ``repeats`` runs."""
    times, out = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        out = run()
        times.append(time.perf_counter() - start)
    return out, statistics.median(times)


def run_rashomon(articles: list[Article], nlp: NLP) -> list[PredictedQuote]:
    """The quote stage as the pipeline runs it: sentences, then quotes in batches of
    ``ARTICLE_BATCH`` articles whose parses go to spaCy as one stream."""
    out = []
    for first in range(0, len(articles), ARTICLE_BATCH):
        batch = articles[first : first + ARTICLE_BATCH]
        found = extract_quotes_many([(a, split_sentences(a.text)) for a in batch], nlp)
        out.extend(predicted_from_quote(q) for quotes in found for q in quotes)
    return out


def textacy_baseline(articles: list[Article]
                     ) -> tuple[Callable[[], list[PredictedQuote]] | None, str, list[int]]:
    """(run, note, failures): textacy's direct_quotations on the full spaCy pipeline,
    or (None, why it was skipped, [])."""
    try:
        import spacy
        import textacy
        from textacy.extract.triples import direct_quotations
    except Exception as exc:  # noqa: BLE001 - any import failure means: no baseline
        why = f"{type(exc).__name__}: {exc}"
        return None, f"textacy baseline skipped: cannot import textacy ({why}); run " \
                     "`make bench-quotes` (installs requirements-bench.txt)", []
    language = None
    for name in DEFAULT_MODELS:
        try:
            language = spacy.load(name)  # full pipeline: every component
            break
        except OSError:
            continue
    if language is None:
        return None, "textacy baseline skipped: no spaCy model installed", []
    failures: list[int] = [0]

    def triples_of(text: str, doc) -> list[tuple[int, int, tuple[int, int] | None]]:
        """(content start, content end, speaker mention) of each quotation. textacy
        refuses a document with an odd number of quote marks (ValueError): then each
        paragraph (non-blank line) is tried on its own, so one stray mark costs its
        paragraph only."""
        try:
            parts = [(0, list(direct_quotations(doc)))]
        except ValueError:
            failures[0] += 1
            parts = []
            for p_start, p_end in paragraphs_of(text):
                span = doc.char_span(p_start, p_end, alignment_mode="expand")
                if span is None:
                    continue
                try:
                    parts.append((span.start_char, list(direct_quotations(span.as_doc()))))
                except ValueError:
                    continue
        out = []
        for shift, triples in parts:
            for speakers, _cue, content in triples:
                mention = None
                if speakers:
                    start = min(t.idx for t in speakers) + shift
                    mention = (start, max(t.idx + len(t) for t in speakers) + shift)
                out.append((content.start_char + shift, content.end_char + shift, mention))
        return out

    def run() -> list[PredictedQuote]:
        failures[0] = 0
        out = []
        for article, doc in zip(articles, language.pipe(a.text for a in articles)):
            for start, end, mention in triples_of(article.text, doc):
                speaker = article.text[mention[0]:mention[1]] if mention else None
                out.append(PredictedQuote(article.id, start, end, speaker, mention))
        return out

    meta = language.meta
    note = f"textacy {textacy.__version__} on {meta.get('lang')}_{meta.get('name')}-" \
           f"{meta.get('version')} (full pipeline: {', '.join(language.pipe_names)})"
    return run, note, failures


def _f(x: float | None) -> str:
    return "  –  " if x is None else f"{x:.3f}"


def row(system: str, s: QuoteScores, per_second: float | None) -> str:
    e, o = s.exact, s.overlap
    speed = "–" if per_second is None else f"{per_second:.1f}"
    return (f"| {system} | {_f(e.precision)} / {_f(e.recall)} / {_f(e.f1)} "
            f"| {_f(o.precision)} / {_f(o.recall)} / {_f(o.f1)} "
            f"| {_f(s.speaker_accuracy)} ({s.speaker_right}/{s.speaker_total}) | {speed} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the PolNeAR folder")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--no-baseline", action="store_true", help="skip textacy")
    args = parser.parse_args(argv)
    if not (args.root / args.split / "text").is_dir():
        print(f"bench-quotes: skipped: PolNeAR not found at {args.root / args.split} "
              "(expected ../shared/benchmarks/polnear/{train,dev}/{text,attributions})")
        return 0
    pinned = pin_one_core()
    articles, gold, mixed, several = load_split(args.root, args.split, args.limit)
    texts = {a.id: a.text for a in articles}
    with_source = sum(1 for g in gold if g.source)
    print(f"PolNeAR {args.split}: {len(articles)} articles, {len(gold)} gold direct quotations "
          f"({with_source} with a Source), {sum(map(len, mixed.values()))} mixed quotes; "
          f"{several} articles with several annotators' files (first file by name used)")
    print(f"speed: one core ({pinned}), median of {args.repeats} runs, model loading "
          "excluded; the machine (2 cores) is shared, so speeds are rough")

    nlp = NLP()
    list(nlp.parse(["Warm up the pipeline."]))
    results: list[tuple[str, QuoteScores, QuoteScores, float | None]] = []
    predicted, seconds = timed(lambda: run_rashomon(articles, nlp), args.repeats)
    results.append((f"rashomon (sentences + quotes, {nlp.name})", score(gold, predicted, texts),
                    score(gold, predicted, texts, mixed), len(articles) / seconds))

    notes = []
    if args.no_baseline:
        notes.append("textacy baseline skipped: --no-baseline")
    else:
        run, note, failures = textacy_baseline(articles)
        notes.append(note)
        if run is not None:
            run()  # warm-up (first-call costs)
            baseline, seconds = timed(run, args.repeats)
            results.append(("textacy direct_quotations", score(gold, baseline, texts),
                            score(gold, baseline, texts, mixed), len(articles) / seconds))
            notes.append(f"textacy raised ValueError (odd number of quote marks) on {failures[0]} "
                         f"of the {len(articles)} articles: those were run paragraph by paragraph "
                         "(a paragraph it still refuses gives no quotes)")

    print_table([(system, strict, speed) for system, strict, _, speed in results])
    print("Same, predictions inside mixed quotes (a Content span that covers words outside "
          "the marks) left out of precision:")
    print_table([(system, lenient, speed) for system, _, lenient, speed in results])
    for note in notes:
        print(note)
    return 0



def print_table(rows) -> None:
    """One Markdown table of (system, scores, articles/s) rows, blank lines around it."""
    print()
    print("| system | quotes exact P / R / F1 | overlap P / R / F1 | speaker accuracy | articles/s |")
    print("|---|---|---|---|---|")
    for system, scores, per_second in rows:
        print(row(system, scores, per_second))
    print()


if __name__ == "__main__":
    sys.exit(main())
