"""Speakers: a mention resolved to a full name inside its article (pronouns by
salience, surnames, role descriptions), names completed across a story's articles,
and the table of who is quoted how often under which mentions."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from .model import Article, ArticleAnalysis, Quote, Sentence, Span, Speaker
from .quote_marks import quote_words, words_inside
from .quote_names import (
    People,
    clean_name,
    find_people,
    name_runs,
    possessive_free,
    resolve_name,
)
from .resources.quotes import (
    AGE_DESCRIPTION,
    DETERMINERS,
    NAME,
    NOT_NAMES,
    ORG_WORDS,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    PRONOUN_WINDOW,
    PROTAGONIST_ROLES,
    ROLE_NOUNS,
)
from .spokespeople import speaks_for_organisation, spokesperson_organisation

# --- salience: who the sentences are about ---------------------------------------------

@dataclass(frozen=True)
class Salience:
    """The person subjects of the parsed sentences, in text order per sentence:
    (start, full name or None for an unnamed person such as 'the judge', gender of
    the mention when it gives one)."""

    sentences: tuple[Sentence, ...]
    subjects: Mapping[int, tuple[tuple[int, str | None, str | None], ...]]
    roles: RoleHolders | None = field(default=None, compare=False, repr=False)

    @classmethod
    def empty(cls, sentences: tuple[Sentence, ...] = ()) -> Salience:
        return cls(sentences, {})

    @cached_property
    def starts(self) -> tuple[int, ...]:
        return tuple(s.start for s in self.sentences)

    def sentence_index(self, offset: int) -> int | None:
        """The index of the last sentence starting at or before ``offset``."""
        i = bisect_right(self.starts, offset) - 1
        return self.sentences[i].index if i >= 0 else None


def person_subjects(text: str, sentences: tuple[Sentence, ...],
                    spans: dict[int, tuple[tuple[int, int], ...]], people: People,
                    cue_subjects: frozenset[int]) -> Salience:
    """Each subject mention resolved in text order, so that a pronoun subject takes the
    person the sentences before it are about ('the chef sounded ... He told ...').
    ``cue_subjects`` are the starts of cue subjects: a capitalised one is a person even
    when no full name is known ('Vandermeer insisted')."""
    # One table filled in text order: each subject sees the subjects before it (those of
    # the earlier sentences and the ones found so far in its own).
    subjects: dict[int, tuple[tuple[int, str | None, str | None], ...]] = {}
    salience = Salience(sentences, subjects, RoleHolders(text, people))
    for index in sorted(spans):
        found: list[tuple[int, str | None, str | None]] = []
        for start, end in sorted(set(spans[index])):
            subjects[index] = tuple(found)
            subject = _person_subject(text, Span(text[start:end], start, end), people,
                                      salience, start in cue_subjects)
            if subject is not None:
                found.append((start, *subject))
        subjects[index] = tuple(found)
    return Salience(sentences, dict(subjects), salience.roles)


def _person_subject(text: str, mention: Span, people: People, salience: Salience,
                    is_cue_subject: bool) -> tuple[str | None, str | None] | None:
    """(name, gender) when the mention is a person, else None (the city, it)."""
    word = mention.text.lower()
    if word in PRONOUN_GENDER:
        gender = PRONOUN_GENDER[word]
        return nearest_person(mention.start, gender, people, salience), gender
    if word in PLURAL_PRONOUNS or word in ("who", "that", "which"):
        return None
    words = mention.text.split()
    head = _head(words)
    if words[0][:1].isupper() and words[0].lower() not in DETERMINERS and head not in ROLE_NOUNS:
        name = resolve_name(mention.text, people.names, people.counts)
        if name is None and (is_cue_subject or _looks_like_full_name(mention.text)):
            name = clean_name(mention.text) or None
        return (name, people.genders.get(name)) if name else None
    if head in ROLE_NOUNS or AGE_DESCRIPTION.match(head):
        name, _certainty = resolved_speaker(text, mention, people, salience)
        return name, ROLE_NOUNS.get(head)
    return None


def _looks_like_full_name(mention: str) -> bool:
    """Two to four capitalised words, none an opener or an organisation word: a
    subject such as 'Tobin Marsh spoke' is a person even when the tagger says ORG."""
    words = clean_name(mention).split()
    return 2 <= len(words) <= 4 and all(
        w[:1].isupper() and w.lower() not in NOT_NAMES and w.lower() not in ORG_WORDS
        for w in words
    )


def _head(words: list[str]) -> str:
    return possessive_free(words[-1].lower()).strip(",.;:")


# --- one mention -> one person ---------------------------------------------------------

def resolved_speaker(text: str, mention: Span, people: People,
                     salience: Salience) -> tuple[str | None, float]:
    """(full name, certainty) for a mention: a pronoun -> the person the sentences
    before are about (:func:`nearest_person`); a surname -> the full name ending with
    it; a description -> the person carrying that title/role in the text, else the
    most mentioned person for a protagonist role ('the star', 'the 52-year-old')."""
    word = mention.text.lower()
    if word in PRONOUN_GENDER:
        return nearest_person(mention.start, PRONOUN_GENDER[word], people, salience), 0.9
    if word in PLURAL_PRONOUNS:
        return None, 0.5
    words = mention.text.split()
    first = words[0].lower()
    role_word = len(words) == 1 and possessive_free(first) in ROLE_NOUNS
    # 'Jo Reed's Lawyer' (a Title-Case headline): a description, not a name
    owned_role = (len(words) > 1 and words[-1].lower() in ROLE_NOUNS
                  and words[-2][-2:] in ("'s", "’s"))
    if words[0][:1].isupper() and first not in DETERMINERS and not role_word \
            and not owned_role:
        name = clean_name(mention.text)
        found = resolve_name(name, people.names, people.counts)
        if found is None and name.isupper():
            # an upper-case mention (a transcript's 'WALLACE:', 'MCCAIN:') matched
            # whatever the case; kept as written when no one matches ('NASA')
            as_written = {n.upper(): n for n in people.names}
            found = as_written.get(resolve_name(name, tuple(as_written)) or "")
        return (found or name), 1.0
    organisation = spokesperson_organisation(text, mention)
    if organisation is not None:  # 'a spokeswoman for the council': the council speaks
        # ('a spokesman for Mayor Jo Reed': the person named in the article)
        return resolve_name(organisation, people.names, people.counts) or organisation, 0.85
    head = _head(words)
    roles = salience.roles or RoleHolders(text, people)
    holder = roles.nearest(head, mention.start)
    if holder is not None:
        return holder, 0.9
    if head in PROTAGONIST_ROLES or AGE_DESCRIPTION.match(head):
        return people.most_mentioned(), 0.75
    return None, 0.6


def nearest_person(offset: int, gender: str, people: People, salience: Salience) -> str | None:
    """The person a pronoun at ``offset`` refers to. Sentence by sentence backwards
    (its own, then up to three before): the latest person subject whose gender fits,
    else the latest person mentioned elsewhere in that sentence (an object, an
    apposition). Names inside quotes never count. Nothing near -> the article's most
    mentioned person when the gender fits, else the last person before that fits."""
    own = salience.sentence_index(offset)
    if own is not None:
        for index in range(own, max(-1, own - PRONOUN_WINDOW - 1), -1):
            subjects = [s for s in salience.subjects.get(index, ()) if s[0] < offset]
            for _start, name, found in sorted(subjects, key=lambda s: s[0], reverse=True):
                if _fits(name, found, gender, people):
                    return name
            sentence = salience.sentences[index]
            inside = people.mentions_before(min(sentence.end, offset), sentence.start)
            for m in reversed(inside):
                if people.gender_fits(m.name, gender):
                    return m.name
    protagonist = people.most_mentioned()
    if protagonist is not None and people.gender_fits(protagonist, gender):
        return protagonist
    return people.last_fitting(offset, gender)


def _fits(name: str | None, found: str | None, gender: str, people: People) -> bool:
    if found is not None:
        return found == gender
    return name is None or people.gender_fits(name, gender)


class RoleHolders:
    """Who holds each role in one text (:func:`role_holders`), looked up once per role:
    an article with many 'the judge said' reads its text once, not once a quote."""

    def __init__(self, text: str, people: People) -> None:
        self.text = text
        self.people = people
        self._found: dict[str, tuple[tuple[int, str], ...]] = {}

    def nearest(self, role: str, before: int) -> str | None:
        """The holder named nearest before ``before``, else the first one named."""
        if role not in self._found:
            self._found[role] = role_holders(self.text, role, self.people)
        found = self._found[role]
        if not found:
            return None
        i = bisect_left(found, (before, ""))
        return found[i - 1][1] if i > 0 else found[0][1]


def role_holders(text: str, role: str, people: People) -> tuple[tuple[int, str], ...]:
    """(offset, person) of each naming of a role's holder in the text, in text order:
    'Judge Mary Smith', 'prosecutor Jo Reed', 'Jo Reed, the lead prosecutor'."""
    if role not in ROLE_NOUNS:
        return ()
    found: list[tuple[int, str]] = []
    word = re.escape(role)
    titled = rf"\b(?i:{word})\s+({NAME})"
    for match in re.finditer(titled, text):
        name = _person_at(match.start(1), people)
        if name:
            found.append((match.start(), name))
    for match in re.finditer(rf",\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}{word}\b", text, re.I):
        runs = [r for r in name_runs(text[max(0, match.start() - 60) : match.start()])]
        if runs and runs[-1][1] == min(60, match.start()):
            name = resolve_name(runs[-1][2], people.names, people.counts)
            if name:
                found.append((match.start(), name))
    return tuple(sorted(found))


def _person_at(start: int, people: People) -> str | None:
    """The person whose mention covers ``start`` (the name after a title word)."""
    before = people.mentions_before(start + 1)
    return before[-1].name if before and start < before[-1].end else None


# --- headline quotes -----------------------------------------------------------------------

def body_speaker(quote: Quote, body: Sequence[Quote]) -> str | None:
    """The speaker of a body quote holding the headline quote's words (case, quote
    marks and dashes aside); several -> the most frequent."""
    words = quote_words(quote.text)
    found = Counter(q.speaker for q in body
                    if q.speaker and q.kind != "headline"
                    and words_inside(words, quote_words(q.text)))
    return max(found, key=lambda n: found[n]) if found else None


def headline_mention(article: Article, people: People, speaker: str | None,
                     before: int) -> Span | None:
    """The mention of ``speaker`` in the headline (any person when ``speaker`` is None:
    the last one before ``before``, else the first)."""
    span = article.title_span
    if span is None:
        return None
    inside = [m for m in people.mentions if span[0] <= m.start < span[1]
              and (speaker is None or m.name == speaker)]
    if not inside:
        return None
    preceding = [m for m in inside if m.start < before]
    m = preceding[-1] if preceding else inside[0]
    return Span(article.text[m.start : m.end], m.start, m.end)


def headline_speakers(article: Article, quotes: list[Quote], people: People) -> list[Quote]:
    """Headline quotes re-attributed: the speaker of the body quote holding the same
    words; else the speaker the headline's own cue gives when that is a person of the
    article; else the person the headline names. The mention is then that person's
    name in the headline, or None (never an arbitrary Title-Case run)."""
    body = [q for q in quotes if q.kind != "headline"]
    out = []
    for q in quotes:
        if q.kind == "headline":
            q = _headline_quote(article, q, body, people)
        out.append(q)
    return out


def _headline_quote(article: Article, quote: Quote, body: list[Quote], people: People) -> Quote:
    speaker = body_speaker(quote, body)
    known = set(people.names) | {q.speaker for q in body if q.speaker}
    if speaker is None and quote.speaker in known:
        return quote
    if speaker is not None and speaker == quote.speaker:
        return quote
    if speaker is not None:
        mention = headline_mention(article, people, speaker, quote.start)
        confidence = 0.8
    else:
        mention = headline_mention(article, people, None, quote.start)
        speaker = mention and next(m.name for m in people.mentions if m.start == mention.start)
        confidence = 0.6 if speaker else 0.1
    return replace(quote, speaker=speaker, speaker_mention=mention, confidence=confidence)


# --- across a story --------------------------------------------------------------------------

def resolve_story_speakers(analyses: Sequence[ArticleAnalysis]) -> tuple[ArticleAnalysis, ...]:
    """Each quote's speaker completed with the story's other articles: a surname or
    first name alone -> the full name some article gives; a headline quote -> the
    speaker of a body quote holding its words in another article (when its own body
    has none); a role left unresolved ('the judge') -> the person another article
    titles so ('Judge Mary Smith'); a protagonist description ('the star') -> the
    story's most mentioned person."""
    peoples = [story_people(a) for a in analyses]
    names = story_names(peoples)
    counts = Counter(m.name for p in peoples for m in p.mentions)
    protagonist = max(counts, key=lambda n: counts[n]) if counts else None
    holders = [RoleHolders(a.article.text, p) for a, p in zip(analyses, peoples)]
    out = []
    for i, analysis in enumerate(analyses):
        others = [(a, p) for j, (a, p) in enumerate(zip(analyses, peoples)) if j != i]
        other_holders = [h for j, h in enumerate(holders) if j != i]
        quotes = []
        for q in analysis.quotes:
            q = story_quote(q, names, counts, protagonist)
            if q.kind == "headline":
                q = story_headline_quote(q, analysis, peoples[i], others)
            elif q.speaker is None:
                q = story_role_quote(q, other_holders)
            quotes.append(q)
        quotes = tuple(quotes)
        out.append(analysis if quotes == analysis.quotes else replace(analysis, quotes=quotes))
    return tuple(out)


