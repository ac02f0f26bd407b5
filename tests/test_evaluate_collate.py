"""The collation scorers: hand-labelled renderings (fictional) and pairs labelled by
offsets (the PolNeAR bench). Every quote here is invented; people are fictional."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from rashomon.evaluate_collate import (
    LabelledPair,
    PairVerdict,
    QuoteKey,
    judge_pair,
    labelled_pairs_from_json,
    score_labelled_pairs,
    score_quote_versions,
    score_verdicts,
    speaker_from_source,
)

FERRY = "The ferry will run every hour from the first of May, weather allowing."


def side(text: str, speaker: str | None = "Mara Quint") -> dict:
    return {"text": text, "speaker": speaker}


def test_judge_pair_groups_and_classifies_a_cut_version() -> None:
    verdict = judge_pair({
        "id": "cut", "same": True, "kinds": ["truncated"],
        "a": side(FERRY), "b": side("The ferry will run every hour from the first of May"),
    })
    assert verdict.predicted_same and verdict.gold_same
    assert verdict.predicted_kinds == {"truncated"} and verdict.kinds_right


def test_judge_pair_keeps_different_utterances_apart() -> None:
    verdict = judge_pair({
        "id": "neg", "same": False, "kinds": [],
        "a": side(FERRY), "b": side("The bakery on the quay opens at six, as it always has."),
    })
    assert not verdict.predicted_same and not verdict.gold_same
    assert verdict.predicted_kinds == frozenset()  # kinds are only asked of same pairs


def test_score_verdicts_counts_grouping_and_kinds() -> None:
    kinds = frozenset({"altered"})
    verdicts = [
        PairVerdict("tp", True, True, kinds, kinds),
        PairVerdict("tp-wrong-kind", True, True, kinds, frozenset({"typographic"})),
        PairVerdict("fn", True, False, kinds, kinds),
        PairVerdict("fp", False, True, frozenset(), frozenset()),
        PairVerdict("tn", False, False, frozenset(), frozenset()),
    ]
    scores = score_verdicts(verdicts)
    assert scores["pairs"] == 5 and scores["same_pairs"] == 3
    assert scores["grouping_precision"] == pytest.approx(2 / 3)
    assert scores["grouping_recall"] == pytest.approx(2 / 3)
    assert scores["kinds_exact"] == pytest.approx(2 / 3)
    # altered: 2 right, 1 missed (the typographic verdict); typographic: 1 false alarm
    assert scores["altered_f1"] == pytest.approx(0.8)
    assert scores["typographic_f1"] == 0.0


@pytest.mark.parametrize("source, speaker", [
    ("Mara Quint", "Quint"),
    ("Sen. Mara Quint's", "Quint"),
    ("Mara Quint, a spokeswoman for the ferry board", "Quint"),
    ("Rep. Tobias Wren (R-Ore.), who chairs the panel", "Wren"),
    ("she", None),
    ("the ferry board", None),
    ("", None),
    (None, None),
])
def test_speaker_from_source(source: str | None, speaker: str | None) -> None:
    assert speaker_from_source(source) == speaker


A, B, C, D = (QuoteKey("gull", 0, 40), QuoteKey("pier", 10, 50), QuoteKey("tide", 5, 9),
              QuoteKey("pier", 60, 90))


def test_labelled_pairs_are_scored_either_way_round_with_weights() -> None:
    labels = [
        LabelledPair("1", A, B, True, frozenset({"truncated"})),
        LabelledPair("2", A, C, False, frozenset(), weight=10.0),  # a sampled stratum
        LabelledPair("3", B, C, True, frozenset({"identical"})),
    ]
    # (B, A) predicted the other way round: its "extended" is A's "truncated" seen from B
    predicted = {(B, A): frozenset({"extended"}), (A, C): frozenset({"altered"}),
                 (A, D): frozenset({"typographic"})}
    scores = score_labelled_pairs(labels, predicted)
    assert scores.precision == pytest.approx(1 / 11)  # the false pair weighs 10
    assert scores.recall == pytest.approx(1 / 2)
    assert scores.gold_same == 2
    assert scores.kinds_right == 1 and scores.kinds_total == 1
    assert scores.unlabelled == ((A, D),)  # in no label
    # kinds are scored on the true pairs found: the missed identical pair is a grouping miss
    assert scores.kind_f1 == {"truncated": 1.0}
    assert len(scores.mistakes) == 2


def test_labelled_pairs_from_json_reads_offsets_and_weights() -> None:
    gold = {"pairs": [{
        "id": "p1", "same": True, "kinds": ["typographic"], "weight": 2.5,
        "a": {"article": "gull", "start": 0, "end": 40},
        "b": {"article": "pier", "start": 10, "end": 50},
    }]}
    (pair,) = labelled_pairs_from_json(gold)
    assert (pair.a, pair.b, pair.same, pair.kinds, pair.weight) == (
        A, B, True, frozenset({"typographic"}), 2.5)


# --- quality gates: the figures of the README's evaluation table cannot silently drop ---

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "benchmarks" / "polnear"


def test_quote_versions_gold_gate() -> None:
    """The 159 hand-labelled fictional pairs (`make evaluate`); gates just under today's
    figures (precision 0.973, recall 0.924, kinds exactly right 1.000)."""
    gold = json.loads((ROOT / "tests" / "gold" / "quote_versions.json").read_text("utf-8"))
    scores = score_quote_versions(gold)
    assert scores["pairs"] >= 150
    assert scores["grouping_precision"] >= 0.95, scores
    assert scores["grouping_recall"] >= 0.90, scores
    assert scores["kinds_exact"] >= 0.97, scores


@pytest.mark.skipif(not (POLNEAR / "dev" / "text").is_dir(), reason="PolNeAR not in ../shared")
def test_polnear_versions_gate() -> None:
    """PolNeAR pairs labelled by offsets (`make bench-versions`); gates just under
    today's figures (precision 0.981, recall 0.963, 103/105 kinds right). A change that
    makes grouping keep pairs outside the labelled pool must label them (`--pool`)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from bench_versions import score_polnear_versions
    finally:
        sys.path.remove(str(ROOT / "bench"))
    run = score_polnear_versions(POLNEAR)
    scores = run.scores
    assert run.quotes > 6000 and run.articles > 900 and run.labelled > 1000
    assert scores.precision >= 0.95, scores.mistakes
    assert scores.recall >= 0.94, scores.mistakes
    assert scores.kinds_right >= 0.95 * scores.kinds_total, scores.mistakes
    assert run.outside_pool <= 5
