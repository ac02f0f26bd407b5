"""Direct quotations: spans, kind, cue, speaker mention and speaker.

Steps, each a small function:

1. quoted stretches per paragraph (:mod:`quote_marks`);
2. titles, nicknames and scare quotes dropped (:func:`is_title`, :func:`is_scare_quote`);
3. the sentences that hold quote marks (and their neighbours with cue words) are parsed
   in one batch; each gives its cues and their subjects (:mod:`quote_cues`);
4. each quote takes the cue right after it (``“...,” she said``), else the cue before
   it in its sentence (``he said: “...”``, ``said the press “...”``), else any cue of
   its sentence(s), else it inherits from its neighbours (the rest of an interrupted
   quote, a multi-paragraph quote, the sentence before, a paragraph ending in ``:``);
5. the mention is resolved to a full name in the article (:mod:`speakers`: pronouns by
   who the sentences before are about, surnames, role descriptions);
6. headline quotes take the speaker of the body quote holding their words, else the
   person the headline names (:func:`speakers.headline_speakers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Article, Quote, Sentence, Span
from .nlp import NLP
from .quote_cues import (
    Attribution,
    has_cue_word,
    mention_before,
    sentence_attributions,
    sentence_subjects,
)
from .quote_marks import QuotedSpan, quote_words, quoted_spans, words_inside
from .quote_names import People, clean_name, find_people
from .resources.quotes import (
    CUE_WORDS,
    DETERMINERS,
    NAMING_CUES,
    NICKNAME_ARTICLES,
    ROLE_NOUNS,
    THOUGHT_CUES,
    TITLE_INDICATORS,
    TITLE_SMALL_WORDS,
)
from .speakers import Salience, headline_speakers, person_subjects, resolved_speaker
from .sentences import paragraph_spans, sentence_at

_WORD = re.compile(r"[\w’'-]+")
_SENTENCE_PUNCT = re.compile(r"[.!?;:,]")
# “...” ― Jo Reed (testimonial style): a dash and a name closing the paragraph or clause
_DASH_NAME = re.compile(
    r"[ \t]*([―—–]|--?)[ \t]*((?:[A-Z][\w’'.-]*[ \t]?){1,5})(?=[,.;(]|[ \t]*$)", re.M
)
_CUES = "|".join(sorted(CUE_WORDS, key=len, reverse=True))
_CUE_BEFORE = re.compile(rf"\b(?i:{_CUES})(?:\s+[\w’'.-]+){{0,3}}\s*[,:]?\s*$")
_CUE_AFTER = re.compile(rf",?\s*(?:[\w’'.-]+\s+){{0,3}}(?i:{_CUES})\b")


@dataclass(frozen=True)
class Found:
    """How a quote got its attribution: the attribution and a confidence basis."""

    attribution: Attribution | None
    basis: float
    inherited: bool = False


def extract_quotes(
    article: Article, sentences: tuple[Sentence, ...], nlp: NLP
) -> tuple[Quote, ...]:
    """Every direct quotation of ``article.text`` with cue, mention and speaker."""
    text = article.text
    if not sentences:
        return ()
    paragraphs = paragraph_spans(text)
    marked = quoted_spans(text, paragraphs)
    context = TitleContext.of(article, marked, paragraphs)
    spans = [s for s in marked if not _drop(text, s, sentences, paragraphs, context)]
    if not spans:
        return ()
    quoted = [(s.open, s.outer_end) for s in marked]  # titles hold no cue, no speaker
    chosen = sentences_to_parse(text, sentences, spans, paragraphs)
    attributions: dict[int, tuple[Attribution, ...]] = {}
    subjects: dict[int, tuple[tuple[int, int], ...]] = {}
    known: set[str] = set()
    docs = nlp.parse([s.text for s in chosen])
    for sentence, doc in zip(chosen, docs):
        headline = _in_title(article, sentence.start)
        attributions[sentence.index] = sentence_attributions(
            doc, sentence.start, text, quoted, headline=headline
        )
        subjects[sentence.index] = sentence_subjects(doc, sentence.start, text, quoted)
        known.update(clean_name(e.text) for e in doc.ents if e.label_ == "PERSON")
    known.update(_subject_names(text, attributions))
    people = find_people(text, frozenset(k for k in known if k), exclude=tuple(quoted))
    salience = _salience(text, sentences, subjects, attributions, people, article)
    found = attributions_of(text, spans, sentences, paragraphs, attributions)
    quotes: list[Quote] = []
    for n, (span, how) in enumerate(zip(spans, found), start=1):
        quotes.append(_quote(article, sentences, span, how, people, salience, n))
    return tuple(headline_speakers(article, quotes, people))


def _salience(text: str, sentences: tuple[Sentence, ...],
              subjects: dict[int, tuple[tuple[int, int], ...]],
              attributions: dict[int, tuple[Attribution, ...]], people: People,
              article: Article) -> Salience:
    """Who each parsed body sentence is about: its subjects and its cue subjects
    (the headline is left out: its Title-Case words make poor subjects)."""
    spans: dict[int, tuple[tuple[int, int], ...]] = {}
    cue_subjects = set()
    for index, found in subjects.items():
        if _in_title(article, sentences[index].start):
            continue
        mentions = [a.mention for a in attributions.get(index, ()) if a.mention is not None]
        cue_subjects.update(m[0] for m in mentions)
        spans[index] = tuple(found) + tuple(mentions)
    return person_subjects(text, sentences, spans, people, frozenset(cue_subjects))


def _subject_names(text: str, attributions: dict[int, tuple[Attribution, ...]]) -> set[str]:
    """Capitalised cue subjects ('Reinholt told'): person names even when alone."""
    out = set()
    for found in attributions.values():
        for a in found:
            if a.mention is not None:
                words = text[a.mention[0] : a.mention[1]].split()
                if (words and all(w[:1].isupper() for w in words)
                        and words[0].lower() not in DETERMINERS
                        and words[-1].lower() not in ROLE_NOUNS):
                    out.add(clean_name(" ".join(words)))
    return out


# --- which quoted stretches are speech ----------------------------------------------

@dataclass(frozen=True)
class TitleContext:
    """What the title filter needs beyond the span: where the headline is, and the
    words of the article's longer quotes (a short span inside one is a quote too)."""

    title_span: tuple[int, int] | None
    quote_words: tuple[tuple[str, ...], ...]

    @classmethod
    def of(cls, article: Article, marked: tuple[QuotedSpan, ...],
           paragraphs: list[tuple[int, int]]) -> TitleContext:
        """The body's quoted stretches that are speech by the plain title test."""
        text = article.text
        body = tuple(quote_words(text[s.start : s.end]) for s in marked
                     if not _in_title(article, s.open) and not is_title(text, s, paragraphs))
        return cls(article.title_span, body)


