"""The data model: frozen dataclasses shared by every stage.

Every record that quotes an article keeps character offsets into ``Article.text`` so
that ``article.text[start:end]`` is exactly the record's text. Dates inside the code
are real :class:`datetime.date` values wrapped in :class:`PartialDate` (which also
says how precise they are); strings appear only in the renderers.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Granularity = Literal["day", "month", "year"]
PublishedBasis = Literal["given", "metadata", "inferred"]
QuoteKind = Literal["direct", "partial", "headline"]
DateKind = Literal["date", "duration", "set"]
RelationKind = Literal[
    "identical", "typographic", "censored", "truncated", "extended", "altered", "misattributed"
]
DiffOpName = Literal["equal", "insert", "delete", "replace"]
ConflictKind = Literal["date", "number", "name", "claim"]
# what dates an event source: its own date expression, or (undated) the quote it
# shares with a dated source of the same event
SourceBasis = Literal["date", "quote"]


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to day, month or year precision.

    ``value`` is the first day of the period it names (2024-07-01 for July 2024).
    """

    value: date
    granularity: Granularity = "day"

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None) -> PartialDate:
        if month is None:
            return cls(date(year, 1, 1), "year")
        if day is None:
            return cls(date(year, month, 1), "month")
        return cls(date(year, month, day), "day")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raises ValueError otherwise."""
        parts = text.strip().split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
            raise ValueError(f"not a YYYY[-MM[-DD]] date: {text!r}")
        return cls.of(*(int(p) for p in parts))

    @property
    def year(self) -> int:
        return self.value.year

    @property
    def month(self) -> int | None:
        return None if self.granularity == "year" else self.value.month

    @property
    def day(self) -> int | None:
        return self.value.day if self.granularity == "day" else None

    @property
    def last_day(self) -> date:
        """The last day of the period (for range comparisons)."""
        if self.granularity == "day":
            return self.value
        if self.granularity == "month":
            return date(self.year, self.value.month, calendar.monthrange(self.year, self.value.month)[1])
        return date(self.year, 12, 31)

    def contains(self, other: PartialDate) -> bool:
        """True when ``other`` lies inside this period (a day inside its month...)."""
        return self.value <= other.value and other.last_day <= self.last_day

    def compatible(self, other: PartialDate) -> bool:
        """True when one period contains the other (July 2024 and July 12, 2024)."""
        return self.contains(other) or other.contains(self)

    def iso(self) -> str:
        if self.granularity == "year":
            return f"{self.year:04d}"
        if self.granularity == "month":
            return f"{self.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True)
class Span:
    """A stretch of an article's text: ``article.text[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class RemovedLine:
    """A boilerplate line taken out of the raw text, and why."""

    line: str
    reason: str


@dataclass(frozen=True)
class Article:
    """One article as read from its input, after cleaning.

    ``text`` is the text analysed (headline line first when there is one); every
    offset in every other record indexes into it.
    """

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: PartialDate | None = None
    published_basis: PublishedBasis | None = None
    # the peer article whose publication period was borrowed (None: the article's own
    # text or metadata gave it)
    published_from: str | None = None
    removed: tuple[RemovedLine, ...] = ()
    # where the headline sits in ``text`` (None when the input had no headline line)
    title_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True)
class Quote:
    id: str
    article: str
    text: str  # between the marks, without them
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None  # resolved full name
    speaker_mention: Span | None = None
    cue: str | None = None
    confidence: float = 0.5
    sentence: int | None = None  # index of the sentence holding the quote's start


@dataclass(frozen=True)
class Speaker:
    name: str
    aliases: tuple[str, ...]
    quotes: int


@dataclass(frozen=True)
class DateMention:
    """A temporal expression and its TIMEX3-style normalisation."""

    expression: str
    start: int
    end: int
    value: str | None  # TIMEX3 value: 2024-07-12, 2024-07, 2024, 2013-W11, 2024-SU, P3Y...
    granularity: str | None
    kind: DateKind = "date"
    date: PartialDate | None = None  # the calendar period, when the value names one
    sentence: int | None = None


@dataclass(frozen=True)
class DiffOp:
    op: DiffOpName
    a: str
    b: str


@dataclass(frozen=True)
class QuoteRelation:
    a: str
    b: str
    kinds: tuple[RelationKind, ...]
    diff: tuple[DiffOp, ...]


@dataclass(frozen=True)
class QuoteGroup:
    id: str
    speaker: str | None
    quotes: tuple[str, ...]
    relations: tuple[QuoteRelation, ...]


@dataclass(frozen=True)
class EventSource:
    """One sentence that tells an event. With ``basis`` "date" it dates the event by its
    own expression; with "quote" it gives no date (``expression`` is "" and start ==
    end, at its clause) and joins the event by the quote it shares with the source of
    article ``dated_by``."""

    article: str
    expression: str
    start: int  # of the date expression
    end: int
    sentence: str
    event_start: int | None = None  # of the event clause inside the article text
    event_end: int | None = None
    basis: SourceBasis = "date"
    dated_by: str | None = None  # the article whose source gives the date (basis "quote")


@dataclass(frozen=True)
class DateConflict:
    dates: tuple[PartialDate, ...]
    note: str


@dataclass(frozen=True)
class TimelineEvent:
    date: PartialDate
    event: str
    sources: tuple[EventSource, ...]
    conflict: DateConflict | None = None


@dataclass(frozen=True)
class FactSource:
    article: str
    start: int
    end: int


@dataclass(frozen=True)
class SharedFact:
    text: str
    sources: tuple[FactSource, ...]


@dataclass(frozen=True)
class UniqueFact:
    article: str
    text: str
    start: int
    end: int
    also_in: tuple[str, ...] = ()  # copies of the article that carry it too (wire copy)


@dataclass(frozen=True)
class ConflictVersion:
    article: str
    value: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Conflict:
    kind: ConflictKind
    about: str
    versions: tuple[ConflictVersion, ...]


@dataclass(frozen=True)
class Update:
    """A count that grows from an earlier article to a later one (the dead, the
    arrested): news moving on, not outlets contradicting each other. Versions in order
    of publication."""

    about: str
    versions: tuple[ConflictVersion, ...]


@dataclass(frozen=True)
class Facts:
    shared: tuple[SharedFact, ...] = ()
    unique: tuple[UniqueFact, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    updates: tuple[Update, ...] = ()


@dataclass(frozen=True)
class ArticleAnalysis:
    """An article with what the article-level stages found in it."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    articles: tuple[str, ...]
    speakers: tuple[Speaker, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quote_groups: tuple[QuoteGroup, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    undated: tuple[EventSource, ...] = ()  # background and plans with no date
    facts: Facts = field(default_factory=Facts)
    # groups of articles that copy one another (wire copy), each counted as one source
    syndicated: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Problem:
    """One input that could not be (fully) used: which, what is wrong, what to do."""

    source: str
    code: str
    message: str
    hint: str
    fatal: bool = True  # True: the input was skipped; False: analysed with a warning

    def line(self) -> str:
        level = "error" if self.fatal else "warning"
        return f"{self.source}: {level} [{self.code}] {self.message} ({self.hint})"


@dataclass(frozen=True)
class Report:
    articles: tuple[ArticleAnalysis, ...]
    stories: tuple[Story, ...]
    problems: tuple[Problem, ...] = ()
    schema: str = "rashomon.report/1"

    def article(self, article_id: str) -> ArticleAnalysis:
        for analysis in self.articles:
            if analysis.article.id == article_id:
                return analysis
        raise KeyError(article_id)