def story_people(analysis: ArticleAnalysis) -> People:
    """The people of one article; full-name speakers count as known persons."""
    known = frozenset(q.speaker for q in analysis.quotes if q.speaker and " " in q.speaker
                      and q.speaker.split()[-1].lower() not in ORG_WORDS
                      and not speaks_for_organisation(q.speaker_mention))
    quoted = tuple((q.start, q.end) for q in analysis.quotes)
    return find_people(analysis.article.text, known, exclude=quoted)


def story_names(peoples: Sequence[People]) -> tuple[str, ...]:
    """Full names over the story, the most mentioned first."""
    counts = Counter(m.name for p in peoples for m in p.mentions)
    names = dict.fromkeys(n for p in peoples for n in p.names)
    return tuple(sorted(names, key=lambda n: -counts[n]))


def story_quote(quote: Quote, names: tuple[str, ...], counts: Counter[str],
                protagonist: str | None) -> Quote:
    speaker = quote.speaker
    if speaker is not None and speaker not in names:
        fuller = resolve_name(speaker, names)
        if fuller is not None and fuller != speaker:
            return replace(quote, speaker=fuller)
        return quote
    if speaker is None and quote.speaker_mention is not None and protagonist is not None:
        words = quote.speaker_mention.text.lower().split()
        if len(words) > 1 and words[0] in DETERMINERS and (
            words[-1] in PROTAGONIST_ROLES or AGE_DESCRIPTION.match(words[-1])
        ):
            return replace(quote, speaker=protagonist, confidence=round(quote.confidence * 0.8, 2))
    return quote


