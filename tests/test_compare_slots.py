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


def test_who_did_it_in_the_passive_named_two_ways() -> None:
    found = conflicts(
        "The boy was located near the weir by a search dog handler, Nia Castell, on Friday.",
        "The missing boy was finally spotted on Friday by volunteer Owen Trask.",
    )
    assert found == [("name", ["Nia Castell", "Owen Trask"])]


def test_numbers_sharing_a_value_clash_on_the_one_next_to_the_same_word() -> None:
    found = conflicts(
        "The crews want 7 percent, while the ferry board's offer is 3.5 percent this year.",
        "The crews are seeking a 7% rise, while the ferry board's offer stands at 3.2%.",
    )
    assert found == [("number", ["3.5 percent", "3.2%"])]


def dated(text: str, id: str, published: str):
    from dataclasses import replace

    from rashomon.model import PartialDate

    a = analysis(text, id)
    return replace(a, article=replace(a.article, published=PartialDate.parse(published)))


def test_a_later_larger_toll_is_an_update_not_a_conflict() -> None:
    early = dated("Two workers were killed in the blast at the Gull Line depot on Tuesday.", "a", "2025-06-11")
    late = dated("Three workers were killed in the blast at the Gull Line depot on Tuesday.", "b", "2025-06-12")
    facts = compare_facts([early, late])
    assert facts.conflicts == ()
    (update,) = facts.updates
    assert [v.article for v in update.versions] == ["a", "b"]
    # the later article giving the smaller toll is a contradiction
    facts = compare_facts([dated(early.article.text, "a", "2025-06-12"),
                           dated(late.article.text, "b", "2025-06-11")])
    assert [c.kind for c in facts.conflicts] == ["number"] and facts.updates == ()


@pytest.mark.parametrize("first, second, clash", [
    ("Some 8,900 passengers are affected by the cancelled Gull Line sailings.",
     "About 9,000 passengers are affected by the cancelled Gull Line sailings.", False),
    ("More than 90 volunteers joined the search for the Gull Line skipper.",
     "In all 146 volunteers joined the search for the Gull Line skipper.", False),
    ("Fewer than 100 pupils attend the Gull Line school on the island.",
     "In all 140 pupils attend the Gull Line school on the island.", True),
    ("Exactly 380 pupils attend the Gull Line school on the island.",
     "Exactly 830 pupils attend the Gull Line school on the island.", True),
])
def test_hedged_counts_agree_within_their_hedge(first: str, second: str, clash: bool) -> None:
    found = conflicts(first, second)
    assert (found != []) is clash, found


def test_neither_side_denies_no_side() -> None:
    assert conflicts(
        "Pay talks between the guild and the Gull Line collapsed, and neither side has returned since.",
        "Talks between the two sides broke down after the Gull Line refused to improve its offer.",
    ) == []


# --- regressions from review: each pair once gave a false conflict or lost a real one ---

@pytest.mark.parametrize("first, second", [
    # an age after no name belongs to no one named elsewhere in the sentence
    ("On Friday the 34-year-old was found by volunteer Owen Trask near the weir.",
     "Volunteer Owen Trask, 52, has searched the Gull Line shore for a decade."),
    # two people of one surname
    ("John Maddox, 45, runs the Gull Line ferry office on the quay.",
     "His son Tom Maddox, 12, was on board the Gull Line ferry that night."),
    # an earlier act than the one done "by" the named person
    ("Tom Vale was arrested in 2019 and later released by magistrate Ann Bell.",
     "Tom Vale was arrested on Monday by sergeant Tom Cole at the Gull Line depot."),
    # counts of one unit on other days
    ("The Gull Line carried 40 passengers on Monday and 55 passengers on Tuesday.",
     "The Gull Line carried 40 passengers on Monday and 70 passengers on Wednesday."),
    # admitted to hospital is no admission
    ("Two workers at the Gull Line depot were admitted to hospital after the blast.",
     "The Gull Line company confirmed that the depot had reopened after the blast."),
    # "did not say whether" denies nothing
    ("Police did not say whether the Gull Line crew had been paid before the strike.",
     "The Gull Line crew were paid on Friday before the strike, the union said."),
])
def test_review_regressions_give_no_conflict(first: str, second: str) -> None:
    assert conflicts(first, second) == []


def test_a_denied_word_with_another_outlets_word_for_it_still_clashes() -> None:
    found = conflicts(
        "Employees at the Gull Line depot were evacuated before the blast, the company said.",
        "No workers at the Gull Line depot were evacuated before the blast, two staff said.",
    )
    assert ("claim", ["evacuated", "No workers"]) in found or any(k == "claim" for k, _ in found)


def test_a_toll_elsewhere_in_the_sentence_makes_no_update() -> None:
    early = dated("The driver who killed two cyclists was jailed for 5 years by the court.", "a", "2025-06-11")
    late = dated("The driver who killed two cyclists was jailed for 8 years by the court.", "b", "2025-06-12")
    facts = compare_facts([early, late])
    assert facts.updates == () and [c.kind for c in facts.conflicts] == ["number"]
