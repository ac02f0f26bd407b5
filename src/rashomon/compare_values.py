"""Words, numbers and dates read off an article's text for the compare stage.

Tokens keep their offsets; numbers carry the unit they count ("10 months", "age 52",
"$2 million"); dates come from the dates stage's records, or from month names and years
found by our own rules when there are none.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from types import MappingProxyType

from .model import ArticleAnalysis, DateMention, PartialDate
from .resources.compare import (
    ADJECTIVE_ENDINGS,
    APPROXIMATE_SHARE,
    ATTACHED_MULTIPLIERS,
    CURRENCIES,
    CURRENCY_WORDS,
    HEDGE_REACH,
    HEDGES,
    IRREGULAR_VERBS,
    MONTH_PREPOSITIONS,
    MONTHS,
    MULTIPLIERS,
    NEGATION_SUFFIXES,
    NEGATIONS,
    NUMBER_WORDS,
    ORDINAL_SUFFIXES,
    SAME_PHRASES,
    SAME_WORDS,
    STOPWORDS,
    TALLY_LINK,
    TALLY_REACH,
    UNIT_SKIP,
    VOTE_WORDS,
)

TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?:-[A-Za-z]+)*|[A-Za-z0-9][A-Za-z0-9'’\-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
_RANGE_FROM = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_PART_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|[A-Z][\w-]*['’]s\s+)?")
_SECOND_COUNT = re.compile(r"\s+to\s+(?:[A-Z][\w-]*['’]s\s+)?")
_HEDGE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True)) + r")\s+\$?$"
)
# Fallback date rules, used only when the dates stage left no records: month names
# (the dates stage's vocabulary, via resources.compare.MONTHS), a day, a written year.
_MONTH_NAMES = "|".join(
    sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)
)
_MONTH_DATE = re.compile(
    r"\b(?P<month>" + _MONTH_NAMES + r")(?![A-Za-z])\.?"
    r"(?:\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b)?"
    r"(?:,?\s+(?:of\s+)?(?P<year>(?:19|20)\d{2})\b)?"
)
# "in May": a bare "May" is the month only right after one of these
_MONTH_PREPOSITION = re.compile(r"\b(?:" + "|".join(MONTH_PREPOSITIONS) + r")\s+$")
_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b")
_WRITTEN_YEAR = re.compile(r"\b\d{4}\b|['’]\d{2}\b")
_MONEY = re.compile(
    r"(?P<cur>[$€£])\s?(?P<num>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s?(?P<mult>" + "|".join(sorted(MULTIPLIERS, key=len, reverse=True)) + r")\b)?"
)
# "£1.81 a week"; not "£40,000 a day after the appeal"
_RATE = re.compile(
    r"\s+(?:a|an|per|each)\s+(week|month|year|day|hour)\b(?!\s+(?:after|before|later|earlier))",
    re.IGNORECASE,
)
_AGE = re.compile(
    r"\b(?P<num>\d{1,3})-year-old\b|\b(?:age|aged)\s+(?P<num2>\d{1,3})\b"
    r"|(?<=[A-Za-z]), (?P<num3>\d{1,3}),"
)
_NUMBERTOKEN = re.compile(
    r"^(?:(?P<digits>\d[\d,]*(?:\.\d+)?)|(?P<word>[a-z]+(?:-[a-z]+)?))(?:-(?P<unit>[a-z]+))?$"
)


CURRENCY_UNITS = frozenset(CURRENCIES.values())


def is_money(unit: str) -> bool:
    """Whether a unit is a sum of money, or a rate of one ("pounds a week")."""
    return unit.split(" ", 1)[0] in CURRENCY_UNITS


@dataclass(frozen=True)
class Token:
    text: str  # as written, possessive dropped
    start: int
    end: int
    lower: str
    capital: bool


@dataclass(frozen=True)
class NumberMention:
    value: float
    unit: str  # "" when the number counts nothing we can name
    text: str
    start: int
    end: int
    # how the text hedges it: "" exact, "about" ("some 8,900", "nearly 300"), "over"
    # ("more than 90", "at least"), "under" ("fewer than 100", "up to")
    bound: str = ""

    def agrees_with(self, other: NumberMention) -> bool:
        """Whether two mentions can state one count: equal, or within what a hedge
        allows ("about 9,000" and "some 8,900"; "more than 90" and "146")."""
        if self.value == other.value:
            return True
        for a, b in ((self, other), (other, self)):
            if a.bound == "over" and b.value > a.value:
                return True
            if a.bound == "under" and b.value < a.value:
                return True
        if "about" in (self.bound, other.bound):
            return abs(self.value - other.value) <= APPROXIMATE_SHARE * max(self.value, other.value)
        return False


@dataclass(frozen=True)
class When:
    """A date as far as the text says it. ``year`` is None unless the expression writes
    it: a year the dates stage carried over from the publication date is its best guess,
    and two outlets' guesses for "July 12" may differ without the outlets differing."""

    year: int | None
    month: int | None
    day: int | None
    text: str
    start: int
    end: int
    partial: PartialDate | None = None  # the resolved period, when there is one

    def compatible(self, other: When) -> bool:
        if (self.year is not None and other.year is not None
                and self.partial is not None and other.partial is not None):
            return self.partial.compatible(other.partial)
        # an unknown year matches any year; a missing month or day means the date is
        # coarser, and a coarser date contains the finer one
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


