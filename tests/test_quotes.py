"""Quote extraction: spans, kinds, cues, speakers. Every article here is invented
(fictional people, places and outlets)."""

from __future__ import annotations

import pytest
from conftest import SEEDS, make_article, seed_paths
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.quote_marks import quote_words, quoted_spans, words_inside
from rashomon.quote_names import find_people, gender_of_first_name, name_runs
from rashomon.quotes import extract_quotes
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


@pytest.mark.parametrize(("first", "gender"), [
    ("Priya", "f"), ("Imogen", "f"), ("Lucía", "f"), ("Adaeze", "f"), ("Siobhan", "f"),
    ("Bram", "m"), ("Tomasz", "m"), ("Gideon", "m"), ("Joshua", "m"), ("Hollis", None),
])
def test_gender_of_first_name(first, gender):
    assert gender_of_first_name(first) == gender


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


# --- rule: hyphenated and apostrophe names stay whole ------------------------------------

WHOLE_NAME_CASES = [
    pytest.param(
        "Judge Marisol Kett-Varga ruled on Friday.\n“The motion fails,” Kett-Varga said.",
        ("Marisol Kett-Varga", "Kett-Varga"), id="hyphen-surname-alone",
    ),
    pytest.param(
        "Coach Declan O'Rourke spoke after the match.\n“We were flat,” O'Rourke said.",
        ("Declan O'Rourke", "O'Rourke"), id="apostrophe-surname-alone",
    ),
    pytest.param(
        "“Fares stay frozen until June,” spokesperson Ines Duarte-Lowe warned.",
        ("Ines Duarte-Lowe", "Ines Duarte-Lowe"), id="hyphen-full-name-after-quote",
    ),
    pytest.param(
        "Buses run all night, according to planner Rafe Pell-Masters. "
        "The route “will be slower for a month,” Pell-Masters said.",
        ("Rafe Pell-Masters", "Pell-Masters"), id="hyphen-partial-quote",
    ),
]


@pytest.mark.parametrize(("text", "expected"), WHOLE_NAME_CASES)
def test_whole_surnames(nlp, text, expected):
    quotes = quotes_of(nlp, text)
    assert [(q.speaker, q.speaker_mention.text) for q in quotes] == [expected]


@pytest.mark.parametrize(("text", "names"), [
    ("Judge Marisol Kett-Varga ruled.", ["Marisol Kett-Varga"]),
    ("Declan O'Rourke met Siân D’Arcy-Vance.", ["Declan O'Rourke", "Siân D’Arcy-Vance"]),
    ("Lucía Brandt and Zoë Ärnholt spoke.", ["Lucía Brandt", "Zoë Ärnholt"]),
    ("Kett-Varga’s ruling stood.", ["Kett-Varga"]),
])
def test_name_runs_keep_whole_words(text, names):
    assert [r[2] for r in name_runs(text)] == names


def test_headline_runs_keep_only_name_words():
    text = ("Chef Nils Brannock Fined Over Kitchen Fire\n"
            "Nils Brannock was fined on Monday after a fire. Brannock paid at once.")
    people = find_people(text)
    assert people.names == ("Nils Brannock",)
    assert people.mentions[0].start == text.index("Nils")


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


def test_quote_words_normalise_marks_and_dashes():
    assert quote_words("I Spent It On S— I Didn’t Need") == quote_words(
        "i spent it on s--- i didn't need.")
    assert words_inside(quote_words("The Hard One"), quote_words("Paying is the hard one."))
    assert not words_inside(quote_words("Hard Ones"), quote_words("the hard one"))


# --- marks ------------------------------------------------------------------------------

