"""Undated outlets joined to a dated event by the quote they share, and where an
inferred publication date came from. Articles are our own, with fictional people and
outlets; the seed check reads the seeds at run time."""

from __future__ import annotations

import json

import pytest
from conftest import make_article, seed_paths, validate_report_json

from rashomon.dates import find_dates
from rashomon.model import ArticleAnalysis, DateMention, PartialDate, Quote, Report, Span
from rashomon.pipeline import build_story
from rashomon.report import FORMATS, render, report_to_dict
from rashomon.sentences import split_sentences
from rashomon.timeline import build_timeline
from rashomon.timeline_reports import dates_otherwise

SAID = "We are going to rebuild every pier on this coast"
DATED = f"“{SAID},” Mayor Ilse Varga said on the Harbour Hour radio show on Monday, March 10."
UNDATED = f"“{SAID},” she told the Harbour Hour radio show."


def quote_records(text: str, id: str, speakers: dict[str, str | None]) -> tuple[Quote, ...]:
    """Quote records as the quote stage gives them, for the quoted passages named in
    ``speakers`` (passage -> speaker); the speaker mention is the speaker's surname or
    "she" when the text holds it."""
    records = []
    sentences = split_sentences(text)
    for number, (passage, speaker) in enumerate(speakers.items(), start=1):
        start = text.index(passage)
        sentence = next(s for s in sentences if s.start <= start < s.end)
        mention = None
        for word in ((speaker or "").split()[-1:] + ["she"]):
            at = sentence.text.find(word, start + len(passage) - sentence.start)
            if word and at >= 0:
                mention = Span(word, sentence.start + at, sentence.start + at + len(word))
                break
        records.append(Quote(f"{id}:q{number}", id, passage, start, start + len(passage), "direct",
                             speaker, mention, "said", 0.9, sentence.index))
    return tuple(records)


def analysis(text: str, id: str, published: str | None = "2025-03-14",
             speakers: dict[str, str | None] | None = None, title: str | None = None) -> ArticleAnalysis:
    article = make_article(text, id=id, outlet=f"The {id.title()} Post", published=published, title=title)
    sentences = split_sentences(text)
    quotes = quote_records(text, id, speakers) if speakers else ()
    return ArticleAnalysis(article, sentences, find_dates(article, sentences, article.published), quotes)


def event_on(events, iso: str):
    return next(e for e in events if e.date.iso() == iso)


def quote_sources(events) -> list:
    return [s for e in events for s in e.sources if s.basis == "quote"]


# -- joined --------------------------------------------------------------------------

@pytest.mark.parametrize("records", [False, True], ids=["quote marks", "quote records"])
def test_undated_sentence_with_the_same_quote_joins_the_dated_event(records):
    a = analysis(f"{DATED} The council will vote on the budget.", "ledger",
                 speakers={SAID: "Ilse Varga"} if records else None)
    b = analysis(f"Repairs begin soon. {UNDATED}", "courier", published=None,
                 speakers={SAID: "Ilse Varga"} if records else None)
    events, _ = build_timeline([a, b])
    event = event_on(events, "2025-03-10")
    dated, joined = event.sources
    assert (dated.article, dated.basis, dated.dated_by) == ("ledger", "date", None)
    assert (joined.article, joined.basis, joined.dated_by) == ("courier", "quote", "ledger")
    text = b.article.text
    # no date expression: an empty one at the start of its clause, offsets still exact
    assert joined.expression == "" and joined.start == joined.end == joined.event_start
    assert text[joined.start:joined.end] == joined.expression
    assert joined.sentence == UNDATED
    clause = text[joined.event_start:joined.event_end]
    assert clause == ("she told the Harbour Hour radio show" if records else UNDATED)
    # the event is still told in the dated outlet's words
    assert "Harbour Hour" in event.event and event.date == PartialDate.of(2025, 3, 10)


def test_a_quote_varied_in_typography_and_one_word_still_joins():
    a = analysis(DATED, "ledger")
    b = analysis('"We\'re going to rebuild every pier on this coast," the mayor said on air.', "courier")
    events, _ = build_timeline([a, b])
    assert [(s.article, s.dated_by) for s in quote_sources(events)] == [("courier", "ledger")]