# --- words -------------------------------------------------------------------------------


def stem(word: str) -> str:
    """A crude stem: lower-case, an irregular past made present ("shook" -> "shake"),
    -s/-es/-ed/-ing/-e off, a doubled final consonant undone."""
    w = word.lower().replace("’", "'")
    w = _POSSESSIVE.sub("", w) if w.endswith(("'s", "'")) else w
    w = _BASE_FORM.get(w, w)
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
        if w.endswith("ing") and len(w) > 5:
            w = w[:-3]  # "warnings" is "warning" is "warn"
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w


_BASE_FORM = MappingProxyType(
    {past: forms.split()[0] for forms in IRREGULAR_VERBS for past in forms.split()[1:]}
)


def _same_word_table() -> dict[str, str]:
    table = {}
    for group in SAME_WORDS:
        words = group.split()
        for word in words:
            table[stem(word)] = stem(words[0])
    return table


_SAME_WORD = MappingProxyType(_same_word_table())
_SAME_PHRASE = tuple(
    (re.compile(rf"\b{re.escape(phrase)}\b", re.IGNORECASE), word) for phrase, word in SAME_PHRASES
)


def canonical(stem_: str) -> str:
    """The stem two outlets' different words for one thing share ("employe" ->
    "worker", "explos" -> "blast"); the stem itself for other words."""
    return _SAME_WORD.get(stem_, stem_)


def phrase_words(text: str) -> list[tuple[str, int, int, str]]:
    """(canonical stem, start, end in the text, the word it stands for) of each multiword
    form ("taken into custody" -> arrest)."""
    return [
        (canonical(stem(word)), m.start(), m.end(), word)
        for pattern, word in _SAME_PHRASE
        for m in pattern.finditer(text)
    ]


def is_negation(lower: str) -> bool:
    return lower in NEGATIONS or lower.endswith(NEGATION_SUFFIXES)


def strip_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word) if word.endswith(("'s", "’s", "'", "’")) else word


def tokenize(text: str, start: int, end: int) -> list[Token]:
    out = []
    for m in TOKEN.finditer(text, start, end):
        word = strip_possessive(m.group()).rstrip("-")
        if not word:
            continue
        out.append(Token(word, m.start(), m.start() + len(word), word.lower(), word[:1].isupper()))
    return out


# --- numbers -----------------------------------------------------------------------------