MARK_CASES = [
    pytest.param(
        CITY + "\"The clerk told me ‘come back Monday’ and I did,\" Okafor said. "
        "“Nothing had changed.”",
        ["The clerk told me ‘come back Monday’ and I did,", "Nothing had changed."],
        id="straight-curly-mixed-nested-single",
    ),
    pytest.param(
        CITY + "“It’s the council’s call, and the ’90s zoning code is outdated,” "
        "Okafor said.",
        ["It’s the council’s call, and the ’90s zoning code is outdated,"],
        id="curly-apostrophes",
    ),
    pytest.param(
        CITY + "'It's Harlow's turn, not the '90s crowd's,' Okafor said in the town's hall.",
        ["It's Harlow's turn, not the '90s crowd's,"],
        id="straight-single-with-apostrophes",
    ),
    pytest.param(
        CITY + "“This is a load of s--- and everyone knows it,” Okafor said. "
        "“What a s— show,” she added.",
        ["This is a load of s--- and everyone knows it,", "What a s— show,"],
        id="censored-words-inside",
    ),
    pytest.param(
        CITY + "“This one never closes, Okafor said. Later she added, “This one is fine.”\n"
        "“The next paragraph is fine too,” she said.",
        ["This one is fine.", "The next paragraph is fine too,"],
        id="unbalanced-curly-costs-one-quote",
    ),
    pytest.param(
        CITY + "\"This one never closes, Okafor said.\n"
        "\"The next paragraph is fine,\" she said. \"And so is this.\"",
        ["The next paragraph is fine,", "And so is this."],
        id="unbalanced-straight-costs-one-quote",
    ),
    pytest.param(
        CITY + "“The council has voted,” Okafor said. “The vote was close.\n"
        "“We will respect it and move on.”",
        ["The council has voted,", "The vote was close.", "We will respect it and move on."],
        id="multi-paragraph-quote",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MARK_CASES)
def test_marks(nlp, text, expected):
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == expected
    assert {q.speaker for q in quotes} == {"Lena Okafor"}


NOT_QUOTES = [
    pytest.param(CITY + "Okafor appeared on the “Civic Hour” podcast on Monday.", id="podcast"),
    pytest.param(CITY + "Okafor praised the film 'Riverbend' at the gala.", id="film-straight"),
    pytest.param(CITY + "She said the documentary “Low Water” opened her eyes.",
                 id="title-with-cue"),
    pytest.param(CITY + "The flood on the set of ‘Riverbend’ delayed filming.",
                 id="title-curly"),
    pytest.param(CITY + "Boxer Ray “The Anvil” Doucette will retire.", id="nickname"),
    pytest.param(CITY + "The so-called “reform” package passed on a Tuesday.",
                 id="scare-quote"),
    pytest.param(CITY + "The “new normal” in Harlow means trains every hour.",
                 id="scare-two-words"),
    pytest.param(CITY + "The ferry, known to locals as “the Grey Lady”, sails at noon.",
                 id="nickname-the-title-case"),
    pytest.param(CITY + "Harlow residents call the depot 'the Big Shed' with some pride.",
                 id="nickname-naming-verb-is-no-cue"),
    pytest.param(CITY + "Locals dubbed the tram “a Slow Miracle” in its first year.",
                 id="nickname-a-title-case"),
]


def test_nickname_with_a_speech_cue_is_a_quote(nlp):
    text = CITY + "Okafor said the plan was “the Best Deal in Years” for Harlow."
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.speaker) for q in quotes] == [("the Best Deal in Years", "Lena Okafor")]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_not_quotes(nlp, text):
    assert quotes_of(nlp, text) == ()


def test_ids_in_text_order(nlp):
    text = CITY + "“One,” she said. “Two, three.”\n“Four and five,” Okafor added."
    quotes = quotes_of(nlp, text, title=None)
    assert [q.id for q in quotes] == ["a1:q1", "a1:q2", "a1:q3"]
    assert [q.sentence for q in quotes] == [1, 2, 3]
    assert all(0 < q.confidence <= 1 for q in quotes)


def test_paragraph_matching_is_local():
    text = "“Open and never closed\nA plain line.\n“Closed,” she said."
    spans = quoted_spans(text, paragraph_spans(text))
    assert [text[s.start : s.end] for s in spans] == ["Closed,"]


def test_no_quotes_no_parse():
    class Boom:
        def parse(self, texts):
            raise AssertionError("parsed an article with no quotes")

    text = "A plain article.\nIt has no quotation at all, only Baldwin’s apostrophes."
    assert extract_quotes(make_article(text), split_sentences(text), Boom()) == ()


_CHARS = st.sampled_from(list("ab A.,:\n“”‘’\"'—-") + ["he said", "Okafor", " said "])


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_CHARS, max_size=60).map("".join))
def test_offsets_hold_on_any_text(nlp, text):
    for q in quotes_of(nlp, text):
        assert q.start < q.end


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
    for text, quotes in _seed_quotes(nlp):
        texts = [q.text for q in quotes]
        assert not any(t.strip("‘’'“”") in ("Rust", "Fail Better") for t in texts)
        assert all(q.speaker in ("Alec Baldwin", "Mary Marlowe Sommer") for q in quotes
                   if q.kind != "headline" and not text[: q.start].endswith(("- ", "'")))
        judge = [q for q in quotes if q.speaker == "Mary Marlowe Sommer"]
        assert judge, "the judge's words are attributed to her"
        mentions = {q.speaker_mention.text for q in quotes if q.speaker_mention}
        assert {"Baldwin"} <= mentions
        for q in quotes:
            if q.speaker_mention and q.speaker_mention.text in ("he", "The Oscar nominee"):
                assert q.speaker == "Alec Baldwin"
            if q.speaker_mention and q.speaker_mention.text == "Sommer":
                assert q.speaker == "Mary Marlowe Sommer"
    counts = [len(quotes) for _text, quotes in _seed_quotes(nlp)]
    assert all(n >= 12 for n in counts)
