"""The PolNeAR scorer on hand-made BRAT snippets (our own sentences, fictional people)."""

from __future__ import annotations

import pytest

from rashomon.evaluate_polnear import (
    GoldQuote,
    PredictedQuote,
    gold_quotes,
    mixed_quotes,
    overlap_pairs,
    overlap_ratio,
    parse_attributions,
    parse_fragments,
    pick_annotations,
    predicted_from_quote,
    quoted_pieces,
    same_speaker,
    score,
    trimmed,
)
from rashomon.model import Quote, Span


def at(text: str, part: str, occurrence: int = 1) -> tuple[int, int]:
    """(start, end) of the n-th occurrence of ``part`` in ``text``."""
    start = -1
    for _ in range(occurrence):
        start = text.index(part, start + 1)
    return start, start + len(part)


def ann(text: str, *attributions: tuple[object, ...]) -> str:
    """BRAT lines for (source, cue, content) triples; each role is a substring of
    ``text``, a list of substrings (discontinuous) or None (missing)."""
    lines, n = [], 0
    for e, roles in enumerate(attributions, start=1):
        refs = []
        for label, part in zip(("Source", "Cue", "Content"), roles):
            if part is None:
                continue
            parts = part if isinstance(part, list) else [part]
            spans = [at(text, p) for p in parts]
            n += 1
            where = ";".join(f"{s} {t}" for s, t in spans)
            lines.append(f"T{n}\t{label} {where}\t{' '.join(text[s:t] for s, t in spans)}")
            refs.append(f"{label}:T{n}")
        lines.append(f"E{e}\tAttribution:T{n} " + " ".join(refs))
    return "\n".join(lines) + "\n"


# --- reading BRAT ---------------------------------------------------------------------

def test_parse_fragments_continuous_and_discontinuous():
    assert parse_fragments("3 9") == ((3, 9),)
    assert parse_fragments("3 9;12 20") == ((3, 9), (12, 20))


def test_parse_attributions_roles_and_missing_source():
    text = "Mira Tolland said the ferry was late. The ferry was late, it emerged."
    lines = ann(text, ("Mira Tolland", "said", "the ferry was late"),
                (None, "emerged", "The ferry was late"))
    first, second = parse_attributions(lines)
    assert first.source_text == "Mira Tolland"
    assert first.content == (at(text, "the ferry was late"),)
    assert second.source == () and second.source_text is None


def test_pick_annotations_first_annotator_by_name():
    names = ["story-a_ff01.ann", "story-a_0b2c.ann", "story-b_1234.ann", "story-ab_9999.ann"]
    assert pick_annotations(["story-a", "story-b", "story-c"], names) == {
        "story-a": "story-a_0b2c.ann", "story-b": "story-b_1234.ann"}


# --- gold direct quotations -----------------------------------------------------------

QUOTED = (
    "Harbour Gazette\n"
    "“We will reopen the pier by June,” said Odile Varga, the harbour master.\n"
    "Varga said the works had gone well.\n"
    "She called the delay “a small price” for safety.\n"
)


def test_content_inside_marks_is_gold_and_content_outside_is_not():
    lines = ann(QUOTED,
                ("Odile Varga, the harbour master", "said",
                 "“We will reopen the pier by June,”"),
                ("Varga", "said", "the works had gone well"),
                ("She", "called", "the delay “a small price” for safety"))
    gold = gold_quotes("a", QUOTED, lines)
    assert [g.text for g in gold] == ["We will reopen the pier by June,"]
    assert gold[0].source_text == "Odile Varga, the harbour master"
    assert gold[0].source == (at(QUOTED, "Odile Varga, the harbour master"),)
    # the partial quote inside a Content span with words outside the marks is a mixed quote
    assert mixed_quotes(QUOTED, lines) == (at(QUOTED, "a small price"),)


@pytest.mark.parametrize("content", [
    "We will reopen the pier by June,",        # between the marks
    "“We will reopen the pier by June,",       # the opening mark only
    "We will reopen the pier by June,”",       # the closing mark only
])
def test_content_with_or_without_its_marks_gives_the_text_between_them(content):
    gold = gold_quotes("a", QUOTED, ann(QUOTED, ("Odile Varga", "said", content)))
    assert [(g.start, g.end) for g in gold] == [at(QUOTED, "We will reopen the pier by June,")]


def test_content_inside_marks_with_punctuation_outside_counts():
    text = "Lund said it was “a fair deal”.\n"
    gold = gold_quotes("a", text, ann(text, ("Lund", "said", "“a fair deal”.")))
    assert [g.text for g in gold] == ["a fair deal"]


