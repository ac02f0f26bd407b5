"""Cue verbs and their speakers inside one parsed sentence.

An :class:`Attribution` is a cue (``said``, ``told``, ``according to``) outside any
quote, with the mention of who speaks: the cue's grammatical subject (climbing from
participles such as ``adding``/``writing`` to the verb they hang on), the object of
``according to``, and when the parse gives nothing, the words right before or after
the cue (``Smith said``, ``said Smith``). spaCy tokens stay inside this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .quote_marks import SpanSet
from .quote_names import strip_titles
from .resources.quotes import (
    AGE_DESCRIPTION,
    CUE_ADVERBS,
    CUE_WORDS,
    DETERMINERS,
    NAME,
    NOT_NAMES,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    SPEECH_CUES,
    SUBJECT_PRONOUNS,
    THOUGHT_CUES,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_MODIFIERS = ("det", "amod", "compound", "nummod", "poss", "nmod")
_CLIMB = ("advcl", "xcomp", "conj", "pcomp", "acl", "prep")
_SUBJECT = ("nsubj", "nsubjpass")
_VERBAL_DEPS = ("ROOT", "advcl", "ccomp", "xcomp", "conj", "relcl", "acl", "parataxis", "pcomp")
_WORD = re.compile(r"[\w’'.-]+")
_PLAIN_WORD = re.compile(r"[\w’'-]+")
# ', a top aide to the mayor,' between a name and its cue
_APPOSED = re.compile(
    rf"({NAME}),\s+(?:a|an|the|his|her|their)\s+" r"[^,“”\"]{1,80},\s*$"
)
# How far before a cue the rule-based path looks for its speaker (characters).
_MENTION_REACH = 120
# A cue inside a reported clause still introduces a quote that opens within this many
# words after it ('Okafor said Reed told her: “...”').
_INTRODUCES_WITHIN = 3
_OPENS_QUOTE = re.compile(
    rf"(?:[\s,:;]*[\w’'-]+){{0,{_INTRODUCES_WITHIN}}}[\s,:;]*(?=[“\"‘'])"
)


@dataclass(frozen=True)
class Attribution:
    """A cue at ``cue_start:cue_end`` and the speaker mention (or None)."""

    cue_start: int
    cue_end: int
    mention: tuple[int, int] | None
    thought: bool = False  # think/believe: attributes partial quotes only
    # where the cue whose reported clause holds this one starts ('Reed said Jo was
    # “right” when she said ...': the second said), else None
    reported_in: int | None = None


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
                text, start + len(token), offset + len(doc.text)
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


def rule_attributions(text: str, start: int, end: int,
                      quoted: SpanSet) -> tuple[Attribution, ...]:
    """The attributions of an unparsed stretch ``text[start:end]`` (one too long to
    parse): every cue word outside quotes, with the mention right before it, else right
    after it. Each cue looks at a bounded neighbourhood, so the cost is linear."""
    out = []
    for word in _PLAIN_WORD.finditer(text, start, end):
        lower = word.group().lower()
        if lower not in CUE_WORDS or quoted.holds(word.start()):
            continue
        near = max(start, word.start() - _MENTION_REACH)
        while start < near < word.start() and not text[near - 1].isspace():
            near += 1  # never start inside a word
        mention = mention_before(text, word.start(), near) or mention_after(
            text, word.end(), min(end, word.end() + _MENTION_REACH)
        )
        if mention is not None and quoted.holds(mention[0]):
            mention = None
        out.append(Attribution(word.start(), word.end(), mention, lower in THOUGHT_CUES))
    return tuple(out)


def _verbal(token: Token) -> bool:
    """A cue word used as a verb (spaCy tags 'writing' in ', writing, "..."' a NOUN, but
    its dependency is still verbal; title-case lines are trusted by their case)."""
    return (
        token.pos_ in ("VERB", "AUX")
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
    if token.pos_ == "PRON":
        return (offset + token.idx, offset + token.idx + len(token))
    appos = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if appos and (token.pos_ != "PROPN" or _dateline(token)):
        token = appos[0]
    if token.pos_ == "PROPN":
        first = token
        while first.i > 0:
            prev = first.doc[first.i - 1]
            if _joined(prev, first):
                first = prev  # Thale-Barrow, O'Neill: spaCy splits at the hyphen
                continue
            if prev.text[:1].isupper() and prev.dep_ in ("compound", "flat", "nmod") and (
                prev.pos_ == "PROPN" or prev.head.i == token.i
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


def _whole_word_start(text: str, start: int) -> int:
    """Back to the start of a hyphenated or apostrophe name word: 'Barrow' in
    'Thale-Barrow' -> 'Thale-Barrow'."""
    while start >= 2 and text[start - 1] in "-'’" and text[start - 2].isalpha():
        start -= 1
        while start > 0 and text[start - 1].isalpha():
            start -= 1
    return start


def name_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name part of ``text[start:end]``: titles stripped, possessive ’s dropped,
    a hyphenated or apostrophe surname kept whole."""
    start = _whole_word_start(text, start)
    words = list(re.finditer(r"\S+", text[start:end]))
    kept = strip_titles([w.group() for w in words])
    if not kept:
        return None
    first = words[len(words) - len(kept)]
    s = start + first.start()
    e = start + words[-1].end()
    tail = re.search(r"['’]s?$", text[s:e])
    if tail and e - tail.start() < e - s:
        e = s + tail.start()
    return (s, e)


