"""Temporal expressions: find them, normalise them (TIMEX3-style values), and infer a
publication date when the article gives none.

- :func:`find_dates` finds every expression (``dates_rules``), then resolves them in
  text order (``dates_resolve``) so that anaphora ("September of the same year", "the
  following month") take the date the text established last.
- :func:`infer_published` reads the publication period off the text's own clues.
- :func:`published_from_peers` borrows it from articles of the same story that carry
  the same fresh quotes.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from .dates_clauses import ClauseTense, clause_tense_of, is_future_clause, sentence_tense
from .dates_resolve import Context, resolved
from .dates_rules import EXPLICIT_YEAR_RULES, QUARTER_RULES, Candidate, find_candidates
from .dates_values import unit_of
from .model import Article, ArticleAnalysis, DateMention, PartialDate, Sentence
from .resources import dates as R
from .sentences import sentence_at
from .typography import plain_marks


def day_anchor_pattern() -> re.Pattern[str]:
    """Expressions that only make sense close to publication ("on Friday", "this
    week"), composed from the word lists of ``resources/dates.py``."""
    modifiers = "|".join(R.DAY_ANCHOR_MODIFIERS)
    weekdays = "|".join(R.WEEKDAYS)
    day_words = "|".join(R.DAY_WORDS)
    return re.compile(
        rf"(?:(?:{modifiers})\s+)?(?:{weekdays})(?:\s+[a-z]+)?$|(?:{day_words})$|{R.DAY_ANCHOR_WEEKS}$",
        re.IGNORECASE,
    )


# compiled once: a compiled pattern is immutable
DAY_ANCHOR = day_anchor_pattern()

# Quotes shorter than this are too common ("see you soon") to date an article by.
MIN_QUOTE_WORDS = 6
QUOTE_MATCH_SCORE = 90


def latest_explicit_year(candidates: Sequence[Candidate], future: Sequence[bool]) -> int | None:
    """The latest year the text writes out for a past event: it bounds weekday-fixed
    years when there is no publication date (a plan "by November 2026" does not)."""
    years = [
        int(c.match.group("year"))
        for c, ahead in zip(candidates, future)
        if c.rule in EXPLICIT_YEAR_RULES and not ahead
    ]
    return max(years) if years else None


def _words_before_date(words: Sequence[str]) -> re.Pattern[str]:
    """One of ``words`` (then an optional "the") right before a date."""
    return re.compile(rf"\b(?:{'|'.join(words)})\s+(?:the\s+)?$", re.IGNORECASE)


# "by Jan. 14", "until Nov. 9": a deadline, which may lie ahead whatever the verb
_DEADLINE = _words_before_date(R.DEADLINE_WORDS)
# "subpoenaed him to testify on Feb. 10": the date of what the past verb set up
# ("changed to a calendar year in December": "to" before a determiner is a preposition)
_PURPOSE = re.compile(rf"\bto\s+(?!be\b|have\b|(?:{'|'.join(R.DETERMINERS)})\b)[a-z]+"
                      r"(?:\s+[^\s,.;:]+){0,6}\s+(?:on|in|by)\s+$")
_DEADLINE_AFTER = re.compile(rf"\s+(?:{'|'.join(R.DEADLINE_NOUNS)})\b", re.IGNORECASE)
# "since March", "the year ended March 31": behind publication, whatever else the clause says
_BEHIND = _words_before_date(R.BEHIND_WORDS)
_AHEAD = _words_before_date(R.AHEAD_WORDS)


def _just_before(pattern: re.Pattern[str], text: str, candidate: Candidate, reach: int = 20
                 ) -> bool:
    """True when ``pattern`` ends right where the candidate starts, within ``reach``."""
    return pattern.search(text, max(0, candidate.start - reach), candidate.start) is not None


def is_deadline(text: str, candidate: Candidate) -> bool:
    """"by Jan. 14", "effective Feb. 1", "the Jan. 14 deadline": a date that may lie
    ahead even in a past clause."""
    return (_just_before(_DEADLINE, text, candidate)
            or _DEADLINE_AFTER.match(text, candidate.end) is not None
            or _just_before(_PURPOSE, text, candidate, reach=60))


def is_possessive(match: re.Match[str]) -> bool:
    """"Friday's": the expression is followed by a possessive ending."""
    return match.string[match.end():match.end() + 2] in R.POSSESSIVE_ENDINGS


def find_dates(
    article: Article, sentences: tuple[Sentence, ...], published: PartialDate | None
) -> tuple[DateMention, ...]:
    """Every temporal expression of ``article.text``, normalised against ``published``
    (relative ones get value None when it is None, and so does any expression whose
    date would fall outside the calendar: "3000 years ago", "next year" in 9999)."""
    text = article.text
    candidates = find_candidates(text)
    spans = [(c.start, c.end) for c in candidates]
    holders = [sentence_at(sentences, c.start) for c in candidates]
    tenses = [ClauseTense(False, True) if s is None else clause_tense_of(s, c.start, c.end, spans)
              for c, s in zip(candidates, holders)]
    latest_year = latest_explicit_year(candidates, [t.future for t in tenses])
    mentions: list[DateMention] = []
    anchor: PartialDate | None = None
    quarter: str | None = None  # the quarter the text stated last, and in which sentence
    quarter_sentence: int | None = None
    for candidate, sentence, tense in zip(candidates, holders, tenses):
        # a date outside every given sentence (a stretch the splitter left out, or no
        # sentences given at all) happens: its mention gets sentence=None, and it is
        # read as past, like news
        read = date_tense(candidate, sentence, tense)
        ahead, past = read.future, read.past
        event_past = read.event_past and not is_deadline(text, candidate)
        if _just_before(_BEHIND, text, candidate):
            ahead, past, event_past = False, True, True
        elif _just_before(_AHEAD, text, candidate):
            ahead, past = True, False
        here = (sentence is not None and quarter_sentence is not None
                and 0 <= sentence.index - quarter_sentence <= R.QUARTER_REACH_SENTENCES)
        result = resolved(candidate, Context(published, anchor, latest_year, ahead, past,
                                             event_past, quarter, here))
        mentions.append(
            DateMention(
                expression=text[candidate.start:candidate.end],
                start=candidate.start,
                end=candidate.end,
                value=result.value,
                granularity=result.granularity,
                kind=result.kind,  # type: ignore[arg-type]
                date=result.date,
                sentence=sentence.index if sentence else None,
            )
        )
        if result.date is not None and not _compares_back(candidate):
            # each date the text states becomes the reference of the next anaphor
            anchor = result.date
        if candidate.rule in QUARTER_RULES and result.value is not None and not ahead:
            # (a quarter forecast, "losses through the third quarter of 1990", is not
            # the period the story reports)
            quarter, quarter_sentence = result.value, sentence.index if sentence else None
        elif (quarter is not None and candidate.rule in EXPLICIT_YEAR_RULES
              and result.date is not None and str(result.date.year) != quarter[:4]):
            quarter_sentence = None  # "In 1985 he founded it; a year earlier ...": 1984
    return tuple(mentions)


def date_tense(candidate: Candidate, sentence: Sentence | None, tense: ClauseTense
               ) -> ClauseTense:
    """The tense a date is read in, from its clause's: a clause with no cue takes its
    sentence's; "would" alone beside a past cue is not ahead, and neither is a weekday
    whose nearest cue before it is past ("said Monday before leaving") nor a possessive
    weekday ("Friday's ruling")."""
    if sentence is not None and not tense.future and not tense.past:
        read = sentence_tense(sentence)
    elif tense.future and tense.past and (
        tense.only_would or (candidate.rule == "weekday" and tense.past_nearer)
    ):
        read = dataclasses.replace(tense, future=False, past=True)
    else:
        read = tense
    if (candidate.rule == "weekday" and is_possessive(candidate.match)
            and (not read.future or read.only_would)):
        # "Friday's ruling", "they would look for ways around Wednesday's ruling": a
        # thing done, unless the clause truly looks ahead ("will read Friday's verdict")
        return dataclasses.replace(read, future=False, past=True)
    return read


def _compares_back(candidate: Candidate) -> bool:
    """"a year earlier", "a year ago" compare with the period the text speaks of; they
    are no new reference ("up from $2 a year ago ... compared with 40% a year earlier":
    both the same year back). A shorter span ago ("two days ago") dates an event that
    later anaphora count from."""
    if candidate.rule == "ago" and unit_of(candidate.match.group("unit")) == "year":
        return True
    return candidate.rule == "shift" and candidate.match.group("ana").lower() == "earlier"


def future_mention(article: Article, sentences: tuple[Sentence, ...], mention: DateMention,
                   mentions: Sequence[DateMention]) -> bool:
    """True when the mention sits in a clause about the future (a plan, a schedule)."""
    sentence = sentence_at(sentences, mention.start)
    spans = [(m.start, m.end) for m in mentions]
    return sentence is not None and is_future_clause(sentence, mention.start, mention.end, spans)


def infer_published(article: Article, sentences: tuple[Sentence, ...]) -> PartialDate | None:
    """The publication period read from the text: the latest date the text fixes by
    itself to the month or the day (absolute dates, and yearless dates whose weekday
    fixes the year), leaving out plans. Month precision, or the day of that latest
    event when "on Friday"/"this week" show the text was written within days of it.
    None when the text only gives bare years, or a year later than its precise dates."""
    mentions = find_dates(article, sentences, None)
    dated = [
        m.date for m in mentions
        if m.kind == "date" and m.date is not None
        and not future_mention(article, sentences, m, mentions)
    ]
    precise = [d for d in dated if d.granularity != "year"]
    if not precise or max(d.year for d in dated) > max(d.year for d in precise):
        # a bare year ("the 2019 flood") is background more often than news, and
        # says nothing of the month: too few clues (peers may tell, see below)
        return None
    latest = max(precise, key=lambda d: (d.last_day, d.value))
    if latest.granularity == "day" and any(DAY_ANCHOR.match(m.expression) for m in mentions):
        # "on Friday", "last week", "yesterday": the text is written within days of
        # its latest event, and those references need a day to count from
        return latest
    return PartialDate.of(latest.year, latest.value.month)


def normalised_quote(text: str) -> str:
    """Lower case, one kind of quote mark and dash, single spaces: outlets differ in
    typography, not in words."""
    return " ".join(plain_marks(text.lower()).split())


# The text between quote marks: the quotes of an article with no quote records
QUOTED_TEXT = re.compile(r"[“\"]([^”\"]+)[”\"]")


def is_fresh_quote(text: str) -> bool:
    """Long enough to be distinctive ("see you soon" is said every day)."""
    return len(text.split()) >= MIN_QUOTE_WORDS


def fresh_quotes(analysis: ArticleAnalysis) -> list[str]:
    """The article's quotes long enough to be distinctive (the quote stage's records;
    failing those, the text between quote marks)."""
    texts = [q.text for q in analysis.quotes] or QUOTED_TEXT.findall(analysis.article.text)
    return [normalised_quote(t) for t in texts if is_fresh_quote(t)]


def shared_quote_count(mine: Sequence[str], theirs: Sequence[str]) -> int:
    """How many of ``mine`` appear (fuzzily, possibly cut) among ``theirs``."""
    return sum(
        1 for quote in mine
        if any(fuzz.partial_ratio(quote, other) >= QUOTE_MATCH_SCORE for other in theirs)
    )


def lending_peer(
    article: ArticleAnalysis, peers: Sequence[ArticleAnalysis]
) -> tuple[PartialDate, str] | None:
    """The publication period of the dated peer that shares the most fresh quotes with
    ``article`` (ties: the latest date, then the first peer), and that peer's id: fresh
    quotes travel within days, so the article belongs to that month. The period is
    returned at month precision (a day would claim more than we know)."""
    mine = fresh_quotes(article)
    if not mine:
        return None
    best: tuple[int, PartialDate, str] | None = None
    for peer in peers:
        published = peer.article.published
        if peer.article.id == article.article.id or published is None:
            continue
        count = shared_quote_count(mine, fresh_quotes(peer))
        if count and (best is None or (count, published) > best[:2]):
            best = (count, published, peer.article.id)
    if best is None:
        return None
    published = best[1]
    if published.granularity != "year":
        published = PartialDate.of(published.year, published.value.month)
    return published, best[2]


def published_from_peers(
    article: ArticleAnalysis, peers: Sequence[ArticleAnalysis]
) -> PartialDate | None:
    """The period :func:`lending_peer` finds, without the peer."""
    lent = lending_peer(article, peers)
    return lent[0] if lent else None