def test_discontinuous_content_split_by_its_attribution_gives_two_quotes_one_source():
    text = "“First we fix the roof,” Ines Abara said. “Then the windows.”\n"
    lines = ann(text, ("Ines Abara", "said", ["First we fix the roof,", "Then the windows."]))
    gold = gold_quotes("a", text, lines)
    assert [g.text for g in gold] == ["First we fix the roof,", "Then the windows."]
    assert gold[0].source == gold[1].source == (at(text, "Ines Abara"),)


def test_discontinuous_content_with_a_fragment_outside_marks_keeps_only_the_quoted_one():
    text = "The budget, Abara said, was “simply too thin to cover it all.”\n"
    lines = ann(text, ("Abara", "said", ["The budget,", "“simply too thin to cover it all.”"]))
    # the second fragment alone lies inside the marks
    assert [g.text for g in gold_quotes("a", text, lines)] == ["simply too thin to cover it all."]


def test_straight_marks_and_multi_paragraph_quotes():
    text = ('Mayor Pell spoke at length.\n\n'
            '"The first part of it.\n\n'
            '"The second part of it," Pell said.\n')
    lines = ann(text, ("Pell", "said", ['"The first part of it.\n\n"The second part of it,"']))
    assert quoted_pieces(text) == (
        (at(text, '"The first')[0], at(text, "first part of it.")[1]),
        (at(text, '"The second')[0], at(text, 'second part of it,"')[1]),
    )
    assert [g.text for g in gold_quotes("a", text, lines)] == [
        "The first part of it.", "The second part of it,"]


def test_an_unclosed_mark_costs_its_piece_only():
    text = "He said “never again.\nShe said “fine.”\n"
    assert quoted_pieces(text) == (at(text, "“fine.”"),)


# --- matching -------------------------------------------------------------------------

def test_trimmed_drops_marks_white_space_and_trailing_punctuation():
    text = " “We will see, ” "
    start, end = trimmed(text, 0, len(text))
    assert text[start:end] == "We will see"


@pytest.mark.parametrize("a, b, ratio", [
    ((0, 10), (0, 10), 1.0),
    ((0, 10), (0, 5), 0.5),      # half of the longer
    ((0, 10), (5, 20), 5 / 15),  # overlap over the longer span, not the gold
    ((0, 10), (10, 20), 0.0),
])
def test_overlap_ratio_is_over_the_longer_span(a, b, ratio):
    assert overlap_ratio(a, b) == pytest.approx(ratio)


def _scored(gold_spans, predicted_spans, text="x" * 200):
    gold = [GoldQuote("a", s, e, text[s:e], ((150, 160),), "Pell") for s, e in gold_spans]
    predicted = [PredictedQuote("a", s, e) for s, e in predicted_spans]
    return score(gold, predicted, {"a": text})


def test_exact_and_overlap_matching():
    text = "“We will see,” Pell said. “The pier opens in June and the market in July.”"
    g1, g2 = at(text, "We will see,"), at(text, "The pier opens in June and the market in July.")
    gold = [GoldQuote("a", *g1, "", (), None), GoldQuote("a", *g2, "", (), None)]
    # first: the marks included (exact after trimming); second: only its first half+
    predicted = [PredictedQuote("a", g1[0] - 1, g1[1] + 1),
                 PredictedQuote("a", g2[0], at(text, "the market")[0])]
    s = score(gold, predicted, {"a": text})
    assert (s.exact.tp, s.overlap.tp) == (1, 2)
    assert s.exact.precision == s.exact.recall == 0.5
    assert s.overlap.f1 == 1.0


def test_matching_is_one_to_one():
    # two predictions on one gold quote: one match, one false positive
    s = _scored([(0, 20)], [(0, 20), (0, 18)])
    assert (s.exact.tp, s.overlap.tp) == (1, 1)
    assert s.overlap.precision == 0.5 and s.overlap.recall == 1.0
    # two gold quotes, one prediction covering both halves: it matches one at most
    s = _scored([(0, 10), (10, 20)], [(0, 20)])
    assert s.overlap.tp == 1


def test_greedy_pairs_take_the_best_overlap_first():
    gold = [("a", 0, 10), ("a", 10, 30)]
    predicted = [("a", 2, 14), ("a", 0, 10)]
    assert overlap_pairs(gold, predicted) == [(0, 1)]  # (2,14) is < 50 % of either span


def test_articles_never_match_across():
    gold = [GoldQuote("a", 0, 10, "", (), None)]
    s = score(gold, [PredictedQuote("b", 0, 10)], {"a": "x" * 20, "b": "x" * 20})
    assert s.overlap.tp == 0