def _drop(text: str, span: QuotedSpan, sentences: tuple[Sentence, ...],
          paragraphs: list[tuple[int, int]], context: TitleContext | None = None) -> bool:
    return is_title(text, span, paragraphs, context) or is_scare_quote(text, span, sentences)


def is_title(text: str, span: QuotedSpan, paragraphs: list[tuple[int, int]],
             context: TitleContext | None = None) -> bool:
    """A work's title or a nickname: followed/preceded by podcast, film, song...; a
    short Title-Case span with no sentence punctuation and no cue next to it; or
    'the'/'a' and one to four Title-Case words (“the Old Growler”) with no speech cue.
    A short span whose words a longer quote of the article holds is speech
    ('The Hard One' when the body quotes '... is the hard one.'), and so is one closing
    a headline clause with a speech cue ('Mayor Says Repair Is ‘The Hard One’')."""
    inner = text[span.start : span.end]
    p_start, p_end = paragraphs[span.paragraph]
    after = _WORD.findall(text[span.outer_end : p_end])
    before = _WORD.findall(text[p_start : span.open])
    if text[p_start : span.open].rstrip(" \t")[-1:] in (".", ",", ":", ";", "!", "?"):
        before = []  # an indicator word must stand right before the mark
    nxt = after[0].lower() if after else ""
    if nxt in ("’s", "'s", "s") and len(after) > 1:
        nxt = after[1].lower()
    words = _WORD.findall(inner)
    head = text[p_start : span.open].rstrip()
    if head and head[-1] not in ".!?" and inner[-1:] in ".,":
        inner = inner[:-1]  # American style: “Fox and Friends.” ends the author's sentence
    if not words or _SENTENCE_PUNCT.search(inner):
        return False
    if not words[0][:1].isupper():
        return _is_nickname(text, span, words, p_start, p_end)
    if nxt in TITLE_INDICATORS or (before and before[-1].lower() in TITLE_INDICATORS):
        return len(words) <= 8  # the “Fail Better” podcast, the film 'Riverbend'
    if len(words) > 4 or not _title_case(words):
        return False
    if context is not None and _quoted_elsewhere(text, span, context):
        return False
    if context is not None and _ends_headline_speech(text, span, context.title_span):
        return False
    return not _cue_near(text, span, p_start, p_end)


