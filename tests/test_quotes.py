"""Quote extraction: spans, kinds, cues, speakers. Every article here is invented
(fictional people, places and outlets)."""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS, make_article, seed_paths

from rashomon.model import Article
from rashomon.quote_marks import quoted_spans
from rashomon.quotes import extract_quotes, sentences_to_parse
from rashomon.resources.quotes import MAX_PARSE_CHARS, SPEECH_CUES
from rashomon.sentences import paragraph_spans, split_sentences

CITY = "Mayor Lena Okafor opened the new depot in Harlow on Tuesday.\n"
TREASURY = "City treasurer Tomas Reinholt presented the budget.\n"


def quotes_of(nlp, text, title=None):
    article = make_article(text, title=title)
    quotes = extract_quotes(article, split_sentences(text), nlp)
    for q in quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker_mention is not None:
            m = q.speaker_mention
            assert text[m.start : m.end] == m.text
    return quotes


def said(quotes):
    return [(q.text, q.speaker) for q in quotes]


# --- attribution patterns ------------------------------------------------------------

ATTRIBUTION_CASES = [
    pytest.param(
        CITY + "Okafor said: “The bridge will open in spring.”",
        [("The bridge will open in spring.", "Lena Okafor", "said", "Okafor")],
        id="after-attribution-colon",
    ),
    pytest.param(
        CITY + "“We are not done yet,” Okafor said.",
        [("We are not done yet,", "Lena Okafor", "said", "Okafor")],
        id="before-attribution",
    ),
    pytest.param(
        CITY + "“First we fix the roads,” she said. “Then we fix the schools.”",
        [
            ("First we fix the roads,", "Lena Okafor", "said", "she"),
            ("Then we fix the schools.", "Lena Okafor", "said", "she"),
        ],
        id="split-by-attribution",
    ),
    pytest.param(
        "“The budget is balanced,” said Tomas Reinholt, the city treasurer.",
        [("The budget is balanced,", "Tomas Reinholt", "said", "Tomas Reinholt")],
        id="cue-before-name",
    ),
    pytest.param(
        TREASURY + "“I never saw the memo,” Reinholt told reporters.",
        [("I never saw the memo,", "Tomas Reinholt", "told", "Reinholt")],
        id="told-object-is-not-speaker",
    ),
    pytest.param(
        TREASURY + "Reinholt told Okafor: \"The numbers do not add up.\"",
        [("The numbers do not add up.", "Tomas Reinholt", "told", "Reinholt")],
        id="told-before",
    ),
    pytest.param(
        TREASURY + "“It was a long night,” Reinholt added.",
        [("It was a long night,", "Tomas Reinholt", "added", "Reinholt")],
        id="added",
    ),
    pytest.param(
        "“The appeal lacks any basis,” Judge Priya Castellano wrote in her order.",
        [("The appeal lacks any basis,", "Priya Castellano", "wrote", "Priya Castellano")],
        id="wrote-title-stripped",
    ),
    pytest.param(
        "Singer Miles Garrow ended his tour in Oslo.\n"
        'Garrow thanked his fans on Instagram, writing, "You carried me through this year."',
        [("You carried me through this year.", "Miles Garrow", "writing", "Garrow")],
        id="instagram-writing",
    ),
    pytest.param(
        CITY + "“We tried. We failed. We will try again,” said Okafor.",
        [("We tried. We failed. We will try again,", "Lena Okafor", "said", "Okafor")],
        id="multi-sentence-quote",
    ),
    pytest.param(
        "Detective Hal Brenner, whose partner is Ana Molina, led the search for three days.\n"
        "\"I have never seen water rise so fast,\" he said.",
        [("I have never seen water rise so fast,", "Hal Brenner", "said", "he")],
        id="own-paragraph-pronoun-skips-woman",
    ),
    pytest.param(
        CITY + TREASURY + "Okafor met Reinholt on Friday. “We agreed on nothing,” she said.",
        [("We agreed on nothing,", "Lena Okafor", "said", "she")],
        id="she-skips-nearer-man",
    ),
    pytest.param(
        "“The river crested at noon,” according to Detective Hal Brenner.",
        [("The river crested at noon,", "Hal Brenner", "according to", "Hal Brenner")],
        id="according-to",
    ),
    pytest.param(
        "Judge Priya Castellano denied the motion on Monday.\n"
        "“The filing came too late,” the judge said.",
        [("The filing came too late,", "Priya Castellano", "said", "the judge")],
        id="role-to-titled-name",
    ),
    pytest.param(
        "The case is led by prosecutor Omar Haddad.\n"
        "“We will ask for a retrial,” the prosecutor said.",
        [("We will ask for a retrial,", "Omar Haddad", "said", "the prosecutor")],
        id="role-lowercase-title",
    ),
    pytest.param(
        "Singer Miles Garrow cancelled two shows. Garrow is resting at home, and Garrow "
        "will return in May.\n"
        "The Grammy winner said the break “changed everything.”",
        [("changed everything.", "Miles Garrow", "said", "The Grammy winner")],
        id="description-to-protagonist",
    ),
    pytest.param(
        "“Why would anyone build there?” Brenner asked. “Nobody listened.”",
        [("Why would anyone build there?", "Brenner", "asked", "Brenner"),
         ("Nobody listened.", "Brenner", "asked", "Brenner")],
        id="question-mark-then-cue",
    ),
    pytest.param(
        "“We were ready,” Brenner, a veteran of three floods, said on Friday.",
        [("We were ready,", "Brenner", "said", "Brenner")],
        id="apposition-between-name-and-cue",
    ),
    pytest.param(
        "Singer Miles Garrow posted online, writing “Thank you all for coming.”",
        [("Thank you all for coming.", "Miles Garrow", "writing", "Miles Garrow")],
        id="writing-without-comma",
    ),
    pytest.param(
        "The result did not surprise analyst Ruth Adeyemi: “Turnout decides everything.”",
        [("Turnout decides everything.", "Ruth Adeyemi", None, "Ruth Adeyemi")],
        id="name-and-colon",
    ),
    pytest.param(
        "“The buses never come on time.” ― Ruth Adeyemi",
        [("The buses never come on time.", "Ruth Adeyemi", None, "Ruth Adeyemi")],
        id="dash-signature",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTION_CASES)
def test_attribution(nlp, text, expected):
    quotes = quotes_of(nlp, text)
    got = [(q.text, q.speaker, q.cue, q.speaker_mention.text if q.speaker_mention else None)
           for q in quotes]
    assert got == expected


# --- rule: the cue is the speech verb that governs the quote ---------------------------

GOVERNING_CUE_CASES = [
    pytest.param(
        "Mayor Mara Vint framed the closure as a matter of trust, saying she would not "
        "ask drivers to cross a bridge she “would never cross myself.”",
        [("would never cross myself.", "Mara Vint", "saying", "Mara Vint")],
        id="verb-inside-reported-clause-is-no-cue",
    ),
    pytest.param(
        "Lena Okafor said that she would ask the council to fund a depot the city needs "
        "“more than ever.”",
        [("more than ever.", "Lena Okafor", "said", "Lena Okafor")],
        id="said-that-she-would-ask",
    ),
    pytest.param(
        "Lena Okafor said Tom Reed told her: “We are done.”",
        [("We are done.", "Tom Reed", "told", "Tom Reed")],
        id="reported-cue-right-before-its-quote",
    ),
    pytest.param(
        "Lena Okafor said Tom Reed was “right” when he said on Monday night that under "
        "the old council, “the roads were left to rot.”",
        [("right", "Lena Okafor", "said", "Lena Okafor"),
         ("the roads were left to rot.", "Tom Reed", "said", "he")],
        id="reported-cue-with-its-own-quote",
    ),
    pytest.param(
        "HARLOW -- Mayor Lena Okafor, opening the depot on Saturday, said it would tell "
        "a long story, one of “grit and luck.”",
        [("grit and luck.", "Lena Okafor", "said", "Lena Okafor")],
        id="dateline-is-not-the-subject",
    ),
]


@pytest.mark.parametrize(("text", "expected"), GOVERNING_CUE_CASES)
def test_governing_cue(nlp, text, expected):
    test_attribution(nlp, text, expected)


# --- rule: pronouns go to who the sentences are about -----------------------------------

PRONOUN_CASES = [
    pytest.param(
        "Chef Tobin Marsh opened his third restaurant in Harlow on Friday.\n"
        "Just a week earlier, the chef had spoken on the radio.\n"
        "“I never stopped cooking,” he told host Wendel Pike.",
        ["Tobin Marsh"], id="subject-description-beats-object",
    ),
    pytest.param(
        "Tobin Marsh spoke on the radio on Friday.\n"
        "“I never stopped cooking,” he told host Wendel Pike.\n"
        "That was kinder than the post he shared later, when he wrote, "
        "“Thanks for listening.”",
        ["Tobin Marsh", "Tobin Marsh"], id="pronoun-chain-skips-object",
    ),
    pytest.param(
        "Prosecutor Priya Vell questioned Tobin Marsh for an hour.\n"
        "“I never took a cent,” he said.",
        ["Tobin Marsh"], id="woman-subject-skipped-for-he",
        # Known gap (issue 3): the entity recognizer is left out for speed, and a name
        # in object position whose first name is not on our lists is not known to be a
        # person, so 'he' finds no one.
        marks=pytest.mark.xfail(strict=True, reason="object-position name with an "
                                "unlisted first name is not a person without NER"),
    ),
    pytest.param(
        "Prosecutor Priya Vell questioned Daniel Marsh for an hour.\n"
        "“I never took a cent,” he said.",
        ["Daniel Marsh"], id="woman-subject-skipped-for-he-known-first-name",
    ),
    pytest.param(
        "Tobin Marsh spoke after the verdict.\n"
        "“Wendel Pike taught me everything I know,” he said.",
        ["Tobin Marsh"], id="name-inside-quote-never-counts",
    ),
    pytest.param(
        "Coach Dara Finch praised rower Ada Quill on Sunday. Quill won her fourth title, "
        "and Quill plans to race again in May.\n"
        "The three-time champion said the season “went better than planned.”",
        ["Ada Quill"], id="description-to-most-mentioned",
    ),
]


@pytest.mark.parametrize(("text", "speakers"), PRONOUN_CASES)
def test_pronoun_and_description_salience(nlp, text, speakers):
    assert [q.speaker for q in quotes_of(nlp, text)] == speakers


# --- kinds -----------------------------------------------------------------------------

KIND_CASES = [
    pytest.param(CITY + "“We are ready,” Okafor said.", ["direct"], id="direct-before"),
    pytest.param(CITY + "Okafor said, “We are ready.”", ["direct"], id="direct-after-comma"),
    pytest.param(CITY + "Okafor said there’s “another chance” to fix it.", ["partial"],
                 id="partial-short-with-cue"),
    pytest.param(CITY + "Okafor said the council “ignored every warning we gave them.”",
                 ["partial"], id="partial-long"),
    pytest.param(
        CITY + "Noting that “the trains run late” most days, Okafor added, "
        "“We can do better.”",
        ["partial", "direct"], id="partial-then-direct",
    ),
]


@pytest.mark.parametrize(("text", "kinds"), KIND_CASES)
def test_kind(nlp, text, kinds):
    quotes = quotes_of(nlp, text)
    assert [q.kind for q in quotes] == kinds
    assert {q.speaker for q in quotes} == {"Lena Okafor"}


def test_headline_quotes(nlp):
    title = "Okafor Says 'We Will Rebuild' After 'Riverbend' Flood: 'Nobody Leaves'"
    text = title + "\n" + CITY + "“We are ready,” Okafor said."
    quotes = quotes_of(nlp, text, title=title)
    assert [(q.text, q.kind) for q in quotes[:2]] == [
        ("We Will Rebuild", "headline"),
        ("Nobody Leaves", "headline"),
    ]
    assert all(q.speaker == "Lena Okafor" for q in quotes)
    assert "Riverbend" not in [q.text for q in quotes]


# --- rule: headline quotes take the speaker of the body quote with their words -----------

HEADLINE_CASES = [
    pytest.param(
        "Chef Nils Brannock Fined Over Kitchen Fire: 'I Should Have Checked The Gas'",
        "Nils Brannock was fined on Monday after a fire at his restaurant.\n"
        "Harbour warden Ulla Brisk said the building was lucky.\n"
        "“I should have checked the gas, and I did not,” Brannock told the court.",
        ("I Should Have Checked The Gas", "Nils Brannock", "Nils Brannock"),
        id="body-quote-words-name-in-headline",
    ),
    pytest.param(
        "'The Water Came Too Fast': Harlow Counts The Cost",
        CITY + "“We did what we could. The water came too fast,” she said.",
        ("The Water Came Too Fast", "Lena Okafor", None),
        id="body-quote-pronoun-no-name-in-headline",
    ),
    pytest.param(
        "Coach Tamsin Avery Takes Harlow Cup Final: 'Nobody Saw It Coming'",
        "Tamsin Avery won the cup final on Sunday. Avery thanked the fans.",
        ("Nobody Saw It Coming", "Tamsin Avery", "Tamsin Avery"),
        id="no-body-quote-person-in-headline",
    ),
    pytest.param(
        "Harlow Depot Plan Approved In Record Time: 'A Good Week'",
        "The council approved the plan on Monday.",
        ("A Good Week", None, None),
        id="no-person-no-speaker",
    ),
]


@pytest.mark.parametrize(("title", "body", "expected"), HEADLINE_CASES)
def test_headline_quote_speaker(nlp, title, body, expected):
    quotes = quotes_of(nlp, title + "\n" + body, title=title)
    first = quotes[0]
    assert first.kind == "headline"
    mention = first.speaker_mention.text if first.speaker_mention else None
    assert (first.text, first.speaker, mention) == expected


# --- rule: a short Title-Case span is speech when a longer quote holds its words --------

TITLE_OR_SPEECH_CASES = [
    pytest.param(
        "‘The Long Road’ Ahead For Harlow Depot",
        CITY + "“Building it was quick. Paying for it is the long road,” Okafor said.",
        [("The Long Road", "Lena Okafor")], id="words-inside-body-quote",
    ),
    pytest.param(
        "Mayor Says Fixing The Depot Is ‘The Easy Part’",
        CITY + "“We will fix it this year,” Okafor said.",
        [("The Easy Part", "Lena Okafor")], id="closes-headline-clause-with-cue",
    ),
    pytest.param(
        "‘Low Water’ Returns For A Second Season",
        CITY + "Okafor hosts the “Low Water” podcast on Fridays.",
        [], id="body-span-is-itself-a-title",
    ),
    pytest.param(
        "Okafor Says Harlow Will Rebuild After ‘Riverbend’ Flood",
        CITY + "Okafor toured the valley.",
        [], id="inside-clause-stays-title",
    ),
]


@pytest.mark.parametrize(("title", "body", "expected"), TITLE_OR_SPEECH_CASES)
def test_short_title_case_spans(nlp, title, body, expected):
    quotes = quotes_of(nlp, title + "\n" + body, title=title)
    assert [(q.text, q.speaker) for q in quotes if q.kind == "headline"] == expected


def test_ids_in_text_order(nlp):
    text = CITY + "“One,” she said. “Two, three.”\n“Four and five,” Okafor added."
    quotes = quotes_of(nlp, text, title=None)
    assert [q.id for q in quotes] == ["a1:q1", "a1:q2", "a1:q3"]
    assert [q.sentence for q in quotes] == [1, 2, 3]
    assert all(0 < q.confidence <= 1 for q in quotes)


# --- a "sentence" too long to parse -------------------------------------------------------

class GuardedNLP:
    """The session's pipeline, refusing any text longer than the parse limit."""

    def __init__(self, nlp):
        self.nlp = nlp

    def parse(self, texts):
        texts = list(texts)
        assert all(len(t) <= MAX_PARSE_CHARS for t in texts), "an over-long sentence went to spaCy"
        return self.nlp.parse(texts)


def run_on(n_words):
    """A paragraph of ``n_words`` words with no sentence end, then a quote and its cue."""
    return "filler " * n_words + "“The gate stays shut,” said Jo Reed."


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(run_on(2_000), [("The gate stays shut,", "Jo Reed", "said", "Jo Reed")],
                 id="cue-after-name"),
    pytest.param("filler " * 2_000 + "Jo Reed said “the gate stays shut” and left.",
                 [("the gate stays shut", "Jo Reed", "said", "Jo Reed")], id="name-before-cue"),
    pytest.param(CITY + "filler " * 2_000 + "“The gate stays shut,” she said.",
                 [("The gate stays shut,", "Lena Okafor", "said", "she")], id="pronoun"),
])
def test_over_long_sentence_falls_back_to_rules(nlp, text, expected):
    guarded = GuardedNLP(nlp)
    quotes = quotes_of(guarded, text)
    got = [(q.text, q.speaker, q.cue, q.speaker_mention.text if q.speaker_mention else None)
           for q in quotes]
    assert got == expected


