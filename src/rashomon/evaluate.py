"""Scorers against gold annotations (the demo corpus gold in ``tests/gold/demo.json``).

Each scorer takes a Report and the gold dict and returns plain numbers, so that a test can
gate on them (quality cannot silently drop) and ``make evaluate`` can print them.
Gold articles are keyed by path relative to the corpus folder; report articles by id
(the file stem), which is how the gold keys are matched.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from .model import Quote, Report
from .typography import plain_marks


def normalise(text: str) -> str:
    """Case-folded, typographic marks made plain, punctuation at the ends and runs of
    white space dropped: what two renderings of the same words have in common."""
    text = plain_marks(unicodedata.normalize("NFKC", text)).casefold()
    return " ".join(text.split()).strip(" .,;:!?\"'")


@dataclass(frozen=True)
class PRF:
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def article_id(gold_key: str) -> str:
    return PurePosixPath(gold_key).stem


def _overlap(a: str, b: str) -> float:
    """Share of the shorter normalised string's words found in order in the longer one."""
    wa, wb = normalise(a).split(), normalise(b).split()
    if not wa or not wb:
        return 0.0
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    joined = " " + " ".join(long_) + " "
    if " " + " ".join(short) + " " in joined:
        return len(short) / len(long_)
    common = len(set(short) & set(long_))
    return common / len(long_)


def _story_quotes(report: Report) -> dict[str, list[Quote]]:
    out: dict[str, list[Quote]] = {}
    for story in report.stories:
        for q in story.quotes:
            out.setdefault(q.article, []).append(q)
    return out


def score_quotes(report: Report, gold: dict[str, Any], *, min_overlap: float = 0.5) -> dict[str, float]:
    """Quote P/R/F1 (exact: same normalised text; overlap: >= min_overlap of words) and
    speaker accuracy on overlap-matched quotes."""
    predicted = _story_quotes(report)
    exact_tp = overlap_tp = n_pred = n_gold = speaker_right = 0
    titles_as_quotes = 0
    for key, annotation in gold["articles"].items():
        quotes = list(predicted.get(article_id(key), []))
        n_pred += len(quotes)
        n_gold += len(annotation["quotes"])
        unused = list(quotes)
        for g in annotation["quotes"]:
            best = max(unused, key=lambda q: _overlap(q.text, g["text"]), default=None)
            if best is None or _overlap(best.text, g["text"]) < min_overlap:
                continue
            unused.remove(best)
            overlap_tp += 1
            exact_tp += normalise(best.text) == normalise(g["text"])
            speaker_right += best.speaker == g["speaker"]
        not_quotes = {normalise(t) for t in annotation.get("not_quotes", [])}
        titles_as_quotes += sum(normalise(q.text) in not_quotes for q in quotes)
    exact, overlap = PRF(exact_tp, n_pred, n_gold), PRF(overlap_tp, n_pred, n_gold)
    return {
        "quotes_gold": n_gold,
        "quotes_predicted": n_pred,
        "exact_precision": exact.precision,
        "exact_recall": exact.recall,
        "exact_f1": exact.f1,
        "overlap_precision": overlap.precision,
        "overlap_recall": overlap.recall,
        "overlap_f1": overlap.f1,
        "speaker_accuracy": speaker_right / overlap_tp if overlap_tp else 0.0,
        "titles_reported_as_quotes": titles_as_quotes,
    }


def score_dates(report: Report, gold: dict[str, Any]) -> dict[str, float]:
    """Expressions found (the gold expression overlaps a predicted one) and value F1."""
    found = value_right = n_gold = n_pred = 0
    for key, annotation in gold["articles"].items():
        try:
            analysis = report.article(article_id(key))
        except KeyError:
            n_gold += len(annotation["dates"])
            continue
        n_pred += len(analysis.dates)
        text = analysis.article.text
        cursor = 0
        for g in annotation["dates"]:
            n_gold += 1
            start = text.find(g["expression"], cursor)
            if start < 0:
                start = text.find(g["expression"])
            if start < 0:
                continue
            cursor = start + 1
            end = start + len(g["expression"])
            hits = [d for d in analysis.dates if d.start < end and start < d.end]
            if not hits:
                continue
            found += 1
            value_right += any(d.value == g["value"] for d in hits)
    return {
        "dates_gold": n_gold,
        "dates_predicted": n_pred,
        "found_recall": found / n_gold if n_gold else 1.0,
        "found_precision": found / n_pred if n_pred else 1.0,
        "value_precision": value_right / n_pred if n_pred else 1.0,
        "value_recall": value_right / n_gold if n_gold else 1.0,
        "value_f1": PRF(value_right, n_pred, n_gold).f1,
    }


def score_cleaning(report: Report, gold: dict[str, Any]) -> dict[str, float]:
    """Boilerplate lines gone from the analysed text (recall) and removed lines that
    were boilerplate (precision)."""
    gone = n_gold = removed_right = n_removed = 0
    for key, annotation in gold["articles"].items():
        try:
            article = report.article(article_id(key)).article
        except KeyError:
            continue
        lines = annotation.get("boilerplate", [])
        n_gold += len(lines)
        gone += sum(normalise(line) not in normalise(article.text) for line in lines)
        gold_norm = [normalise(line) for line in lines]
        for removed in article.removed:
            n_removed += 1
            r = normalise(removed.line)
            removed_right += any(g and (g in r or r in g) for g in gold_norm)
    return {
        "boilerplate_gold": n_gold,
        "boilerplate_recall": gone / n_gold if n_gold else 1.0,
        "removed_precision": removed_right / n_removed if n_removed else 1.0,
    }


