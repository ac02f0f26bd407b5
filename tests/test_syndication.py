"""Wire copy (``syndication``) and how the compare stage counts copies as one source.
All text is our own; outlets and people fictional."""

from __future__ import annotations

from conftest import make_article
from test_compare import analysis

from rashomon.compare import compare_facts
from rashomon.syndication import source_of, syndicated_groups

WIRE = (
    "The Gull Line ferry ran aground on a sandbar off Brookhaven on Tuesday evening. "
    "All 212 passengers were taken off by lifeboat crews within three hours, the coastguard said. "
    "The ship's owner, Tom Vale, said the vessel had been inspected in March and was sound. "
    "Divers will examine the hull on Wednesday before any attempt to refloat the ship. "
    "Ferries to the island were cancelled for the rest of the week."
)
# a republished copy: a word changed, the last sentence cut
COPY = WIRE.replace("taken off", "brought off").rsplit(" Ferries", 1)[0]
OWN = (
    "Passengers spent a cold evening on deck after the Brookhaven ferry struck a sandbar. "
    "Mayor Ana Ruiz said the town hall would stay open overnight for stranded travellers. "
    "Lifeboat crews brought all 212 people ashore, according to the coastguard."
)


def test_a_trimmed_copy_is_found_and_an_own_report_is_not() -> None:
    articles = [make_article(WIRE, id="wire"), make_article(OWN, id="own"), make_article(COPY, id="copy")]
    assert syndicated_groups(articles) == (("wire", "copy"),)
    assert source_of(["wire", "own", "copy"], [("wire", "copy")]) == {
        "wire": "wire", "own": "own", "copy": "wire"}


def test_the_earliest_published_copy_leads_its_group() -> None:
    later = make_article(WIRE, id="later", published="2025-06-12")
    earlier = make_article(COPY, id="earlier", published="2025-06-11")
    assert syndicated_groups([later, earlier]) == (("earlier", "later"),)


def test_copies_are_one_source_when_outlets_are_compared() -> None:
    analyses = [analysis(WIRE, "wire"), analysis(OWN, "own"), analysis(COPY, "copy")]
    facts = compare_facts(analyses, [("wire", "copy")])
    # what only the wire story and its copy say is unique to that one source, said once
    divers = [u for u in facts.unique if "Divers" in u.text]
    assert len(divers) == 1 and divers[0].article == "wire" and divers[0].also_in == ("copy",)
    assert not any("Divers" in f.text for f in facts.shared)
    # without the grouping, the copy would look like a second outlet agreeing
    alone = compare_facts(analyses)
    assert any("Divers" in f.text for f in alone.shared)


def test_a_copys_sentence_is_not_unique_when_its_wire_sentence_is_shared() -> None:
    # the own report carries the lifeboat sentence only in words close to the wire's
    analyses = [analysis(COPY + " Extra crews stood by.", "copy"), analysis(OWN, "own"),
                analysis(WIRE, "wire")]
    facts = compare_facts(analyses, [("wire", "copy")])
    assert not any(u.article == "copy" and "212" in u.text for u in facts.unique)


def test_a_unique_fact_is_credited_to_the_wire_story_not_its_copy() -> None:
    analyses = [analysis(COPY, "copy"), analysis(OWN, "own"), analysis(WIRE, "wire")]
    facts = compare_facts(analyses, [("wire", "copy")])
    divers = [u for u in facts.unique if "Divers" in u.text]
    assert [(u.article, u.also_in) for u in divers] == [("wire", ("copy",))]


def test_a_short_brief_inside_two_stories_does_not_chain_them() -> None:
    brief = WIRE.split(". ")[0] + ". " + WIRE.split(". ")[1] + "."
    long_a = WIRE + " " + OWN + " The harbour master said the channel would be dredged in June."
    long_b = brief + " " + OWN.replace("Passengers", "Travellers") + (
        " A second ferry company said it would add sailings from Thursday. "
        "Island shops reported a run on bread and milk as deliveries stopped. "
        "The coastguard said it had logged three other groundings on the sandbar this year.")
    articles = [make_article(brief, id="brief"), make_article(long_a, id="a"), make_article(long_b, id="b")]
    assert all(len(group) < 3 for group in syndicated_groups(articles))
