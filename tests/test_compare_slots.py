"""Story-wide slot conflicts (``compare_slots``): ages, roles with one holder, denials.
Every sentence is our own; outlets and people are fictional."""

from __future__ import annotations

import pytest
from test_compare import analysis

from rashomon.compare import compare_facts


def conflicts(*texts: str, copies=()) -> list[tuple[str, list[str]]]:
    analyses = [analysis(text, f"outlet{n}") for n, text in enumerate(texts)]
    return [(c.kind, [v.value for v in c.versions]) for c in compare_facts(analyses, copies).conflicts]


def test_a_persons_age_given_two_ways() -> None:
    found = conflicts(
        "Elin Maddox, 34, a teacher from Lowther Cross, set off alone to walk the ridge path.",
        "The search began after Elin Maddox, 43, failed to come home from Kestrel Ridge.",
    )
    assert found == [("number", ["34", "43"])]


def test_two_peoples_ages_are_no_conflict() -> None:
    assert conflicts(
        "Elin Maddox, 34, set off alone to walk the ridge path on Saturday.",
        "Team leader Rafe Dunmore, 61, said the cloud lifted on Thursday morning.",
    ) == []


@pytest.mark.parametrize("first, second, clash", [
    ("Circuit Judge Harriet Solano imposed the sentence in the county court.",
     "Judge Miriam Okonedo told the court that the scheme had robbed children.", True),
    ("The night guard, Dmitri Halloran, was found tied to a chair in the office.",
     "Guard Sean Varga, who was alone on duty, was tied up by the intruders.", True),
    # council members are many: two outlets naming two of them disagree on nothing
    ("Council member Marisol Tench has represented the harbour ward since 2013.",
     "Council member Gideon Arkwright is a first-term member from the east side.", False),
    # a source that names both people knows there are two judges
    ("Judge Harriet Solano sentenced him. Judge Miriam Okonedo had heard the plea.",
     "Judge Miriam Okonedo told the court that the scheme had robbed children.", False),
])
def test_a_role_with_one_holder_named_two_ways(first: str, second: str, clash: bool) -> None:
    found = conflicts(first, second)
    assert (found != [] and found[0][0] == "name") is clash, found


def test_a_flat_denial_against_an_assertion() -> None:
    found = conflicts(
        "An alarm sounded several minutes before the blast at the depot.",
        "No alarm went off before the explosion, according to two workers.",
    )
    assert found == [("claim", ["alarm", "No alarm"])]


def test_a_verbs_not_needs_more_in_common() -> None:
    # "has not been named" and "named locally" share only the verb: no claim
    assert conflicts(
        "The man, who has not been named, was questioned at the central police station.",
        "Police arrested a 29-year-old man, named locally as Karel Brandt.",
    ) == []
