"""Speakers without a parse: the words next to each cue, and who a sentence is about.

Most quotes sit in a plain pattern ('“...,” Reed said', 'said Jo Reed, the mayor',
'the group wrote'), so :func:`rule_attributions` reads the words around every cue word
outside quotes and :func:`rule_subjects` the first words of a sentence. The quote stage
parses only the sentences these leave without a speaker (:mod:`quote_cues` holds the
parse-based path, which uses the same mention readers as its fallback). Each reader
looks at a bounded neighbourhood, so an article costs linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from types import MappingProxyType

from .quote_marks import SpanSet
from .quote_names import strip_titles
from .resources.quotes import (
    ADDRESSEE_CUES,
    AGE_DESCRIPTION,
    CUE_ADVERBS,
    CUE_PHRASES,
    CUE_WORDS,
    DESCRIPTION_OPENERS,
    DESCRIPTION_STOPS,
    DESCRIPTION_WORDS,
    DETERMINERS,
    INVERTED_VERB_MIN,
    NAME,
    NOT_NAMES,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    SUBJECT_PRONOUNS,
    THOUGHT_CUES,
)

_WORD = re.compile(r"[\w’'.-]+")
_PLAIN_WORD = re.compile(r"[\w’'-]+")
# ', a top aide to the mayor,' or ', who runs the shelter,' between a name and its cue
_APPOSED = re.compile(
    rf"({NAME})(?:,?\s+(?:Jr\.|Sr\.|II|III|IV))?(?:\s*\([^()\n]{{1,40}}\))?,\s+"
    r"[^,“”\"\n]{1,120},\s*$"
)
# What may stand between a name and its cue: '(R-Ore.)', ', 25,'
_ASIDE = re.compile(r"(?:\s*\([^()\n]{1,40}\)|,\s*\d{1,3},?)\s*$")
# A closing mark after , ? ! or a dash, then at most four words before the offset:
# the frame of '“...,” Reed beamed' (group 1: the closing mark).
_AFTER_QUOTE = re.compile(r"[,?!—–-]([”\"’'»])[ \t]+(?:[\w’'.-]+[ \t]+){1,4}$")
_COMMA = re.compile(r"[ \t]*,[ \t]*")
_PHRASES_BY_FIRST = MappingProxyType({first: tuple(p for p in CUE_PHRASES if p[0] == first)
                                      for first in {p[0] for p in CUE_PHRASES}})
# How many first words of a sentence the rule-based subject reading looks at.
_SUBJECT_WORDS = 14
# How far before a cue the rule-based path looks for its speaker (characters).
_MENTION_REACH = 120



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


def rule_attributions(text: str, start: int, end: int,
                      quoted: SpanSet) -> tuple[Attribution, ...]:
    """The attributions of an unparsed stretch ``text[start:end]`` (one too long to
    parse): every cue word outside quotes, with the mention right before it, else right
    after it. Each cue looks at a bounded neighbourhood, so the cost is linear."""
    out = []
    for word in _PLAIN_WORD.finditer(text, start, end):
        lower = word.group().lower()
        if quoted.holds(word.start()):
            continue
        if lower not in CUE_WORDS:
            found = (_phrase_cue(text, word, lower, start, end)
                     or _inverted_verb(text, word, start, quoted))
            if found is not None and found.mention is not None and quoted.holds(found.mention[0]):
                found = None
            if found is not None:
                out.append(found)
            continue
        if _cue_as_noun(text, start, word.start()):
            continue  # 'the Instagram post he shared', 'his remarks', 'secretary of state'
        near = _reach_start(text, start, word.start())
        if lower.endswith("ing") and _after_comma(text, start, word.start()):
            # ', writing: “...”' / ', adding': a participle whose subject is the main
            # clause's (an earlier cue's speaker), never the word before the comma
            earlier = out[-1].mention if out else None
            out.append(Attribution(word.start(), word.end(), earlier, lower in THOUGHT_CUES))
            continue
        inverted = right_after_quote(text, start, word.start())
        mention = mention_before(text, word.start(), near)
        if mention is None and (inverted or lower not in ADDRESSEE_CUES):
            mention = mention_after(text, word.end(), min(end, word.end() + _MENTION_REACH),
                                    inverted=inverted)
        if mention is not None and quoted.holds(mention[0]):
            mention = None
        out.append(Attribution(word.start(), word.end(), mention, lower in THOUGHT_CUES))
    return tuple(out)


def _reach_start(text: str, start: int, offset: int) -> int:
    """Where the look for a mention before ``offset`` starts: ``_MENTION_REACH`` back,
    not before ``start``, never inside a word."""
    near = max(start, offset - _MENTION_REACH)
    while start < near < offset and not text[near - 1].isspace():
        near += 1
    return near


def _phrase_cue(text: str, word: re.Match[str], lower: str, start: int,
                end: int) -> Attribution | None:
    """A cue of several words ('put it', 'in a statement', 'on X') with the mention
    right before it, else the name after its comma ('On Instagram, Vale thanked ...')."""
    phrase = _phrase_at(text, word, lower, end)
    if phrase is None or (word.group()[:1].isupper() and text[start : word.start()].strip()):
        return None  # 'Posts ‘...’ On Instagram' (a Title-Case headline): no cue
    after = _skip_spaces(text, phrase.end(), end)
    if phrase.group().lower() == "it" and text[after : after + 1] not in tuple(",:.;—–“\"‘"):
        return None  # 'Reed put it in a box': no cue; 'as Reed put it, “...”' is
    mention = mention_before(text, word.start(), _reach_start(text, start, word.start()))
    if mention is None:
        comma = _COMMA.match(text, phrase.end(), end)
        if comma is not None:
            mention = mention_after(text, comma.end(), min(end, comma.end() + _MENTION_REACH))
    return Attribution(word.start(), phrase.end(), mention) if mention is not None else None


def _phrase_at(text: str, word: re.Match[str], lower: str, end: int) -> re.Match[str] | None:
    """The last word of the cue phrase starting with ``word``, or None."""
    for phrase in _PHRASES_BY_FIRST.get(lower, ()):
        last = word
        for wanted in phrase[1:]:
            nxt = _PLAIN_WORD.match(text, _skip_spaces(text, last.end(), end), end)
            if nxt is None or nxt.start() == last.end() or not _phrase_word(nxt.group(), wanted,
                                                                           phrase[0]):
                break
            last = nxt
        else:
            return last
    return None


def _inverted_verb(text: str, word: re.Match[str], start: int,
                   quoted: SpanSet) -> Attribution | None:
    """A past-tense verb outside the cue lists right after a quote and its subject:
    '“...,” Reed beamed', '“...!” an angry Reed retorted' (the quote ending in , ? ! or
    a dash holds the sentence open for its attribution)."""
    verb = word.group()
    if len(verb) < INVERTED_VERB_MIN or not verb.endswith("ed") or not verb.islower():
        return None
    frame = _AFTER_QUOTE.search(text, max(start, word.start() - 80), word.start())
    if frame is None or quoted.holds(frame.end(1)):
        return None
    mention = mention_before(text, word.start(), frame.end(1))
    if mention is None:
        return None
    lead = text[frame.end(1) : mention[0]].split()  # 'an angry' before 'Reed'
    if lead and lead[0].lower() not in DESCRIPTION_OPENERS:
        return None
    return Attribution(word.start(), word.end(), mention)


def _phrase_word(word: str, wanted: str, first: str) -> bool:
    """``word`` is the phrase's ``wanted`` word: lower-case ('Goes On' in a Title-Case
    headline is no cue), but a platform after 'on' as the platform writes it ('on X')."""
    if first == "on":
        return word == "X" if wanted == "x" else word.lower() == wanted
    return word == wanted


def _skip_spaces(text: str, i: int, end: int) -> int:
    while i < end and text[i] in " \t":
        i += 1
    return i


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


def rule_subjects(text: str, start: int, end: int,
                  quoted: SpanSet) -> tuple[tuple[int, int], ...]:
    """Who an unparsed sentence is about, read from its first words: a pronoun, a name
    ('Prosecutor Jo Reed questioned ...') or a role description ('the chef had ...'),
    after an opening phrase and its comma when the sentence has one ('Just a week
    earlier, the chef ...': both readings are returned). A sentence that opens with a
    quote gives nothing: its speaker is its cue's subject."""
    words = list(islice(_WORD.finditer(text, start, end), _SUBJECT_WORDS))
    if not words or quoted.holds(words[0].start()):
        return ()
    found = [_subject_at(text, words)]
    comma = next((k for k, w in enumerate(words[:_SUBJECT_WORDS // 2])
                  if text[w.end() : w.end() + 1] == ","), None)
    if comma is not None:  # both: which one is a person is the caller's question
        found.append(_subject_at(text, words[comma + 1 :]))
    return tuple(f for f in found if f is not None and not quoted.holds(f[0]))


def _subject_at(text: str, words: list[re.Match[str]]) -> tuple[int, int] | None:
    if not words:
        return None
    first = words[0].group()
    if first.lower() in SUBJECT_PRONOUNS:
        return (words[0].start(), words[0].end())
    if first[:1].isupper() and first.lower() not in NOT_NAMES:
        run = _leading_name_run(text, words)
        following = words[len(run)].group() if len(run) < len(words) else ""
        if following[:1].islower() or text[run[-1].end() : run[-1].end() + 1] == ",":
            return name_span(text, run[0].start(), run[-1].end())
        return None
    if first.lower() in DESCRIPTION_OPENERS:
        return _role_description(text, words)
    return None


def _role_description(text: str, words: list[re.Match[str]]) -> tuple[int, int] | None:
    """An opener and at most four more words ending in a role noun, nothing but spaces
    between them: 'the chef', 'a city spokeswoman'."""
    for k, w in enumerate(words[1:5], start=1):
        if text[words[k - 1].end() : w.start()].strip():
            return None
        if _is_role(w.group()):
            return (words[0].start(), _strip_punct(text, w))
    return None


def _leading_name_run(text: str, words: list[re.Match[str]]) -> list[re.Match[str]]:
    run = [words[0]]
    for w in words[1:]:
        if w.group()[:1].isupper() and not text[run[-1].end() : w.start()].strip():
            run.append(w)
        else:
            break
    return run


# --- cheap fallback: the words next to the cue -------------------------------------

def mention_before(text: str, cue_start: int, limit: int) -> tuple[int, int] | None:
    """The mention right before a cue: 'Smith said', 'he later said', 'the judge wrote',
    'Jo Reed (D-Ore.) said', 'Jo Reed, 25, said', 'the mayor's aide, Jo Reed, said',
    'Jo Reed, who runs the shelter, said'."""
    end = _before_asides(text, limit, cue_start)
    words = list(_WORD.finditer(text, limit, end))
    while words and words[-1].group().lower() in CUE_ADVERBS:
        words.pop()
    if words and not text[words[-1].end() : end].strip():
        found = _mention_ending(text, words, limit)
        if found is not None:
            return found
    if words and text[words[-1].end() : end].strip() == ",":
        # 'the press secretary, Jo Reed, said': a name in commas right before the cue
        found = _mention_ending(text, words, limit, names_only=True)
        if found is not None:
            return found
        apposed = _APPOSED.search(text, limit, end)
        if apposed:  # 'Jo Reed, a top aide to the mayor, said'
            return name_span(text, apposed.start(1), apposed.end(1))
    return None


def _before_asides(text: str, limit: int, end: int) -> int:
    """``end`` moved back over white space and the asides that may stand between a name
    and its cue: a parenthesis ('(R-Ore.)') and an age (', 25,')."""
    while True:
        while end > limit and text[end - 1].isspace():
            end -= 1
        aside = _ASIDE.search(text, max(limit, end - 48), end)
        if aside is None:
            return end
        end = aside.start()


def mention_after(text: str, cue_end: int, limit: int, *,
                  inverted: bool = False) -> tuple[int, int] | None:
    """The mention right after a cue: 'said Smith', 'said the judge', 'said he'. With
    ``inverted`` (the cue right after a quote: '“...,” said ...', where what follows is
    the subject, not an object as in 'recalled the freeze'), also a description or a
    name behind lower-case words: 'said a person close to the campaign', 'said former
    Sen. Jo Reed', 'said 9/11 widow Jo Reed'."""
    words = _words_in_phrase(text, cue_end, limit, DESCRIPTION_WORDS + 4)
    if not words or text[cue_end : words[0].start()].strip():
        return None
    first = words[0].group().rstrip(".,;:")
    if not first:
        return None
    if first.lower() in SUBJECT_PRONOUNS and inverted:
        return (words[0].start(), words[0].start() + len(first))
    if first.lower() in PRONOUN_GENDER or first.lower() in PLURAL_PRONOUNS:
        return None  # 'asking her': an object; 'said he was': a reported subject
    if first[0].isupper() and first.lower() not in NOT_NAMES:
        run = _leading_name_run(text, words)
        return name_span(text, run[0].start(), _strip_punct(text, run[-1]))
    if not inverted:
        return _role_description(text, words) if first.lower() in DETERMINERS else None
    phrase: list[re.Match[str]] = []
    for w in words:
        lower = w.group().lower()
        if phrase and (lower in DESCRIPTION_STOPS
                       or (lower == "of" and phrase[-1].group()[:1].isupper())):
            break  # 'said former Sen. Jo Reed of Harlow': the name ends before 'of'
        phrase.append(w)
    run = _trailing_name_run(text, phrase)
    if run is not None and len(run) < len(phrase):
        return name_span(text, run[0].start(), _strip_punct(text, run[-1]))  # former Sen. Jo Reed
    if first.lower() in DESCRIPTION_OPENERS and len(phrase) > 1:
        return (words[0].start(), _strip_punct(text, phrase[-1]))
    return None


def _words_in_phrase(text: str, start: int, limit: int, n: int) -> list[re.Match[str]]:
    """Up to ``n`` words from ``start``, stopping at the first punctuation between two
    words (a word's own trailing '.,' ends the phrase after it)."""
    out: list[re.Match[str]] = []
    for w in _WORD.finditer(text, start, limit):
        if out and (text[out[-1].end() : w.start()].strip(" \t/") or len(out) == n
                    or out[-1].group()[-1] in ",;:"):
            break
        out.append(w)
    return out


def _trailing_name_run(text: str, words: list[re.Match[str]]) -> list[re.Match[str]] | None:
    """The capitalised words ending ``words`` (at least one), or None."""
    run: list[re.Match[str]] = []
    for w in reversed(words):
        if w.group()[:1].isupper() and w.group().lower() not in NOT_NAMES:
            run.insert(0, w)
        else:
            break
    return run or None


def _mention_ending(text: str, words: list[re.Match[str]], limit: int = 0, *,
                    names_only: bool = False) -> tuple[int, int] | None:
    """The mention ending with the last of ``words``: a pronoun, a name run, or a
    description opened by an article at the start of its clause ('the group',
    'one campaign source', 'Obama's former campaign strategist')."""
    last = words[-1]
    word = last.group().rstrip(",.")
    if not names_only and (word.lower() in PRONOUN_GENDER or word.lower() in PLURAL_PRONOUNS):
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
    if names_only or not word[:1].isalpha():
        return None
    for i in range(len(words) - 2, max(-1, len(words) - 2 - DESCRIPTION_WORDS), -1):
        between = text[words[i].end() : words[i + 1].start()]
        if between.strip() or words[i].group()[-1] in ",.:;":
            return None  # punctuation inside: not one phrase
        opener = words[i].group().lower()
        if opener in DESCRIPTION_OPENERS or _possessive(words[i].group()):
            if _clause_start(text, limit, words[i].start()):
                return (words[i].start(), last.start() + len(word))
            return None
    return None


def _char_before(text: str, limit: int, offset: int, skipping: str) -> str:
    """The last character before ``offset`` (back to ``limit``) not in ``skipping``."""
    i = offset
    while i > limit and text[i - 1] in skipping:
        i -= 1
    return text[i - 1] if i > limit else ""


def right_after_quote(text: str, limit: int, offset: int) -> bool:
    """A closing quote mark, then at most a comma, right before ``offset``."""
    return _char_before(text, limit, offset, " \t,") in tuple("”\"’'»")


def _cue_as_noun(text: str, limit: int, offset: int) -> bool:
    """The cue word at ``offset`` ends a noun phrase: a determiner, then only
    capitalised words, right before it ('the post', 'his Instagram post')."""
    before = list(_PLAIN_WORD.finditer(text, max(limit, offset - 60), offset))[-4:]
    if before and before[-1].group().lower() == "of":
        return True  # 'the secretary of state'
    for w in reversed(before):
        word = w.group()
        if word.lower() in DETERMINERS:
            return True
        if not word[:1].isupper():
            return False
    return False


def _after_comma(text: str, limit: int, offset: int) -> bool:
    return _char_before(text, limit, offset, " \t") == ","


def _possessive(word: str) -> bool:
    """'Obama's', 'the ad’s': a possessive opens a description like an article."""
    return len(word) > 2 and word[-2:] in ("'s", "’s")


def _clause_start(text: str, limit: int, offset: int) -> bool:
    """Nothing but white space, or a comma, colon, quote mark or dash, before
    ``offset`` (back to ``limit``): the phrase there opens its clause ('“...,” the group
    wrote'), it is not the object of a preposition ('at a press event said')."""
    i = offset
    while i > limit and text[i - 1].isspace():
        i -= 1
    return i <= limit or text[i - 1] in ",;:—–-(“”\"‘’'"


def _is_role(word: str) -> bool:
    word = word.lower().rstrip(",.;:")
    return word in ROLE_NOUNS or AGE_DESCRIPTION.match(word) is not None


def _strip_punct(text: str, word: re.Match[str]) -> int:
    end = word.end()
    while end > word.start() and text[end - 1] in ",.;:!?":
        end -= 1
    return end
