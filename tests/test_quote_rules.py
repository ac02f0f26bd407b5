"""Speakers found by the rules alone (no parse), markup in plain text, speakerless
fragments. Every sentence is invented (fictional people, places and outlets)."""

from __future__ import annotations

import pytest
from test_quotes import quotes_of

from rashomon.model import Quote, Span
from rashomon.quote_marks import SpanSet
from rashomon.quote_rules import mention_after, mention_before, rule_subjects
from rashomon.quotes import is_unspoken_fragment

# --- the words next to a cue -------------------------------------------------------------

MENTION_CASES = [
    pytest.param("“We will rebuild,” said 9/11 widow Ana Ruiz.", "Ana Ruiz",
                 id="said-role-then-name"),
    pytest.param("“We will rebuild,” said former Sen. Ana Ruiz of Harlow.", "Ana Ruiz",
                 id="said-title-then-name"),
    pytest.param("“We will rebuild,” Rep. Ana Ruiz (D-Harlow) said.", "Ana Ruiz",
                 id="parenthesis-before-cue"),
    pytest.param("“We will rebuild,” Ana Ruiz, 25, said.", "Ana Ruiz", id="age-before-cue"),
    pytest.param("“We will rebuild,” the council spokeswoman, Ana Ruiz, said on Friday.",
                 "Ana Ruiz", id="apposed-name-in-commas"),
    pytest.param("Ana Ruiz, who runs the depot shelter, said, “We will rebuild.”", "Ana Ruiz",
                 id="relative-clause-between-name-and-cue"),
    pytest.param("Council leader Ana Ruiz, at a later briefing, said, “We will rebuild.”",
                 "Ana Ruiz", id="aside-between-name-and-cue"),
    pytest.param("Ana Ruiz Jr., a depot volunteer, said, “We will rebuild.”", "Ana Ruiz",
                 id="suffix-and-apposition"),
]


@pytest.mark.parametrize(("text", "speaker"), MENTION_CASES)
def test_speaker_of_a_name_next_to_its_cue(nlp, text, speaker):
    quotes = quotes_of(nlp, text)
    assert [q.text.rstrip(",.") for q in quotes] == ["We will rebuild"]
    assert quotes[0].speaker == speaker


DESCRIPTION_CASES = [
    pytest.param("“The depot must stay open,” the group wrote.", "the group", id="the-group-wrote"),
    pytest.param("“The depot must stay open,” one council source said.", "one council source",
                 id="one-source-said"),
    pytest.param("“The depot must stay open,” said a person close to the mayor.",
                 "a person close", id="said-a-person-close-to"),
    pytest.param("“The depot must stay open,” the letter reads.", "the letter",
                 id="the-letter-reads"),
]


@pytest.mark.parametrize(("text", "mention"), DESCRIPTION_CASES)
def test_description_speakers_keep_their_mention(nlp, text, mention):
    quotes = quotes_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].speaker_mention is not None
    assert quotes[0].speaker_mention.text.startswith(mention)


def test_mention_after_a_cue_that_follows_no_quote_is_an_object_or_a_clause():
    text = "Reed recalled the three-year freeze and said he was sorry."
    recalled = text.index("recalled") + len("recalled")
    said = text.index("said") + len("said")
    assert mention_after(text, recalled, len(text)) is None  # an object
    assert mention_after(text, said, len(text)) is None  # a reported clause's subject
    inverted = "“Never again,” said he."
    cue = inverted.index("said") + len("said")
    assert mention_after(inverted, cue, len(inverted), inverted=True) == (cue + 1, cue + 3)


def test_mention_before_a_cue_after_a_preposition_is_no_speaker():
    text = "At a press event said to be the last of the year, nothing happened."
    assert mention_before(text, text.index("said"), 0) is None


def test_participle_after_a_comma_takes_the_main_speaker(nlp):
    quotes = quotes_of(nlp, "“The roof leaks,” Ana Ruiz said on Friday, adding, “It always has.”")
    assert [(q.text.rstrip(",."), q.speaker) for q in quotes] == [
        ("The roof leaks", "Ana Ruiz"), ("It always has", "Ana Ruiz")]


def test_cue_word_used_as_a_noun_names_no_speaker(nlp):
    text = ("Mayor Lena Okafor spoke on Monday.\n"
            "That was kinder than the Harlow post he shared later, when he wrote, "
            "“Thanks for listening.”")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] != ["Harlow"]


def test_cue_after_a_subordinate_word_reports_something_else(nlp):
    text = ("Lena Okafor said Tom Reed was “right” when he said that under the old council, "
            "“the roads were left to rot.”")
    quotes = quotes_of(nlp, text)
    assert quotes[0].text == "right" and quotes[0].speaker == "Lena Okafor"


# --- who a sentence is about, read without a parse -----------------------------------------

@pytest.mark.parametrize(("sentence", "subjects"), [
    ("Tobin Marsh spoke on the radio on Friday.", ["Tobin Marsh"]),
    ("Prosecutor Priya Vell questioned him.", ["Priya Vell"]),
    ("Just a week earlier, the chef had spoken.", ["the chef"]),
    ("He left early.", ["He"]),
    ("“We are done,” Reed said.", []),
])
def test_rule_subjects(sentence, subjects):
    found = rule_subjects(sentence, 0, len(sentence), SpanSet.of([
        (sentence.index("“"), sentence.index("”") + 1)] if "“" in sentence else []))
    names = [sentence[a:b] for a, b in found]
    assert [n for n in names if n != "Just"] == subjects


# --- markup and fragments ---------------------------------------------------------------

def test_markup_attribute_values_are_not_quotes(nlp):
    text = ('Ana Ruiz posted her reply.\n'
            '<post id="7781" author="anaruiz" date="May 3">The depot stays open.</post>\n'
            '“It stays,” Ruiz said.')
    quotes = quotes_of(nlp, text)
    assert [q.text.rstrip(",") for q in quotes] == ["It stays"]


def test_angle_brackets_in_prose_do_not_hide_quotes(nlp):
    text = 'Costs x<y or z>w were compared, and Ana Ruiz said, "The plan holds."'
    assert [q.text for q in quotes_of(nlp, text)] == ["The plan holds."]


def _quote(text: str, kind: str, speaker: str | None) -> Quote:
    return Quote(id="a:q1", article="a", text=text, start=0, end=len(text),
                 kind=kind,  # type: ignore[arg-type]
                 speaker=speaker, speaker_mention=Span("x", 0, 1) if speaker else None)


@pytest.mark.parametrize(("text", "kind", "speaker", "dropped"), [
    ("dry port", "partial", None, True),
    ("dry port", "partial", "Ana Ruiz", False),
    ("a very dry port", "partial", None, False),
    ("Go", "direct", None, False),
    ("Hope", "headline", None, False),
])
def test_unspoken_fragments(text, kind, speaker, dropped):
    assert is_unspoken_fragment(_quote(text, kind, speaker)) is dropped


def test_two_word_fragment_with_no_speaker_is_not_reported(nlp):
    text = "Crews are building what planners have described as a “dry port” near the quay."
    assert quotes_of(nlp, text) == ()


@pytest.mark.parametrize("text", ["“Go,” said . . . Reed", "“Go,” said -- and left",
                                  "“Go,” said ."])
def test_mention_after_punctuation_only_words_is_none_not_a_crash(text):
    cue = text.index("said") + len("said")
    assert mention_after(text, cue, len(text), inverted=True) is None
