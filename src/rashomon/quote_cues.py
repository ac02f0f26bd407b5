"""Cue verbs and their speakers inside one parsed sentence.

An :class:`Attribution` is a cue (``said``, ``told``, ``according to``) outside any
quote, with the mention of who speaks: the cue's grammatical subject (climbing from
participles such as ``adding``/``writing`` to the verb they hang on), the object of
``according to``, and when the parse gives nothing, the words right before or after
the cue (``Smith said``, ``said Smith``). spaCy tokens stay inside this module.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .quote_marks import SpanSet
from .quote_rules import (
    Attribution,
    mention_after,
    mention_before,
    name_span,
    right_after_quote,
)
from .resources.quotes import (
    CUE_WORDS,
    SPEECH_CUES,
    THOUGHT_CUES,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_MODIFIERS = ("det", "amod", "compound", "nummod", "poss", "nmod")
_CLIMB = ("advcl", "xcomp", "conj", "pcomp", "acl", "prep")
_SUBJECT = ("nsubj", "nsubjpass")
_VERBAL_DEPS = ("ROOT", "advcl", "ccomp", "xcomp", "conj", "relcl", "acl", "parataxis", "pcomp")
_PLAIN_WORD = re.compile(r"[\w’'-]+")
# A cue inside a reported clause still introduces a quote that opens within this many
# words after it ('Okafor said Reed told her: “...”').
_INTRODUCES_WITHIN = 3
_OPENS_QUOTE = re.compile(
    rf"(?:[\s,:;]*[\w’'-]+){{0,{_INTRODUCES_WITHIN}}}[\s,:;]*(?=[“\"‘'])"
)


def has_cue_word(text: str) -> bool:
    return any(w.lower() in CUE_WORDS for w in _PLAIN_WORD.findall(text))


def sentence_attributions(
    doc: Doc, offset: int, text: str, quoted: SpanSet, *, headline: bool
) -> tuple[Attribution, ...]:
    """The attributions of one parsed sentence; ``offset`` is where it starts in
    ``text``; ``quoted`` the quoted stretches (marks included)."""
    out = []
    for token in doc:
        start = offset + token.idx
        if quoted.holds(start):
            continue
        lower = token.lower_
        if lower == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            to = doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            mention = _mention_span(objects[0], offset, text) if objects else None
            end = offset + to.idx + len(to)
            if mention is None:
                mention = mention_after(text, end, offset + len(doc.text))
            out.append(Attribution(start, end, mention))
            continue
        if lower not in CUE_WORDS:
            continue
        if token.i > 0 and doc[token.i - 1].lower_ == "of":
            continue  # 'the secretary of state': a noun
        if not (headline or _verbal(token) or _before_quote(text, start + len(token))):
            continue
        governing = _governing_cue(token, offset, quoted)
        if governing is not None and not _introduces_quote(token, offset, text, quoted):
            continue  # 'saying she would not ask families to ... “...”': the cue is saying
        mention = _subject(token, offset, text)
        if mention is not None and quoted.holds(mention[0]):
            mention = None
        if mention is not None and mention[0] > start:
            # 'said Smith' - unless a name stands right before ('Jo, an aide, said on ...')
            mention = mention_before(text, start, offset) or mention
        if mention is None:
            mention = mention_before(text, start, offset) or mention_after(
                text, start + len(token), offset + len(doc.text),
                inverted=right_after_quote(text, offset, start),
            )
        out.append(Attribution(start, start + len(token), mention, lower in THOUGHT_CUES,
                               None if governing is None else offset + governing.idx))
    return tuple(out)


def sentence_subjects(doc: Doc, offset: int, text: str,
                      quoted: SpanSet) -> tuple[tuple[int, int], ...]:
    """The (start, end) mentions of the grammatical subjects of one parsed sentence,
    outside quotes: who the sentence is about ('the chef sounded a note')."""
    out = []
    for token in doc:
        if token.dep_ not in _SUBJECT or not token.text[:1].isalnum():
            continue
        if quoted.holds(offset + token.idx):
            continue
        mention = _mention_span(token, offset, text)
        if mention is not None and not quoted.holds(mention[0]):
            out.append(mention)
    return tuple(out)


def _verbal(token: Token) -> bool:
    """A cue word used as a verb (spaCy tags 'writing' in ', writing, "..."' a NOUN, but
    its dependency is still verbal; title-case lines are trusted by their case)."""
    return (
        _is_verb(token)
        or token.dep_ in _VERBAL_DEPS
        or (token.i > 0 and token.text[:1].isupper())
    )


def _governing_cue(token: Token, offset: int, quoted: SpanSet) -> Token | None:
    """The earlier speech cue outside quotes whose reported clause holds the word
    ('saying [that] she would not ask ...' -> saying), else None."""
    child = token
    for head in token.ancestors:
        if (child.dep_ == "ccomp" and head.i < token.i and head.lower_ in SPEECH_CUES
                and not quoted.holds(offset + head.idx)):
            return head
        child = head
    return None


def _introduces_quote(cue: Token, offset: int, text: str, quoted: SpanSet) -> bool:
    """A cue inside a reported clause still introduces a quote that stands in its own
    clausal complement ('... when he said Wednesday that “...”') or opens within a few
    words after it ('Okafor said Reed told her: “...”')."""
    end = offset + cue.idx + len(cue)
    limit = offset + len(cue.doc.text)
    found = _OPENS_QUOTE.match(text, end, limit)
    if found is not None and found.end() < limit and quoted.holds(found.end()):
        return True
    return any(quoted.holds(offset + t.idx)
               for child in cue.children if child.dep_ == "ccomp"
               for t in child.subtree if t.i > cue.i)


def _before_quote(text: str, end: int) -> bool:
    """A cue word right before an opening mark ('writing “...'), whatever its tag."""
    rest = text[end : end + 4].lstrip(" ,:")
    return rest[:1] in "“\"‘'"


def _subject(cue: Token, offset: int, text: str) -> tuple[int, int] | None:
    verb = cue
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT and c.text[:1].isalnum()]
        if subjects:
            subject = min(subjects, key=lambda c: abs(c.i - verb.i))
            if subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
                return _mention_span(verb.head, offset, text)
            return _mention_span(subject, offset, text)
        if verb.dep_ == "relcl":
            return _mention_span(verb.head, offset, text)
        if verb.dep_ in _CLIMB and verb.head is not verb:
            verb = verb.head
            continue
        break
    return None


def _mention_span(token: Token, offset: int, text: str) -> tuple[int, int] | None:
    """The speaker mention headed by ``token``: a name (titles stripped), a pronoun or
    a description ('the award nominee'); an apposed name wins ('his lawyer, Jo Reed')."""
    if _is_pronoun(token):
        return (offset + token.idx, offset + token.idx + len(token))
    appos = [c for c in token.children if c.dep_ == "appos" and _is_proper(c)]
    if appos and (not _is_proper(token) or _dateline(token)):
        token = appos[0]
    if _is_proper(token):
        first = token
        while first.i > 0:
            prev = first.doc[first.i - 1]
            if _joined(prev, first):
                first = prev  # Thale-Barrow, O'Neill: spaCy splits at the hyphen
                continue
            if prev.text[:1].isupper() and prev.dep_ in ("compound", "flat", "nmod") and (
                _is_proper(prev) or prev.head.i == token.i
            ):
                first = prev
            else:
                break
        last = token
        start, end = offset + first.idx, offset + last.idx + len(last)
        return name_span(text, start, end)
    left = [c for c in token.lefts if c.dep_ in _MODIFIERS]
    first = min(left, key=lambda t: t.i) if left else token
    # a left child starting beyond a comma is not part of the phrase
    first = next((t for t in first.doc[first.i : token.i + 1] if t.text != ","), token)
    return (offset + first.idx, offset + token.idx + len(token))


# Word classes read from the fine-grained Penn tags the tagger gives: the pipeline runs
# without its attribute ruler (the tag -> coarse POS table), a tenth of the parse time.
def _is_verb(token: Token) -> bool:
    return token.tag_.startswith("VB") or token.tag_ == "MD"


def _is_pronoun(token: Token) -> bool:
    return token.tag_ in ("PRP", "PRP$", "WP", "WP$")


def _is_proper(token: Token) -> bool:
    return token.tag_ in ("NNP", "NNPS")


def _dateline(token: Token) -> bool:
    """An upper-case place before a dash that opens a story ('HARLOW -- Mayor Jo
    Reed said'): the parser may make it the subject, with the name in apposition."""
    nxt = token.i + 1 < len(token.doc) and token.doc[token.i + 1]
    return (len(token.text) > 1 and token.text.isupper()
            and bool(nxt) and nxt.text in ("--", "—", "–", "-"))


def _joined(prev: Token, token: Token) -> bool:
    """``prev`` is glued to ``token`` inside one name word: a hyphen or an apostrophe
    with no space ('Thale' '-' 'Barrow'), or the part before such a mark."""
    if prev.whitespace_:
        return False
    if prev.text in ("-", "'", "’") and prev.i > 0 and not prev.doc[prev.i - 1].whitespace_:
        return token.text[:1].isupper()
    return token.text in ("-", "'", "’") and prev.text[:1].isupper()
