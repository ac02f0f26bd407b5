"""Direct quotations: spans, kind, cue, speaker mention and speaker.

Steps, each a small function:

1. quoted stretches per paragraph (:mod:`quote_marks`);
2. titles, nicknames and scare quotes dropped (:func:`quote_marks.title_kind`,
   :func:`quote_marks.is_scare_quote`; after speakers are found, a fragment of one or
   two words with no speaker: :func:`is_unspoken_fragment`);
3. the cues of the sentences around each quote, read by rules from the words next to
   each cue (:mod:`quote_rules`); the sentences those leave a quote without a speaker
   mention are then parsed in one batch for their cues and subjects (:mod:`quote_cues`;
   never one past ``MAX_PARSE_CHARS``);
4. each quote takes the cue right after it (``“...,” she said``), else the cue before
   it in its sentence (``he said: “...”``, ``said the press “...”``), else any cue of
   its sentence(s), else it inherits from its neighbours (the rest of an interrupted
   quote, a multi-paragraph quote, the sentence before, a paragraph ending in ``:``:
   ``_INHERITANCE_RULES``, tried in order);
5. the mention is resolved to a full name in the article (:mod:`speakers`: pronouns by
   who the sentences before are about, surnames, role descriptions);
6. headline quotes take the speaker of the body quote holding their words, else the
   person the headline names (:func:`speakers.headline_speakers`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import ModelNotAvailable
from .model import Article, Quote, Sentence, Span
from .nlp import NLP
from .quote_attribution import Found, attributions_of, kind_at, without_speaker_label
from .quote_cues import sentence_attributions, sentence_subjects
from .quote_marks import (
    CueWords,
    QuotedSpan,
    SpanSet,
    TitleContext,
    not_speech,
    quoted_spans,
    title_kind,
)
from .quote_names import People, clean_name, find_people
from .quote_rules import Attribution, rule_attributions, rule_subjects
from .quote_selection import sentences_needing_parse, sentences_to_parse
from .resources.quotes import DETERMINERS, ROLE_NOUNS, SCARE_QUOTE_MAX_WORDS
from .sentences import paragraph_spans, sentence_at
from .speakers import Salience, headline_speakers, person_subjects, resolved_speaker
from .spokespeople import spokesperson_mention

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

_WORD = re.compile(r"[\w’'-]+")


def extract_quotes(
    article: Article, sentences: tuple[Sentence, ...], nlp: NLP
) -> tuple[Quote, ...]:
    """Every direct quotation of ``article.text`` with cue, mention and speaker."""
    draft = draft_quotes(article, sentences)
    if draft is None:
        return ()
    return finish_quotes(draft, nlp.parse(draft.parse_texts) if draft.to_parse else ())


def extract_quotes_many(
    articles: Sequence[tuple[Article, tuple[Sentence, ...]]], nlp: NLP
) -> list[tuple[Quote, ...]]:
    """:func:`extract_quotes` for several articles, their sentences parsed in one batch:
    spaCy runs faster on one long stream than on many short ones (a third faster on
    PolNeAR, where each article has a handful of sentences to parse)."""
    drafts = [draft_quotes(article, sentences) for article, sentences in articles]
    out: list[tuple[Quote, ...]] = []
    for draft, docs in zip(drafts, parse_drafts(drafts, nlp)):
        if isinstance(docs, Exception):
            raise docs
        out.append(() if draft is None else finish_quotes(draft, docs))
    return out


def parse_drafts(drafts: Sequence[QuoteDraft | None], nlp: NLP) -> list[list[Doc] | Exception]:
    """The parses of each draft's sentences, in draft order (none for None): one stream
    for all; should that fail, each draft alone, so that a failure costs only its
    article (its exception in its place). A missing model is raised: every draft would
    fail alike."""
    texts = [t for d in drafts if d is not None for t in d.parse_texts]
    try:
        docs = iter(list(nlp.parse(texts)) if texts else [])
        return [[next(docs) for _ in d.to_parse] if d is not None else [] for d in drafts]
    except ModelNotAvailable:
        raise
    except Exception:  # noqa: BLE001 - find the draft it came from, below
        return [_parsed_alone(d, nlp) for d in drafts]


def _parsed_alone(draft: QuoteDraft | None, nlp: NLP) -> list[Doc] | Exception:
    if draft is None or not draft.to_parse:
        return []
    try:
        return list(nlp.parse(draft.parse_texts))
    except ModelNotAvailable:
        raise
    except Exception as exc:  # noqa: BLE001 - reported as that article's problem
        return exc


@dataclass
class QuoteDraft:
    """One article's quotes up to the parse: the kept spans, the rule attributions of
    the sentences around them, and the sentences (``to_parse``) whose attributions the
    parse will replace. Built by :func:`draft_quotes`, completed by :func:`finish_quotes`."""

    article: Article
    sentences: tuple[Sentence, ...]
    paragraphs: list[tuple[int, int]]
    spans: list[QuotedSpan]
    stretches: tuple[tuple[int, int], ...]  # every quoted stretch, titles included
    candidates: list[Sentence]
    attributions: dict[int, tuple[Attribution, ...]]
    found: list[Found]
    to_parse: list[Sentence] = field(default_factory=list)

    @property
    def parse_texts(self) -> list[str]:
        return [s.text for s in self.to_parse]


def draft_quotes(article: Article, sentences: tuple[Sentence, ...]) -> QuoteDraft | None:
    """The quotes of ``article`` attributed by the rules alone, and the sentences left to
    parse; None when the article holds no quotation."""
    text = article.text
    if not sentences:
        return None
    paragraphs = paragraph_spans(text)
    marked = quoted_spans(text, paragraphs)
    kinds = [title_kind(text, s, paragraphs) for s in marked]
    context = TitleContext.of(article, marked, kinds)
    cue_words = CueWords(text)
    spans = [s for s, kind in zip(marked, kinds)
             if not not_speech(text, s, kind, sentences, context, cue_words)]
    if not spans:
        return None
    spans = [without_speaker_label(text, s) for s in spans]
    stretches = tuple((s.open, s.outer_end) for s in marked)
    quoted = SpanSet.of(stretches)  # titles hold no cue, no speaker
    candidates, too_long = sentences_to_parse(text, sentences, spans, paragraphs)
    # Rules first (the words next to each cue): most quotes sit in a plain pattern
    # ('“...,” Reed said'). Only the sentences around a quote the rules leave without a
    # speaker mention are parsed, so the parser sees a fraction of the text.
    attributions = {s.index: rule_attributions(text, s.start, s.end, quoted)
                    for s in candidates + too_long}
    found = attributions_of(text, spans, sentences, paragraphs, attributions)
    to_parse = sentences_needing_parse(sentences, spans,
                                       [f.attribution for f in found], candidates)
    return QuoteDraft(article, sentences, paragraphs, spans, stretches, candidates,
                      attributions, found, to_parse)


def finish_quotes(draft: QuoteDraft, docs: Iterable) -> tuple[Quote, ...]:
    """The quotes of a draft, given the parses of its ``to_parse`` sentences in order:
    parsed cues replace the rule ones there, then speakers are resolved."""
    article, sentences, text = draft.article, draft.sentences, draft.article.text
    quoted = SpanSet.of(draft.stretches)
    attributions = dict(draft.attributions)
    subjects: dict[int, tuple[tuple[int, int], ...]] = {}
    for sentence, doc in zip(draft.to_parse, docs):
        headline = _in_title(article, sentence.start)
        attributions[sentence.index] = sentence_attributions(
            doc, sentence.start, text, quoted, headline=headline
        )
        subjects[sentence.index] = sentence_subjects(doc, sentence.start, text, quoted)
    found = draft.found
    if draft.to_parse:
        found = attributions_of(text, draft.spans, sentences, draft.paragraphs, attributions)
    for sentence in draft.candidates:
        if sentence.index not in subjects:
            subjects[sentence.index] = rule_subjects(text, sentence.start, sentence.end, quoted)
    known = frozenset(k for k in _subject_names(text, attributions) if k)
    people = find_people(text, known, exclude=draft.stretches)
    salience = _salience(text, sentences, subjects, attributions, people, article)
    quotes: list[Quote] = []
    for span, how in zip(draft.spans, found):
        quote = _quote(article, sentences, span, how, people, salience, len(quotes) + 1)
        if not is_unspoken_fragment(quote):
            quotes.append(quote)
    return tuple(headline_speakers(article, quotes, people))


def is_unspoken_fragment(quote: Quote) -> bool:
    """A scare quote that got past the cue test (a cue word elsewhere in its sentence:
    'officials called it a “dry port”'): a few words inside the author's sentence that
    no speaker could be found for. Reporting them as speech would put words in no one's
    mouth."""
    return (quote.kind == "partial" and quote.speaker is None
            and len(_WORD.findall(quote.text)) <= SCARE_QUOTE_MAX_WORDS)


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
            mention = spokesperson_mention(text, Span(text[a:b], a, b))
            speaker, certainty = resolved_speaker(text, mention, people, salience)
    confidence = round(max(0.05, min(1.0, (how.basis or 0.3) * certainty)), 2)
    return Quote(
        id=f"{article.id}:q{n}", article=article.id, text=text[span.start : span.end],
        start=span.start, end=span.end, kind=kind, speaker=speaker, speaker_mention=mention,
        cue=cue, confidence=confidence, sentence=sentence.index if sentence else None,
    )