def _bound_before(text: str, start: int) -> str:
    """The hedge written just before a number: "about", "over", "under" or ""."""
    match = _HEDGE.search(text[max(0, start - HEDGE_REACH) : start].lower())
    return HEDGES[" ".join(match.group(1).split())] if match else ""


def find_numbers(
    text: str, tokens: list[Token], start: int, end: int, date_spans: list[tuple[int, int]]
) -> list[NumberMention]:
    found: list[NumberMention] = []
    taken: list[tuple[int, int]] = list(date_spans)

    def add(value: float, unit: str, s: int, e: int) -> None:
        if any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        found.append(NumberMention(value, unit, text[s:e], s, e, _bound_before(text, s)))

    for m in _MONEY.finditer(text, start, end):
        value = float(m.group("num").replace(",", "")) * MULTIPLIERS.get(m.group("mult") or "", 1)
        # a rate is a sum per period: "£1.81 a week" and "£94 a year" are one rate
        rate = _RATE.match(text, m.end())
        unit = CURRENCIES[m.group("cur")] + (f" a {rate.group(1).lower()}" if rate else "")
        add(value, unit, m.start(), m.end())
    for m in _AGE.finditer(text, start, end):
        group = "num" if m.group("num") else "num2" if m.group("num2") else "num3"
        if group == "num3":
            before = text[max(start, m.start() - 40):m.start()].split()
            if not before or not before[-1][:1].isupper():
                continue
        add(float(m.group(group)), "age", m.start(group) if group == "num3" else m.start(),
            m.end(group) if group == "num3" else m.end())
    for i, tok in enumerate(tokens):
        parsed = number_value(tok.lower)
        if parsed is None:
            continue
        value, unit = parsed
        span_end = tok.end
        k = i + 1
        if [t.lower for t in tokens[k:k + 3]] == ["and", "a", "half"]:
            value += 0.5  # "three and a half percent"
            span_end = tokens[k + 2].end
            k += 3
        attached = k < len(tokens) and tokens[k].start == span_end
        if attached and tokens[k].lower in ORDINAL_SUFFIXES:
            continue  # "3rd", "1990s": a rank or a decade, no count
        if (k < len(tokens) and tokens[k].lower in MULTIPLIERS
                and (attached or tokens[k].lower not in ATTACHED_MULTIPLIERS)):
            # "3.8m passengers", "10k runners", "2 million"; a spaced "3 m" is metres
            value *= MULTIPLIERS[tokens[k].lower]
            span_end = tokens[k].end
            k += 1
        if not unit and text[span_end:span_end + 1] == "%":
            unit = "percent"
            span_end += 1
        elif not unit:
            unit, span_end = _unit_after(text, tokens, k, span_end)
        else:
            unit = stem(unit)
        if tok.text[0].isdigit() and not unit and _YEAR.fullmatch(tok.text):
            continue  # a bare year is a date, not a count
        add(value, unit, tok.start, span_end)
    found.sort(key=lambda n: n.start)
    return _tally_units(text, found)


def _tally_units(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """A tally's second count counts what its first does: "9,412 votes to Kroll's
    9,375", "12 seats to 9"; a vote's bare tally counts votes ("voted 11 to 6")."""
    out: list[NumberMention] = []
    for mention in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.unit and not mention.unit
                and _SECOND_COUNT.fullmatch(text[prev.end:mention.start])):
            mention = dataclasses.replace(mention, unit=prev.unit)
        elif prev is not None and mention.unit and not prev.unit and _PART_OF.fullmatch(
                text[prev.end:mention.start]):
            # "Five of Harrowgate's 14 branch libraries": five libraries
            out[-1] = dataclasses.replace(prev, unit=mention.unit)
        elif prev is not None and is_vote_tally(text, prev, mention):
            out[-1] = dataclasses.replace(prev, unit="vot")
            mention = dataclasses.replace(mention, unit="vot")
        out.append(mention)
    return out


