"""Story grouping: which articles tell the same story.

A first honest level for small inputs: TF-IDF weighted term vectors (content words, with
capitalised names counted double because names are what tie coverage of one event
together), cosine similarity, and single-link grouping above a threshold. Corpus scale
(MinHash LSH, time windows, incremental grouping) replaces the pairwise step later.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from .disjoint import DisjointSets
from .resources.cluster import NEWS_STOPWORDS, STORY_SIMILARITY_THRESHOLD

_WORD = re.compile(r"[^\W\d_][\w'’-]+")


def story_terms(text: str) -> Counter[str]:
    """Content-word counts of a text; capitalised words (names) count twice."""
    terms: Counter[str] = Counter()
    for match in _WORD.finditer(text):
        word = match.group().replace("’", "'")
        lower = word.lower()
        if lower.endswith("'s"):
            lower = lower[:-2]
        if len(lower) < 3 or lower in NEWS_STOPWORDS:
            continue
        terms[lower] += 2 if word[0].isupper() else 1
    return terms


def story_words(text: str) -> frozenset[str]:
    """The words of :func:`story_terms` as a set (the corpus index's signature input),
    without counting them."""
    # (the text lower-cased at once, not word by word: this runs on every article)
    lowered = set(_WORD.findall(text.replace("’", "'").lower()))
    # (set operations, not a loop a word: this runs on every article of a corpus)
    possessive = {w for w in lowered if w.endswith("'s")}
    if possessive:
        lowered = (lowered - possessive) | {w[:-2] for w in possessive}
    return frozenset(w for w in lowered - NEWS_STOPWORDS if len(w) >= 3)


def tfidf_vectors(term_counts: Sequence[Counter[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors (sublinear tf, smoothed idf)."""
    n = len(term_counts)
    df: Counter[str] = Counter()
    for counts in term_counts:
        df.update(counts.keys())
    vectors = []
    for counts in term_counts:
        vec = {t: (1 + math.log(c)) * math.log((1 + n) / (1 + df[t]) + 1) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({t: v / norm for t, v in vec.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def group_stories(
    texts: Sequence[str], *, threshold: float = STORY_SIMILARITY_THRESHOLD
) -> list[list[int]]:
    """Indices of ``texts`` grouped into stories, each group and the list in input order."""
    vectors = tfidf_vectors([story_terms(t) for t in texts])
    sets = DisjointSets(len(texts))
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if cosine(vectors[i], vectors[j]) >= threshold:
                sets.union(i, j)
    return sets.groups()