# --- cheap fallback: the words next to the cue -------------------------------------

def mention_before(text: str, cue_start: int, limit: int) -> tuple[int, int] | None:
    """The mention right before a cue: 'Smith said', 'he later said', 'the judge wrote'."""
    apposed = _APPOSED.search(text, limit, cue_start)
    if apposed:
        return name_span(text, apposed.start(1), apposed.end(1))
    words = [w for w in _WORD.finditer(text, limit, cue_start)]
    while words and words[-1].group().lower() in CUE_ADVERBS:
        words.pop()
    if not words or text[words[-1].end() : cue_start].strip():
        return None
    return _mention_ending(text, words)


def mention_after(text: str, cue_end: int, limit: int) -> tuple[int, int] | None:
    """The mention right after a cue: 'said Smith', 'said the judge', 'said he'."""
    words = [w for w in _WORD.finditer(text, cue_end, limit)][:6]
    if not words or text[cue_end : words[0].start()].strip():
        return None
    first = words[0].group()
    if first.lower() in SUBJECT_PRONOUNS:
        return (words[0].start(), words[0].end())
    if first.lower() in PRONOUN_GENDER or first.lower() in PLURAL_PRONOUNS:
        return None  # 'asking her': an object, not the speaker
    if first[0].isupper() and first.lower() not in NOT_NAMES:
        run = [words[0]]
        for w in words[1:]:
            if w.group()[0].isupper() and not text[run[-1].end() : w.start()].strip():
                run.append(w)
            else:
                break
        return name_span(text, run[0].start(), _strip_punct(text, run[-1]))
    if first.lower() in DETERMINERS:
        for i, w in enumerate(words[1:5], start=1):
            if _is_role(w.group()):
                return (words[0].start(), _strip_punct(text, w))
    return None


def _mention_ending(text: str, words: list[re.Match[str]]) -> tuple[int, int] | None:
    last = words[-1]
    word = last.group().rstrip(",.")
    if word.lower() in PRONOUN_GENDER or word.lower() in PLURAL_PRONOUNS:
        return (last.start(), last.start() + len(word))
    if word[:1].isupper() and word.lower() not in NOT_NAMES:
        run = [last]
        for w in reversed(words[:-1]):
            if w.group()[:1].isupper() and not text[w.end() : run[0].start()].strip() \
                    and w.group()[-1] not in ",.:;":
                run.insert(0, w)
            else:
                break
        return name_span(text, run[0].start(), last.start() + len(word))
    if _is_role(word):
        for i in range(len(words) - 2, max(-1, len(words) - 6), -1):
            if words[i].group().lower() in DETERMINERS:
                return (words[i].start(), last.start() + len(word))
    return None


def _is_role(word: str) -> bool:
    word = word.lower().rstrip(",.;:")
    return word in ROLE_NOUNS or AGE_DESCRIPTION.match(word) is not None


def _strip_punct(text: str, word: re.Match[str]) -> int:
    end = word.end()
    while end > word.start() and text[end - 1] in ",.;:!?":
        end -= 1
    return end