def test_the_second_half_of_an_interrupted_quote_joins_too():
    """“First part,” she said on Monday. “Second part.”: both halves were said then."""
    a = analysis(f"{DATED} “Every family on the quay will have a berth again by summer.”", "ledger")
    b = analysis("Varga was upbeat. “Every family on the quay will have a berth again by summer,” she said.",
                 "courier")
    events, _ = build_timeline([a, b])
    joined = quote_sources(events)
    assert [(s.article, s.dated_by) for s in joined] == [("courier", "ledger")]
    assert joined[0].sentence.startswith("“Every family")


def test_one_source_per_article_and_event_the_first_sentence():
    a = analysis(DATED, "ledger")
    b = analysis(f"{UNDATED} Later she repeated it: “{SAID}.”", "courier")
    events, _ = build_timeline([a, b])
    joined = quote_sources(events)
    assert len(joined) == 1 and joined[0].sentence == UNDATED


def test_every_outlet_without_a_date_joins_each_once():
    a = analysis(DATED, "ledger")
    b = analysis(UNDATED, "courier")
    c = analysis(f"“{SAID},” Varga told listeners.", "herald")
    events, _ = build_timeline([a, b, c])
    assert [s.article for s in event_on(events, "2025-03-10").sources] == ["ledger", "courier", "herald"]


def test_a_joined_sentence_leaves_the_undated_list():
    a = analysis(DATED, "ledger")
    b = analysis(f"“{SAID},” she said on the radio show, adding that work would start in the coming weeks.",
                 "courier")
    _, undated_before = build_timeline([b])
    assert [u.expression for u in undated_before] == ["the coming weeks"]
    events, undated = build_timeline([a, b])
    assert [s.article for s in quote_sources(events)] == ["courier"]
    assert undated == ()


def test_a_date_inside_the_quote_does_not_block_the_join():
    """"Last year" inside the quote is the speaker's time, in both outlets alike: it
    says nothing of when the words were said."""
    said = "Last year we lost four piers and we are going to rebuild them all"
    a = analysis(f"“{said},” Varga said on the Harbour Hour radio show on Monday, March 10.", "ledger",
                 speakers={said: "Ilse Varga"})
    b = analysis(f"“{said},” she told the Harbour Hour radio show.", "courier", speakers={said: "Ilse Varga"})
    events, _ = build_timeline([a, b])
    assert [(s.article, s.dated_by) for s in quote_sources(events)] == [("courier", "ledger")]


# -- not joined ----------------------------------------------------------------------

def test_topic_words_without_the_quote_do_not_join():
    a = analysis(DATED, "ledger")
    b = analysis("Mayor Ilse Varga spoke on the Harbour Hour radio show about rebuilding every pier on "
                 "the coast.", "courier")
    events, _ = build_timeline([a, b])
    assert quote_sources(events) == []
    assert [s.article for s in event_on(events, "2025-03-10").sources] == ["ledger"]


def test_another_quote_on_the_same_topic_does_not_join():
    a = analysis(DATED, "ledger")
    b = analysis("“Every pier on this coast will cost more than we have,” she told the Harbour Hour "
                 "radio show.", "courier")
    assert quote_sources(build_timeline([a, b])[0]) == []


def test_a_short_common_quote_does_not_join():
    a = analysis("“We will see,” Varga said on the Harbour Hour radio show on Monday, March 10.", "ledger")
    b = analysis("“We will see,” she told the Harbour Hour radio show.", "courier")
    assert quote_sources(build_timeline([a, b])[0]) == []


def test_the_same_words_from_another_speaker_do_not_join():
    a = analysis(DATED, "ledger", speakers={SAID: "Ilse Varga"})
    b = analysis(f"“{SAID},” Councillor Teodor Brenn told the Harbour Hour radio show.", "courier",
                 speakers={SAID: "Teodor Brenn"})
    assert quote_sources(build_timeline([a, b])[0]) == []


