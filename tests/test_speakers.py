"""Story-level speaker resolution and the speaker table (invented articles)."""

from __future__ import annotations

import pytest
from conftest import make_article, seed_paths

from rashomon.model import ArticleAnalysis, Quote, Span
from rashomon.quote_names import find_people
from rashomon.quotes import extract_quotes
from rashomon.sentences import split_sentences
from rashomon.speakers import Salience, resolve_story_speakers, resolved_speaker, speaker_table


def analysis(nlp, text, id):
    article = make_article(text, id=id)
    sentences = split_sentences(text)
    return ArticleAnalysis(article, sentences, (), extract_quotes(article, sentences, nlp))


def test_surname_completed_from_other_article(nlp):
    a = analysis(nlp, "“The levee held all night,” Brenner said.", "a")
    b = analysis(nlp, "Detective Hal Brenner spent the night on the levee.\n"
                      "“We were lucky,” he said.", "b")
    assert [q.speaker for q in a.quotes] == ["Brenner"]
    resolved = resolve_story_speakers([a, b])
    assert [q.speaker for q in resolved[0].quotes] == ["Hal Brenner"]
    assert [q.speaker for q in resolved[1].quotes] == ["Hal Brenner"]
    assert resolved[1] is b  # untouched analyses are returned as they were


def test_description_falls_back_to_story_protagonist(nlp):
    a = analysis(nlp, "“I will sing again,” the singer said.", "a")
    b = analysis(nlp, "Singer Miles Garrow cancelled his tour. Garrow is resting, and "
                      "Garrow hopes to return.", "b")
    resolved = resolve_story_speakers([a, b])
    assert [q.speaker for q in resolved[0].quotes] == ["Miles Garrow"]


def test_full_names_and_unknowns_are_kept(nlp):
    a = analysis(nlp, "“The vote is final,” said Mayor Lena Okafor.\n"
                      "“No comment,” a spokesperson said.", "a")
    resolved = resolve_story_speakers([a])
    assert [q.speaker for q in resolved[0].quotes] == ["Lena Okafor", None]


def headline_analysis(nlp, title, body, id):
    text = title + "\n" + body
    article = make_article(text, id=id, title=title)
    sentences = split_sentences(text)
    return ArticleAnalysis(article, sentences, (), extract_quotes(article, sentences, nlp))


ROLE_CASES = [
    pytest.param("U.S. District Judge Marisol Kett-Varga denied bail on Monday.",
                 "Marisol Kett-Varga", id="titled-judge-in-other-article"),
    pytest.param("Circuit Judge Ottilie Brandt read the sentence aloud.",
                 "Ottilie Brandt", id="judge-title-other-name"),
    pytest.param("Prosecutor Omar Haddad asked for ten years.", None,
                 id="no-judge-anywhere"),
]


@pytest.mark.parametrize(("other", "expected"), ROLE_CASES)
def test_role_resolved_from_other_articles(nlp, other, expected):
    a = analysis(nlp, "Tobin Marsh was sentenced on Monday.\n"
                      "“You betrayed every donor,” the judge said.", "a")
    b = analysis(nlp, other, "b")
    assert [q.speaker for q in a.quotes] == [None]
    resolved = resolve_story_speakers([a, b])
    assert [q.speaker for q in resolved[0].quotes] == [expected]


def test_headline_quote_from_body_quote_of_other_article(nlp):
    a = headline_analysis(nlp, "Depot Fight Goes On: 'We Are Not Finished Yet'",
                          "The council met again on Tuesday.", "a")
    b = analysis(nlp, "Mayor Lena Okafor spoke after the vote.\n"
                      "“We are not finished yet, and we never were,” Okafor said.", "b")
    assert a.quotes[0].kind == "headline" and a.quotes[0].speaker is None
    resolved = resolve_story_speakers([a, b])
    quote = resolved[0].quotes[0]
    assert (quote.speaker, quote.speaker_mention) == ("Lena Okafor", None)


