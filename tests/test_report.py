"""Renderers over a hand-built Report (no pipeline, no spaCy)."""

from __future__ import annotations

import html
import json

import pytest
from conftest import make_article, validate_report_json

from rashomon.model import (
    ArticleAnalysis,
    Conflict,
    ConflictVersion,
    DateMention,
    DiffOp,
    EventSource,
    Facts,
    FactSource,
    PartialDate,
    Problem,
    Quote,
    QuoteGroup,
    QuoteRelation,
    Report,
    SharedFact,
    Span,
    Speaker,
    Story,
    TimelineEvent,
    UniqueFact,
)
from rashomon.report import FORMATS, render, report_to_dict

TEXT_A = "Mayor quits\nMayor Dana Holt resigned on May 2. “I am done <script>,” Holt said."
TEXT_B = "Holt resigns\nDana Holt stepped down on May 3. “I am done,” she said."


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def hand_report() -> Report:
    a = make_article(TEXT_A, id="a", outlet="The Ledger", title="Mayor quits")
    b = make_article(TEXT_B, id="b", outlet="Night & Day <News>", title="Holt resigns")
    qa = Quote("a:q1", "a", "I am done <script>,", *_span(TEXT_A, "I am done <script>,"), "direct", "Dana Holt",
               Span("Holt", *_span(TEXT_A, "Holt said")[:1], _span(TEXT_A, "Holt said")[0] + 4), "said", 0.9)
    qb = Quote("b:q1", "b", "I am done,", *_span(TEXT_B, "I am done,"), "direct", "Dana Holt",
               Span("she", *_span(TEXT_B, "she")), "said", 0.8)
    da = DateMention("May 2", *_span(TEXT_A, "May 2"), "2024-05-02", "day", "date", PartialDate.of(2024, 5, 2))
    db = DateMention("May 3", *_span(TEXT_B, "May 3"), "2024-05-03", "day", "date", PartialDate.of(2024, 5, 3))
    sa, sb = _span(TEXT_A, "Mayor Dana Holt resigned on May 2."), _span(TEXT_B, "Dana Holt stepped down on May 3.")
    story = Story(
        id="s1",
        title="Mayor quits",
        articles=("a", "b"),
        speakers=(Speaker("Dana Holt", ("Holt", "she"), 2),),
        quotes=(qa, qb),
        quote_groups=(
            QuoteGroup("g1", "Dana Holt", ("a:q1", "b:q1"), (
                QuoteRelation("a:q1", "b:q1", ("truncated",), (
                    DiffOp("equal", "I am done", "I am done"), DiffOp("delete", "<script>", ""))),
            )),
        ),
        timeline=(
            TimelineEvent(PartialDate.of(2024, 5, 2), "Dana Holt resigned",
                          (EventSource("a", "May 2", da.start, da.end, TEXT_A[sa[0]:sa[1]]),),),
        ),
        facts=Facts(
            shared=(SharedFact(TEXT_A[sa[0]:sa[1]], (FactSource("a", *sa), FactSource("b", *sb))),),
            unique=(UniqueFact("b", TEXT_B[sb[0]:sb[1]], *sb),),
            conflicts=(Conflict("date", "resignation", (
                ConflictVersion("a", "May 2", TEXT_A[sa[0]:sa[1]], *sa),
                ConflictVersion("b", "May 3", TEXT_B[sb[0]:sb[1]], *sb))),),
        ),
    )
    return Report(
        articles=(ArticleAnalysis(a, (), (da,), (qa,)), ArticleAnalysis(b, (), (db,), (qb,))),
        stories=(story,),
        problems=(Problem("bad.bin", "R103", "binary file", "pass a text file"),),
    )


def test_json_matches_schema_and_offsets() -> None:
    data = json.loads(render(hand_report(), "json"))
    validate_report_json(data)
    assert data["schema"] == "rashomon.report/1"
    assert data["articles"][0]["published"] == "2024-12-18"
    assert data["stories"][0]["quote_groups"][0]["relations"][0]["kinds"] == ["truncated"]
    assert data["problems"][0]["code"] == "R103"


