"""The TempEval-3 scorer on hand-made TimeML (our own sentences, an invented town)."""

from __future__ import annotations

import pytest

from rashomon.evaluate_tempeval import (
    GoldTimex,
    PredictedDate,
    TimeMLDoc,
    ValueMiss,
    article_of,
    combine,
    creation_date,
    exact_count,
    load_tml,
    normalise_value,
    overlap_pairs,
    parse_timeml,
    predicted_from_mention,
    run_stage,
    score_document,
    strip_tags,
)
from rashomon.model import DateMention, PartialDate

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>ZZZ20310314.0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2031-03-14" temporalFunction="false" \
functionInDocument="CREATION_TIME">20310314</TIMEX3></DCT>
<TITLE>Brindle Falls &amp; its ferry</TITLE>
<TEXT>
The mayor of Brindle Falls <EVENT eid="e1" class="REPORTING">said</EVENT> on \
<TIMEX3 tid="t1" type="DATE" value="2031-03-11">Tuesday</TIMEX3> that the ferry, \
<EVENT eid="e2" class="OCCURRENCE">closed</EVENT> <TIMEX3 tid="t2" type="DATE" \
value="2031-02">last month</TIMEX3>, would reopen <SIGNAL sid="s1">by</SIGNAL> \
<TIMEX3 tid="t3" type="DATE" value="2031-06">June</TIMEX3>.
Smith &amp; Sons &lt;Ltd&gt; built it in <TIMEX3 tid="t4" type="DATE" \
value="2029">2029</TIMEX3> over <TIMEX3 tid="t5" type="DURATION" value="P3M">three \
months</TIMEX3>; it sails <TIMEX3 tid="t6" type="SET" value="XXXX-WXX-6">every \
Saturday</TIMEX3> at <TIMEX3 tid="t7" type="TIME" value="2031-03-14T09:00">9 a.m. \
today</TIMEX3>.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
"""


@pytest.fixture(scope="module")
def doc() -> TimeMLDoc:
    return parse_timeml(TML, "ZZZ20310314.0001")


def span(doc: TimeMLDoc, part: str) -> tuple[int, int]:
    start = doc.text.index(part)
    return start, start + len(part)


def predicted(doc: TimeMLDoc, part: str, value: str | None, kind: str = "date"
              ) -> PredictedDate:
    return PredictedDate(*span(doc, part), value, kind, part)


# --- reading TimeML -------------------------------------------------------------------

def test_plain_text_has_no_tags_and_unescaped_entities(doc):
    assert "<" not in doc.text.replace("<Ltd>", "")
    assert "Smith & Sons <Ltd> built it in 2029" in doc.text
    assert doc.text.startswith("\nThe mayor of Brindle Falls said on Tuesday that the ferry")


def test_every_timex_offset_indexes_its_inner_text(doc):
    assert [(t.tid, t.type, t.value, t.text) for t in doc.timexes] == [
        ("t1", "DATE", "2031-03-11", "Tuesday"),
        ("t2", "DATE", "2031-02", "last month"),
        ("t3", "DATE", "2031-06", "June"),
        ("t4", "DATE", "2029", "2029"),
        ("t5", "DURATION", "P3M", "three months"),
        ("t6", "SET", "XXXX-WXX-6", "every Saturday"),
        ("t7", "TIME", "2031-03-14T09:00", "9 a.m. today"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text


def test_offsets_count_unescaped_characters():
    text, timexes = strip_tags('A &amp; B &quot;met&quot; on <TIMEX3 tid="t1" type="DATE" '
                               'value="2031-01-02">Jan. 2</TIMEX3>.')
    assert text == 'A & B "met" on Jan. 2.'
    assert text[timexes[0].start:timexes[0].end] == "Jan. 2"


def test_gold_is_date_timexes_only(doc):
    assert [t.text for t in doc.gold] == ["Tuesday", "last month", "June", "2029"]


def test_dct_title_and_id(doc):
    assert doc.dct == PartialDate.of(2031, 3, 14)
    assert doc.title == "Brindle Falls & its ferry"
    assert doc.id == "ZZZ20310314.0001"


def dct(type_: str, value: str) -> str:
    return (f'<DCT><TIMEX3 tid="t0" type="{type_}" value="{value}" '
            'functionInDocument="CREATION_TIME">x</TIMEX3></DCT>')


@pytest.mark.parametrize("markup, expected", [
    (dct("TIME", "2031-03-14T10:25"), PartialDate.of(2031, 3, 14)),
    (dct("DATE", "2031-03"), PartialDate.of(2031, 3)),
    (dct("DATE", "PRESENT_REF"), None),
    ("<DOCID>no dct</DOCID>", None),
])
def test_creation_date_keeps_the_date_part(markup, expected):
    assert creation_date(markup) == expected


def test_no_title_and_no_text():
    doc = parse_timeml("<TimeML><DOCID>x</DOCID></TimeML>", "x")
    assert (doc.title, doc.text, doc.timexes, doc.dct) == (None, "", (), None)


def test_load_tml_uses_the_file_stem(tmp_path):
    path = tmp_path / "ZZZ20310314.0001.tml"
    path.write_text(TML, encoding="utf-8")
    assert load_tml(path) == parse_timeml(TML, "ZZZ20310314.0001")


def test_article_has_the_dct_as_given_publication_date(doc):
    article = article_of(doc, "ZZZ20310314.0001.tml")
    assert (article.id, article.source, article.title) == (
        "ZZZ20310314.0001", "ZZZ20310314.0001.tml", None)
    assert article.text == doc.text
    assert (article.published, article.published_basis) == (PartialDate.of(2031, 3, 14), "given")


# --- matching -------------------------------------------------------------------------

def test_overlap_pairs_are_one_to_one_largest_overlap_first():
    gold = [(0, 10), (12, 20)]
    # (8, 14) shares 2 with each gold span; (0, 9) shares 9 with the first
    assert overlap_pairs(gold, [(8, 14), (0, 9)]) == [(0, 1), (1, 0)]
    assert overlap_pairs(gold, [(0, 20)]) == [(0, 0)]  # one prediction, one gold at most
    assert overlap_pairs(gold, [(10, 12)]) == []  # touching is not overlapping


def test_exact_count_is_one_to_one():
    assert exact_count([(0, 5), (0, 5), (6, 9)], [(0, 5), (6, 9), (6, 9)]) == 2


@pytest.mark.parametrize("value, expected", [
    (" 2031-w11 ", "2031-W11"), ("present_ref", "PRESENT_REF"), ("", None), (None, None),
    # one value, two spellings: week padding, decade and century placeholders
    ("2031-W07", "2031-W7"), ("2031-W7", "2031-W7"), ("2031-W07-WE", "2031-W7-WE"),
    ("203X", "203"), ("20XX", "20"),
    # a coarser or other value stays different
    ("2031-XX", "2031-XX"), ("2031-W10", "2031-W10")])
def test_normalise_value_forgives_only_spelling(value, expected):
    assert normalise_value(value) == expected


# --- scores ---------------------------------------------------------------------------

def test_perfect_predictions(doc):
    s = score_document(doc, [predicted(doc, g.text, g.value) for g in doc.gold])
    assert (s.gold, s.predicted, s.overlap, s.exact, s.value_hits) == (4, 4, 4, 4, 4)
    assert s.expression.f1 == s.strict.f1 == s.value.f1 == 1.0
    assert s.misses == () and s.spurious == ()


def test_arithmetic_with_partial_spans_wrong_values_and_a_false_positive(doc):
    preds = [
        predicted(doc, "on Tuesday", "2031-03-11"),    # overlap, not exact; value hit
        predicted(doc, "last month", "2031-03"),       # exact; wrong value
        predicted(doc, "June", None),                  # exact; no value
        predicted(doc, "Brindle", "2031"),             # no gold: a false positive
    ]                                                  # 2029 missed
    s = score_document(doc, preds)
    assert (s.gold, s.predicted, s.overlap, s.exact, s.value_hits) == (4, 4, 3, 2, 1)
    assert s.expression.precision == s.expression.recall == pytest.approx(3 / 4)
    assert s.strict.f1 == pytest.approx(2 / 4)
    assert (s.value.precision, s.value.recall) == (pytest.approx(1 / 4), pytest.approx(1 / 4))
    assert s.value.f1 == pytest.approx(1 / 4)
    assert [(m.expression, m.value, m.predicted_value, m.reason) for m in s.misses] == [
        ("last month", "2031-02", "2031-03", "wrong value"),
        ("June", "2031-06", None, "no value"),
        ("2029", "2029", None, "missed"),
    ]
    assert [p.expression for p in s.spurious] == ["Brindle"]


def test_value_precision_and_recall_differ_with_unequal_counts(doc):
    # 2 predictions, both value hits, 4 gold: P = 1, R = 1/2, F1 = 2/3
    s = score_document(doc, [predicted(doc, "Tuesday", "2031-03-11"),
                             predicted(doc, "2029", " 2029 ")])
    assert (s.value.precision, s.value.recall) == (1.0, 0.5)
    assert s.value.f1 == pytest.approx(2 / 3)


def test_predictions_on_other_temporal_types_are_set_aside(doc):
    preds = [predicted(doc, "three months", "2031-03"),   # on a DURATION
             predicted(doc, "Saturday", "2031-03-15"),    # inside a SET
             predicted(doc, "9 a.m. today", "2031-03-14")]  # a TIME
    s = score_document(doc, preds)
    assert (s.predicted, s.other_temporal, s.overlap) == (0, 3, 0)
    assert s.expression.precision == 1.0 and s.spurious == ()


def test_a_date_prediction_matched_to_gold_is_never_set_aside(doc):
    # one span over "2029 over three months": matched to the DATE, not set aside
    s = score_document(doc, [predicted(doc, "2029 over three months", "2029")])
    assert (s.predicted, s.other_temporal, s.value_hits, s.exact) == (1, 0, 1, 0)


def test_durations_and_sets_are_not_scored_but_explain_the_miss(doc):
    preds = [predicted(doc, "last month", "P1M", "duration"),
             predicted(doc, "every Saturday", "XXXX-WXX-6", "set")]
    s = score_document(doc, preds)
    assert (s.predicted, s.overlap, s.other_temporal) == (0, 0, 0)
    miss = next(m for m in s.misses if m.expression == "last month")
    assert (miss.predicted_kind, miss.predicted_value, miss.reason) == (
        "duration", "P1M", "as duration")


def test_one_span_over_two_gold_dates_matches_one_and_merges_the_other():
    text, timexes = strip_tags('<TIMEX3 tid="t1" type="DATE" value="2031-03-11">Tuesday'
                               '</TIMEX3> <TIMEX3 tid="t2" type="DATE" value="2031-03">'
                               'March</TIMEX3> rains')
    doc = TimeMLDoc("d", text, None, None, timexes)
    s = score_document(doc, [PredictedDate(0, len("Tuesday March"), "2031-03-11")])
    assert (s.overlap, s.value_hits) == (1, 1)
    assert [(m.expression, m.reason) for m in s.misses] == [("March", "merged")]


def test_no_gold_and_no_predictions():
    doc = TimeMLDoc("d", "Nothing happened.", None, None, ())
    s = score_document(doc, [])
    assert (s.expression.f1, s.strict.f1, s.value.f1) == (1.0, 1.0, 1.0)


def test_no_predictions_gives_zero_recall(doc):
    s = score_document(doc, [])
    assert (s.value.precision, s.value.recall, s.value.f1) == (1.0, 0.0, 0.0)
    assert {m.reason for m in s.misses} == {"missed"}


def test_combine_sums_documents(doc):
    one = score_document(doc, [predicted(doc, "Tuesday", "2031-03-11")])
    two = score_document(doc, [predicted(doc, "2029", "2028"), predicted(doc, "mayor", None)])
    total = combine([one, two])
    assert (total.documents, total.gold, total.predicted, total.overlap, total.value_hits) == (
        2, 8, 3, 2, 1)
    assert total.value.precision == pytest.approx(1 / 3)
    assert len(total.misses) == len(one.misses) + len(two.misses) == 7
    assert [p.expression for p in total.spurious] == ["mayor"]


def test_value_miss_reasons():
    assert ValueMiss("d", "June", "2031-06").reason == "missed"
    assert ValueMiss("d", "June", "2031-06", "June", "2030-06", "date").reason == "wrong value"
    assert ValueMiss("d", "June", "2031-06", "June", None, "date").reason == "no value"
    assert ValueMiss("d", "daily", "P1D", "daily", "P1D", "set").reason == "as set"


def test_predicted_from_mention():
    mention = DateMention("last month", 5, 15, "2031-02", "month", "date")
    assert predicted_from_mention(mention) == PredictedDate(5, 15, "2031-02", "date",
                                                            "last month")


def test_gold_timex_is_frozen():
    with pytest.raises(AttributeError):
        GoldTimex("t1", "DATE", "2031", 0, 4, "2031").value = "2030"  # type: ignore[misc]


# --- the real stage (smoke test: it runs, whatever its rules find) --------------------

def test_run_stage_on_a_tiny_document(doc):
    preds = run_stage(doc, "ZZZ20310314.0001.tml")
    assert all(doc.text[p.start:p.end] == p.expression for p in preds)
    s = score_document(doc, preds)
    for prf in (s.expression, s.strict, s.value):
        assert 0.0 <= prf.precision <= 1.0 and 0.0 <= prf.recall <= 1.0
        assert 0.0 <= prf.f1 <= 1.0
