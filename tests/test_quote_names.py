"""People named in an article: name runs, first-name genders, mentions and the look-ups
the speaker stage makes on them. Every name here is invented."""

from __future__ import annotations

from types import MappingProxyType

import pytest
from test_quotes import quotes_of

from rashomon.quote_names import (
    find_people,
    gender_of_first_name,
    name_runs,
    resolve_name,
    strip_titles,
)
from rashomon.resources import quotes as rules

@pytest.mark.parametrize(("first", "gender"), [
    ("Priya", "f"), ("Imogen", "f"), ("Lucía", "f"), ("Adaeze", "f"), ("Siobhan", "f"),
    ("Bram", "m"), ("Tomasz", "m"), ("Gideon", "m"), ("Joshua", "m"), ("Hollis", None),
])
def test_gender_of_first_name(first, gender):
    assert gender_of_first_name(first) == gender


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
    ("Even Tom Marsh agreed.", ["Tom Marsh"]),  # an adverb opening the sentence
])
def test_name_runs_keep_whole_words(text, names):
    assert [r[2] for r in name_runs(text)] == names


# --- rule: job words before a name are no part of it -----------------------------------

@pytest.mark.parametrize(("words", "kept"), [
    ("Spokeswoman Kim Lo", "Kim Lo"),
    ("Engineer Tom Hale", "Tom Hale"),
    ("Harlow Transit Spokesman Bram Oduya", "Bram Oduya"),
    ("Police Chief Ada Quill", "Ada Quill"),
    ("Engineer Hale", "Hale"),  # the last word always stays
    ("Ada Bishop", "Ada Bishop"),  # a job word as a surname
    ("Son Taeyun", "Son Taeyun"),  # a relation word is no job
])
def test_strip_titles_drops_job_words(words, kept):
    assert " ".join(strip_titles(words.split())) == kept


JOB_WORD_CASES = [
    pytest.param("Spokeswoman Kim Lo told reporters, “The line reopens Monday.”",
                 "Kim Lo", id="spokeswoman-before-cue"),
    pytest.param("Engineer Tom Hale said, “The deck will hold.”",
                 "Tom Hale", id="engineer-before-cue"),
    pytest.param("“The deck will hold,” said Analyst Ruth Amsel.",
                 "Ruth Amsel", id="analyst-after-cue"),
    pytest.param("Harlow Transit Spokesman Bram Oduya said: “Fares stay frozen.”",
                 "Bram Oduya", id="organisation-and-job"),
    pytest.param("Economist Nadia Vell spoke first.\n“Prices will fall,” Vell said.",
                 "Nadia Vell", id="surname-alone-later"),
    pytest.param("Mayor Lena Okafor said, “Stay home.”", "Lena Okafor", id="title-kept-as-before"),
    pytest.param("Police Chief Ada Quill said, “Stay home.”", "Ada Quill", id="two-word-title"),
]


@pytest.mark.parametrize(("text", "speaker"), JOB_WORD_CASES)
def test_job_words_are_not_in_the_speaker(nlp, text, speaker):
    assert [q.speaker for q in quotes_of(nlp, text)] == [speaker]


def test_known_names_end_at_a_cue_word():
    """The tagger may read 'Vint Says' in a Title-Case headline as one person."""
    text = ("Vint Says Harlow Bridge Will Close\n\n"
            "HARLOW -- Mayor Mara Vint said the bridge would close.")
    people = find_people(text, frozenset({"Vint Says", "Mara Vint"}))
    assert people.names == ("Mara Vint",)


def test_headline_runs_keep_only_name_words():
    text = ("Chef Nils Brannock Fined Over Kitchen Fire\n"
            "Nils Brannock was fined on Monday after a fire. Brannock paid at once.")
    people = find_people(text)
    assert people.names == ("Nils Brannock",)
    assert people.mentions[0].start == text.index("Nils")


def test_people_look_ups():
    text = ("Tom Marsh met Ada Quill. Quill spoke first, then Marsh. "
            "Later Ada Quill left and Tom Marsh stayed.")
    people = find_people(text)
    assert people.names == ("Tom Marsh", "Ada Quill")
    assert people.counts == {"Tom Marsh": 3, "Ada Quill": 3}
    assert people.most_mentioned() == "Tom Marsh"  # a tie goes to the first mentioned
    later = text.index("Later")
    assert [m.name for m in people.mentions_before(later, text.index("Quill spoke"))] == [
        "Ada Quill", "Tom Marsh"]
    assert people.last_fitting(later, "f") == "Ada Quill"
    assert people.last_fitting(later, "m") == "Tom Marsh"
    assert people.last_fitting(0, "m") is None
    assert people.gender_fits("Ada Quill", "f") and not people.gender_fits("Ada Quill", "m")


@pytest.mark.parametrize(("name", "counts", "expected"), [
    ("Reed", None, "Jo Reed"),  # the first listed
    ("Reed", {"Tom Reed": 2}, "Tom Reed"),  # the most mentioned so far
    ("Jo", {}, "Jo Reed"),
    ("Jo Anne Reed", None, "Jo Reed"),  # the same first and last word
    ("Ann", None, None),
])
def test_resolve_name(name, counts, expected):
    assert resolve_name(name, ("Jo Reed", "Tom Reed"), counts) == expected


def test_names_beyond_ascii_in_every_rule(nlp):
    """One name pattern for every stage: a dash signature and a role holder keep a name
    opening with a letter beyond ASCII, which an [A-Z] pattern would miss."""
    dash = quotes_of(nlp, "“The buses never come,” ― Émile Ngata")
    assert [(q.speaker, q.speaker_mention.text) for q in dash] == [("Émile Ngata", "Émile Ngata")]
    judge = quotes_of(nlp, "Judge Émile Ngata heard the case.\n“Sit down,” the judge said.")
    assert [(q.speaker, q.speaker_mention.text) for q in judge] == [("Émile Ngata", "the judge")]


@pytest.mark.parametrize("table", ["PRONOUN_GENDER", "ROLE_NOUNS"])
def test_rule_tables_are_read_only(table):
    found = getattr(rules, table)
    assert isinstance(found, MappingProxyType)
    with pytest.raises(TypeError):
        found["someone"] = None


def test_pronouns_have_one_source():
    assert set(rules.THIRD_PERSON_SUBJECTS) <= rules.SUBJECT_PRONOUNS
    assert rules.SUBJECT_PRONOUNS <= set(rules.PRONOUN_GENDER) | rules.PLURAL_PRONOUNS
