"""Wire copy: articles of a story that are (near-)copies of one another.

An outlet that republishes a wire story changes its headline, trims a sentence or
cuts the last paragraph, but keeps most of the running text word for word. Two
articles are copies when most of the word 5-grams of the shorter body are in the
other (containment, not Jaccard: a cut copy is still a copy). Copies count as one
source when the story's outlets are compared (:mod:`rashomon.compare`): two outlets
carrying the same wire sentence are not two witnesses agreeing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .disjoint import DisjointSets
from .model import Article
from .resources.compare import (
    MIN_COPY_SHARE_OF_LARGER,
    MIN_COPY_SHINGLES,
    SYNDICATION_CONTAINMENT,
    SYNDICATION_SHINGLE,
)

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def body_shingles(article: Article) -> frozenset[tuple[str, ...]]:
    """The word n-grams of the article's body (its headline left out), case-folded."""
    text = article.text
    if article.title_span is not None:
        text = text[: article.title_span[0]] + " " + text[article.title_span[1] :]
    words = [w.casefold().replace("’", "'") for w in _WORD.findall(text)]
    n = SYNDICATION_SHINGLE
    return frozenset(tuple(words[k : k + n]) for k in range(len(words) - n + 1))


def copy_containment(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    """Share of the smaller set's shingles found in the other (0 for a tiny text, and
    for a short brief that a long story holds whole: the brief is not a copy of the
    story, and would otherwise chain two outlets that each quote it into one source)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) < MIN_COPY_SHINGLES:
        return 0.0
    shared = len(small & large)
    if shared < MIN_COPY_SHARE_OF_LARGER * len(large):
        return 0.0
    return shared / len(small)


def syndicated_groups(articles: Sequence[Article]) -> tuple[tuple[str, ...], ...]:
    """Groups of article ids that copy one another (two or more each), each led by its
    earliest published article (input order among equals: the wire story before the
    copies), the groups in the order of their first article."""
    shingles = [body_shingles(a) for a in articles]
    sets = DisjointSets(len(articles))
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            if copy_containment(shingles[i], shingles[j]) >= SYNDICATION_CONTAINMENT:
                sets.union(i, j)
    def first(k: int) -> tuple[str, int]:
        published = articles[k].published
        return (published.iso() if published else "~", k)  # "~" sorts after digits

    groups = [sorted(g, key=first) for g in sets.groups() if len(g) > 1]
    return tuple(tuple(articles[k].id for k in g) for g in sorted(groups, key=min))


def source_of(article_ids: Sequence[str], groups: Sequence[Sequence[str]]) -> dict[str, str]:
    """Article id -> the source it counts as: the first article of its group of copies,
    else itself."""
    out = {a: a for a in article_ids}
    for group in groups:
        for article in group:
            out[article] = group[0]
    return out
