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
