"""Scoring direct quotations and their speakers against PolNeAR (``make bench-quotes``).

PolNeAR annotates attributions in BRAT standoff: ``T`` lines give Source, Cue, Content
and Attribution spans (``start end`` or discontinuous ``start end;start end``), ``E``
lines tie them together (``Attribution:T4 Content:T3 Cue:T2 Source:T1``). Offsets index
into the article's ``.txt`` file read as UTF-8 text. Everything here is a pure function
of strings; reading the files is the bench script's job.

Gold direct quotations (the rules, in order):

1. Quoted pieces of the text: a paragraph is a non-blank line; inside it an opening mark
   (``“``, or a straight ``"`` or ``''`` while none is open; ``''``, two apostrophes, is
   the ASCII double mark of one outlet's archive) starts a piece and the next closing
   mark (``”``, ``"`` or ``''``) ends it; an opening ``“`` while a piece is open restarts
   the piece there (a missing closing mark costs one piece). A piece still open at the
   end of its paragraph runs on to the paragraph's end when the next paragraph opens
   with a mark (a multi-paragraph quote: one piece per paragraph, as rashomon reports
   it); otherwise it is dropped. Single marks (``‘ ’ '``) count in the headline (the
   first paragraph) only, where headlines put their quotes: a ``‘`` or ``'`` at the
   start of a word opens, a ``’`` or ``'`` at the end of a word closes (``Trump’s`` and
   ``voters'`` with nothing open are apostrophes).
2. Each fragment of a Content span (a discontinuous span has several) is cut at
   paragraph ends and trimmed of white space and of punctuation outside the marks. A
   cut fragment that lies wholly inside one quoted piece, its marks included, is quoted:
   a Content span that includes the marks counts, one that also covers words outside
   the marks (``the cause of “reform”``: a mixed quote) does not, and neither does one
   with no marks at all.
3. The gold quote is the quoted fragment less the marks: the text between the marks,
   within the Content span. Fragments of one attribution in the same piece make one
   quote (from the first to the last); fragments in different pieces make one quote
   each (“First,” she said. “Second.” gives two quotes with one speaker).
4. Its gold speaker is the Source span of the same attribution (possibly discontinuous
   or missing). An article with several annotators' files is scored on the first file
   by name (:func:`pick_annotations`). A Content span inside the marks but not touching
   them (an attribution nested in a longer quote) still counts: under 1 % of train.

Matching (one-to-one, per article, on offsets): both gold and predicted spans are
first trimmed of white space and quote marks at both ends, of a leading ellipsis, and
of trailing punctuation (``.,;:!?…`` and dashes).

- exact: the trimmed spans are equal;
- overlap: shared characters / length of the LONGER trimmed span >= 0.5 (so each span
  covers at least half of the other); pairs are taken greedily, highest ratio first.

Speaker accuracy, on the overlap-matched quotes whose gold quote has a Source span:
right when the predicted ``speaker_mention`` overlaps the Source span by at least one
character, or when the predicted resolved ``speaker`` names the same person: the last
word of the gold Source text equals the last word of the predicted name (case-folded,
possessive ``'s`` dropped), and both words are capitalised and not pronouns (gold
"Clinton" = predicted "Hillary Clinton"; gold "he" or "the senator" only counts through
the mention).

Scores (:class:`rashomon.evaluate.PRF`): P = matched / predicted (1.0 when nothing is
predicted), R = matched / gold (1.0 when there is no gold), F1 = 0 when P + R = 0.
``score(..., ignore=mixed_quotes(...))`` also gives precision with the predictions in
mixed quotes left out (neither right nor wrong), the bench's second table.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .evaluate import PRF
from .model import Quote

Fragments = tuple[tuple[int, int], ...]

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
QUOTE_CHARS = "\"“”„‟«»'‘’‚‛‹›"
LEADING_TRIM = QUOTE_CHARS + "…"
TRAILING_TRIM = QUOTE_CHARS + ".,;:!?…—–-"
OUTSIDE_PUNCTUATION = ".,;:!?…—–-()[]"  # may sit just outside the closing mark
PRONOUNS = frozenset("i me my we us our you your he him his she her it its they them their "
                     "this that who".split())
OVERLAP_THRESHOLD = 0.5
_WORD = re.compile(r"[^\W_][\w'’.-]*")


# --- BRAT standoff --------------------------------------------------------------------

@dataclass(frozen=True)
class AnnotatedSpan:
    """One ``T`` line: its label, fragments and text."""

    id: str
    label: str
    fragments: Fragments
    text: str


@dataclass(frozen=True)
class Attribution:
    """One ``E`` line: its id and the spans of its roles (empty when missing)."""

    id: str
    content: Fragments
    source: Fragments
    source_text: str | None


def parse_fragments(field: str) -> Fragments:
    """``"3 9;12 20"`` -> ((3, 9), (12, 20)); ValueError when malformed."""
    pairs = [part.split() for part in field.split(";")]
    return tuple((int(start), int(end)) for start, end in pairs)


def parse_spans(ann: str) -> dict[str, AnnotatedSpan]:
    """The ``T`` lines of a ``.ann`` file by id (malformed lines are skipped)."""
    spans = {}
    for parts in (line.split("\t") for line in ann.splitlines() if line.startswith("T")):
        label, _, where = parts[1].partition(" ") if len(parts) > 1 else ("", "", "")
        try:
            fragments = parse_fragments(where)
        except ValueError:
            continue
        spans[parts[0]] = AnnotatedSpan(parts[0], label, fragments, "\t".join(parts[2:]))
    return spans


def parse_attributions(ann: str) -> tuple[Attribution, ...]:
    """The ``E`` lines of a ``.ann`` file, their roles looked up in its ``T`` lines."""
    spans = parse_spans(ann)
    out = []
    for parts in (line.split("\t") for line in ann.splitlines() if line.startswith("E")):
        roles: dict[str, AnnotatedSpan] = {}
        for arg in (parts[1].split() if len(parts) > 1 else ()):
            role, _, ref = arg.partition(":")
            if ref in spans:
                roles.setdefault(role.rstrip("0123456789"), spans[ref])
        content, source = roles.get("Content"), roles.get("Source")
        out.append(Attribution(parts[0], content.fragments if content else (),
                               source.fragments if source else (),
                               source.text if source else None))
    return tuple(out)


# --- gold direct quotations -----------------------------------------------------------

@dataclass(frozen=True)
class GoldQuote:
    """A gold direct quotation: the text between the marks and its Source."""

    article: str
    start: int
    end: int
    text: str
    source: Fragments = ()
    source_text: str | None = None


@dataclass(frozen=True)
class PredictedQuote:
    """A system's quotation: its span, resolved speaker and speaker mention."""

    article: str
    start: int
    end: int
    speaker: str | None = None
    mention: tuple[int, int] | None = None