def _title_case(words: list[str]) -> bool:
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL_WORDS
               for w in words)


def _is_nickname(text: str, span: QuotedSpan, words: list[str], p_start: int,
                 p_end: int) -> bool:
    """“the Old Growler”, ‘a Sure Thing’: an article and one to four Title-Case words,
    no speech cue attached (a naming verb - 'call it' - is not one)."""
    rest = words[1:]
    if words[0].lower() not in NICKNAME_ARTICLES or not 1 <= len(rest) <= 4:
        return False
    if not rest[0][:1].isupper() or not _title_case(rest):
        return False
    return not _cue_near(text, span, p_start, p_end)


def _quoted_elsewhere(text: str, span: QuotedSpan, context: TitleContext) -> bool:
    """The span's words run inside a longer quote of the same article."""
    words = quote_words(text[span.start : span.end])
    return any(len(q) > len(words) and words_inside(words, q) for q in context.quote_words)


def _ends_headline_speech(text: str, span: QuotedSpan,
                          title_span: tuple[int, int] | None) -> bool:
    """A headline quote that closes its clause after a speech cue of that clause:
    'Mayor Says Fixing It Is ‘The Hard One’' (not 'Says ‘Riverbend’ Flood Hit Hard')."""
    if title_span is None or not title_span[0] <= span.open < title_span[1]:
        return False
    clause_start = max(title_span[0], *(text.rfind(c, title_span[0], span.open) + 1
                                        for c in ":!?|"))
    rest = text[span.outer_end : title_span[1]]
    clause_end = min([rest.find(c) for c in ":!?|" if c in rest] + [len(rest)])
    if _WORD.search(rest[:clause_end]):
        return False
    cues = [w.lower() for w in _WORD.findall(text[clause_start : span.open])]
    return any(w in CUE_WORDS and w not in THOUGHT_CUES and w not in NAMING_CUES for w in cues)


def _cue_near(text: str, span: QuotedSpan, p_start: int, p_end: int) -> bool:
    """A speech cue at most three words before the opening mark (only a comma or colon
    between), a colon right before it, or a cue right after the closing mark: optional
    comma, at most three words (a name), the cue. Naming verbs ('call it') do not
    count: what they quote is a name."""
    head = text[p_start : span.open]
    if head.rstrip().endswith(":"):
        return True
    before = _CUE_BEFORE.search(head)
    if before and not _naming(before.group(), last=True):
        return True
    after = _CUE_AFTER.match(text, span.outer_end, p_end)
    return bool(after) and not _naming(after.group(), last=False)


def _naming(cue_text: str, *, last: bool) -> bool:
    """The cue word nearest the quote mark in a cue match is a naming verb."""
    cues = [w.lower() for w in _WORD.findall(cue_text) if w.lower() in CUE_WORDS]
    return bool(cues) and cues[-1 if last else 0] in NAMING_CUES


def is_scare_quote(text: str, span: QuotedSpan, sentences: tuple[Sentence, ...]) -> bool:
    """One or two words inside the author's sentence (no sentence punctuation of their
    own) with no cue word anywhere in that sentence."""
    inner = text[span.start : span.end]
    words = _WORD.findall(inner)
    if len(words) > 2 or _SENTENCE_PUNCT.search(inner[-1:]):
        return False
    sentence = sentence_at(sentences, span.open) or sentence_at(sentences, span.start)
    if sentence is None:
        return True
    outside = text[sentence.start : span.open] + " " + text[span.outer_end : sentence.end]
    return not has_cue_word(outside)


# --- parsing only what is needed ------------------------------------------------------

def sentences_to_parse(text: str, sentences: tuple[Sentence, ...], spans: list[QuotedSpan],
                       paragraphs: list[tuple[int, int]]) -> list[Sentence]:
    """Sentences holding a quote mark, plus the sentence before and after each quote
    and the last one of the paragraph before a paragraph that opens with a quote, when
    they hold a cue word."""
    wanted: set[int] = set()
    maybe: set[int] = set()
    for span in spans:
        first = sentence_at(sentences, span.open) or sentence_at(sentences, span.start)
        last = sentence_at(sentences, max(span.outer_end - 1, span.start))
        if first is None or last is None:
            continue
        wanted.update((first.index, last.index))
        if first.index > 0:
            wanted.add(first.index - 1)  # who the quote's context is about (pronouns)
        maybe.add(last.index + 1)
    chosen = [s for s in sentences if s.index in wanted
              or (s.index in maybe and has_cue_word(s.text))]
    return chosen


# --- attribution ------------------------------------------------------------------------