def test_headline_quote_own_body_wins_over_other_articles(nlp):
    a = headline_analysis(nlp, "Harlow Votes: 'We Stay Open'",
                          "Ines Duarte-Lowe was relieved.\n"
                          "“We stay open, whatever it costs,” Duarte-Lowe said.", "a")
    b = analysis(nlp, "Mayor Lena Okafor visited the bakery.\n"
                      "“We stay open for business,” Okafor said.", "b")
    resolved = resolve_story_speakers([a, b])
    assert resolved[0].quotes[0].speaker == "Ines Duarte-Lowe"


def test_description_goes_to_protagonist_not_nearest(nlp):
    a = analysis(nlp, "Rower Ada Quill won in Harlow. Quill trained all winter, and Quill "
                      "will race again.\nShe shared a boat with Coach Dara Finch.\n"
                      "The three-time champion said the title “felt like the first one.”",
                 "a")
    assert [q.speaker for q in a.quotes] == ["Ada Quill"]


ROLE_WORD_CASES = [
    pytest.param("Witness Ada Quill took the stand on Monday. Witness said little.",
                 "Witness", "Ada Quill", id="role-ending-in-ss"),
    pytest.param("Actress Nora Vell arrived late. Actress stayed on stage.",
                 "Actress", "Nora Vell", id="role-ending-in-ess"),
    pytest.param("Witness Ada Quill took the stand. Witness’s words were short.",
                 "Witness’s", "Ada Quill", id="possessive-suffix"),
    pytest.param("Coach Dara Finch praised the team. Finch’s words were short.",
                 "Finch’s", "Dara Finch", id="name-possessive"),
]


@pytest.mark.parametrize(("text", "word", "expected"), ROLE_WORD_CASES)
def test_capitalised_role_word_finds_its_holder(text, word, expected):
    """Only a possessive suffix is dropped from a lone capitalised word: 'Witness' stays
    a role noun (not 'witne') and goes to the person holding that role."""
    start = text.rindex(word)
    mention = Span(word, start, start + len(word))
    name, _certainty = resolved_speaker(text, mention, find_people(text), Salience.empty())
    assert name == expected


def _q(n, speaker, mention):
    return Quote(f"a:q{n}", "a", "x", 0, 1, "direct", speaker,
                 Span(mention, 0, len(mention)) if mention else None)


def test_speaker_table():
    quotes = [
        _q(1, "Lena Okafor", "Okafor"),
        _q(2, "Hal Brenner", "he"),
        _q(3, "Lena Okafor", "she"),
        _q(4, "Lena Okafor", "Okafor"),
        _q(5, None, "they"),
        _q(6, "Hal Brenner", None),
    ]
    table = speaker_table(quotes)
    assert [(s.name, s.aliases, s.quotes) for s in table] == [
        ("Lena Okafor", ("Okafor", "she"), 3),
        ("Hal Brenner", ("he",), 2),
    ]


def test_seed_story(nlp):
    """The acceptance check of the seed story: its people and the mentions that name
    the protagonist (read at test time, never copied)."""
    paths = seed_paths()
    if len(paths) < 2:
        pytest.skip("seed articles not available")
    analyses = []
    for i, path in enumerate(paths):
        text = path.read_text(encoding="utf-8")
        article = make_article(text, id=f"s{i}", title=text.split("\n", 1)[0])
        sentences = split_sentences(text)
        analyses.append(ArticleAnalysis(article, sentences, (),
                                        extract_quotes(article, sentences, nlp)))
    resolved = resolve_story_speakers(analyses)
    table = speaker_table([q for a in resolved for q in a.quotes])
    assert table[0].name == "Alec Baldwin"
    assert {"Baldwin", "he", "The Oscar nominee"} <= set(table[0].aliases)
    assert "Mary Marlowe Sommer" in [s.name for s in table]
