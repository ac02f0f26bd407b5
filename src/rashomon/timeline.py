"""The story's timeline: dated events from every article, merged across outlets.

Each date mention that names a past period becomes an event: the clause the date
governs (``dates_clauses.event_span``), with its offsets; a date inside a direct
quote is the speaker's, not an event. Events from several articles that share a
compatible date and content words (not only the story's topic words: "bridge",
"city") are one event, dated at the finest granularity any source gives ("in July" +
"on July 12" -> July 12); a week ("last week") joins only a day inside it. Each
sentence is one source of an event. Events that share their content but not their
date across outlets (or one event verb, "closed"/"shut", and its object, a few days
apart) are one event with a :class:`DateConflict`. Plans with no date ("in the coming weeks"), unresolved relative dates
and background with no usable date (a decade) go apart, as undated
:class:`EventSource` records; a plan with a date ("by November 2026") is an event.
Last, an outlet that reports a dated event without a date joins it by the quote it
shares with a dated source (``timeline_reports``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from .dates_clauses import event_span
from .model import (
    ArticleAnalysis,
    DateConflict,
    DateMention,
    EventSource,
    PartialDate,
    Sentence,
    TimelineEvent,
)
from .resources import dates as R
from .sentences import sentence_at, split_sentences
from .timeline_mentions import days_apart, in_direct_quote, nested, timeline_date, week_bounds
from .timeline_reports import with_quote_sources

# Merge thresholds, the precision ranking and the words a stem drops are rule data:
# resources/dates.py.
_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_ADVERBIAL_LEAD = re.compile(r"\b(?:in|over|during|within|for|by)\s+$", re.IGNORECASE)
_META_LEAD = re.compile(r"^\W*(?:last\s+)?(?:published|updated|posted|modified)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DatedItem:
    """One dated mention with its event clause, ready to merge."""

    date: PartialDate
    source: EventSource
    words: frozenset[str]
    order: tuple[int, int]  # (article index, offset): the reading order
    bounds: tuple[date, date] | None = None  # the period, when finer than ``date`` (a week)
    sentence: tuple[int, int] = (0, 0)  # (article index, sentence start)

    @property
    def period(self) -> tuple[date, date]:
        """First and last day the mention can mean (a week is narrower than its month)."""
        return self.bounds or (self.date.value, self.date.last_day)


@dataclass
class Cluster:
    items: list[DatedItem] = field(default_factory=list)
    date: PartialDate | None = None
    words: set[str] = field(default_factory=set)
    period: tuple[date, date] | None = None  # the narrowest period of its items

    def articles(self) -> set[str]:
        return {item.source.article for item in self.items}

    def add(self, item: DatedItem) -> None:
        self.items.append(item)
        self.words |= item.words
        if self.date is None or R.GRANULARITY_RANK[item.date.granularity] < R.GRANULARITY_RANK[self.date.granularity]:
            self.date = item.date
        if self.period is None or item.period[1] - item.period[0] < self.period[1] - self.period[0]:
            self.period = item.period


# -- content words -----------------------------------------------------------------

def stem(word: str) -> str:
    """A crude stem so that repaired/repairing/repairs and close/closes/closed/closing
    compare equal; good enough to tell events apart, never shown."""
    for suffix in R.STEM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def lowercase_vocabulary(texts: Sequence[str]) -> frozenset[str]:
    """Words the story writes in lower case somewhere: a capitalised one of these
    ("Inspectors found...") is a common word at a sentence start, not a name."""
    return frozenset(t.lower() for text in texts for t in _TOKEN.findall(text) if t[0].islower())


def content_words(text: str, vocabulary: frozenset[str] = frozenset()) -> frozenset[str]:
    """The event's content words, lower-cased and stemmed. Names are left out (they
    run through every event of a story and would merge them all): a capitalised word
    counts only when the story also writes it in lower case."""
    words = set()
    for token in _TOKEN.findall(text):
        if not token[0].islower() and token.lower() not in vocabulary:
            continue
        for part in token.replace("’", "'").split("-"):
            part = part.lower().strip("'")
            if part in R.EVENT_SYNONYMS:  # "shut", "closed", "closure": one event verb
                words.add(R.EVENT_SYNONYMS[part])
            elif len(part) > 2 and part not in R.STOPWORDS:
                words.add(stem(part))
    return frozenset(words)


def topic_words(items: Sequence[DatedItem]) -> frozenset[str]:
    """Words in so many of the story's dated clauses that they are its topic ("bridge",
    "city"): sharing only those does not make two clauses one event. Each clause counts
    once (two dates of one sentence share it)."""
    clauses = {(i.sentence, i.source.event_start, i.source.event_end): i.words for i in items}
    counts: dict[str, int] = {}
    for words in clauses.values():
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    floor = max(R.TOPIC_MIN_CLAUSES, R.TOPIC_SHARE * len(clauses))
    return frozenset(w for w, n in counts.items() if n >= floor)


def without_dates(text: str, offset: int, mentions: Sequence[DateMention]) -> str:
    """``text`` (at ``offset`` in the article) with the date expressions blanked: "two
    days later" or "last week" says when, not what happened."""
    chars = list(text)
    for mention in mentions:
        for position in range(max(mention.start, offset), min(mention.end, offset + len(text))):
            chars[position - offset] = " "
    return "".join(chars)