def test_schema_rejects_a_broken_report() -> None:
    import jsonschema

    data = report_to_dict(hand_report())
    data["stories"][0]["quotes"][0]["kind"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        validate_report_json(data)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_shows_the_story_parts(fmt: str) -> None:
    out = render(hand_report(), fmt)
    for expected in ("Mayor quits", "Dana Holt", "I am done", "2024-05-02", "truncated", "May 3", "bad.bin"):
        assert expected in out, (fmt, expected)


def test_html_escapes_article_content_and_has_csp() -> None:
    out = render(hand_report(), "html")
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert "Night &amp; Day &lt;News&gt;" in out
    assert "Content-Security-Policy" in out
    assert "http://" not in out and "https://" not in out.replace("https://json-schema", "")


@pytest.mark.parametrize("fmt", FORMATS)
def test_markup_like_article_text_is_shown_as_written(fmt: str) -> None:
    """Rich markup, Markdown and HTML in article text must not style, inject or crash."""
    from dataclasses import replace

    report = hand_report()
    story = report.stories[0]
    tricky = "closing [/x] tag, [bold]b[/bold], **star** and <b>x</b>"
    quote = replace(story.quotes[0], text=tricky)
    report = replace(report, stories=(replace(story, title=tricky, quotes=(quote, *story.quotes[1:])),))
    out = render(report, fmt, width=200)
    if fmt == "json":
        assert json.loads(out)["stories"][0]["quotes"][0]["text"] == tricky
    elif fmt == "text":
        assert "[/x] tag, [bold]b[/bold], **star** and <b>x</b>" in out
    elif fmt == "markdown":
        assert "\\[/x\\] tag, \\[bold\\]b\\[/bold\\], \\*\\*star\\*\\* and \\<b\\>x\\</b\\>" in out
    else:
        assert "[/x] tag, [bold]b[/bold], **star** and &lt;b&gt;x&lt;/b&gt;" in out
        assert "<b>x</b>" not in out


def test_text_marks_changes_without_colour() -> None:
    out = render(hand_report(), "text", width=120, color=False)
    assert "\x1b[" not in out
    assert "Conflicts" in out
    assert "[-<script>-]" in out  # the removed word is marked, not only coloured
    coloured = render(hand_report(), "text", width=120, color=True)
    assert "\x1b[" in coloured and "[-<script>-]" not in coloured


def test_markdown_diff_marks_removed_words_and_escapes_content() -> None:
    out = render(hand_report(), "markdown")
    assert "~~\\<script\\>~~" in out
    assert "<script>" not in out  # raw HTML in an article cannot reach a Markdown viewer
    assert "Night & Day \\<News\\>" in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_format_counts_quote_changes_per_outlet(fmt: str) -> None:
    out = render(hand_report(), fmt, width=240, color=False)
    if fmt == "html":
        out = html.unescape(out)
    # b's version stops where a's runs on: seen from a it is longer, from b shorter
    assert "The Ledger: 1 quote shared with other outlets; against another outlet's version 1 extended" in out
    assert "1 quote shared with other outlets; against another outlet's version 1 truncated" in out
    assert "Pairs by kind" in out or "Versions of the same quote (truncated 1)" in out


def test_json_carries_the_quote_summary() -> None:
    data = json.loads(render(hand_report(), "json"))
    validate_report_json(data)
    summary = data["stories"][0]["quote_summary"]
    assert summary["pairs"] == {"truncated": 1}
    assert summary["outlets"] == [
        {"outlet": "The Ledger", "articles": ["a"], "grouped": 1, "kinds": {"extended": 1}, "alone": {}},
        {"outlet": "Night & Day <News>", "articles": ["b"], "grouped": 1, "kinds": {"truncated": 1}, "alone": {}},
    ]


def report_with_copies_and_updates() -> Report:
    """The hand report with a third outlet that copies the first, an update and a
    fact the second outlet leaves out."""
    from dataclasses import replace

    from rashomon.model import Update

    report = hand_report()
    story = report.stories[0]
    facts = story.facts
    sa = facts.shared[0].sources[0]
    update = Update("number of dead: killed", (
        ConflictVersion("a", "2", TEXT_A[sa.start:sa.end], sa.start, sa.end),
        ConflictVersion("b", "3", facts.unique[0].text, facts.unique[0].start, facts.unique[0].end),
    ))
    c = make_article(TEXT_A, id="c", outlet="Wire Copy Daily", title="Mayor quits")
    shared = (facts.shared[0], SharedFact(TEXT_A[sa.start:sa.end], (facts.shared[0].sources[0],
              FactSource("c", sa.start, sa.end))))
    story = replace(story, articles=("a", "b", "c"), syndicated=(("a", "c"),),
                    facts=replace(facts, shared=shared, updates=(update,),
                                  unique=(replace(facts.unique[0], also_in=()),)))
    return replace(report, articles=(*report.articles, ArticleAnalysis(c, (), (), ())), stories=(story,))


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_format_shows_the_coverage_matrix_copies_and_updates(fmt: str) -> None:
    out = render(report_with_copies_and_updates(), fmt)
    for expected in ("Wire Copy Daily", "✓", "·", "leaves out 1 of the 2 facts",
                     "The Ledger and Wire Copy Daily carry one story", "Updated since", "→"):
        assert expected in out.replace("&#39;", "'").replace("&amp;", "&"), (fmt, expected)


def test_json_carries_copies_updates_and_what_each_outlet_left_out() -> None:
    data = json.loads(render(report_with_copies_and_updates(), "json"))
    validate_report_json(data)
    story = data["stories"][0]
    assert story["syndicated"] == [["a", "c"]]
    assert story["facts"]["left_out"] == {"a": [], "b": [1], "c": [0]}
    assert [v["value"] for v in story["facts"]["updates"][0]["versions"]] == ["2", "3"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_format_shows_conflicts_with_the_outlets_as_columns(fmt: str) -> None:
    out = render(hand_report(), fmt)
    assert "Conflicts" in out
    # one row: the conflict, then each outlet's value in its column
    flat = " ".join(out.split())
    if fmt == "markdown":
        assert "| **date**: resignation | May 2 | May 3 |" in out
    elif fmt == "html":
        assert "<td>May 2</td><td>May 3</td>" in out
        assert '<th scope="row"><strong>date</strong>' in out
    else:
        assert "date: resignation" in flat and "May 2" in flat and "May 3" in flat


def test_an_outlet_name_that_looks_like_markup_is_shown_as_written() -> None:
    from dataclasses import replace

    report = report_with_copies_and_updates()
    odd = replace(report.articles[2].article, outlet="Closing [/x] [bold]News")
    report = replace(report, articles=(*report.articles[:2], replace(report.articles[2], article=odd)))
    out = render(report, "text")
    assert "Closing [/x] [bold]News" in " ".join(out.split()) or "[bold]News" in out
