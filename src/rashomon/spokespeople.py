"""Spokespeople: a mention such as 'a spokeswoman for the council' or 'a Harlow
Transit spokesman' speaks for an organisation, and the quote is the organisation's.

:func:`spokesperson_mention` widens the mention over what it speaks for (so its offsets
cover 'for the council'); :func:`spokesperson_organisation` names the organisation,
finding 'the council' in the text's capitalised names ('the Lake County Council').
A named spokesperson ('Kim Lo, a spokeswoman for the council') stays a person.
"""

from __future__ import annotations

import re

from .model import Span
from .quote_names import possessive_free
from .resources.quotes import (
    DETERMINERS,
    NAME,
    NAME_WORD,
    ORG_WORDS,
    ORGANISATION_REACH,
    SPOKESPERSON_LINKS,
    SPOKESPERSON_ROLES,
)

_LINKS = "|".join(sorted(SPOKESPERSON_LINKS))
# ' for the council', ' for Harlow Transit', ' of the Lake County Council'
_SPOKEN_FOR = re.compile(
    rf"[ \t]+(?:{_LINKS})[ \t]+((?:[Tt]he[ \t]+)?(?:{NAME})|the[ \t]+(?:{'|'.join(sorted(ORG_WORDS))}))"
    r"(?![\w-])"
)
_ROLES = "|".join(sorted(SPOKESPERSON_ROLES))
_DETERMINERS = "|".join(sorted(DETERMINERS))
# 'a spokesman for ' right before a name: the name is what the spokesman speaks for
_SPOKESPERSON_BEFORE = re.compile(
    rf"(?<![\w-])(?i:{_DETERMINERS})[ \t]+(?:[\w-]+[ \t]+){{0,2}}(?i:{_ROLES})[ \t]+"
    rf"(?:{_LINKS})[ \t]+(?:the[ \t]+)?$"
)
_WORD = re.compile(r"[\w’'.&-]+")


def spokesperson_mention(text: str, mention: Span) -> Span:
    """``mention`` with the body it speaks for when its head is a spokesperson role
    ('a spokeswoman' + ' for the council'); any other mention unchanged."""
    words = mention.text.split()
    if not words:
        return mention
    if _bare(words[-1]) not in SPOKESPERSON_ROLES:
        # 'a spokesman for Harlow Transit said': the rules read the name before the cue
        lead = _SPOKESPERSON_BEFORE.search(text, max(0, mention.start - 60), mention.start)
        if lead is None or not words[0][:1].isupper():
            return mention
        return Span(text[lead.start() : mention.end], lead.start(), mention.end)
    found = _SPOKEN_FOR.match(text, mention.end)
    if found is None:
        return mention
    return Span(text[mention.start : found.end()], mention.start, found.end())


def spokesperson_organisation(text: str, mention: Span) -> str | None:
    """The organisation a spokesperson mention speaks for, or None when it is no
    spokesperson or names no organisation ('a spokeswoman'): 'a spokesman for Harlow
    Transit' and 'a Harlow Transit spokesman' -> 'Harlow Transit'; 'a spokeswoman for
    the council' -> the capitalised '... Council' named nearest before it in the text
    (else first after it)."""
    words = _WORD.findall(mention.text)
    role = next((i for i, w in enumerate(words) if _bare(w) in SPOKESPERSON_ROLES), None)
    if role is None or (role == 0 and len(words) == 1):
        return None
    after = words[role + 1 :]
    if after and after[0].lower() in SPOKESPERSON_LINKS:
        phrase = after[1:]
    else:  # 'a Harlow Transit spokesman', 'a council spokeswoman'
        phrase = words[:role]
    while phrase and phrase[0].lower() in DETERMINERS:
        phrase = phrase[1:]
    if not phrase:
        return None
    if phrase[0][:1].isupper():
        return " ".join(w.rstrip(".,") for w in phrase)
    noun = _bare(phrase[-1])
    return named_organisation(text, noun, mention.start) if noun in ORG_WORDS else None


def speaks_for_organisation(mention: Span | None) -> bool:
    """The mention is a spokesperson's ('a spokesman for Harlow Transit'): its quote's
    speaker is an organisation, no person."""
    return mention is not None and any(
        _bare(w) in SPOKESPERSON_ROLES for w in mention.text.split())


def named_organisation(text: str, noun: str, before: int) -> str | None:
    """The capitalised name ending in ``noun`` ('council' -> 'Lake County Council')
    nearest before offset ``before``, else the first after it."""
    pattern = re.compile(
        rf"(?<![\w-])(?:{NAME_WORD}[ \t]+){{1,4}}{re.escape(noun.capitalize())}(?![\w-])"
    )
    # a bounded look each way, so that an article of many such quotes stays linear
    earlier = list(pattern.finditer(text, max(0, before - ORGANISATION_REACH), before))
    match = earlier[-1] if earlier else pattern.search(text, before, before + ORGANISATION_REACH)
    if match is None:
        return None
    words = match.group().split()
    while len(words) > 1 and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _bare(word: str) -> str:
    return possessive_free(word.lower().rstrip(".,;:"))
