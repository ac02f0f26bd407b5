"""Scorer for collation against hand-labelled pairs of quote versions.

The gold (``tests/gold/quote_versions.json``) lists pairs of renderings ``a`` and ``b``
with their speakers, whether they render one utterance (``same``) and, when they do, the
relation kinds of b against a. Each pair is put through :func:`group_quotes` as two
quotes of two articles, which scores the grouping decision, and through
:func:`relation_kinds`, which scores the classifier alone (on the gold's same pairs,
whatever grouping decided).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .collate import KIND_ORDER, group_quotes, mirror_kinds, relation_kinds
from .evaluate_polnear import PRONOUNS, last_word
from .model import Quote

_PARENTHESIS = re.compile(r"\([^)]*\)")


@dataclass(frozen=True)
class PairVerdict:
    id: str
    gold_same: bool
    predicted_same: bool
    gold_kinds: frozenset[str]
    predicted_kinds: frozenset[str]  # the classifier's kinds (gold same pairs only)

    @property
    def kinds_right(self) -> bool:
        return self.gold_kinds == self.predicted_kinds


def _quote(id: str, side: Mapping[str, Any]) -> Quote:
    text = side["text"]
    return Quote(id, f"outlet-{id}", text, 0, len(text), "direct", speaker=side.get("speaker"))


def judge_pair(pair: Mapping[str, Any]) -> PairVerdict:
    """What the grouping and the classifier say about one gold pair."""
    a, b = _quote("a", pair["a"]), _quote("b", pair["b"])
    grouped = bool(group_quotes([a, b]))
    kinds: frozenset[str] = frozenset()
    if pair["same"]:
        kinds = frozenset(relation_kinds(a.text, b.text, a.speaker, b.speaker))
    return PairVerdict(pair["id"], bool(pair["same"]), grouped, frozenset(pair["kinds"]), kinds)


def _prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    """Precision, recall, F1 of (possibly weighted) counts; 1.0 when nothing is asked."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def score_verdicts(verdicts: Iterable[PairVerdict]) -> dict[str, float | int]:
    """Grouping precision / recall / F1, exact kind sets, and F1 per kind."""
    verdicts = list(verdicts)
    tp = sum(v.gold_same and v.predicted_same for v in verdicts)
    fp = sum(v.predicted_same and not v.gold_same for v in verdicts)
    fn = sum(v.gold_same and not v.predicted_same for v in verdicts)
    p, r, f = _prf(tp, fp, fn)
    same = [v for v in verdicts if v.gold_same]
    scores: dict[str, float | int] = {
        "pairs": len(verdicts),
        "same_pairs": len(same),
        "grouping_precision": p,
        "grouping_recall": r,
        "grouping_f1": f,
        "kinds_exact": sum(v.kinds_right for v in same) / len(same) if same else 1.0,
    }
    for kind in KIND_ORDER:  # kinds neither labelled nor predicted get no figure
        k_tp = sum(kind in v.gold_kinds and kind in v.predicted_kinds for v in same)
        k_fp = sum(kind not in v.gold_kinds and kind in v.predicted_kinds for v in same)
        k_fn = sum(kind in v.gold_kinds and kind not in v.predicted_kinds for v in same)
        if k_tp + k_fp + k_fn:
            scores[f"{kind}_f1"] = _prf(k_tp, k_fp, k_fn)[2]
    return scores


def score_quote_versions(gold: Mapping[str, Any]) -> dict[str, float | int]:
    return score_verdicts(judge_pair(pair) for pair in gold["pairs"])


# --- pairs of real quotes labelled by offsets (PolNeAR, ``make bench-versions``) -------


@dataclass(frozen=True, order=True)
class QuoteKey:
    """A quotation by its place: article id and character offsets."""

    article: str
    start: int
    end: int


@dataclass(frozen=True)
class LabelledPair:
    """A hand-labelled pair of real quotations; ``weight`` > 1 when it stands for the
    unlabelled pairs of a sampled stratum."""

    id: str
    a: QuoteKey
    b: QuoteKey
    same: bool
    kinds: frozenset[str]
    weight: float = 1.0