@pytest.mark.parametrize("when", [
    "on Friday, February 7",   # another day, which the dates stage places
    "in January",               # another month
])
def test_an_undated_outlet_with_a_contradicting_date_is_not_joined_by_the_quote(when):
    a = analysis(DATED, "ledger")
    b = analysis(f"“{SAID},” she told the Harbour Hour radio show {when}.", "courier")
    events, _ = build_timeline([a, b])
    assert quote_sources(events) == []
    # the dated outlet's event keeps its date and its one source; the other outlet's
    # sentence stays on the date it gives
    assert [s.article for s in event_on(events, "2025-03-10").sources] == ["ledger"]
    assert [e.date.iso() for e in events if e.sources[0].article == "courier"] == [
        "2025-02-07" if "February" in when else "2025-01"]


def test_an_unplaced_date_is_no_agreement():
    """Without a publication date "on Friday" has no value: it may be another day."""
    a = analysis(DATED, "ledger")
    b = analysis(f"“{SAID},” she told the Harbour Hour radio show on Friday.", "courier", published=None)
    events, undated = build_timeline([a, b])
    assert quote_sources(events) == []
    assert [(u.article, u.expression) for u in undated] == [("courier", "Friday")]


def test_a_headline_carrying_the_quote_is_not_a_report():
    title = f"“{SAID},” says mayor"
    a = analysis(DATED, "ledger")
    b = analysis(f"{title}\nThe harbour plan was debated at length.", "courier", title=title)
    assert quote_sources(build_timeline([a, b])[0]) == []


def test_a_sentence_is_a_source_once():
    """A sentence with a date of its own is placed by merging (on this event or its
    own): the quote does not add it a second time."""
    a = analysis(DATED, "ledger")
    b = analysis(f"“{SAID},” she said in March.", "courier")
    events, _ = build_timeline([a, b])
    sentences = [(s.article, s.sentence) for e in events for s in e.sources]
    assert sentences.count(("courier", b.sentences[0].text)) == 1
    assert quote_sources(events) == []


def test_events_known_only_to_the_year_are_left_alone():
    a = analysis(f"“{SAID},” Varga said on the radio in 2023.", "ledger")
    b = analysis(UNDATED, "courier")
    events, _ = build_timeline([a, b])
    assert [e.date.iso() for e in events] == ["2023"] and quote_sources(events) == []


# -- the contradiction test alone ------------------------------------------------------

def _mention(text: str, expression: str, value: str | None, when: PartialDate | None) -> DateMention:
    start = text.index(expression)
    granularity = when.granularity if when else None
    return DateMention(expression, start, start + len(expression), value, granularity, "date", when)


MARCH_10 = PartialDate.of(2025, 3, 10)


@pytest.mark.parametrize("expression, value, when, other", [
    ("in March", "2025-03", PartialDate.of(2025, 3), False),          # holds the day
    ("in 2025", "2025", PartialDate.of(2025), False),                 # holds the day
    ("on March 10", "2025-03-10", MARCH_10, False),                   # the day itself
    ("in January", "2025-01", PartialDate.of(2025, 1), True),         # another month
    ("on Friday", None, None, True),                                  # unplaced: unknown
    ("in the coming weeks", "FUTURE_REF", None, False),               # a plan: no time of saying
])
def test_dates_otherwise(expression, value, when, other):
    text = f"She spoke {expression} about the piers."
    sentences = split_sentences(text)
    article = make_article(text, id="courier")
    found = ArticleAnalysis(article, sentences, (_mention(text, expression, value, when),))
    assert dates_otherwise(found, sentences[0], (MARCH_10.value, MARCH_10.value)) is other


def test_a_date_inside_the_quote_is_the_speakers_not_the_occasions():
    text = "“In January we lost four piers to the storm,” she said."
    sentences = split_sentences(text)
    article = make_article(text, id="courier")
    said = "In January we lost four piers to the storm,"
    quote = Quote("courier:q1", "courier", said, text.index(said), text.index(said) + len(said), "direct")
    found = ArticleAnalysis(article, sentences, (_mention(text, "January", "2025-01", PartialDate.of(2025, 1)),),
                            (quote,))
    assert not dates_otherwise(found, sentences[0], (MARCH_10.value, MARCH_10.value))


# -- publication date borrowed from a peer ---------------------------------------------

def story_of_three() -> tuple[ArticleAnalysis, ...]:
    ledger = analysis(DATED, "ledger", published="2025-03-14")
    courier = analysis(f"Repairs begin soon. {UNDATED}", "courier", published=None)
    gazette = analysis("The ferry timetable changed on January 20.", "gazette", published="2025-01-22")
    return ledger, courier, gazette


