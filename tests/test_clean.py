"""The boilerplate cleaner: each kind of noise removed with its reason, look-alike
article text kept, glued share widgets cut, output shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.clean import clean_text, is_headline_like, line_reason, sentence_count
from rashomon.model import RemovedLine

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []

BEFORE = "The Port Alder council met on Thursday to discuss the harbor budget."
AFTER = "Councilor Edwin Marsh said the seawall needed repairs before the winter."


def _around(*lines: str) -> str:
    return "\n".join([BEFORE, *lines, AFTER])


# (noise line, reason): each is removed when it stands between two real paragraphs.
REMOVED = [
    ("Advertisement", "advertisement"),
    ("ADVERTISEMENT - SCROLL TO CONTINUE", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Skip to main content", "navigation"),
    ("Share This Article", "share-widget"),
    ("Share on Facebook", "share-widget"),
    ("Copy Link", "share-widget"),
    ("Want The Alder Gazette each morning? Sign up here!", "newsletter"),
    ("Sign up for our weekly newsletter", "newsletter"),
    ("Get the latest harbor news delivered straight to your inbox.", "newsletter"),
    ("Getty", "photo-credit"),
    ("Getty Images", "photo-credit"),
    ("(Reuters)", "photo-credit"),
    ("AP Photo/Lena Okafor", "photo-credit"),
    ("Photo: Lena Okafor", "photo-credit"),
    ("Lena Okafor/Getty Images", "photo-credit"),
    ("Photo by Lena Okafor for The Alder Gazette", "photo-credit"),
    ("Lantern Images / Sam Petrov", "photo-credit"),
    ("Harbor Daily via Getty Images.", "photo-credit"),
    ("ASSOCIATED PRESS.", "photo-credit"),
    ("Harbor Wire/Lena Okafor", "photo-credit"),
    ("By Lena Okafor", "byline"),
    ("By Lena Okafor and Sam Petrov, Staff Writers", "byline"),
    ("4 min read", "byline"),
    ("Updated: March 14, 2025, 9:12 a.m. ET", "dateline"),
    ("Published Dec. 18, 2024", "dateline"),
    ("© 2025 The Alder Gazette", "copyright"),
    ("All rights reserved.", "copyright"),
    ("View this post on Instagram", "social-embed"),
    ("RELATED: Harbor Master Retires After Thirty Years", "related-links"),
    ("Related Stories", "related-links"),
    ("- Harbor Master Retires After Thirty Years On The Water", "related-links"),
    ("• Council Delays Vote On Ferry Schedule Again", "related-links"),
    ("Click to enlarge", "media-widget"),
]


@pytest.mark.parametrize(("line", "reason"), REMOVED)
def test_noise_line_removed_with_reason(line: str, reason: str) -> None:
    text, removed = clean_text(_around(line))
    assert text == f"{BEFORE}\n{AFTER}"
    assert removed == (RemovedLine(line, reason),)


# Lines that look like noise but are article text.
KEPT = [
    "- The council will vote on the dredging plan again next week.",
    "By Tuesday, officials had agreed on the budget.",
    "By the end of the year the harbor will be dredged.",
    "The newsletter, which reaches 4,000 residents, reported the closure first.",
    "Residents can sign up for the ferry lottery here, the county said.",
    "Getty Images, the photo agency, bought the town's archive in 2019.",
    "Share prices at the fishing cooperative fell 4 percent on Tuesday.",
    "Updated figures show the town grew 3 percent in 2024.",
    "Published in 2019, the report found the seawall was failing.",
    "Advertising revenue at the Gazette fell again this year.",
    "Photographs of the flood were shown at the meeting.",
    "Mayor Tessaly Brandt celebrated her 60th birthday on March 3, 2025 in Port Alder.",
    # a caption-like sentence inside a longer paragraph
    "The meeting ran past midnight. Mayor Tessaly Brandt hugs a colleague after the vote "
    "on March 13, 2025 in Port Alder.",
    # a quote is never a caption
    "\u201cWe will celebrate,\u201d Mayor Tessaly Brandt says on March 13, 2025 in Port Alder.",
    # present tense with no date and no credit nearby: not enough for a caption
    "Mayor Tessaly Brandt speaks at the council every week.",
    # "March" is a month here, not a verb
    "Saturday, March 15, 2025.",
]


@pytest.mark.parametrize("line", KEPT)
def test_lookalike_line_kept(line: str) -> None:
    text, removed = clean_text(_around(line))
    assert text == f"{BEFORE}\n{line}\n{AFTER}"
    assert removed == ()


CAPTIONS = [
    # present-tense photo description with a full date (and place)
    (
        ["Mayor Tessaly Brandt waves to supporters outside City Hall on March 13, 2025 "
         "in Port Alder, Maine."],
        0,
    ),
    # caption without a date, next to its credit line (after a blank line)
    (["Councilor Edwin Marsh arrives at the hearing.", "", "Getty"], 0),
    # credit first, then the caption
    (["AP Photo/Lena Okafor", "Supporters of the plan cheer outside City Hall."], 1),
    # no verb at all, but right above its credit line
    (["Lena Okafor outside the Wrenport ferry terminal.", "Lantern Images / Sam Petrov"], 0),
    (["The east pier, where divers found the broken pile.", "", "Getty Images"], 0),
    # inline credit
    (["Harbor crews work on the dock in Wrenport (Photo by Lena Okafor/Getty Images)"], 0),
]


@pytest.mark.parametrize(("lines", "caption_index"), CAPTIONS)
def test_caption_removed(lines: list[str], caption_index: int) -> None:
    text, removed = clean_text(_around(*lines))
    assert text == f"{BEFORE}\n{AFTER}"
    captions = [r for r in removed if r.reason == "photo-caption"]
    assert captions == [RemovedLine(lines[caption_index], "photo-caption")]


FERRY = "Two ferries ran aground near Gull Island in December."
WAVES = "Captain Odile Farrant waves from the ferry deck."
VOTED = "The council then voted on the ferry schedule, which it had delayed twice."


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # a credit with no caption: the paragraphs on either side stay
        (["Getty", VOTED], [VOTED]),
        (["The council then voted on the ferry schedule.", "Getty"],
         ["The council then voted on the ferry schedule."]),
        (["Ferry fares rose 5 percent last year.", "AP Photo/Lena Okafor"],
         ["Ferry fares rose 5 percent last year."]),
        (["The mayor has promised a decision by June.", "Getty"],
         ["The mayor has promised a decision by June."]),
        # credit first, then its caption: the line above the credit is article text
        ([FERRY, "Getty", WAVES], [FERRY]),
    ],
)
def test_real_paragraph_next_to_credit_is_kept(lines: list[str], kept: list[str]) -> None:
    text, removed = clean_text(_around(*lines))
    assert text.split("\n") == [BEFORE, *kept, AFTER]
    assert {r.reason for r in removed} <= {"photo-credit", "photo-caption"}


ENDS = "The work ends in October."
DONE = "\u201cWe are done,\u201d she said."
PROSE = "Readers can share this article with friends"
GLUED = [
    (ENDS + "Share This Article", ENDS, ["Share This Article"]),
    (ENDS + " Share this story", ENDS, ["Share this story"]),
    (DONE + "Share This ArticleCopy Link", DONE, ["Share This Article", "Copy Link"]),
    (PROSE, PROSE, []),  # not after a sentence end: ordinary prose
]


@pytest.mark.parametrize(("line", "kept", "fragments"), GLUED)
def test_glued_share_widget(line: str, kept: str, fragments: list[str]) -> None:
    text, removed = clean_text(_around(line))
    assert text == f"{BEFORE}\n{kept}\n{AFTER}"
    assert removed == tuple(RemovedLine(f, "share-widget") for f in fragments)


def test_related_list_after_heading_without_bullets() -> None:
    text, removed = clean_text(
        _around(
            "You May Also Like", "Storm Leaves Wrenport Dock in Pieces", "Water Taxi Fills the Gap"
        )
    )
    assert text == f"{BEFORE}\n{AFTER}"
    assert [r.reason for r in removed] == ["related-links"] * 3


def test_lone_share_words() -> None:
    assert line_reason("Email") == "share-widget"
    assert line_reason("Share") == "share-widget"
    assert line_reason("Tweet") == "share-widget"


def test_output_shape() -> None:
    raw = "  First   paragraph here.  \r\n\r\n\n\tSecond\tparagraph.\n\n"
    text, removed = clean_text(raw)
    assert text == "First paragraph here.\nSecond paragraph."
    assert removed == ()
    assert clean_text("") == ("", ())


def test_helpers() -> None:
    assert is_headline_like("Harbor Master Retires After Thirty Years")
    assert not is_headline_like("The harbor master retired after thirty years.")
    assert not is_headline_like("the harbor master retired after thirty years")
    assert sentence_count("Sen. Ada Vole spoke. Then she left.") == 2
    assert sentence_count("Gov. Ada Vole arrives at St. Mary's on Jan. 5, 2025.") == 1


@pytest.mark.skipif(not seed_paths(), reason="seeds not available")
def test_seeds_noise_removed_without_losing_paragraphs() -> None:
    """The seeds' newsletter line, link list, credit, captions and share widget come
    out with reasons, and every other non-blank line is kept (the seed text stays out
    of the repository: only reasons and counts are checked)."""
    expected = [
        {"related-links": 3, "newsletter": 1},
        {"photo-caption": 2, "photo-credit": 1, "share-widget": 1},
    ]
    for path, reasons in zip(seed_paths(), expected):
        raw = path.read_text(encoding="utf-8")
        text, removed = clean_text(raw)
        counts: dict[str, int] = {}
        for line in removed:
            counts[line.reason] = counts.get(line.reason, 0) + 1
        assert counts == reasons, path.name
        non_blank = [line for line in raw.splitlines() if line.strip()]
        assert len(text.split("\n")) == len(non_blank) - len(removed)
        # glued onto the last paragraph instead of on its own line: cut all the same
        lines = [line for line in raw.splitlines() if line.strip()]
        if lines[-1].strip() == "Share This Article":
            glued = "\n".join(lines[:-2] + [lines[-2] + lines[-1]])
            glued_text, glued_removed = clean_text(glued)
            assert glued_text == text
            assert glued_removed[-1] == RemovedLine("Share This Article", "share-widget")
