"""Statement units for the compare stage: one per sentence or clause, with features.

A statement is a stretch of an article (``article.text[start:end] == text``) with the
features the matcher and the conflict checks look at: content-word stems, name tokens
and name runs (with the role slot they fill), numbers with their unit, dates, and the
negation cues. No parser: everything here is rules over the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .compare_values import (
    TOKEN,
    NumberMention,
    Token,
    When,
    canonical,
    dates_of,
    find_numbers,
    is_negation,
    number_value,
    phrase_words,
    stem,
    strip_possessive,
    tokenize,
)
from .model import ArticleAnalysis, Sentence
from .resources.compare import (
    DENIAL_PHRASES,
    DENIAL_VERBS,
    DENIED_REPORTS,
    EVENT_OF,
    FLAT_DENIALS,
    MIN_CLAUSE_WORDS,
    MODAL_NEGATIONS,
    MODALS,
    MONTHS,
    MULTIPLIERS,
    NEGATED_PHRASE_WORDS,
    NEGATION_REACH_BACK,
    NEGATION_REACH_FORWARD,
    NO_FIRST_NAMES,
    NOT_DENIALS,
    QUANTIFIER_DENIALS,
    QUOTE_SHARE_SKIP,
    REFUSAL_VERBS,
    SINGLE_ROLE_WORDS,
    STOPWORDS,
    SUBJECT_REACH,
    SUBJECT_STARTERS,
    TITLES,
    UNREPORTED,
    WEEKDAYS,
    WITHOUT,
)

_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:but|and)\s+")


@dataclass(frozen=True)
class NameRun:
    """A run of capitalised name tokens ("Ana Ruiz") and the role slots it fills."""

    text: str
    start: int
    end: int
    tokens: frozenset[str]
    slots: frozenset[str]


@dataclass(frozen=True)
class Negation:
    cue: str  # the cue with the word it denies, as written ("never pulled")
    scope: str  # stem of the first content word after the cue ("" if none)
    start: int
    end: int
    # after a flat denial, the stems of the words of what it denies ("no formal heat
    # warning": formal, heat, warn); else the scope alone
    denies: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Statement:
    article: str
    article_index: int
    start: int
    end: int
    text: str
    stems: frozenset[str]
    surfaces: tuple[tuple[str, str], ...]  # (stem, word as written), in text order
    names: frozenset[str]
    name_runs: tuple[NameRun, ...]
    numbers: tuple[NumberMention, ...]
    dates: tuple[When, ...]
    negations: tuple[Negation, ...]
    negated: frozenset[str] = frozenset()  # stems of content words next to a negation
    events: tuple[tuple[str, int], ...] = ()  # (event, offset) of each event verb

    @property
    def content_count(self) -> int:
        """Content words, names, numbers and dates: how much the statement says."""
        return len(self.stems) + len(self.names) + len(self.numbers) + len(self.dates)

    def surface(self, key: str) -> str:
        """The word as first written for a stem."""
        for s, word in self.surfaces:
            if s == key:
                return word
        return key


# --- units ---------------------------------------------------------------------------


def statements_of(
    analysis: ArticleAnalysis,
    article_index: int,
    known_names: frozenset[str] | None = None,
    lower_words: frozenset[str] | None = None,
) -> list[Statement]:
    """The statements of one article: its sentences (headline and quote-led ones out),
    split into clauses where a sentence clearly carries two facts. ``known_names`` are
    the capitalised words seen mid-sentence (see :func:`mid_sentence_capitals`), best
    gathered over the whole story; by default over this article."""
    text = analysis.article.text
    quotes = _quote_spans(analysis)
    dates = dates_of(analysis)
    if known_names is None:
        known_names = mid_sentence_capitals(analysis.sentences)
    if lower_words is None:
        lower_words = lower_case_words([text])
    out: list[Statement] = []
    for sentence in analysis.sentences:
        if _is_headline(analysis, sentence) or _quote_share(sentence, quotes) >= QUOTE_SHARE_SKIP:
            continue
        for start, end in _clauses(text, sentence, quotes):
            out.append(
                _statement(analysis.article.id, article_index, text, start, end, dates,
                           known_names, lower_words)
            )
    return out


def _is_headline(analysis: ArticleAnalysis, sentence: Sentence) -> bool:
    span = analysis.article.title_span
    if span is None:
        return False
    overlap = min(span[1], sentence.end) - max(span[0], sentence.start)
    return overlap > (sentence.end - sentence.start) / 2


def _quote_spans(analysis: ArticleAnalysis) -> list[tuple[int, int]]:
    """Quoted stretches: the quote stage's records, else the text between double marks."""
    if analysis.quotes:
        return sorted((q.start, q.end) for q in analysis.quotes)
    return [(m.start(), m.end()) for m in _QUOTED.finditer(analysis.article.text)]