def paragraphs_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _marks(text: str, start: int, end: int, single: bool) -> list[tuple[int, int, str]]:
    """(position, length, role) of each quote mark in ``text[start:end]``; role is
    ``open``, ``close`` or ``toggle`` (a straight double mark, or ``''``: two
    apostrophes, the ASCII double mark of some archives). With ``single``, ``‘ ’ '`` count
    too, as a pair of word-edge marks (``’`` inside or ending a word is an apostrophe)."""
    out = []
    i = start
    while i < end:
        c = text[i]
        if c == "'" and i + 1 < end and text[i + 1] == "'":
            out.append((i, 2, "toggle"))
            i += 2
            continue
        if c == OPENING:
            out.append((i, 1, "open"))
        elif c == CLOSING:
            out.append((i, 1, "close"))
        elif c == STRAIGHT:
            out.append((i, 1, "toggle"))
        elif single and c in "‘’'":
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            if c != "’" and not before.isalnum() and not after.isspace():
                out.append((i, 1, "single-open"))
            elif c != "‘" and not before.isspace() and not after.isalnum():
                out.append((i, 1, "single-close"))
        i += 1
    return out


def quoted_pieces(text: str) -> tuple[tuple[int, int], ...]:
    """Every quoted piece (opening mark .. just past the closing mark, or the paragraph
    end for a quote running on into the next paragraph), in text order (rule 1)."""
    paragraphs = paragraphs_of(text)
    pieces = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        single_at: int | None = None
        for i, length, role in _marks(text, p_start, p_end, single=index == 0):
            if role == "single-open" and single_at is None:
                single_at = i
            elif role == "single-close" and single_at is not None:
                pieces.append((single_at, i + 1))
                single_at = None
            elif role == "open" or (role == "toggle" and open_at is None):
                open_at = i
            elif role in ("close", "toggle"):
                if open_at is not None:
                    pieces.append((open_at, i + length))
                open_at = None
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else (0, 0)
        runs_on = text[following[0]:following[1]].lstrip()[:1] in (OPENING, STRAIGHT, "'")
        if open_at is not None and runs_on:
            pieces.append(_strip(text, open_at, p_end, "", ""))
    return tuple(sorted(pieces))