def is_vote_tally(text: str, first: NumberMention, second: NumberMention) -> bool:
    """Two figures that are a vote's tally: joined by "to" or a dash, counting nothing
    else, a vote word near ("voted 11 to 6", "12-5 vote")."""
    if first.unit not in ("", "vot") or second.unit not in ("", "vot"):
        return False
    if not TALLY_LINK.fullmatch(text[first.end:second.start]):
        return False
    if _RANGE_FROM.search(text[max(0, first.start - 6):first.start]):
        return False  # "voting runs from 7 to 10": hours, no tally
    around = text[max(0, first.start - TALLY_REACH):second.end + TALLY_REACH]
    return VOTE_WORDS.search(around) is not None


def _unit_after(text: str, tokens: list[Token], k: int, span_end: int) -> tuple[str, int]:
    """The unit a number counts and where its mention ends: the first plural among the
    next few adjacent lower-case words ("two harbour inspectors"), else the first of
    them that is no adjective ("one person", "640 permanent staff"); "" when a function
    word or punctuation follows."""
    if k < len(tokens) and tokens[k].start == span_end and tokens[k].lower.isalpha():
        return canonical(stem(tokens[k].text)), tokens[k].end  # "400g", "310m", "92.4MW"
    words: list[Token] = []
    previous_end = tokens[k - 1].end if k > 0 else span_end
    while k < len(tokens) and len(words) < 3 and _adjacent(text, previous_end, tokens[k].start):
        tok = tokens[k]
        if tok.lower in CURRENCY_WORDS:
            return CURRENCY_WORDS[tok.lower], tok.end
        if tok.lower == "percent":
            return "percent", tok.end
        if tok.lower in UNIT_SKIP:
            previous_end = tok.end
            k += 1
            continue
        if not tok.lower.isalpha() or tok.lower in STOPWORDS or tok.capital:
            break
        words.append(tok)
        previous_end = tok.end
        k += 1
    if not words:
        return "", span_end
    plural = [w for w in words if w.lower.endswith("s") and not w.lower.endswith("ss")]
    # else the first word, past an adjective ("640 permanent staff", not "nine people
    # fell ill")
    # (an adjective is skipped only before a noun: "one patient died" counts patients)
    plain = [w for w, nxt in zip(words, words[1:])
             if not (w.lower.endswith(ADJECTIVE_ENDINGS) and not nxt.lower.endswith(("ed", "ing")))]
    plain += words[-1:]
    chosen = plural[0] if plural else plain[0]
    return canonical(stem(chosen.text)), chosen.end


def _adjacent(text: str, left_end: int, right_start: int) -> bool:
    return text[left_end:right_start].strip() in ("", "-")


def number_value(word: str) -> tuple[float, str] | None:
    m = _NUMBERTOKEN.match(word)
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


def dates_of(analysis: ArticleAnalysis) -> list[When]:
    """The article's calendar dates: the dates stage's records when there are any, else
    month names and years found by our own rules (no year carried)."""
    mentions = [m for m in analysis.dates if m.kind == "date" and m.date is not None]
    if analysis.dates:
        return [_when_of(m) for m in mentions]
    return fallback_dates(analysis.article.text)


def _when_of(mention: DateMention) -> When:
    d = mention.date
    assert d is not None
    year = d.year if _WRITTEN_YEAR.search(mention.expression) else None
    return When(year, d.month, d.day, mention.expression, mention.start, mention.end, d)


def fallback_dates(text: str) -> list[When]:
    """Month-name dates and bare years by our own rules, for an article the dates stage
    gave no records for; a year is set only when written."""
    out: list[When] = []
    for m in _MONTH_DATE.finditer(text):
        month = MONTHS[m.group("month").lower()]
        if m.group("month") == "May" and not (m.group("day") or m.group("year")):
            # "May" alone is as often the verb; take it only after "in"
            if not _MONTH_PREPOSITION.search(text[max(0, m.start() - 7):m.start()]):
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
