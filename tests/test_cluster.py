from __future__ import annotations

from rashomon.cluster import cosine, group_stories, story_terms, tfidf_vectors

BRIDGE_A = "Engineers closed the Tallow Creek bridge after inspectors found cracks in its steel girders. Mayor Ines Okafor said repairs would take months."
BRIDGE_B = "The Tallow Creek bridge is shut: inspectors reported cracked girders, and Mayor Okafor warned that repairs could run for months."
BRIDGE_C = "Commuters face detours as the cracked Tallow Creek bridge stays closed for repairs, Okafor told reporters."
CHESS_A = "Grandmaster Pavel Rusu won the Lakeside Open chess tournament on a tiebreak after a tense final round."
CHESS_B = "Rusu took the Lakeside Open title, edging his rival in a tiebreak as the final chess round ran late."


def test_story_terms_weights_names_and_drops_stopwords() -> None:
    terms = story_terms("The Mayor said the bridge was closed by Okafor.")
    assert "the" not in terms and "said" not in terms
    assert terms["okafor"] == 2 and terms["bridge"] == 1


def test_cosine_of_unit_vectors() -> None:
    a, b = tfidf_vectors([story_terms(BRIDGE_A), story_terms(BRIDGE_A)])
    assert abs(cosine(a, b) - 1.0) < 1e-9


def test_group_stories_separates_topics() -> None:
    groups = group_stories([BRIDGE_A, CHESS_A, BRIDGE_B, CHESS_B, BRIDGE_C])
    assert groups == [[0, 2, 4], [1, 3]]


def test_single_article_is_its_own_story() -> None:
    assert group_stories([CHESS_A]) == [[0]]
