"""People named in an article, found cheaply: capitalised name runs (titles stripped),
their genders from first names, and where each person is mentioned.

spaCy PERSON entities from the parsed sentences come in as ``known`` names; the rest is
regular expressions over the text, so unparsed sentences still count.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from .quote_marks import SpanSet
from .resources.quotes import (
    CUE_WORDS,
    FEMALE_ENDINGS,
    FEMALE_NAMES,
    FIRST_NAMES,
    MALE_EXCEPTIONS_TO_ENDINGS,
    MALE_NAMES,
    NAME_ROLES,
    NAME_RUN,
    NOT_NAMES,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    TITLE_SMALL_WORDS,
    TITLES,
)

_NAME_RUN = re.compile(NAME_RUN)
_WORD = re.compile(r"\S+")
_LINE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# A quoted run of one to three capitalised words after a word and before a capitalised
# one: 'Jo “The Hammer” Reed' (the caller checks that the word before is a name too)
_NICKNAME = re.compile(
    r"(?<=\w[ \t])[“\"]([A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,2})[”\"](?=[ \t]+[A-Z])"
)
_WORD_BEFORE = re.compile(r"([\w’'.-]+)[ \t]$")
_LOWER_WORD = re.compile(r"(?<![\w’'-])[^\W\d_A-ZÀ-ÖØ-Þ][\w’'-]*")  # starts lower-case
_VERBS_AND_PRONOUNS = CUE_WORDS | frozenset(PRONOUN_GENDER) | PLURAL_PRONOUNS
_BREAKS = NOT_NAMES | _VERBS_AND_PRONOUNS
_NOT_NAMES_OR_TITLES = NOT_NAMES | TITLES
_TITLES_OR_ROLES = TITLES | frozenset(ROLE_NOUNS) | NAME_ROLES
# Words that end a name's prefix: titles and job words ('Judge', 'Spokeswoman').
_PREFIXES = TITLES | NAME_ROLES


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    name: str  # the full name it refers to


@dataclass(frozen=True)
class People:
    """The persons of one text: full names, their genders, their mentions in order."""

    names: tuple[str, ...]
    genders: Mapping[str, str | None]
    mentions: tuple[PersonMention, ...]  # in text order

    @cached_property
    def counts(self) -> Counter[str]:
        """How often each full name is mentioned."""
        return Counter(m.name for m in self.mentions)

    @cached_property
    def starts(self) -> tuple[int, ...]:
        return tuple(m.start for m in self.mentions)

    def count(self, name: str) -> int:
        return self.counts[name]

    def most_mentioned(self) -> str | None:
        return self._most_mentioned

    @cached_property
    def _most_mentioned(self) -> str | None:
        counts = self.counts
        if not counts:
            return None
        first = {m.name: m.start for m in reversed(self.mentions)}
        return max(counts, key=lambda n: (counts[n], -first[n]))

    def gender_fits(self, name: str, gender: str) -> bool:
        """Not contradicted: the known gender of the name, else its first name's."""
        found = self.genders.get(name)
        if found is None and len(name.split()) > 1:
            found = gender_of_first_name(name.split()[0])
        return found in (None, gender)

    def mentions_before(self, offset: int, start: int = 0) -> tuple[PersonMention, ...]:
        """The mentions starting in ``start:offset``, in text order."""
        lo = bisect_left(self.starts, start)
        return self.mentions[lo : max(lo, bisect_left(self.starts, offset))]

    def last_fitting(self, offset: int, gender: str) -> str | None:
        """The last person mentioned before ``offset`` whose gender fits."""
        starts = self._fitting[gender]
        i = bisect_left(starts, offset) - 1
        return self.mentions[self._fitting_index[gender][i]].name if i >= 0 else None

    @cached_property
    def _fitting_index(self) -> Mapping[str, tuple[int, ...]]:
        """Per gender, the indices of the mentions whose person it fits."""
        return {g: tuple(i for i, m in enumerate(self.mentions) if self.gender_fits(m.name, g))
                for g in set(PRONOUN_GENDER.values())}

    @cached_property
    def _fitting(self) -> Mapping[str, tuple[int, ...]]:
        return {g: tuple(self.mentions[i].start for i in found)
                for g, found in self._fitting_index.items()}


def gender_of_first_name(first: str) -> str | None:
    """'m', 'f' or None from a first name (lists, then the -a/-ie endings rule)."""
    word = first.lower().strip(".")
    if word in MALE_NAMES:
        return "m"
    if word in FEMALE_NAMES:
        return "f"
    if len(word) > 2 and word not in MALE_EXCEPTIONS_TO_ENDINGS and word.endswith(FEMALE_ENDINGS):
        return "f"
    return None