def test_ignored_mixed_quotes_leave_precision():
    s_all = _scored([(0, 20)], [(0, 20), (40, 60)])
    s_ignored = score([GoldQuote("a", 0, 20, "", ((150, 160),), "Pell")],
                      [PredictedQuote("a", 0, 20), PredictedQuote("a", 40, 60)],
                      {"a": "x" * 200}, ignore={"a": [(40, 62)]})
    assert s_all.overlap.precision == 0.5
    assert s_ignored.overlap.precision == 1.0 and s_ignored.overlap.predicted == 1


# --- P / R / F1 edge cases ------------------------------------------------------------

def test_no_predictions():
    s = _scored([(0, 20)], [])
    assert (s.overlap.precision, s.overlap.recall, s.overlap.f1) == (1.0, 0.0, 0.0)
    assert s.speaker_accuracy is None


def test_no_gold():
    s = _scored([], [(0, 20)])
    assert (s.overlap.precision, s.overlap.recall, s.overlap.f1) == (0.0, 1.0, 0.0)


def test_no_gold_and_no_predictions():
    s = _scored([], [])
    assert (s.exact.f1, s.overlap.f1) == (1.0, 1.0)


# --- speakers -------------------------------------------------------------------------

SPEAKER_TEXT = "“The pier is safe,” said Odile Varga. Later, he said so too: “Safe.”"


@pytest.mark.parametrize("source, speaker, mention, right", [
    ("Odile Varga", None, "Odile Varga", True),     # the mention overlaps the Source
    ("Odile Varga", None, "Varga", True),           # part of it is enough
    ("Varga", "Odile Varga", None, True),           # same last name: same person
    ("Odile Varga", "Varga", None, True),
    ("Odile Varga", "Odile Varga's", None, True),   # possessive dropped
    ("Odile Varga", "Tomas Pell", None, False),
    ("he", "Tomas Pell", None, False),              # a pronoun resolves only through the mention
    ("he", "he", None, False),                      # pronouns never count as names
    ("he", None, "he", True),
    ("Odile Varga", None, "he", False),             # another mention, no resolved name
])
def test_speaker_rules(source, speaker, mention, right):
    gold = GoldQuote("a", 1, 17, "The pier is safe", (at(SPEAKER_TEXT, source),), source)
    predicted = PredictedQuote("a", 1, 17, speaker,
                               at(SPEAKER_TEXT, mention) if mention else None)
    assert same_speaker(gold, predicted) is right


def test_speaker_accuracy_counts_matched_quotes_with_a_source_only():
    text = "x" * 100
    gold = [GoldQuote("a", 0, 20, "", ((50, 55),), "Varga"),
            GoldQuote("a", 30, 40, "", (), None),                    # no Source
            GoldQuote("a", 60, 70, "", ((80, 85),), "Pell")]         # not found
    predicted = [PredictedQuote("a", 0, 20, "Odile Varga"), PredictedQuote("a", 30, 40, "Pell")]
    s = score(gold, predicted, {"a": text})
    assert (s.speaker_right, s.speaker_total, s.matched_without_source) == (1, 1, 1)
    assert s.speaker_accuracy == 1.0


def test_predicted_from_quote():
    quote = Quote("a:q1", "a", "Safe.", 61, 66, "direct", "Odile Varga",
                  Span("he", 45, 47), "said")
    assert predicted_from_quote(quote) == PredictedQuote("a", 61, 66, "Odile Varga", (45, 47))


def test_two_apostrophes_are_a_double_mark():
    text = "Intro line.\n''The depot stays,'' Ana Ruiz said. ''It must.''\n"
    lines = ann(text, ("Ana Ruiz", "said", "''The depot stays,''"))
    assert quoted_pieces(text) == (at(text, "''The depot stays,''"), at(text, "''It must.''"))
    assert [g.text for g in gold_quotes("a", text, lines)] == ["The depot stays,"]


def test_single_marks_count_in_the_headline_only():
    text = ("Ruiz: ‘Depot Stays Open’ after Ana Ruiz’s vote\n"
            "Ana Ruiz called it ‘done’ on Friday, the voters' choice.\n")
    assert quoted_pieces(text) == (at(text, "‘Depot Stays Open’"),)
    lines = ann(text, ("Ruiz", None, "‘Depot Stays Open’"))
    assert [g.text for g in gold_quotes("a", text, lines)] == ["Depot Stays Open"]


def test_headline_apostrophes_open_no_piece():
    text = "Voters' choice: Ruiz’s depot 'wins' again\nBody.\n"
    assert quoted_pieces(text) == (at(text, "'wins'"),)