def attributions_of(
    text: str,
    spans: list[QuotedSpan],
    sentences: tuple[Sentence, ...],
    paragraphs: list[tuple[int, int]],
    by_sentence: dict[int, tuple[Attribution, ...]],
) -> list[Found]:
    """One :class:`Found` per span: its own attribution, else one inherited."""
    own = [own_attribution(text, i, spans, sentences, paragraphs, by_sentence)
           for i in range(len(spans))]
    final: list[Found] = []
    for i, span in enumerate(spans):
        if own[i].attribution is not None:
            final.append(own[i])
            continue
        final.append(_inherited(text, i, spans, own, final, sentences, paragraphs, by_sentence))
    return final


def own_attribution(text: str, i: int, spans: list[QuotedSpan], sentences: tuple[Sentence, ...],
                    paragraphs: list[tuple[int, int]],
                    by_sentence: dict[int, tuple[Attribution, ...]]) -> Found:
    span = spans[i]
    p_start, p_end = paragraphs[span.paragraph]
    same_next = i + 1 < len(spans) and spans[i + 1].paragraph == span.paragraph
    nxt = spans[i + 1].open if same_next else p_end
    prv = spans[i - 1].outer_end if i > 0 and spans[i - 1].paragraph == span.paragraph else p_start
    first = sentence_at(sentences, span.open) or sentence_at(sentences, span.start)
    last = sentence_at(sentences, max(span.outer_end - 1, span.start))
    if first is None or last is None:
        return Found(None, 0.0)
    # 1. right after the closing mark: “...,” she said / said Smith
    if span.close is not None:
        after_sentence = sentence_at(sentences, _next_non_space(text, span.outer_end, p_end))
        window_end = min(nxt, after_sentence.end if after_sentence else p_end)
        limit = _word_limit(text, span.outer_end, window_end, 5)
        cues = [a for s in _between(sentences, span.outer_end, window_end)
                for a in by_sentence.get(s, ()) if span.outer_end <= a.cue_start < limit
                and not a.thought]
        if cues:
            return Found(min(cues, key=lambda a: a.cue_start), 0.9)
    # 1b. a dash and a name after the closing mark: “...” ― Jo Reed
    dash = _DASH_NAME.match(text, span.outer_end, p_end) if span.close is not None else None
    if dash:
        end = dash.start(2) + len(dash.group(2).rstrip())
        return Found(Attribution(dash.start(1), dash.start(1), (dash.start(2), end)), 0.85)
    # 2. before the opening mark, in its sentence: he said: “...” / said the press “...”
    window_start = max(prv, first.start)
    cues = [a for a in by_sentence.get(first.index, ()) if window_start <= a.cue_start < span.open]
    speech = [a for a in cues if not a.thought]
    if speech or (cues and _is_partial_position(text, span, first)):
        return Found(max(speech or cues, key=lambda a: a.cue_start), 0.85)
    # 2b. a name and a colon: 'surprises pollster Jo Reed: “...”' (no cue word)
    head = text[window_start : span.open].rstrip()
    if head.endswith(":") and prv <= first.start:  # the first quote of its sentence
        mention = mention_before(text, window_start + len(head) - 1, window_start)
        if mention is not None:
            colon = window_start + len(head) - 1
            return Found(Attribution(colon, colon, mention), 0.6)
    # 3. any cue in the quote's sentences, outside quotes (partial quotes)
    cues = [a for s in range(first.index, last.index + 1) for a in by_sentence.get(s, ())
            if not (span.open <= a.cue_start < span.outer_end) and a.mention is not None]
    if cues:
        return Found(min(cues, key=lambda a: abs(a.cue_start - span.open)), 0.7)
    return Found(None, 0.0)