# -- which mentions are events -----------------------------------------------------

def is_publication_meta(sentence: Sentence, mention: DateMention) -> bool:
    """True for a dateline ("Published Dec. 18, 2024, 10:05 a.m."): the sentence holds
    nothing but the date and publication words."""
    rest = sentence.text[: mention.start - sentence.start] + " " + sentence.text[mention.end - sentence.start:]
    if _META_LEAD.search(sentence.text[: mention.start - sentence.start]):
        return True
    words = [w.lower().strip(".'’") for w in _TOKEN.findall(rest)]
    return not [w for w in words if len(w) > 1 and w not in R.META_WORDS]


def is_plan_time(mention: DateMention) -> bool:
    """An unplaced future ("in the coming weeks", "in the distant future")."""
    return mention.value == "FUTURE_REF"


def is_future_adverbial(article_text: str, mention: DateMention) -> bool:
    """"within the coming weeks" is a plan's time; "fears for the future" is not."""
    return bool(_ADVERBIAL_LEAD.search(article_text[max(0, mention.start - 12):mention.start]))


def event_source(analysis: ArticleAnalysis, sentence: Sentence, mention: DateMention,
                 spans: list[tuple[int, int]]) -> EventSource:
    start, end = event_span(sentence, mention.start, mention.end, spans)
    return EventSource(
        article=analysis.article.id,
        expression=mention.expression,
        start=mention.start,
        end=mention.end,
        sentence=sentence.text,
        event_start=start,
        event_end=end,
    )


def sentences_of(analysis: ArticleAnalysis) -> tuple[Sentence, ...]:
    return analysis.sentences or split_sentences(analysis.article.text)


def article_items(analysis: ArticleAnalysis, index: int,
                  vocabulary: frozenset[str] = frozenset()) -> tuple[list[DatedItem], list[EventSource]]:
    """The article's dated events and its undated items (plans, unplaced dates)."""
    article = analysis.article
    sentences = sentences_of(analysis)
    spans = [(m.start, m.end) for m in analysis.dates]
    dated: list[DatedItem] = []
    undated: list[EventSource] = []
    for mention in analysis.dates:
        plan = is_plan_time(mention)
        if (mention.kind != "date" and not plan) or mention.value in R.NOT_EVENT_VALUES:
            continue
        sentence = sentence_at(sentences, mention.start)
        if sentence is None or is_publication_meta(sentence, mention):
            continue
        if plan and not is_future_adverbial(article.text, mention):
            continue
        source = event_source(analysis, sentence, mention, spans)
        when = None if plan else timeline_date(mention)
        if when is None:  # dated plans ("by November 2026") stay on the timeline
            undated.append(source)
            continue
        if in_direct_quote(mention, analysis.quotes):
            continue
        text = without_dates(article.text[source.event_start:source.event_end], source.event_start, analysis.dates)
        dated.append(DatedItem(when, source, content_words(text, vocabulary), (index, mention.start),
                               week_bounds(mention), (index, sentence.start)))
    return dated, undated


# -- merging -----------------------------------------------------------------------

def overlap_needed(a: PartialDate, b: PartialDate) -> int:
    return R.SAME_DAY_OVERLAP if a == b and a.granularity == "day" else R.CONTAINED_OVERLAP


def shares_enough(cluster: Cluster, item: DatedItem, shared: set[str],
                  topic: frozenset[str] = frozenset()) -> bool:
    """Enough shared words for one event: a fixed count, or half of a short event's
    words ("Ashgrove was arrested" has one content word); and at least one of them
    not a topic word (every sentence of a bridge story says "bridge")."""
    if not shared - topic:
        return False
    if len(shared) >= overlap_needed(cluster.date, item.date):
        return True
    smaller = min(len(cluster.words), len(item.words))
    return len(shared) / smaller >= R.COVERED_SHARE


def best_cluster(clusters: list[Cluster], item: DatedItem,
                 topic: frozenset[str] = frozenset()) -> Cluster | None:
    """The cluster whose period is compatible with the item's (one inside the other)
    and that shares the most content words with it, if it shares enough."""
    best, best_shared = None, 0
    for cluster in clusters:
        if not nested(cluster.period, item.period):
            continue
        shared = cluster.words & item.words
        if shares_enough(cluster, item, shared, topic) and len(shared) > best_shared:
            best, best_shared = cluster, len(shared)
    return best