def test_an_inferred_publication_date_names_the_peer_it_came_from():
    story, resolved = build_story("s1", story_of_three())
    by_id = {a.article.id: a.article for a in resolved}
    courier = by_id["courier"]
    assert (courier.published, courier.published_basis, courier.published_from) == (
        PartialDate.of(2025, 3), "inferred", "ledger")
    # an article with a date of its own borrowed nothing
    assert by_id["ledger"].published_from is None and by_id["gazette"].published_from is None
    joined = quote_sources(story.timeline)
    assert [(s.article, s.dated_by) for s in joined] == [("courier", "ledger")]


def test_no_peer_sharing_a_quote_means_no_date_and_no_lender():
    lone = analysis("Repairs begin soon. The pier stays shut.", "courier", published=None)
    peer = analysis(DATED, "ledger")
    _, resolved = build_story("s1", [peer, lone])
    courier = next(a.article for a in resolved if a.article.id == "courier")
    assert (courier.published, courier.published_from) == (None, None)


# -- the report ------------------------------------------------------------------------

def report_of_three() -> Report:
    story, resolved = build_story("s1", story_of_three())
    return Report(articles=resolved, stories=(story,))


def test_json_carries_basis_dated_by_and_published_from_and_validates():
    data = json.loads(render(report_of_three(), "json"))
    validate_report_json(data)
    articles = {a["id"]: a for a in data["articles"]}
    assert articles["courier"]["published_from"] == "ledger"
    assert articles["ledger"]["published_from"] is None
    event = next(e for e in data["stories"][0]["timeline"] if e["date"] == "2025-03-10")
    assert [(s["article"], s["basis"], s["dated_by"]) for s in event["sources"]] == [
        ("ledger", "date", None), ("courier", "quote", "ledger")]
    assert event["sources"][1]["expression"] == ""


def test_the_schema_still_accepts_a_report_without_the_new_fields():
    data = report_to_dict(report_of_three())
    for article in data["articles"]:
        del article["published_from"]
    for story in data["stories"]:
        del story["undated"]
        for event in story["timeline"]:
            for source in event["sources"]:
                for field in ("basis", "dated_by", "event_start", "event_end"):
                    del source[field]
    validate_report_json(data)


def test_the_schema_rejects_an_unknown_basis():
    import jsonschema

    data = report_to_dict(report_of_three())
    data["stories"][0]["timeline"][0]["sources"][0]["basis"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        validate_report_json(data)


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "json"])
def test_renderers_say_why_a_source_is_undated_and_where_a_date_came_from(fmt):
    out = " ".join(render(report_of_three(), fmt, width=400).split())
    assert "undated; same quote as The Ledger Post" in out
    assert "inferred from ledger" in out
    assert "2025-03 (inferred from ledger)" in out or fmt == "html"


def test_renderers_show_a_dated_source_as_before():
    out = render(report_of_three(), "markdown")
    assert "The Ledger Post (“Monday, March 10”)" in out


# -- the seed articles (read at run time, never copied) --------------------------------

def test_seed_undated_outlet_joins_the_december_event(nlp):
    paths = [p for p in seed_paths() if p.name[:3] in ("000", "001")]
    if len(paths) < 2:
        pytest.skip("seeds not available")
    import rashomon

    report = rashomon.analyze(paths, nlp=nlp)
    ids = {a.article.id[:3]: a.article for a in report.articles}
    assert ids["001"].published_from == ids["000"].id and ids["000"].published_from is None
    story = report.stories[0]
    december = event_on(story.timeline, "2024-12-16")
    assert [(s.article[:3], s.basis, (s.dated_by or "")[:3]) for s in december.sources] == [
        ("000", "date", ""), ("001", "quote", "000")]
    # the other entries keep their sources: one dated source per sentence, no quote basis
    others = [e for e in story.timeline if e is not december]
    assert all(s.basis == "date" for e in others for s in e.sources)
    validate_report_json(json.loads(render(report, "json")))


def test_hand_built_sources_default_to_their_own_date():
    source = event_on(build_timeline([analysis(DATED, "ledger")])[0], "2025-03-10").sources[0]
    assert (source.basis, source.dated_by) == ("date", None)
