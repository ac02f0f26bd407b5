"""Story-level speaker resolution and the speaker table (invented articles)."""

from __future__ import annotations

from conftest import make_article

from rashomon.model import ArticleAnalysis, Quote, Span
from rashomon.quotes import extract_quotes
from rashomon.sentences import split_sentences
from rashomon.speakers import resolve_story_speakers, speaker_table


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
    from conftest import seed_paths

    paths = seed_paths()
    if len(paths) < 2:
        import pytest

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
