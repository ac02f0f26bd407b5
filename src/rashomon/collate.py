"""The same quote across outlets: which quotes render one utterance, and how they differ.

Words are compared by their normalised form (case-folded, curly quotes and apostrophes
made straight, dashes folded, surrounding punctuation stripped, censor masks read as
masks): see :mod:`rashomon.collate_align`.

Relation kinds of an ordered pair (a, b) — a pair can carry several:

- ``identical``: the same characters (then no other kind but ``misattributed``);
- ``typographic``: within the shared words only quote marks, apostrophes (’ vs '),
  dashes, punctuation, letter case or white space differ;
- ``censored``: an expletive is masked differently (``s---`` / ``s—`` / ``s**t`` /
  ``[expletive]`` / ``s-word``), or masked on one side and spelt out on the other (two
  masks that cannot stand for one word, ``s---`` and ``f---``, are a changed word);
- ``truncated``: a goes on where b stops (or starts before b starts): b is a contiguous
  part of a, with words of a cut off at an edge;
- ``extended``: b goes on where a stops (or starts before a starts): b holds a plus
  more words at an edge. Two renderings cut at different places (a starts earlier, b
  ends later) are both ``truncated`` and ``extended``;
- ``altered``: inside the shared stretch a word is added, dropped or changed beyond
  typography and censorship (also a word that differs where both renderings go on past
  the words they share, and sentences put in another order: "A. B." against "B. A." is
  altered, not cut and run on); never hidden under a softer kind;
- ``misattributed``: both quotes have a resolved speaker and the two names cannot be
  one person (a surname alone is compatible with the full name that holds it).

The relation of (b, a) is the mirror of (a, b): ``truncated`` and ``extended`` swap, the
diff's inserts and deletes swap, all else stays.

Grouping (:func:`group_quotes`) indexes quotes by 3-word shingles, aligns only the
pairs that share one, keeps the pairs that render one utterance (the tests are in
:mod:`rashomon.collate_match`), then joins kept pairs into groups. A quote may be
matched by several quotes of one other article only on distinct parts of it (an outlet
splitting one quote in two), unless those quotes repeat each other.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from types import MappingProxyType

from .collate_align import Alignment, Step, Token, align, tokenize
from .collate_match import (
    enough_shared_words,
    is_content,
    misattributed,
    renders_same,
    speaker_key,
)
from .disjoint import DisjointSets
from .model import DiffOp, DiffOpName, Quote, QuoteGroup, QuoteRelation, RelationKind
from .resources.collate import (
    CUT_EDGE,
    MAX_POSTING,
    MIN_MOVED_WORDS,
    MIN_POSTING_CAP,
    MIN_SHORT_QUOTE,
    MOVED_SHARE,
    POSTING_PER_ARTICLE,
    REGION_CONFLICT,
    SHINGLE,
    STOCK_PHRASE_PARTNERS,
)

KIND_ORDER: tuple[RelationKind, ...] = (
    "identical",
    "typographic",
    "censored",
    "truncated",
    "extended",
    "altered",
    "misattributed",
)
_STEP_OP: Mapping[str, DiffOpName] = MappingProxyType(
    {
        "equal": "equal",
        "censor": "replace",
        "replace": "replace",
        "delete": "delete",
        "insert": "insert",
    }
)


_MIRRORED_KIND: Mapping[str, RelationKind] = MappingProxyType(
    {"truncated": "extended", "extended": "truncated"}
)


def mirror_kinds(kinds: Iterable[str]) -> frozenset[RelationKind]:
    """The kinds of (b, a) from those of (a, b): a cut seen from the other side is a
    run-on; every other kind is the same from both sides."""
    return frozenset(_MIRRORED_KIND.get(k, k) for k in kinds)  # type: ignore[misc]


# --- one pair -----------------------------------------------------------------------


def relation_kinds(
    a_text: str, b_text: str, a_speaker: str | None = None, b_speaker: str | None = None
) -> tuple[RelationKind, ...]:
    """How rendering b differs from rendering a (see the module docstring for kinds)."""
    alignment = align(tokenize(a_text), tokenize(b_text), a_text, b_text)
    return kinds_of(alignment, a_text, b_text, a_speaker, b_speaker)


def word_diff(a: str, b: str) -> tuple[DiffOp, ...]:
    """Word-level diff of two renderings; consecutive ops of one kind are merged.

    Each op carries the exact characters of a and of b it covers ("" on the side that
    has none). An ``equal`` op may show typographic differences (’ vs ', case); a
    censored word is a ``replace``; words one rendering cuts off are ``delete`` (only in
    a) or ``insert`` (only in b).
    """
    return diff_of(align(tokenize(a), tokenize(b), a, b), a, b)


def relate_quotes(a: Quote, b: Quote) -> QuoteRelation:
    """The relation of quote b to quote a: kinds of difference and the word diff."""
    alignment = align(tokenize(a.text), tokenize(b.text), a.text, b.text)
    return _relation(a, b, alignment)


def _relation(a: Quote, b: Quote, alignment: Alignment) -> QuoteRelation:
    kinds = kinds_of(alignment, a.text, b.text, a.speaker, b.speaker)
    return QuoteRelation(a.id, b.id, kinds, diff_of(alignment, a.text, b.text))


def _relaxed(surface: str, lead: bool, trail: bool) -> str:
    """A surface with what a cut next to it explains away: edge punctuation, first case."""
    if lead:
        surface = surface.lstrip(CUT_EDGE)
        surface = surface[:1].lower() + surface[1:]
    if trail:
        surface = surface.rstrip(CUT_EDGE)
    return surface


def _typographic(alignment: Alignment, step: Step) -> bool:
    """True when a run of equal words is written differently on the two sides.

    Next to a cut, the case of the first letter and the edge punctuation do not count:
    they come with the cut ("...and the ferry" quoted as "The ferry...").
    """
    a_lo, a_hi = alignment.a_span
    b_lo, b_hi = alignment.b_span
    cut_before = a_lo > 0 or b_lo > 0
    cut_after = a_hi < len(alignment.a) or b_hi < len(alignment.b)
    for k in range(step.a_hi - step.a_lo):
        i, j = step.a_lo + k, step.b_lo + k
        t, u = alignment.a[i], alignment.b[j]
        if t.surface == u.surface:
            continue
        lead = cut_before and i == a_lo and j == b_lo
        trail = cut_after and i == a_hi - 1 and j == b_hi - 1
        if _relaxed(t.surface, lead, trail) != _relaxed(u.surface, lead, trail):
            return True
    return False


def words_moved(alignment: Alignment) -> bool:
    """True when the words one rendering has beyond the shared stretch are mostly the
    words the other has beyond it at the other edge: the same sentences in another
    order ("A. B." against "B. A."), an alteration rather than a cut and a run-on."""
    a_cut: Counter[str] = Counter()
    b_cut: Counter[str] = Counter()
    for step in alignment.steps:
        if step.op == "cut":  # content words only: "to the" is in any two sentences
            a_cut.update(t.key for t in alignment.a[step.a_lo : step.a_hi] if is_content(t.key))
            b_cut.update(t.key for t in alignment.b[step.b_lo : step.b_hi] if is_content(t.key))
    smaller = min(a_cut.total(), b_cut.total())
    if smaller < MIN_MOVED_WORDS:
        return False
    return (a_cut & b_cut).total() >= MOVED_SHARE * smaller


def kinds_of(
    alignment: Alignment,
    a_text: str,
    b_text: str,
    a_speaker: str | None = None,
    b_speaker: str | None = None,
) -> tuple[RelationKind, ...]:
    """The relation kinds an alignment of a with b shows (plus the speakers' verdict)."""
    found: set[RelationKind] = set()
    if misattributed(a_speaker, b_speaker):
        found.add("misattributed")
    if a_text == b_text:
        found.add("identical")
        return tuple(k for k in KIND_ORDER if k in found)
    moved = words_moved(alignment)
    for step in alignment.steps:
        if step.op == "equal":
            if _typographic(alignment, step):
                found.add("typographic")
        elif step.op == "censor":
            found.add("censored")
        elif step.op == "cut" and not moved:
            found.add("truncated" if step.a_hi > step.a_lo else "extended")
        else:
            found.add("altered")
    if not found - {"misattributed"}:
        found.add("typographic")  # the texts differ only in white space
    return tuple(k for k in KIND_ORDER if k in found)


def _side_text(text: str, tokens: tuple[Token, ...], lo: int, hi: int) -> tuple[int, int] | None:
    return (tokens[lo].start, tokens[hi - 1].end) if hi > lo else None


def diff_of(alignment: Alignment, a_text: str, b_text: str) -> tuple[DiffOp, ...]:
    """The word diff of an alignment, consecutive ops of one kind merged."""
    merged: list[list] = []  # [op, a_span | None, b_span | None]
    for step in alignment.steps:
        if step.op == "cut":
            op: DiffOpName = "delete" if step.a_hi > step.a_lo else "insert"
        else:
            op = _STEP_OP[step.op]
        a_span = _side_text(a_text, alignment.a, step.a_lo, step.a_hi)
        b_span = _side_text(b_text, alignment.b, step.b_lo, step.b_hi)
        if merged and merged[-1][0] == op:
            last = merged[-1]
            last[1] = _join(last[1], a_span)
            last[2] = _join(last[2], b_span)
        else:
            merged.append([op, a_span, b_span])
    return tuple(
        DiffOp(op, a_text[a[0] : a[1]] if a else "", b_text[b[0] : b[1]] if b else "")
        for op, a, b in merged
    )


def _join(span: tuple[int, int] | None, more: tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None:
        return more
    if more is None:
        return span
    return (span[0], more[1])


# --- grouping -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Link:
    i: int  # earlier quote (input order)
    j: int
    alignment: Alignment

    @property
    def score(self) -> tuple[int, float]:
        longer = max(len(self.alignment.a), len(self.alignment.b))
        return self.alignment.matched, self.alignment.matched / longer


def _shingles(keys: list[str], size: int) -> set[tuple[str, ...]]:
    return set(zip(*(keys[k:] for k in range(size))))


def posting_cap(articles: int) -> int:
    """How many quotes may share a shingle before it counts as a stock phrase.

    One utterance is rendered a few times per article at most (headline, body, a
    repeat), so a shingle held by many more quotes than that is a phrase many speakers
    use ("at the end of the day"), not the words of one quote.
    """
    return min(MAX_POSTING, max(MIN_POSTING_CAP, POSTING_PER_ARTICLE * articles))


def _posting_pairs(
    posting: list[int], quotes: Sequence[Quote], cap: int
) -> Iterator[tuple[int, int]]:
    """Pairs of quotes from different articles in one posting (ascending indices).

    A posting within the cap gives all its pairs. A longer one (a stock phrase) pairs
    each quote only with the next few of other articles: enough to chain a quote that
    hundreds of outlets carry into one group, in time linear in the posting's length.
    """
    if len(posting) <= cap:
        for x, y in combinations(posting, 2):
            if quotes[x].article != quotes[y].article:
                yield x, y
        return
    for n, x in enumerate(posting):
        taken = 0
        for m in range(n + 1, len(posting)):  # indices, not a slice: no copy per quote
            y = posting[m]
            if quotes[x].article != quotes[y].article:
                yield x, y
                taken += 1
                if taken == STOCK_PHRASE_PARTNERS:
                    break


def candidate_pairs(
    quotes: Sequence[Quote], tokens: Sequence[tuple[Token, ...]]
) -> set[tuple[int, int]]:
    """Pairs (i < j) of quotes from different articles that share a shingle of words.

    Quotes of 3 words or more are indexed by their 3-word shingles; a 2-word quote is
    looked up among the 2-word shingles of the others. A shingle held by more quotes
    than :func:`posting_cap` allows is a stock phrase and pairs each quote with only a
    few others, so that the work grows with the number of quotes, not its square.
    """
    cap = posting_cap(len({q.article for q in quotes}))
    keys = [[t.key for t in toks] for toks in tokens]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        for shingle in _shingles(k, SHINGLE):
            index[shingle].append(i)
    pairs: set[tuple[int, int]] = set()
    for posting in index.values():
        if len(posting) >= 2:
            pairs.update(_posting_pairs(posting, quotes, cap))
    short = [i for i, k in enumerate(keys) if MIN_SHORT_QUOTE <= len(k) < SHINGLE]
    if short:
        pairs |= _short_pairs(quotes, keys, short, cap)
    return pairs


def _short_pairs(
    quotes: Sequence[Quote], keys: list[list[str]], short: list[int], cap: int
) -> set[tuple[int, int]]:
    wanted = {tuple(keys[i]) for i in short if speaker_key(quotes[i].speaker)}
    holders: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        for shingle in _shingles(k, MIN_SHORT_QUOTE) & wanted:
            holders[shingle].append(i)
    pairs = set()
    for i in short:
        found = holders.get(tuple(keys[i]), ())
        if len(found) > cap:
            continue  # a two-word phrase that common says nothing about one quote
        for j in found:
            if quotes[i].article != quotes[j].article:
                pairs.add((min(i, j), max(i, j)))
    return pairs


def _overlap(x: tuple[int, int], y: tuple[int, int]) -> int:
    return max(0, min(x[1], y[1]) - max(x[0], y[0]))


def _nested(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """True when one key sequence is a contiguous part of the other."""
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    sep = "\x1f"
    return (sep + sep.join(short) + sep) in (sep + sep.join(long) + sep)


def select_links(
    quotes: Sequence[Quote], links: list[_Link], keys: list[tuple[str, ...]]
) -> list[_Link]:
    """Keep the best links such that no quote is matched twice on one part of it.

    Links are taken best first (most words matched). A quote on the shorter side of a
    link may not be matched on the same words by two quotes of one other article, unless
    those two quotes repeat each other (a headline repeating a body quote); a quote on
    the longer side may take several (an outlet splitting one quote in two).
    """
    claims: dict[tuple[int, str], list[tuple[tuple[int, int], int]]] = defaultdict(list)
    kept: list[_Link] = []
    for link in sorted(links, key=lambda l: (-l.score[0], -l.score[1], l.i, l.j)):
        al = link.alignment
        sides = [(link.i, al.a_span, link.j, len(al.a)), (link.j, al.b_span, link.i, len(al.b))]
        shortest = min(len(al.a), len(al.b))

        def conflicts(q: int, region: tuple[int, int], partner: int) -> bool:
            for other_region, other in claims[(q, quotes[partner].article)]:
                limit = REGION_CONFLICT * min(
                    region[1] - region[0], other_region[1] - other_region[0]
                )
                if _overlap(region, other_region) > limit and not _nested(
                    keys[partner], keys[other]
                ):
                    return True
            return False

        if any(n == shortest and conflicts(q, region, p) for q, region, p, n in sides):
            continue
        kept.append(link)
        for q, region, p, _ in sides:
            claims[(q, quotes[p].article)].append((region, p))
    return kept


def _components(n: int, links: list[_Link]) -> list[list[int]]:
    sets = DisjointSets(n)
    linked: set[int] = set()
    for link in links:
        sets.union(link.i, link.j)
        linked.update((link.i, link.j))
    # quotes with no link are not a group: only sets that a link made are returned
    return [group for group in sets.groups() if group[0] in linked]


def group_quotes(quotes: Sequence[Quote]) -> tuple[QuoteGroup, ...]:
    """Group quotes of one story's articles that render the same utterance.

    Only groups spanning at least two articles are returned (ids g1, g2, ... in order
    of their first quote); the group's speaker is its most common resolved speaker.
    Each kept pair of quotes from different articles gets one relation, ``a`` being the
    earlier quote in input order.
    """
    quotes = tuple(quotes)
    tokens = [tokenize(q.text) for q in quotes]
    keys = [tuple(t.key for t in toks) for toks in tokens]
    bags = [Counter(k) for k in keys]
    masks = [sum(t.mask is not None for t in toks) for toks in tokens]
    links = []
    for i, j in sorted(candidate_pairs(quotes, tokens)):
        wild = masks[i] + masks[j]
        if not enough_shared_words(bags[i], bags[j], len(keys[i]), len(keys[j]), wild):
            continue
        alignment = align(tokens[i], tokens[j], quotes[i].text, quotes[j].text)
        if renders_same(alignment, quotes[i], quotes[j]):
            links.append(_Link(i, j, alignment))
    kept = select_links(quotes, links, keys)
    by_root: dict[int, list[_Link]] = defaultdict(list)
    groups = []
    components = _components(len(quotes), kept)
    where = {q: n for n, members in enumerate(components) for q in members}
    for link in kept:
        by_root[where[link.i]].append(link)
    for n, members in enumerate(components):
        speakers = Counter(quotes[q].speaker for q in members if speaker_key(quotes[q].speaker))
        relations = tuple(
            _relation(quotes[link.i], quotes[link.j], link.alignment)
            for link in sorted(by_root[n], key=lambda l: (l.i, l.j))
        )
        groups.append(
            QuoteGroup(
                id=f"g{n + 1}",
                speaker=speakers.most_common(1)[0][0] if speakers else None,
                quotes=tuple(quotes[q].id for q in members),
                relations=relations,
            )
        )
    return tuple(groups)
