"""Statement units for the compare stage: one per sentence or clause, with features.

A statement is a stretch of an article (``article.text[start:end] == text``) with the
features the matcher and the conflict checks look at: content-word stems, name tokens
and name runs (with the role slot they fill), numbers with their unit, dates, and the
negation cues. No parser: everything here is rules over the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .model import ArticleAnalysis, DateMention, PartialDate, Sentence
from .resources.compare import (
    CURRENCIES,
    CURRENCY_WORDS,
    MONTHS,
    MULTIPLIERS,
    NEGATION_SUFFIXES,
    NEGATIONS,
    NUMBER_WORDS,
    STOPWORDS,
    SUBJECT_STARTERS,
    TITLES,
    UNIT_SKIP,
    WEEKDAYS,
)

# A sentence whose characters are at least this share quotation is left to the quote
# stages: what it asserts is someone's words, not the outlet's account.
QUOTE_SHARE_SKIP = 0.5
# A clause must keep at least this many content words on each side of a split.
MIN_CLAUSE_WORDS = 3

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:but|and)\s+")
_MONTH_NAMES = "|".join(
    sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)
)
_MONTH_DATE = re.compile(
    r"\b(?P<month>" + _MONTH_NAMES + r")\.?"
    r"(?:\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b)?"
    r"(?:,?\s+(?:of\s+)?(?P<year>(?:19|20)\d{2})\b)?"
)
_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b")
_MONEY = re.compile(
    r"(?P<cur>[$€£])\s?(?P<num>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s?(?P<mult>hundred|thousand|million|billion|trillion|bn|m|k)\b)?"
)
_AGE = re.compile(
    r"\b(?P<num>\d{1,3})-year-old\b|\b(?:age|aged)\s+(?P<num2>\d{1,3})\b"
    r"|(?<=[A-Za-z]), (?P<num3>\d{1,3}),"
)
_NUMBER_TOKEN = re.compile(
    r"^(?:(?P<digits>\d[\d,]*(?:\.\d+)?)|(?P<word>[a-z]+(?:-[a-z]+)?))(?:-(?P<unit>[a-z]+))?$"
)


@dataclass(frozen=True)
class Token:
    text: str  # as written, possessive dropped
    start: int
    end: int
    lower: str
    capital: bool


@dataclass(frozen=True)
class NameRun:
    """A run of capitalised name tokens ("Ana Ruiz") and the role slots it fills."""

    text: str
    start: int
    end: int
    tokens: frozenset[str]
    slots: frozenset[str]


@dataclass(frozen=True)
class NumberMention:
    value: float
    unit: str  # "" when the number counts nothing we can name
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class When:
    """A date as far as it is known; a missing year (fallback rules) matches any year."""

    year: int | None
    month: int | None
    day: int | None
    text: str
    start: int
    end: int
    partial: PartialDate | None = None

    def compatible(self, other: When) -> bool:
        if self.partial is not None and other.partial is not None:
            return self.partial.compatible(other.partial)
        # an unknown year (fallback rules) matches any year; a missing month or day
        # means the date is coarser, and a coarser date contains the finer one
        if self.year is not None and other.year is not None and self.year != other.year:
            return False
        for mine, theirs in ((self.month, other.month), (self.day, other.day)):
            if mine is None or theirs is None:
                return True
            if mine != theirs:
                return False
        return True

    @property
    def rank(self) -> int:
        """0 = year, 1 = month, 2 = day: how precise the date is."""
        return 2 if self.day is not None else 1 if self.month is not None else 0


@dataclass(frozen=True)
class Negation:
    cue: str  # the cue with the word it denies, as written ("never pulled")
    scope: str  # stem of the first content word after the cue ("" if none)
    start: int
    end: int


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

    @property
    def content_count(self) -> int:
        return len(self.stems) + len(self.names)

    def surface(self, stem: str) -> str:
        for s, word in self.surfaces:
            if s == stem:
                return word
        return stem


def stem(word: str) -> str:
    """A crude stem: lower-case, -s/-es/-ed/-ing/-e off, a doubled final consonant undone."""
    w = word.lower().replace("’", "'")
    w = _POSSESSIVE.sub("", w) if w.endswith(("'s", "'")) else w
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ing") and len(w) > 5:
        w = w[:-3]
    elif w.endswith("ed") and len(w) > 4:
        w = w[:-2]
    elif w.endswith("es") and len(w) > 4:
        w = w[:-1]
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        w = w[:-1]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w


def is_negation(lower: str) -> bool:
    return lower in NEGATIONS or lower.endswith(NEGATION_SUFFIXES)


# --- units ---------------------------------------------------------------------------


def statements_of(analysis: ArticleAnalysis, article_index: int) -> list[Statement]:
    """The statements of one article: its sentences (headline and quote-led ones out),
    split into clauses where a sentence clearly carries two facts."""
    text = analysis.article.text
    quotes = _quote_spans(analysis)
    dates = _dates_of(analysis)
    known_names = _mid_sentence_capitals(analysis.sentences)
    out: list[Statement] = []
    for sentence in analysis.sentences:
        if _is_headline(analysis, sentence) or _quote_share(sentence, quotes) >= QUOTE_SHARE_SKIP:
            continue
        for start, end in _clauses(text, sentence, quotes):
            out.append(
                _statement(analysis.article.id, article_index, text, start, end, dates, known_names)
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
        if not match.group().startswith(";"):
            nxt = _TOKEN.match(text, after)
            if nxt is None:
                continue
            word = nxt.group()
            if word.lower() not in SUBJECT_STARTERS and not word[:1].isupper():
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


def _content_words(text: str) -> int:
    return sum(1 for m in _TOKEN.finditer(text) if m.group().lower() not in STOPWORDS)


def _mid_sentence_capitals(sentences: Sequence[Sentence]) -> frozenset[str]:
    """Capitalised words seen away from a sentence start: names, so a sentence-initial
    "Baldwin" is a name while a sentence-initial "Prosecutors" is not."""
    seen: set[str] = set()
    for sentence in sentences:
        tokens = list(_TOKEN.finditer(sentence.text))
        for m in tokens[1:]:
            if m.group()[:1].isupper():
                seen.add(_strip_possessive(m.group()).lower())
    return frozenset(seen)


def _strip_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word) if word.endswith(("'s", "’s", "'", "’")) else word


def _tokens(text: str, start: int, end: int) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text, start, end):
        word = _strip_possessive(m.group()).rstrip("-")
        if not word:
            continue
        out.append(Token(word, m.start(), m.start() + len(word), word.lower(), word[:1].isupper()))
    return out


# --- features ------------------------------------------------------------------------


def _statement(
    article: str,
    article_index: int,
    text: str,
    start: int,
    end: int,
    dates: list[When],
    known_names: frozenset[str],
) -> Statement:
    # trailing punctuation of a clause cut at ";" or "," is not part of it
    while end > start and text[end - 1] in ",;: ":
        end -= 1
    tokens = _tokens(text, start, end)
    when = tuple(d for d in dates if start <= d.start and d.end <= end)
    date_spans = [(d.start, d.end) for d in when]
    numbers = tuple(_numbers(text, tokens, start, end, date_spans))
    number_spans = [(n.start, n.end) for n in numbers]
    stems: list[str] = []
    surfaces: list[tuple[str, str]] = []
    names: set[str] = set()
    for i, tok in enumerate(tokens):
        if _inside(tok.start, date_spans) or _inside(tok.start, number_spans):
            continue
        if tok.lower in STOPWORDS or is_negation(tok.lower) or tok.lower in WEEKDAYS:
            continue
        if tok.lower in MONTHS and tok.capital:
            continue
        if _is_name(tok, i == 0, known_names):
            names.add(tok.lower)
            continue
        if tok.text[0].isdigit():
            continue
        s = stem(tok.text)
        stems.append(s)
        surfaces.append((s, tok.text))
    return Statement(
        article=article,
        article_index=article_index,
        start=start,
        end=end,
        text=text[start:end],
        stems=frozenset(stems),
        surfaces=tuple(surfaces),
        names=frozenset(names),
        name_runs=tuple(_name_runs(text, tokens, known_names)),
        numbers=numbers,
        dates=when,
        negations=tuple(_negations(tokens)),
    )


def _is_name(tok: Token, first: bool, known_names: frozenset[str]) -> bool:
    if not tok.capital or tok.lower in TITLES or tok.lower in STOPWORDS:
        return False
    if tok.lower in MONTHS or tok.lower in WEEKDAYS:
        return False
    return not first or tok.lower in known_names


def _name_runs(text: str, tokens: list[Token], known_names: frozenset[str]) -> list[NameRun]:
    """Runs of adjacent name tokens, each with the role slots it fills: a title inside
    or before it ("Judge"), the role word before it ("cinematographer"), the word after
    it ("dismissed")."""
    runs: list[NameRun] = []
    i = 0
    while i < len(tokens):
        if not _is_name(tokens[i], i == 0, known_names):
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


def _negations(tokens: list[Token]) -> list[Negation]:
    out = []
    for i, tok in enumerate(tokens):
        if not is_negation(tok.lower):
            continue
        scope, last = "", tok
        for nxt in tokens[i + 1:i + 4]:
            if nxt.lower in STOPWORDS or is_negation(nxt.lower):
                continue
            scope, last = stem(nxt.text), nxt
            break
        out.append(Negation(cue=tok.text, scope=scope, start=tok.start, end=last.end))
    return out


def _numbers(
    text: str, tokens: list[Token], start: int, end: int, date_spans: list[tuple[int, int]]
) -> list[NumberMention]:
    found: list[NumberMention] = []
    taken: list[tuple[int, int]] = list(date_spans)

    def add(value: float, unit: str, s: int, e: int) -> None:
        if any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        found.append(NumberMention(value, unit, text[s:e], s, e))

    for m in _MONEY.finditer(text, start, end):
        value = float(m.group("num").replace(",", "")) * MULTIPLIERS.get(m.group("mult") or "", 1)
        add(value, CURRENCIES[m.group("cur")], m.start(), m.end())
    for m in _AGE.finditer(text, start, end):
        group = "num" if m.group("num") else "num2" if m.group("num2") else "num3"
        if group == "num3":
            before = text[max(start, m.start() - 40):m.start()].split()
            if not before or not before[-1][:1].isupper():
                continue
        add(float(m.group(group)), "age", m.start(group) if group == "num3" else m.start(),
            m.end(group) if group == "num3" else m.end())
    for i, tok in enumerate(tokens):
        parsed = _number_value(tok.lower)
        if parsed is None:
            continue
        value, unit = parsed
        span_end = tok.end
        k = i + 1
        if k < len(tokens) and tokens[k].lower in MULTIPLIERS and tokens[k].lower not in ("k", "m", "bn"):
            value *= MULTIPLIERS[tokens[k].lower]
            span_end = tokens[k].end
            k += 1
        if not unit:
            if k < len(tokens) and tokens[k].lower in UNIT_SKIP:
                k += 1
            if k < len(tokens) and _adjacent(text, tokens[k - 1].end, tokens[k].start):
                word = tokens[k].lower
                if word in CURRENCY_WORDS:
                    unit = CURRENCY_WORDS[word]
                    span_end = tokens[k].end
                elif word == "percent" or text[tokens[k - 1].end:tokens[k - 1].end + 1] == "%":
                    unit = "percent"
                    span_end = tokens[k].end if word == "percent" else span_end + 1
                elif word.isalpha() and word not in STOPWORDS and not tokens[k].capital:
                    unit = stem(word)
                    span_end = tokens[k].end
        else:
            unit = stem(unit)
        if tok.text[0].isdigit() and not unit and _YEAR.fullmatch(tok.text):
            continue  # a bare year is a date, not a count
        add(value, unit, tok.start, span_end)
    found.sort(key=lambda n: n.start)
    return found


def _adjacent(text: str, left_end: int, right_start: int) -> bool:
    return text[left_end:right_start].strip() in ("", "-")


def _number_value(word: str) -> tuple[float, str] | None:
    m = _NUMBER_TOKEN.match(word)
    if m is None:
        return None
    unit = m.group("unit") or ""
    if m.group("digits"):
        try:
            return float(m.group("digits").replace(",", "")), unit
        except ValueError:
            return None
    words = m.group("word")
    if words in NUMBER_WORDS:
        return float(NUMBER_WORDS[words]), unit
    if "-" in words and not unit:  # twenty-five
        tens, ones = words.split("-", 1)
        if tens in NUMBER_WORDS and ones in NUMBER_WORDS and NUMBER_WORDS[ones] < 10:
            return float(NUMBER_WORDS[tens] + NUMBER_WORDS[ones]), ""
        if tens in NUMBER_WORDS:  # "three-year" sentence
            return float(NUMBER_WORDS[tens]), ones
    return None


# --- dates ---------------------------------------------------------------------------


def _dates_of(analysis: ArticleAnalysis) -> list[When]:
    """The article's calendar dates: the dates stage's records when there are any, else
    month names and years found by our own rules (no year carried)."""
    mentions = [m for m in analysis.dates if m.kind == "date" and m.date is not None]
    if analysis.dates:
        return [_when_of(m) for m in mentions]
    return fallback_dates(analysis.article.text)


def _when_of(mention: DateMention) -> When:
    d = mention.date
    assert d is not None
    return When(d.year, d.month, d.day, mention.expression, mention.start, mention.end, d)


def fallback_dates(text: str) -> list[When]:
    out: list[When] = []
    for m in _MONTH_DATE.finditer(text):
        month = MONTHS[m.group("month").lower()]
        if m.group("month") == "May" and not (m.group("day") or m.group("year")):
            # "May" alone is as often the verb; take it only after "in"
            if not re.search(r"\b(?:in|In|of|since|until|by)\s+$", text[max(0, m.start() - 7):m.start()]):
                continue
        day = int(m.group("day")) if m.group("day") else None
        if day is not None and not 1 <= day <= 31:
            day = None
        year = int(m.group("year")) if m.group("year") else None
        end = m.end() if (day or year) else m.end("month")
        partial = None
        if year is not None:
            try:
                partial = PartialDate.of(year, month, day)
            except ValueError:
                partial = None
        out.append(When(year, month, day, text[m.start():end], m.start(), end, partial))
    for m in _YEAR.finditer(text):
        if any(w.start <= m.start() < w.end for w in out):
            continue
        year = int(m.group("year"))
        out.append(When(year, None, None, m.group(), m.start(), m.end(), PartialDate.of(year)))
    out.sort(key=lambda w: w.start)
    return out