def merged_clusters(items: list[DatedItem]) -> list[Cluster]:
    """Items grouped into events; the finest dates go first so that coarse mentions
    ("in July") join the precise one ("July 12")."""
    clusters: list[Cluster] = []
    topic = topic_words(items)
    for item in sorted(items, key=lambda i: (R.GRANULARITY_RANK[i.date.granularity], i.order)):
        cluster = best_cluster(clusters, item, topic)
        if cluster is None:
            cluster = Cluster()
            clusters.append(cluster)
        cluster.add(item)
    return clusters


def same_event_other_date(a: Cluster, b: Cluster) -> bool:
    """Two clusters from different outlets telling one event with irreconcilable
    dates: disjoint outlets, incompatible dates, and most content words shared, or
    one event verb ("shut"/"closed") and another word (its object, "bridge") shared
    by dates a few days apart."""
    if nested(a.period, b.period) or a.articles() & b.articles():
        return False
    shared = a.words & b.words
    smaller = min(len(a.words), len(b.words)) or 1
    if len(shared) >= R.CONFLICT_OVERLAP and len(shared) / smaller >= R.CONFLICT_SHARE:
        return True
    verbs = shared & set(R.EVENT_SYNONYMS.values())
    return bool(verbs) and len(shared) > len(verbs) and days_apart(a.period, b.period) <= R.CONFLICT_VERB_MAX_DAYS


def conflict_groups(clusters: list[Cluster]) -> list[list[Cluster]]:
    groups: list[list[Cluster]] = []
    for cluster in clusters:
        home = next((g for g in groups if all(same_event_other_date(c, cluster) for c in g)), None)
        if home is None:
            groups.append([cluster])
        else:
            home.append(cluster)
    return groups


def representative(cluster: Cluster) -> DatedItem:
    """The source that tells the event best: as precise as the event's date, and
    sharing the most content words with the other sources (a photo caption on the
    same day shares few)."""
    def score(item: DatedItem) -> tuple[bool, int, tuple[int, int]]:
        centrality = sum(len(item.words & other.words) for other in cluster.items if other is not item)
        inverse_order = (-item.order[0], -item.order[1])
        return item.date == cluster.date, centrality, inverse_order

    return max(one_per_sentence(cluster.items, cluster.date), key=score)


def one_per_sentence(items: Sequence[DatedItem], event_date: PartialDate) -> list[DatedItem]:
    """The event's items, one per sentence ("two days later, on May 8" is one source):
    the one dated like the event, written out ("May 8") rather than relative."""
    def score(item: DatedItem) -> tuple[bool, bool, tuple[int, int]]:
        explicit = any(ch.isdigit() for ch in item.source.expression)
        return item.date == event_date, explicit, (-item.order[0], -item.order[1])

    best: dict[tuple[int, int], DatedItem] = {}
    for item in items:
        if item.sentence not in best or score(item) > score(best[item.sentence]):
            best[item.sentence] = item
    return sorted(best.values(), key=lambda i: i.order)


def timeline_event(group: list[Cluster], analyses_by_id: dict[str, ArticleAnalysis]) -> TimelineEvent:
    """One event from its cluster(s): dated by the best-attested cluster, told in the
    words of its most precise source."""
    main = max(group, key=lambda c: (len(c.articles()), len(c.items), -R.GRANULARITY_RANK[c.date.granularity]))
    lead = representative(main).source
    text = analyses_by_id[lead.article].article.text[lead.event_start:lead.event_end]
    items = one_per_sentence([i for c in group for i in c.items], main.date)
    conflict = None
    if len(group) > 1:
        dates = tuple(sorted({c.date for c in group}))
        versions = "; ".join(
            f"{', '.join(sorted(c.articles()))}: {c.date.iso()}" for c in sorted(group, key=lambda c: c.date)
        )
        conflict = DateConflict(dates, f"outlets give different dates for this event ({versions})")
    return TimelineEvent(main.date, text, tuple(i.source for i in items), conflict)


def build_timeline(
    analyses: Sequence[ArticleAnalysis],
) -> tuple[tuple[TimelineEvent, ...], tuple[EventSource, ...]]:
    """Dated events of the story in date order, and the undated items apart."""
    items: list[DatedItem] = []
    undated: list[EventSource] = []
    vocabulary = lowercase_vocabulary([a.article.text for a in analyses])
    for index, analysis in enumerate(analyses):
        dated, later = article_items(analysis, index, vocabulary)
        items.extend(dated)
        undated.extend(later)
    analyses_by_id = {a.article.id: a for a in analyses}
    events = [timeline_event(g, analyses_by_id) for g in conflict_groups(merged_clusters(items))]
    events.sort(key=lambda e: (e.date.value, -R.GRANULARITY_RANK[e.date.granularity], e.sources[0].start))
    # only now, with every dated source merged: an undated outlet joins an event by the
    # quote it shares with one of them
    return with_quote_sources(events, undated, analyses)