def speaker_from_source(source_text: str | None) -> str | None:
    """The speaker name a gold Source span gives: the last word before any comma when
    that is a capitalised name ("Sen. Mara Quint's" -> "Quint", "Ann Lee, a spokeswoman
    for the group" -> "Lee", a parenthesis such as "(D-N.C.)" left out); a pronoun, a description ("the campaign") or no Source
    gives None."""
    if not source_text:
        return None
    word = last_word(_PARENTHESIS.sub(" ", source_text).split(",")[0])
    if not word or not word[0].isupper() or word.casefold() in PRONOUNS:
        return None
    return word


def labelled_pairs_from_json(gold: Mapping[str, Any]) -> tuple[LabelledPair, ...]:
    pairs = []
    for row in gold["pairs"]:
        a, b = (QuoteKey(row[s]["article"], row[s]["start"], row[s]["end"]) for s in ("a", "b"))
        pairs.append(LabelledPair(row["id"], a, b, bool(row["same"]), frozenset(row["kinds"]),
                                  float(row.get("weight", 1.0))))
    return tuple(pairs)


@dataclass(frozen=True)
class LabelledScores:
    precision: float  # weighted, over predicted pairs that are labelled
    recall: float  # weighted
    f1: float
    gold_same: float  # weighted count of labelled one-utterance pairs
    unlabelled: tuple[tuple[QuoteKey, QuoteKey], ...]  # predicted pairs no label covers
    kinds_right: int  # true pairs found whose kind set equals the label's
    kinds_total: int
    kind_f1: Mapping[str, float]
    mistakes: tuple[str, ...]  # one line per wrong pair, for --show


def score_labelled_pairs(
    labels: Iterable[LabelledPair],
    predicted: Mapping[tuple[QuoteKey, QuoteKey], frozenset[str]],
) -> LabelledScores:
    """Grouping and relation kinds of ``predicted`` pairs ((a, b) -> kinds of b against
    a) against the labels. A pair predicted the other way round counts, its cut kinds
    mirrored. Weights scale each labelled pair (a sampled stratum's pairs stand for the
    whole stratum); predicted pairs that no label covers are counted, not scored. Kinds
    are scored on the true pairs found (a missed pair is a grouping miss only)."""
    labels = tuple(labels)
    tp = fp = fn = 0.0
    right = total = 0
    per_kind = {k: [0, 0, 0] for k in KIND_ORDER}  # tp, fp, fn
    mistakes: list[str] = []
    seen: set[tuple[QuoteKey, QuoteKey]] = set()
    for label in labels:
        kinds = predicted.get((label.a, label.b))
        if kinds is None and (label.b, label.a) in predicted:
            kinds = mirror_kinds(predicted[(label.b, label.a)])
        seen.update({(label.a, label.b), (label.b, label.a)})
        if kinds is not None and label.same:
            tp += label.weight
            total += 1
            right += kinds == label.kinds
            if kinds != label.kinds:
                mistakes.append(f"{label.id}: kinds {sorted(kinds)}, labelled {sorted(label.kinds)}")
            for k, counts in per_kind.items():
                counts[0] += k in kinds and k in label.kinds
                counts[1] += k in kinds and k not in label.kinds
                counts[2] += k not in kinds and k in label.kinds
        elif kinds is not None:
            fp += label.weight
            mistakes.append(f"{label.id}: grouped, labelled different utterances")
        elif label.same:
            fn += label.weight
            mistakes.append(f"{label.id}: not grouped, labelled one utterance")
    p, r, f = _prf(tp, fp, fn)
    return LabelledScores(
        precision=p,
        recall=r,
        f1=f,
        gold_same=tp + fn,
        unlabelled=tuple(pair for pair in predicted if pair not in seen),
        kinds_right=right,
        kinds_total=total,
        kind_f1={k: _prf(*c)[2] for k, c in per_kind.items() if sum(c)},
        mistakes=tuple(mistakes),
    )