def test_sentences_to_parse_leaves_out_over_long_ones():
    text = run_on(2_000)
    sentences = split_sentences(text)
    spans = list(quoted_spans(text, paragraph_spans(text)))
    to_parse, too_long = sentences_to_parse(text, sentences, spans, paragraph_spans(text))
    assert to_parse == [] and [s.index for s in too_long] == [0]


def test_article_past_spacys_length_limit(nlp):
    """spaCy refuses a text over a million characters (E088): such an article still
    gives its quote, attributed without a parse."""
    text = "word " * 200_000 + '"Enough" said Jo.'
    quotes = extract_quotes(Article(id="a", source="a", text=text), split_sentences(text), nlp)
    assert [(q.text, q.speaker) for q in quotes] == [("Enough", "Jo")]


# --- the seed articles (read at test time, never copied) --------------------------------

def _seed_quotes(nlp):
    out = []
    for path in seed_paths():
        text = path.read_text(encoding="utf-8")
        title = text.split("\n", 1)[0]
        out.append((text, quotes_of(nlp, make_article(text, title=title).text, title=title)))
    return out


def test_seeds(nlp):
    if not SEEDS.is_dir() or not seed_paths():
        pytest.skip("seed articles not available")
    people = ("Alec Baldwin", "Mary Marlowe Sommer")
    for text, quotes in _seed_quotes(nlp):
        _titles_are_dropped(text, quotes)
        assert all(q.speaker in people for q in quotes
                   if q.kind != "headline" and not text[: q.start].endswith(("- ", "'")))
        judge = [q for q in quotes if q.speaker == people[1]]
        assert judge, "the judge's words are attributed to her"
        mentions = {q.speaker_mention.text for q in quotes if q.speaker_mention}
        assert {"Baldwin"} <= mentions
        for q in quotes:
            mention = q.speaker_mention.text if q.speaker_mention else None
            if mention in ("he", "The Oscar nominee"):
                assert q.speaker == people[0]
            for person in people:
                if mention == person.split()[-1]:
                    assert q.speaker == person
    counts = [len(quotes) for _text, quotes in _seed_quotes(nlp)]
    assert all(n >= 12 for n in counts)


_WORD = re.compile(r"[\w’'-]+")


def _titles_are_dropped(text, quotes):
    """The marks give one- and two-word capitalised spans (the titles of works); none
    is reported unless a speech cue stands within three words of it."""
    reported = {q.start for q in quotes}
    short = [s for s in quoted_spans(text, paragraph_spans(text))
             if 0 < len(words := _WORD.findall(text[s.start : s.end])) <= 2
             and all(w[:1].isupper() for w in words)]
    assert any(s.start not in reported for s in short)
    for s in short:
        near = _WORD.findall(text[max(0, s.open - 60) : s.open])[-3:] + _WORD.findall(
            text[s.outer_end : s.outer_end + 60])[:3]
        assert s.start not in reported or any(w.lower() in SPEECH_CUES for w in near)
