"""Scoring the date stage against TempEval-3 TimeML (``make bench-dates``).

A TimeML ``.tml`` file holds one news document: ``<DCT>`` wraps the TIMEX3 of the
document creation time (``functionInDocument="CREATION_TIME"``), ``<TITLE>`` (AQUAINT
only) the headline, and ``<TEXT>`` the body with inline ``<EVENT>``, ``<SIGNAL>`` and
``<TIMEX3>`` tags (TIMEX3 tags never nest). Everything here is a pure function of
strings except :func:`load_tml`, which reads one file.

Reading (:func:`parse_timeml`):

- the text is the content of ``<TEXT>`` with every tag stripped and XML entities
  unescaped (``&amp;`` -> ``&``); each TIMEX3 inside it gets (start, end) offsets into
  that plain text, so ``text[start:end]`` is its inner text;
- the publication date is the date part (``YYYY-MM-DD``) of the DCT's value, a
  :class:`~rashomon.model.PartialDate` (the time of day, when given, is dropped).

Gold: the TIMEX3 of type DATE inside ``<TEXT>`` (the DCT is the publication date, not a
mention). TIME, DURATION and SET expressions are not gold, but they are temporal: a
prediction that matches no DATE but overlaps one of them is set aside (counted in
``other_temporal``), neither right nor wrong. ("Friday night" is a TIME in TimeML, "the
past three years" a DURATION; a stage that reports them is not wrong to, it is just not
what this benchmark scores.)

Predictions: the stage's :class:`~rashomon.model.DateMention` records of kind ``date``.
Kind ``duration`` ("three years", value ``P3Y``) is TimeML's DURATION, kind ``set``
("every Tuesday", ``XXXX-WXX-2``) its SET: neither is a DATE, so both are left out of
the scored predictions. A gold DATE the stage reports under another kind is a miss, and
:class:`ValueMiss` says which kind and value the stage gave it.

Matching (per document, on character offsets):

- overlap: a prediction and a gold DATE that share at least one character; pairs are
  taken one to one, greedily, largest shared length first (ties: text order);
- strict: the spans are equal (one to one).

Scores (:class:`rashomon.evaluate.PRF`; P = 1.0 with nothing predicted, R = 1.0 with no
gold, F1 = 0 when P + R = 0):

- expression P/R/F1: overlap pairs / scored predictions, / gold DATEs;
- strict span P/R/F1: exact pairs over the same counts;
- value P/R/F1: an overlap pair is a value hit when both values are equal after
  :func:`normalise_value` (stripped, upper-cased); P = hits / scored predictions, R =
  hits / gold, as TempEval-3's value F1 (there, on TIMEX3 of every type).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from .dates import find_dates
from .evaluate import PRF
from .model import Article, DateMention, PartialDate
from .sentences import split_sentences

GOLD_TYPE = "DATE"
OTHER_TYPES = frozenset({"TIME", "DURATION", "SET"})
SCORED_KINDS = frozenset({"date"})

_TAG_OR_TEXT = re.compile(r"<[^>]*>|[^<]+")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z_][\w.-]*)")
_ATTRIBUTE = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ELEMENT = MappingProxyType({name: re.compile(rf"<{name}\b[^>]*>(.*?)</{name}\s*>", re.DOTALL)
                             for name in ("DCT", "TITLE", "TEXT")})
_TIMEX = re.compile(r"<TIMEX3\b[^>]*>", re.DOTALL)


# --- reading TimeML -------------------------------------------------------------------

@dataclass(frozen=True)
class GoldTimex:
    """One TIMEX3 inside ``<TEXT>``: offsets into the plain text, type and value."""

    tid: str
    type: str
    value: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TimeMLDoc:
    """One ``.tml`` document: its plain text and every TIMEX3 in it."""

    id: str
    text: str
    dct: PartialDate | None
    title: str | None
    timexes: tuple[GoldTimex, ...]

    @property
    def gold(self) -> tuple[GoldTimex, ...]:
        """The scored gold: TIMEX3 of type DATE."""
        return tuple(t for t in self.timexes if t.type == GOLD_TYPE)


def attributes(tag: str) -> dict[str, str]:
    """The attributes of one start tag, values unescaped."""
    return {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTRIBUTE.finditer(tag)}


def strip_tags(markup: str) -> tuple[str, tuple[GoldTimex, ...]]:
    """The plain text of ``markup`` (tags dropped, entities unescaped) and each TIMEX3's
    offsets into it. An unclosed TIMEX3 is dropped; a stray end tag is ignored."""
    parts: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    open_timex: tuple[dict[str, str], int] | None = None
    for match in _TAG_OR_TEXT.finditer(markup):
        piece = match.group()
        if not piece.startswith("<"):
            plain = html.unescape(piece)  # entities never span a tag
            parts.append(plain)
            length += len(plain)
            continue
        name = _TAG_NAME.match(piece)
        if name is None or name.group(2) != "TIMEX3":
            continue
        if not name.group(1):
            open_timex = (attributes(piece), length)
            if piece.rstrip(">").rstrip().endswith("/"):  # an empty TIMEX3 marks no text
                open_timex = None
        elif open_timex is not None:
            attrs, start = open_timex
            timexes.append(GoldTimex(attrs.get("tid", ""), attrs.get("type", "").upper(),
                                     attrs.get("value", ""), start, length, ""))
            open_timex = None
    text = "".join(parts)
    return text, tuple(GoldTimex(t.tid, t.type, t.value, t.start, t.end, text[t.start:t.end])
                       for t in timexes)


def creation_date(markup: str) -> PartialDate | None:
    """The date part of the DCT's value (``1998-03-01T14:11`` -> 1998-03-01), or None
    when there is no ``<DCT>`` or its value is not a YYYY[-MM[-DD]] date."""
    dct = _ELEMENT["DCT"].search(markup)
    if dct is None:
        return None
    tags = [attributes(t) for t in _TIMEX.findall(dct.group(0))]
    chosen = [a for a in tags if a.get("functionInDocument") == "CREATION_TIME"] or tags
    if not chosen:
        return None
    try:
        return PartialDate.parse(chosen[0].get("value", "").split("T")[0])
    except ValueError:
        return None


def parse_timeml(markup: str, doc_id: str) -> TimeMLDoc:
    """One TimeML document from its markup (see the module docstring)."""
    body = _ELEMENT["TEXT"].search(markup)
    text, timexes = strip_tags(body.group(1)) if body else ("", ())
    title = _ELEMENT["TITLE"].search(markup)
    title_text = " ".join(strip_tags(title.group(1))[0].split()) if title else ""
    return TimeMLDoc(doc_id, text, creation_date(markup), title_text or None, timexes)


def load_tml(path: Path) -> TimeMLDoc:
    """One ``.tml`` file; its id is the file stem."""
    return parse_timeml(path.read_text(encoding="utf-8"), path.stem)


def article_of(doc: TimeMLDoc, source: str) -> Article:
    """The article the date stage reads: the plain ``<TEXT>``, the DCT as the given
    publication date, no title (the scored offsets index into the body only)."""
    return Article(id=doc.id, source=source, text=doc.text, title=None,
                   published=doc.dct, published_basis="given" if doc.dct else None)


# --- predictions ----------------------------------------------------------------------

@dataclass(frozen=True)
class PredictedDate:
    """A system's temporal expression: span, value and kind (date, duration, set)."""

    start: int
    end: int
    value: str | None
    kind: str = "date"
    expression: str = ""