def _quote_share(sentence: Sentence, quotes: list[tuple[int, int]]) -> float:
    length = sentence.end - sentence.start
    if length <= 0:
        return 0.0
    covered = sum(
        max(0, min(end, sentence.end) - max(start, sentence.start)) for start, end in quotes
    )
    return covered / length


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _clauses(text: str, sentence: Sentence, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split at "; " and at ", but" / ", and" before a subject, when both sides are long
    enough to be facts of their own; never inside a quotation."""
    cuts: list[tuple[int, int]] = []  # (end of the left clause, start of the right one)
    for match in _CLAUSE_BREAK.finditer(sentence.text):
        at = sentence.start + match.start()
        if _inside(at, quotes):
            continue
        after = sentence.start + match.end()
        if not match.group().startswith(";") and not _subject_follows(text, after, sentence.end):
            continue
        cuts.append((at, after))
    spans: list[tuple[int, int]] = []
    start = sentence.start
    for left_end, right_start in cuts:
        left = text[start:left_end]
        right = text[right_start:sentence.end]
        if _content_words(left) >= MIN_CLAUSE_WORDS and _content_words(right) >= MIN_CLAUSE_WORDS:
            spans.append((start, left_end))
            start = right_start
    spans.append((start, sentence.end))
    return spans


def _subject_follows(text: str, start: int, end: int) -> bool:
    """A subject opens the words after ", and" / ", but", perhaps after a short adverbial
    ("and on Tuesday the council approved"): a pronoun, article or capitalised word
    among the first few."""
    words = [m.group() for m in TOKEN.finditer(text, start, end)][:SUBJECT_REACH]
    return any(w.lower() in SUBJECT_STARTERS or w[:1].isupper() for w in words)


def _content_words(text: str) -> int:
    return sum(1 for m in TOKEN.finditer(text) if m.group().lower() not in STOPWORDS)


def lower_case_words(texts: Sequence[str]) -> frozenset[str]:
    """Every word written in lower case somewhere in the texts: a capitalised word that
    opens a sentence and is among them ("Deckhand Bo Lind") is no first name."""
    return frozenset(m.group() for text in texts for m in _LOWER_WORD.finditer(text))


def mid_sentence_capitals(sentences: Sequence[Sentence]) -> frozenset[str]:
    """Capitalised words seen away from a sentence start: names, so a sentence-initial
    "Vale" is a name while a sentence-initial "Inspectors" is not."""
    seen: set[str] = set()
    for sentence in sentences:
        tokens = list(TOKEN.finditer(sentence.text))
        for m in tokens[1:]:
            if m.group()[:1].isupper():
                seen.add(strip_possessive(m.group()).lower())
    return frozenset(seen)


# --- features ------------------------------------------------------------------------


def _statement(
    article: str,
    article_index: int,
    text: str,
    start: int,
    end: int,
    dates: list[When],
    known_names: frozenset[str],
    lower_words: frozenset[str] = frozenset(),
) -> Statement:
    # trailing punctuation of a clause cut at ";" or "," is not part of it
    while end > start and text[end - 1] in ",;: ":
        end -= 1
    tokens = tokenize(text, start, end)
    when = tuple(d for d in dates if start <= d.start and d.end <= end)
    date_spans = [(d.start, d.end) for d in when]
    numbers = tuple(find_numbers(text, tokens, start, end, date_spans))
    # the counted thing stays a content word ("months", "inspectors"); the figure not
    number_starts = {n.start for n in numbers}
    stems: list[str] = []
    surfaces: list[tuple[str, str]] = []
    runs = _name_runs(text, tokens, known_names, lower_words)
    # a name is a word of a name run (an opening first name included: "Ruth Callander")
    named_at = {t.start for t in tokens if any(r.start <= t.start < r.end for r in runs)}
    names: set[str] = set()
    for i, tok in enumerate(tokens):
        if _inside(tok.start, date_spans) or tok.start in number_starts or tok.lower in MULTIPLIERS:
            continue
        if tok.lower in STOPWORDS or is_negation(tok.lower) or tok.lower in WEEKDAYS:
            continue
        if tok.lower in MONTHS and tok.capital:
            continue
        if tok.start in named_at or _is_name(tok, i == 0, known_names):
            names.add(tok.lower)
            continue
        if tok.text[0].isdigit():
            continue
        for part in _word_parts(tok.text):
            s = canonical(stem(part))
            stems.append(s)
            surfaces.append((s, part))
    phrases = phrase_words(text[start:end])
    for s, p_start, p_end, _ in phrases:
        stems.append(s)
        surfaces.append((s, text[start + p_start : start + p_end]))
    events = [(EVENT_OF[t.lower], t.start) for t in tokens if t.lower in EVENT_OF]
    events += [(EVENT_OF[word], start + p_start) for _, p_start, _, word in phrases if word in EVENT_OF]
    return Statement(
        article=article,
        article_index=article_index,
        start=start,
        end=end,
        text=text[start:end],
        stems=frozenset(stems),
        surfaces=tuple(surfaces),
        names=frozenset(names),
        name_runs=tuple(runs),
        numbers=numbers,
        dates=when,
        negations=tuple(_negations(text, tokens)),
        negated=_negated_stems(text, tokens),
        events=tuple(sorted(events, key=lambda e: e[1])),
    )


def _word_parts(word: str) -> list[str]:
    """The word, or the content words of a hyphenated compound: "on-set" and "set",
    "cherry-red" and "red" are the same thing to the matcher."""
    if "-" not in word.strip("-"):
        return [word]
    parts = [p for p in word.split("-") if p and p.lower() not in STOPWORDS]
    return parts or [word]


def _is_name(tok: Token, first: bool, known_names: frozenset[str]) -> bool:
    if not tok.capital or tok.lower in TITLES or tok.lower in STOPWORDS:
        return False
    if tok.lower in MONTHS or tok.lower in WEEKDAYS:
        return False
    if number_value(tok.lower) is not None:
        return False  # "Twenty-three people were hurt": a count, capitalised
    return not first or tok.lower in known_names


def _first_name_at_start(
    tokens: list[Token], i: int, text: str, known_names: frozenset[str], lower_words: frozenset[str]
) -> bool:
    """A statement's first word that is a first name: capitalised, no title or function
    word, right before a name ("Ruth Callander, head of safety, said")."""
    if i != 0 or len(tokens) < 2 or not tokens[0].capital:
        return False
    lower = tokens[0].lower
    if lower in TITLES or lower in SINGLE_ROLE_WORDS or lower in STOPWORDS or lower in NO_FIRST_NAMES:
        return False  # "Guard Sean Varga", "Judge Ana Ruiz", "Yesterday Anna Berg"
    if lower.endswith(("ly", "er", "or", "ist", "ian")) and len(lower) > 4:
        return False  # "Meanwhile", "Officer", "Nurse"-like role nouns and adverbs
    if number_value(lower) is not None or lower in lower_words:
        return False  # a word the story also writes in lower case is no first name ("deckhand")
    return text[tokens[0].end:tokens[1].start] == " " and _is_name(tokens[1], False, known_names)


def _name_runs(
    text: str, tokens: list[Token], known_names: frozenset[str], lower_words: frozenset[str] = frozenset()
) -> list[NameRun]:
    """Runs of adjacent name tokens, each with the role slots it fills: a title inside
    or before it ("Mayor"), the role word before it ("skipper"), the word after
    it ("opened")."""
    runs: list[NameRun] = []
    i = 0
    while i < len(tokens):
        if not _is_name(tokens[i], i == 0, known_names) and not _first_name_at_start(
                tokens, i, text, known_names, lower_words):
            i += 1
            continue
        j = i
        while (
            j + 1 < len(tokens)
            and _is_name(tokens[j + 1], False, known_names)
            and text[tokens[j].end:tokens[j + 1].start].strip() == ""
        ):
            j += 1
        slots: set[str] = set()
        if i > 0:
            prev = tokens[i - 1]
            adjacent = text[prev.end:tokens[i].start].strip() in ("", ".")
            if adjacent and prev.lower not in STOPWORDS and not prev.text[0].isdigit():
                slots.add("role:" + stem(prev.text))
        if j + 1 < len(tokens):
            nxt = tokens[j + 1]
            adjacent = text[tokens[j].end:nxt.start].strip() == ""
            if adjacent and not nxt.capital and nxt.lower not in STOPWORDS:
                slots.add("next:" + stem(nxt.text))
        run = tokens[i:j + 1]
        runs.append(
            NameRun(
                text=text[run[0].start:run[-1].end],
                start=run[0].start,
                end=run[-1].end,
                tokens=frozenset(t.lower for t in run),
                slots=frozenset(slots),
            )
        )
        i = j + 1
    return runs


def _cue_length_in(text: str, tokens: list[Token], i: int) -> int:
    """:func:`_cue_length`, but none for "no" in a name for a thing ("a vote of no
    confidence") or "without" in a set phrase ("collapsed without warning")."""
    if tokens[i].lower in ("no", WITHOUT) and NOT_DENIALS.match(text, tokens[i].start):
        return 0
    return _cue_length(tokens, i)


def _cue_length(tokens: list[Token], i: int) -> int:
    """How many tokens the negation cue at ``i`` takes (0: none there): "not", "never",
    "didn't", "without" before an -ing word one; "refused to" two."""
    lower = tokens[i].lower
    if is_negation(lower):
        return 1
    if lower == WITHOUT:
        # an act ("without shaking hands"), not a thing ("without charge", "without
        # staffed signal boxes"): a thing done without is not denied
        return int(i + 1 < len(tokens) and tokens[i + 1].lower.endswith("ing"))
    if lower in REFUSAL_VERBS and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
        return 2
    if i + 1 < len(tokens) and (lower, tokens[i + 1].lower) in DENIAL_PHRASES:
        # "had not ruled out an appeal", "has not yet ruled out" keep it open
        return 0 if any(is_negation(t.lower) for t in tokens[max(0, i - 2):i]) else 2
    return 0


def _phrases_at(text: str, start: int) -> list[tuple[str, int, int]]:
    """(canonical stem, start, end) of the multiword forms that begin at ``start``."""
    return [(word, start + s, start + e) for word, s, e, _ in phrase_words(text[start:start + 40]) if s == 0]


def _negated_stems(text: str, tokens: list[Token]) -> frozenset[str]:
    """Content words within a few tokens of a negation cue ("matched no program",
    "did not match"): a sentence that says them is not simply affirming them."""
    out: set[str] = set()
    for i in range(len(tokens)):
        length = _cue_length_in(text, tokens, i)
        if length:
            for k in range(max(0, i - NEGATION_REACH_BACK), min(len(tokens), i + length + NEGATION_REACH_FORWARD)):
                near = tokens[k]
                if (k < i or k >= i + length) and near.lower not in STOPWORDS and not is_negation(near.lower):
                    out.add(canonical(stem(near.text)))
    return frozenset(out)


def _negations(text: str, tokens: list[Token]) -> list[Negation]:
    """Each negation cue and the stem of the word it denies. A denial verb denies an
    act ("denied accepting", "denied that he signed"), not a thing: "denied the
    charges" gets no scope, so it cannot clash with a sentence that merely names them."""
    out = []
    for i, tok in enumerate(tokens):
        length = _cue_length_in(text, tokens, i)
        if not length:
            continue
        scope, last = "", tokens[i + length - 1]
        between: list[str] = []
        # "neither side has returned" denies the returning, not the side; "will never
        # ask" is a promise, no account of what happened
        modal = (i > 0 and tokens[i - 1].lower in MODALS) or tok.lower in MODAL_NEGATIONS
        following = [] if tok.lower in QUANTIFIER_DENIALS or modal else tokens[i + length:i + length + 6]
        for nxt in following:
            if nxt.lower in UNREPORTED:
                break  # "did not say whether the crew were paid" denies no payment
            denial = tok.lower in DENIAL_VERBS
            skipped = nxt.lower in WEEKDAYS or (denial and nxt.lower in DENIED_REPORTS)
            if nxt.lower in STOPWORDS or is_negation(nxt.lower) or skipped:
                between.append(nxt.lower)  # "denied on Monday that", "denied reports that"
                continue
            if not denial or nxt.lower.endswith("ing") or "that" in between:
                # a phrase is denied as the word it stands for ("not paid back": repay),
                # a compound by its last part ("never breath-tested": tested)
                phrase = next((word for word, start, _ in _phrases_at(text, nxt.start)), None)
                scope = phrase or canonical(stem(_word_parts(nxt.text)[-1]))
                last = nxt
            break
        denies = {scope} if scope else set()
        if scope and tok.lower in FLAT_DENIALS:
            denies |= _phrase_after(tokens, tokens.index(last))
        out.append(Negation(text[tok.start:last.end], scope, tok.start, last.end, frozenset(denies)))
    return out


def _phrase_after(tokens: list[Token], k: int) -> set[str]:
    """Stems of the content words that follow token ``k`` up to the first function word
    (at most NEGATED_PHRASE_WORDS): the rest of a noun phrase ("heat warning")."""
    out: set[str] = set()
    for tok in tokens[k + 1:k + 1 + NEGATED_PHRASE_WORDS]:
        if tok.lower in STOPWORDS or not tok.lower.isalpha() or tok.capital:
            break
        out.add(canonical(stem(tok.text)))
    return out