def score_publication(report: Report, gold: dict[str, Any]) -> dict[str, float]:
    """Articles with no given date whose inferred date falls in the true month."""
    right = total = 0
    for key, annotation in gold["articles"].items():
        if annotation.get("published"):
            continue
        total += 1
        try:
            article = report.article(article_id(key)).article
        except KeyError:
            continue
        right += bool(article.published and article.published.iso().startswith(annotation["published_period"]))
    return {"inferred_total": total, "inferred_right": right}


def score_stories(report: Report, gold: dict[str, Any]) -> dict[str, float]:
    """B-cubed precision / recall / F1 of the story grouping."""
    gold_of = {article_id(a): name for name, s in gold["stories"].items() for a in s["articles"]}
    pred_of = {a: story.id for story in report.stories for a in story.articles if a in gold_of}
    items = list(gold_of)
    precision = recall = 0.0
    for item in items:
        same_pred = {x for x in items if pred_of.get(x) == pred_of.get(item)}
        same_gold = {x for x in items if gold_of[x] == gold_of[item]}
        precision += len(same_pred & same_gold) / len(same_pred)
        recall += len(same_pred & same_gold) / len(same_gold)
    p, r = precision / len(items), recall / len(items)
    return {"bcubed_precision": p, "bcubed_recall": r, "bcubed_f1": 2 * p * r / (p + r) if p + r else 0.0}


def _find_quote(quotes: Iterable[Quote], article: str, text: str) -> Quote | None:
    candidates = [q for q in quotes if q.article == article]
    best = max(candidates, key=lambda q: _overlap(q.text, text), default=None)
    return best if best is not None and _overlap(best.text, text) >= 0.5 else None


def score_variants(report: Report, gold: dict[str, Any]) -> dict[str, float]:
    """Gold quote variants whose versions land in one group, and whose gold kinds all
    appear among that group's relation kinds."""
    grouped = kinds_right = total = 0
    for name, story_gold in gold["stories"].items():
        members = {article_id(a) for a in story_gold["articles"]}
        story = next((s for s in report.stories if members & set(s.articles)), None)
        for variant in story_gold.get("quote_variants", []):
            total += 1
            if story is None:
                continue
            found = [_find_quote(story.quotes, article_id(k), t) for k, t in variant["versions"].items()]
            if any(q is None for q in found):
                continue
            ids = {q.id for q in found if q}
            group = next((g for g in story.quote_groups if ids <= set(g.quotes)), None)
            if group is None:
                continue
            grouped += 1
            kinds = {k for r in group.relations if {r.a, r.b} <= ids for k in r.kinds}
            kinds_right += _undirected(variant["kinds"]) <= _undirected(kinds)
    return {"variants_total": total, "variants_grouped": grouped, "variants_kinds_right": kinds_right}


def _undirected(kinds: Iterable[str]) -> set[str]:
    """Gold says a version is cut short without saying which of the pair comes first:
    truncated (b is part of a) and extended (b holds a) are the same finding."""
    return {"truncated" if k == "extended" else k for k in kinds}


def score_conflicts(report: Report, gold: dict[str, Any]) -> dict[str, float]:
    """Planted conflicts found (a predicted conflict of the gold kind between articles
    that the gold says disagree), and predicted conflicts in all."""
    found = total = predicted = 0
    for story_gold in gold["stories"].values():
        members = {article_id(a) for a in story_gold["articles"]}
        story = next((s for s in report.stories if members & set(s.articles)), None)
        conflict = story_gold.get("conflict")
        if story is None:
            continue
        predicted += len(story.facts.conflicts)
        if not conflict:
            continue
        total += 1
        values = {article_id(k): normalise(v) for k, v in conflict["versions"].items()}
        for c in story.facts.conflicts:
            seen = {normalise(v.value) for v in c.versions if v.article in values}
            if c.kind == conflict["kind"] and len({values[v.article] for v in c.versions if v.article in values}) > 1 and seen:
                found += 1
                break
    return {"conflicts_planted": total, "conflicts_found": found, "conflicts_predicted": predicted}


def score_timeline(report: Report, gold: dict[str, Any]) -> dict[str, float]:
    """Gold timeline dates that appear as a timeline entry of the story."""
    right = total = 0
    for story_gold in gold["stories"].values():
        members = {article_id(a) for a in story_gold["articles"]}
        story = next((s for s in report.stories if members & set(s.articles)), None)
        dates = {e.date.iso() for e in story.timeline} if story else set()
        for entry in story_gold.get("timeline", []):
            total += 1
            right += entry["date"] in dates
    return {"timeline_gold": total, "timeline_found": right}


def score_all(report: Report, gold: dict[str, Any]) -> dict[str, dict[str, float]]:
    return {
        "quotes": score_quotes(report, gold),
        "dates": score_dates(report, gold),
        "cleaning": score_cleaning(report, gold),
        "publication": score_publication(report, gold),
        "stories": score_stories(report, gold),
        "variants": score_variants(report, gold),
        "conflicts": score_conflicts(report, gold),
        "timeline": score_timeline(report, gold),
    }