def _inherited(text: str, i: int, spans: list[QuotedSpan], own: list[Found], final: list[Found],
               sentences: tuple[Sentence, ...], paragraphs: list[tuple[int, int]],
               by_sentence: dict[int, tuple[Attribution, ...]]) -> Found:
    span = spans[i]
    prev = spans[i - 1] if i > 0 else None
    p_start, _p_end = paragraphs[span.paragraph]
    # a multi-paragraph quote: pieces share one attribution
    if prev is not None and prev.continues and prev.paragraph == span.paragraph - 1 \
            and span.open == p_start and final[i - 1].attribution is not None:
        return Found(final[i - 1].attribution, final[i - 1].basis, True)
    j = i
    while (spans[j].continues and j + 1 < len(spans)
           and spans[j + 1].paragraph == spans[j].paragraph + 1):
        j += 1
        if own[j].attribution is not None:
            return Found(own[j].attribution, own[j].basis, True)
    # the rest of an interrupted quote: “First,” she said. “Second.”
    if prev is not None and prev.paragraph == span.paragraph and final[i - 1].attribution:
        return Found(final[i - 1].attribution, min(final[i - 1].basis, 0.8), True)
    for k in range(i + 1, len(spans)):
        if spans[k].paragraph != span.paragraph:
            break
        if own[k].attribution is not None:
            return Found(own[k].attribution, 0.7, True)
    first = sentence_at(sentences, span.open) or sentence_at(sentences, span.start)
    if first is None:
        return Found(None, 0.0)
    # the sentence before, in the same paragraph: “Smith thanked them. “...””
    if first.index > 0 and sentences[first.index - 1].paragraph == first.paragraph:
        cues = [a for a in by_sentence.get(first.index - 1, ()) if a.mention and not a.thought
                and not _inside_any(a.cue_start, spans)]
        if cues:
            return Found(cues[-1], 0.55, True)
    # a paragraph that opens with the quote after one ending in a colon or in a quote
    if span.open == p_start and span.paragraph > 0:
        before = [s for s in sentences if s.paragraph == span.paragraph - 1]
        if before:
            last = before[-1]
            cues = [a for a in by_sentence.get(last.index, ()) if a.mention and not a.thought]
            if last.text.rstrip().endswith(":") and cues:
                return Found(cues[-1], 0.7, True)
            prev_in_para = [k for k in range(i) if spans[k].paragraph == span.paragraph - 1]
            if prev_in_para and final[prev_in_para[-1]].attribution is not None:
                return Found(final[prev_in_para[-1]].attribution, 0.45, True)
    return Found(None, 0.0)


def _inside_any(offset: int, spans: list[QuotedSpan]) -> bool:
    return any(s.open <= offset < s.outer_end for s in spans)


def _between(sentences: tuple[Sentence, ...], start: int, end: int) -> list[int]:
    return [s.index for s in sentences if s.end > start and s.start < end]


def _next_non_space(text: str, i: int, end: int) -> int:
    while i < end and text[i] in " \t,":
        i += 1
    return min(i, max(end - 1, 0))


def _word_limit(text: str, start: int, end: int, n: int) -> int:
    """The offset just after the ``n``-th word from ``start`` (or ``end``)."""
    words = list(_WORD.finditer(text, start, end))
    return words[n - 1].end() if len(words) >= n else end


def _is_partial_position(text: str, span: QuotedSpan, sentence: Sentence) -> bool:
    return kind_at(text, span, sentence) == "partial"


# --- kind, speaker, record ----------------------------------------------------------------

def kind_at(text: str, span: QuotedSpan, sentence: Sentence | None) -> str:
    """'direct' when the quote opens its sentence or follows a colon/comma/dash (or a cue)
    and starts upper-case; 'partial' when it sits inside the author's sentence."""
    if sentence is None or span.open <= sentence.start:
        return "direct"
    before = text[sentence.start : span.open].rstrip()
    if not before or before[-1] in "“\"‘(":
        return "direct"
    first = text[span.start : span.start + 1]
    lead = before[-1] in ":,—–-" or (_WORD.findall(before) or [""])[-1].lower() in CUE_WORDS
    return "direct" if lead and (first.isupper() or first.isdigit()) else "partial"


def _in_title(article: Article, offset: int) -> bool:
    span = article.title_span
    return span is not None and span[0] <= offset < span[1]


def _quote(article: Article, sentences: tuple[Sentence, ...], span: QuotedSpan, how: Found,
           people: People, salience: Salience, n: int) -> Quote:
    text = article.text
    sentence = sentence_at(sentences, span.open) or sentence_at(sentences, span.start)
    kind = "headline" if _in_title(article, span.open) else kind_at(text, span, sentence)
    attribution = how.attribution
    mention = cue = None
    speaker, certainty = None, 0.3
    if attribution is not None:
        cue = text[attribution.cue_start : attribution.cue_end] or None
        if attribution.mention is not None:
            a, b = attribution.mention
            mention = Span(text[a:b], a, b)
            speaker, certainty = resolved_speaker(text, mention, people, salience)
    confidence = round(max(0.05, min(1.0, (how.basis or 0.3) * certainty)), 2)
    return Quote(
        id=f"{article.id}:q{n}", article=article.id, text=text[span.start : span.end],
        start=span.start, end=span.end, kind=kind, speaker=speaker, speaker_mention=mention,
        cue=cue, confidence=confidence, sentence=sentence.index if sentence else None,
    )