def _strip(text: str, start: int, end: int, leading: str, trailing: str) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in leading):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in trailing):
        end -= 1
    return start, end


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span less white space and quote marks at its ends, a leading ellipsis and
    trailing punctuation: what exact matching compares."""
    return _strip(text, start, end, LEADING_TRIM, TRAILING_TRIM)


def cut_at_paragraphs(fragment: tuple[int, int], paragraphs: Sequence[tuple[int, int]]
                      ) -> list[tuple[int, int]]:
    """The parts of ``fragment`` inside each paragraph."""
    start, end = fragment
    return [(max(start, p0), min(end, p1)) for p0, p1 in paragraphs
            if max(start, p0) < min(end, p1)]


def _piece_holding(pieces: Sequence[tuple[int, int]], start: int, end: int) -> int | None:
    for n, (o, q) in enumerate(pieces):
        if o <= start and end <= q:
            return n
    return None


def _inner(text: str, piece: tuple[int, int]) -> tuple[int, int]:
    """The piece less its marks (a piece running on has no closing mark)."""
    o, q = piece
    start = o + (2 if text.startswith("''", o) else 1)
    if text.endswith("''", 0, q) and q - 2 >= start:
        return start, q - 2
    return start, (q - 1 if text[q - 1] in (CLOSING, STRAIGHT, "’", "'") and q - 1 >= start
                   else q)


def gold_quotes(article: str, text: str, ann: str) -> tuple[GoldQuote, ...]:
    """The gold direct quotations of one article (rules 2-4 of the module docstring)."""
    paragraphs = paragraphs_of(text)
    pieces = quoted_pieces(text)
    out = []
    for attribution in parse_attributions(ann):
        by_piece: dict[int, list[tuple[int, int]]] = {}
        for fragment in attribution.content:
            for part in cut_at_paragraphs(fragment, paragraphs):
                start, end = _strip(text, *part, "", OUTSIDE_PUNCTUATION)
                n = _piece_holding(pieces, start, end) if start < end else None
                if n is not None:  # kept with its punctuation (clipped to the marks below)
                    by_piece.setdefault(n, []).append(_strip(text, *part, "", ""))
        for n, parts in sorted(by_piece.items()):
            inner_start, inner_end = _inner(text, pieces[n])
            start = max(min(p[0] for p in parts), inner_start)
            end = min(max(p[1] for p in parts), inner_end)
            if start < end:
                out.append(GoldQuote(article, start, end, text[start:end],
                                     attribution.source, attribution.source_text))
    return tuple(sorted(out, key=lambda g: (g.start, g.end)))


def mixed_quotes(text: str, ann: str) -> tuple[tuple[int, int], ...]:
    """The text between the marks of each quoted piece that a Content span touches
    without lying inside it (``he called it “a disaster”``: a mixed quote, not gold).
    :func:`score` can leave predictions there out of precision (``ignore``)."""
    paragraphs = paragraphs_of(text)
    pieces = quoted_pieces(text)
    found = set()
    for attribution in parse_attributions(ann):
        for fragment in attribution.content:
            for part in cut_at_paragraphs(fragment, paragraphs):
                start, end = _strip(text, *part, "", OUTSIDE_PUNCTUATION)
                if start >= end or _piece_holding(pieces, start, end) is not None:
                    continue
                found.update(n for n, (o, q) in enumerate(pieces) if o < end and start < q)
    return tuple(_inner(text, pieces[n]) for n in sorted(found))


def pick_annotations(stems: Iterable[str], ann_names: Iterable[str]) -> dict[str, str]:
    """The ``.ann`` file name of each text stem: ``<stem>_<annotator>.ann``; an article
    annotated by several annotators takes the first file in name order."""
    names = sorted(ann_names)
    out = {}
    for stem in stems:
        found = [n for n in names if n.startswith(stem + "_") and n.endswith(".ann")
                 and "_" not in n[len(stem) + 1 : -len(".ann")]]
        if found:
            out[stem] = found[0]
    return out


# --- predictions ----------------------------------------------------------------------

def predicted_from_quote(quote: Quote) -> PredictedQuote:
    mention = quote.speaker_mention
    return PredictedQuote(quote.article, quote.start, quote.end, quote.speaker,
                          (mention.start, mention.end) if mention is not None else None)


# --- matching -------------------------------------------------------------------------

def overlap_ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters / length of the longer span."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    longer = max(a[1] - a[0], b[1] - b[0])
    return shared / longer if shared > 0 and longer > 0 else 0.0


def exact_matches(gold: Sequence[tuple[str, int, int]], predicted: Sequence[tuple[str, int, int]]
                  ) -> int:
    """How many gold keys have an equal predicted key, one to one."""
    return sum((Counter(gold) & Counter(predicted)).values())


def overlap_pairs(gold: Sequence[tuple[str, int, int]], predicted: Sequence[tuple[str, int, int]],
                  threshold: float = OVERLAP_THRESHOLD) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of the same article whose overlap
    ratio is at least ``threshold``: greedily, highest ratio first (ties: text order)."""
    by_article: dict[str, list[int]] = {}
    for j, p in enumerate(predicted):
        by_article.setdefault(p[0], []).append(j)
    candidates = []
    for i, g in enumerate(gold):
        for j in by_article.get(g[0], ()):
            ratio = overlap_ratio(g[1:], predicted[j][1:])
            if ratio >= threshold:
                candidates.append((-ratio, g[1], predicted[j][1], i, j))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, _, _, i, j in sorted(candidates):
        if i not in used_gold and j not in used_predicted:
            used_gold.add(i)
            used_predicted.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def last_word(text: str) -> str | None:
    """The last word, possessive dropped (``"Hillary Clinton's"`` -> ``"Clinton"``)."""
    words = _WORD.findall(text)
    return (re.sub(r"['’]s$", "", words[-1]).rstrip(".-'’") or None) if words else None