def strip_titles(words: list[str]) -> list[str]:
    """Drop leading non-name words and everything up to the last title or job word:
    'New Mexico Judge Mary Smith' -> 'Mary Smith', 'Spokeswoman Kim Lo' -> 'Kim Lo',
    'Skipper Ada Quill' -> 'Ada Quill' (an unlisted job word before a first name).
    The last word always stays ('Ada Bishop', 'Engineer Hale' -> 'Hale')."""
    last_title = -1
    for i, w in enumerate(words[:-1]):
        if w.lower().strip(".") in _PREFIXES:
            last_title = i
    words = words[last_title + 1 :]
    while len(words) > 1 and words[0].lower().strip(".") in _NOT_NAMES_OR_TITLES:
        words = words[1:]
    if len(words) >= 3 and words[0].lower() not in FIRST_NAMES \
            and words[1].lower() in FIRST_NAMES:
        words = words[1:]  # 'Skipper Ada Quill': a capitalised job word before a first name
    if len(words) == 1 and words[0].lower().strip(".") in NOT_NAMES:
        return []
    return words


def name_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of capitalised runs, split at openers, cue words and
    pronouns ('Alec Smith Says He'), with titles stripped ('Judge Mary Smith').

    In a Title-Case line (a headline) every word is capitalised, so a run there keeps
    only the words that are capitalised in the running text too: 'Chef Jo Reed Jailed
    Over Fraud' -> 'Jo Reed' when the body writes 'Jo Reed' but 'jailed'."""
    out: list[tuple[int, int, str]] = []
    headlines = title_case_lines(text)
    body_words = _body_name_words(text, headlines) if headlines else frozenset()
    in_headlines = SpanSet.of(headlines)
    kept: dict[tuple[str, ...], tuple[str, ...]] = {}  # the same runs recur: strip once
    for match in _NAME_RUN.finditer(text):
        in_headline = bool(headlines) and in_headlines.holds(match.start())
        if " " not in match.group() and "\t" not in match.group():  # one word: most runs
            if not _breaks_run(match.group(), in_headline, body_words):
                out.extend(_kept_run(text, [match], kept))
            continue
        group: list[re.Match[str]] = []
        for word in _WORD.finditer(text, match.start(), match.end()):
            if _breaks_run(word.group(), in_headline, body_words):
                out.extend(_kept_run(text, group, kept))
                group = []
            else:
                group.append(word)
        out.extend(_kept_run(text, group, kept))
    return out


def _breaks_run(word: str, in_headline: bool, body_words: frozenset[str]) -> bool:
    """A word that ends a name run: an opener, cue word or pronoun, or in a headline a
    word the running text never capitalises."""
    return word.lower() in _BREAKS or (in_headline and possessive_free(word) not in body_words)