def predicted_from_mention(mention: DateMention) -> PredictedDate:
    return PredictedDate(mention.start, mention.end, mention.value, mention.kind,
                         mention.expression)


def normalise_value(value: str | None) -> str | None:
    """Stripped and upper-cased, with two spellings of one value made one: a week number
    with or without its leading zero ("2000-W7" = "2000-W07") and a decade or century
    with or without its trailing X placeholders ("198X" = "198", "19XX" = "19").
    Nothing else is forgiven: "1968-XX" (some month of 1968) is not "1968". None (and
    empty) stay None."""
    value = value.strip().upper() if value else None
    if not value:
        return None
    value = _WEEK_PADDING.sub(r"-W\1", value)
    return _DECADE_PLACEHOLDER.sub(r"\1", value)


_WEEK_PADDING = re.compile(r"-W0(\d)(?=\b|-)")
_DECADE_PLACEHOLDER = re.compile(r"^(\d{2,3})X+$")


# --- matching -------------------------------------------------------------------------

def shared(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters the two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlap_pairs(gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]
                  ) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of overlapping spans: greedily,
    the largest shared length first (ties: text order)."""
    candidates = sorted((-shared(g, p), g[0], p[0], i, j)
                        for i, g in enumerate(gold) for j, p in enumerate(predicted)
                        if shared(g, p) > 0)
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, _, _, i, j in candidates:
        if i not in used_gold and j not in used_predicted:
            used_gold.add(i)
            used_predicted.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def exact_count(gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]) -> int:
    """How many gold spans have an equal predicted span, one to one."""
    left = list(predicted)
    count = 0
    for span in gold:
        if span in left:
            left.remove(span)
            count += 1
    return count


# --- scores ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ValueMiss:
    """A gold DATE without a value hit: what the stage gave it, if anything.

    ``predicted_kind`` is None when no prediction of any kind overlaps the gold span,
    ``"date"`` when the scored prediction matched with another value (or none), or when
    a date prediction that overlaps it was paired with another gold DATE (``merged``:
    one span over two expressions), and ``"duration"`` / ``"set"`` when a mention of
    that kind overlaps it."""

    doc: str
    expression: str
    value: str
    predicted_expression: str | None = None
    predicted_value: str | None = None
    predicted_kind: str | None = None
    merged: bool = False  # the overlapping date prediction was paired with another gold

    @property
    def reason(self) -> str:
        """``missed``, ``as duration`` / ``as set``, ``merged``, ``no value`` or
        ``wrong value``."""
        if self.predicted_kind is None:
            return "missed"
        if self.predicted_kind not in SCORED_KINDS:
            return f"as {self.predicted_kind}"
        if self.merged:
            return "merged"
        return "no value" if self.predicted_value is None else "wrong value"


@dataclass(frozen=True)
class SpuriousDate:
    """A scored prediction that matched no gold DATE and overlaps no other TIMEX3."""

    doc: str
    expression: str
    value: str | None


@dataclass(frozen=True)
class DateScores:
    """Counts over one document or a sum of documents (:func:`combine`)."""

    documents: int
    gold: int
    predicted: int  # scored predictions (kind date, not set aside)
    overlap: int  # overlap-matched pairs
    exact: int
    value_hits: int
    other_temporal: int = 0  # predictions set aside: they overlap a TIME/DURATION/SET
    misses: tuple[ValueMiss, ...] = ()
    spurious: tuple[SpuriousDate, ...] = ()

    @property
    def expression(self) -> PRF:
        return PRF(self.overlap, self.predicted, self.gold)

    @property
    def strict(self) -> PRF:
        return PRF(self.exact, self.predicted, self.gold)

    @property
    def value(self) -> PRF:
        return PRF(self.value_hits, self.predicted, self.gold)


def same_value(predicted: str | None, gold: str | None) -> bool:
    """Equal after :func:`normalise_value`; a missing value never equals anything."""
    value = normalise_value(predicted)
    return value is not None and value == normalise_value(gold)


def miss(doc: TimeMLDoc, gold: GoldTimex, predicted: PredictedDate, merged: bool = False
         ) -> ValueMiss:
    expression = predicted.expression or doc.text[predicted.start:predicted.end]
    return ValueMiss(doc.id, gold.text, gold.value, expression, predicted.value,
                     predicted.kind, merged)


def score_document(doc: TimeMLDoc, predicted: Sequence[PredictedDate]) -> DateScores:
    """The scores of one document (the rules of the module docstring)."""
    gold = doc.gold
    gold_spans = [(g.start, g.end) for g in gold]
    scored = [p for p in predicted if p.kind in SCORED_KINDS]
    pairs = overlap_pairs(gold_spans, [(p.start, p.end) for p in scored])
    matched = {j for _, j in pairs}
    others = [(t.start, t.end) for t in doc.timexes if t.type in OTHER_TYPES]
    aside = {j for j, p in enumerate(scored) if j not in matched
             and any(shared((p.start, p.end), o) for o in others)}
    kept = [p for j, p in enumerate(scored) if j not in aside]
    hits = 0
    misses = []
    by_gold = dict(pairs)
    for i, g in enumerate(gold):
        j = by_gold.get(i)
        if j is not None and same_value(scored[j].value, g.value):
            hits += 1
            continue
        if j is not None:
            misses.append(miss(doc, g, scored[j]))
            continue
        # unmatched: a duration or set mention on it, else a date paired with another gold
        near = [p for p in predicted if p.kind not in SCORED_KINDS
                and shared((p.start, p.end), (g.start, g.end))]
        near += [p for p in scored if shared((p.start, p.end), (g.start, g.end))]
        misses.append(miss(doc, g, near[0], merged=near[0].kind in SCORED_KINDS) if near
                      else ValueMiss(doc.id, g.text, g.value))
    spurious = tuple(SpuriousDate(doc.id, p.expression or doc.text[p.start:p.end], p.value)
                     for j, p in enumerate(scored) if j not in matched and j not in aside)
    return DateScores(
        documents=1,
        gold=len(gold),
        predicted=len(kept),
        overlap=len(pairs),
        exact=exact_count(gold_spans, [(p.start, p.end) for p in kept]),
        value_hits=hits,
        other_temporal=len(aside),
        misses=tuple(misses),
        spurious=spurious,
    )


def combine(scores: Iterable[DateScores]) -> DateScores:
    """The sum of several documents' (or splits') counts, misses concatenated."""
    scores = list(scores)
    return DateScores(
        documents=sum(s.documents for s in scores),
        gold=sum(s.gold for s in scores),
        predicted=sum(s.predicted for s in scores),
        overlap=sum(s.overlap for s in scores),
        exact=sum(s.exact for s in scores),
        value_hits=sum(s.value_hits for s in scores),
        other_temporal=sum(s.other_temporal for s in scores),
        misses=tuple(m for s in scores for m in s.misses),
        spurious=tuple(p for s in scores for p in s.spurious),
    )


def run_stage(doc: TimeMLDoc, source: str = "") -> tuple[PredictedDate, ...]:
    """The date stage on one document as the pipeline runs it: sentences, then
    :func:`rashomon.dates.find_dates` against the DCT."""
    article = article_of(doc, source or doc.id)
    mentions = find_dates(article, split_sentences(article.text), article.published)
    return tuple(predicted_from_mention(m) for m in mentions)