def story_headline_quote(quote: Quote, analysis: ArticleAnalysis, people: People,
                         others: Sequence[tuple[ArticleAnalysis, People]]) -> Quote:
    """A headline quote whose words no body quote of its own article holds takes the
    speaker of the body quote holding them in another article of the story."""
    if body_speaker(quote, analysis.quotes) is not None:
        return quote
    speaker = body_speaker(quote, [q for a, _p in others for q in a.quotes])
    if speaker is None or speaker == quote.speaker:
        return quote
    mention = headline_mention(analysis.article, people, speaker, quote.start)
    return replace(quote, speaker=speaker, speaker_mention=mention,
                   confidence=round(max(0.05, quote.confidence * 0.8), 2))


def story_role_quote(quote: Quote, others: Sequence[RoleHolders]) -> Quote:
    """An unresolved role description ('the judge said') -> the person other articles
    of the story title with that role ('Superior Court Judge Mary Smith'); ``others``:
    the role holders of the story's other articles."""
    mention = quote.speaker_mention
    if mention is None:
        return quote
    words = mention.text.split()
    if not words or words[0].lower() not in DETERMINERS:
        return quote
    head = _head(words)
    if head not in ROLE_NOUNS:
        return quote
    found = Counter(
        holder for roles in others
        if (holder := roles.nearest(head, len(roles.text))) is not None
    )
    if not found:
        return quote
    holder = max(found, key=lambda n: found[n])
    return replace(quote, speaker=holder, confidence=round(max(0.05, quote.confidence * 0.8), 2))


def speaker_table(quotes: Sequence[Quote]) -> tuple[Speaker, ...]:
    """One row per resolved speaker: distinct mention texts, number of quotes; the most
    quoted first, then by name."""
    aliases: dict[str, dict[str, None]] = {}
    count: Counter[str] = Counter()
    for quote in quotes:
        if not quote.speaker:
            continue
        count[quote.speaker] += 1
        seen = aliases.setdefault(quote.speaker, {})
        if quote.speaker_mention is not None:
            seen.setdefault(quote.speaker_mention.text, None)
    return tuple(
        Speaker(name, tuple(aliases[name]), count[name])
        for name in sorted(count, key=lambda n: (-count[n], n))
    )