def title_case_lines(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of lines of three or more words where every word but the small
    ones is capitalised (headlines, related-link lines)."""
    out = []
    start = 0
    for line in text.split("\n"):
        words = [w for w in _LINE_WORD.findall(line) if w.lower() not in TITLE_SMALL_WORDS]
        if len(words) >= 3 and all(w[:1].isupper() for w in words):
            out.append((start, start + len(line)))
        start += len(line) + 1
    return tuple(out)


def _body_name_words(text: str, headlines: tuple[tuple[int, int], ...]) -> frozenset[str]:
    """Capitalised words of the running text that never appear in lower case there
    ('Reed' but not 'Jailed' when the body writes 'jailed')."""
    lower = set(_LOWER_WORD.findall(text))
    out = set()
    in_headlines = SpanSet.of(headlines)
    for match in _NAME_RUN.finditer(text):
        if in_headlines.holds(match.start()):
            continue
        out.update(w for w in map(possessive_free, match.group().split())
                   if w.lower() not in lower)
    return frozenset(out)


def possessive_free(word: str) -> str:
    """'Reed’s' -> 'Reed', 'Jones'' -> 'Jones' (a suffix, never a set of characters)."""
    return re.sub(r"['’]s?$", "", word)


def _kept_run(text: str, words: list[re.Match[str]],
              kept: dict[tuple[str, ...], tuple[str, ...]]) -> list[tuple[int, int, str]]:
    """The run of ``words`` with its titles stripped (``kept``: the runs stripped so far)."""
    if not words:
        return []
    key = tuple(w.group() for w in words)
    names = kept.get(key)
    if names is None:
        names = tuple(strip_titles(list(key)))
        kept[key] = names
    if not names:
        return []
    first = words[len(words) - len(names)]
    return [(first.start(), words[-1].end(), " ".join(names))]


def looks_like_person(name: str, text: str, start: int, known: frozenset[str]) -> bool:
    """A run is a person when spaCy said so, its first word is a known first name, or a
    title/role word stands right before it ('Judge Mary Smith', 'armorer Jo Reed')."""
    words = name.split()
    if name in known:
        return True
    if len(words) < 2 or len(words) > 4:
        return False
    if any(w.lower() in NOT_NAMES for w in words):
        return False
    if words[0].lower() in FIRST_NAMES or words[-1] in known:
        return True  # a known first name, or a surname spaCy or a cue already named
    before = re.search(r"([A-Za-z.]+)\s*$", text[max(0, start - 30) : start])
    return bool(before) and before.group(1).lower().strip(".") in _TITLES_OR_ROLES


def find_people(text: str, known: frozenset[str] = frozenset(),
                exclude: tuple[tuple[int, int], ...] = ()) -> People:
    """Full names (two words or more) in ``text`` and every mention of them: the full
    name, its surname alone, its first name alone. ``exclude`` spans (quotes) hold no
    mentions."""
    known = frozenset(filter(None, map(_before_break, known)))
    runs = name_runs(without_nicknames(text))
    found: dict[str, None] = {}  # insertion-ordered set
    for start, _end, name in runs:
        if name not in found and looks_like_person(name, text, start, known):
            found[name] = None
    for name in sorted(known):
        if len(name.split()) >= 2:
            found.setdefault(name, None)
    full = tuple(n for n in found  # 'Jo Reed' gives way to 'Mary Jo Reed'
                 if not any(n != o and n in o and _word_in(n, o) for o in found))
    genders = {n: gender_of_first_name(n.split()[0]) for n in full}
    excluded = SpanSet.of(exclude)
    mentions = []
    counts: Counter[str] = Counter()  # the mentions so far, by name
    candidates: dict[str, tuple[str, ...]] = {}  # the same mentions recur
    for start, end, name in runs:
        if excluded.holds(start):
            continue
        if name not in candidates:
            candidates[name] = name_candidates(name, full)
        resolved = _most_mentioned(candidates[name], full, counts)
        if resolved is not None:
            mentions.append(PersonMention(start, end, resolved))
            counts[resolved] += 1
    return People(full, genders, tuple(mentions))


def without_nicknames(text: str) -> str:
    """``text`` with each nickname inside a name blanked out, offsets kept: 'Jo “The
    Hammer” Reed' -> 'Jo' and 'Reed' as one name run ('Jo Reed')."""
    if "“" not in text and '"' not in text:
        return text

    def blanked(match: re.Match[str]) -> str:
        before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if before is None or not before.group(1)[:1].isupper():
            return match.group()
        return " " * len(match.group())

    return _NICKNAME.sub(blanked, text)


def _before_break(name: str) -> str:
    """A known name up to its first cue word or pronoun, as name runs are split: the
    tagger reads 'Obama Says' in a Title-Case headline as one person."""
    words = name.split()
    cut = next((i for i, w in enumerate(words) if w.lower() in _VERBS_AND_PRONOUNS),
               len(words))
    return " ".join(words[:cut])


def _word_in(short: str, long: str) -> bool:
    return re.search(rf"(?:^| ){re.escape(short)}(?: |$)", long) is not None


def resolve_name(
    name: str,
    full_names: list[str] | tuple[str, ...],
    counts: Mapping[str, int] | None = None,
) -> str | None:
    """The full name a name mention refers to: itself when it is one of them; else the
    full name ending with it (a surname) or starting with it (a first name); several ->
    the most mentioned so far (``counts``: mentions by full name), then the first
    listed."""
    return _most_mentioned(name_candidates(name, full_names), full_names, counts)


def name_candidates(name: str, full_names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The full names a name mention may refer to (see :func:`resolve_name`)."""
    name = clean_name(name)
    if not name:
        return ()
    if name in full_names:
        return (name,)
    words = name.split()
    candidates = [f for f in full_names if f.endswith(" " + name)]
    if not candidates and len(words) == 1:
        candidates = [f for f in full_names if f.startswith(name + " ")]
    if not candidates and len(words) >= 2:
        # 'Mary Smith' for 'Mary Anne Smith': same first and last word
        candidates = [f for f in full_names
                      if f.split()[0] == words[0] and f.split()[-1] == words[-1]]
    return tuple(candidates)


def _most_mentioned(candidates: tuple[str, ...], full_names: list[str] | tuple[str, ...],
                    counts: Mapping[str, int] | None) -> str | None:
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    counts = counts or {}
    return max(candidates, key=lambda f: (counts.get(f, 0), -full_names.index(f)))


def clean_name(name: str) -> str:
    """'Okafor’s' -> 'Okafor'; collapse white space; drop titles."""
    name = re.sub(r"['’]s?$", "", name.strip())
    words = name.split()
    return " ".join(strip_titles(words)) if len(words) > 1 else " ".join(words)