def same_speaker(gold: GoldQuote, predicted: PredictedQuote) -> bool:
    """The speaker rule of the module docstring (False when gold has no Source)."""
    if not gold.source:
        return False
    if predicted.mention is not None and any(
        min(predicted.mention[1], e) > max(predicted.mention[0], s) for s, e in gold.source
    ):
        return True
    if predicted.speaker and gold.source_text:
        words = (last_word(gold.source_text), last_word(predicted.speaker))
        return all(w and w[0].isupper() and w.casefold() not in PRONOUNS for w in words) \
            and words[0].casefold() == words[1].casefold()  # type: ignore[union-attr]
    return False


# --- scores ---------------------------------------------------------------------------

@dataclass(frozen=True)
class QuoteScores:
    exact: PRF
    overlap: PRF
    speaker_right: int
    speaker_total: int  # overlap-matched quotes whose gold has a Source
    matched_without_source: int = 0

    @property
    def speaker_accuracy(self) -> float | None:
        return self.speaker_right / self.speaker_total if self.speaker_total else None


def score(gold: Sequence[GoldQuote], predicted: Sequence[PredictedQuote],
          texts: Mapping[str, str],
          ignore: Mapping[str, Sequence[tuple[int, int]]] | None = None) -> QuoteScores:
    """Exact and overlap P/R/F1 and speaker accuracy; ``texts`` maps article ids to
    the text the offsets index into. Spans that trim to nothing never match.

    ``ignore`` (article id -> spans, e.g. :func:`mixed_quotes`): a prediction that
    matches no gold quote but overlaps one of these spans (the overlap rule) is left
    out, neither right nor wrong."""
    gold_keys = [(g.article, *trimmed(texts[g.article], g.start, g.end)) for g in gold]
    predicted_keys = [(p.article, *trimmed(texts[p.article], p.start, p.end)) for p in predicted]
    if ignore:
        matched = {j for _, j in overlap_pairs(gold_keys, predicted_keys)}
        kept = [j for j, key in enumerate(predicted_keys) if j in matched or not any(
            overlap_ratio(key[1:], trimmed(texts[key[0]], *span)) >= OVERLAP_THRESHOLD
            for span in ignore.get(key[0], ()))]
        predicted = [predicted[j] for j in kept]
        predicted_keys = [predicted_keys[j] for j in kept]
    exact = exact_matches([k for k in gold_keys if k[1] < k[2]],
                          [k for k in predicted_keys if k[1] < k[2]])
    pairs = overlap_pairs(gold_keys, predicted_keys)
    with_source = [(i, j) for i, j in pairs if gold[i].source]
    right = sum(same_speaker(gold[i], predicted[j]) for i, j in with_source)
    return QuoteScores(
        exact=PRF(exact, len(predicted), len(gold)),
        overlap=PRF(len(pairs), len(predicted), len(gold)),
        speaker_right=right,
        speaker_total=len(with_source),
        matched_without_source=len(pairs) - len(with_source),
    )
