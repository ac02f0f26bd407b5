"""Temporal expressions: finding, normalising, publication inference. Sentences are our
own, with fictional people; the seed check reads the seed files at run time."""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS, make_article, seed_paths

from rashomon.dates import find_dates, infer_published, lending_peer, published_from_peers
from rashomon.model import Article, ArticleAnalysis, PartialDate, Quote
from rashomon.sentences import split_sentences


def mentions_of(text: str, published: str | None = "2024-12-18"):
    article = make_article(text, published=published)
    return find_dates(article, split_sentences(text), article.published)


def mention(text: str, expression: str, published: str | None = "2024-12-18"):
    found = [m for m in mentions_of(text, published) if m.expression == expression]
    assert found, f"{expression!r} not found in {[m.expression for m in mentions_of(text, published)]}"
    return found[0]


ABSOLUTE = [
    # (sentence, expression, value, granularity)
    ("The council met on March 3, 2025 to vote.", "March 3, 2025", "2025-03-03", "day"),
    ("The council met on 3 March 2025 to vote.", "3 March 2025", "2025-03-03", "day"),
    ("Dana Pell signed the lease on 3/14/2025.", "3/14/2025", "2025-03-14", "day"),
    ("Dana Pell signed the lease on 14/3/2025.", "14/3/2025", "2025-03-14", "day"),
    ("The log gives 2025-03-03 as the start.", "2025-03-03", "2025-03-03", "day"),
    ("The mill closed in March 2025.", "March 2025", "2025-03", "month"),
    ("The mill closed in Sept. 2019, workers said.", "Sept. 2019", "2019-09", "month"),
    ("The bakery on Elm Road opened in 2021.", "2021", "2021", "year"),
    ("Rents soared in mid-2023.", "mid-2023", "2023", "year"),
    ("Farming changed in the 1990s.", "the 1990s", "199", "decade"),
    ("Farming changed in the '80s.", "the '80s", "198", "decade"),
    ("The fair drew crowds in the summer of 2019.", "the summer of 2019", "2019-SU", "season"),
    ("Sales fell in the first quarter of 2023.", "the first quarter of 2023", "2023-Q1", "quarter"),
    ("The gala was held on Friday, June 7, 2024.", "Friday, June 7, 2024", "2024-06-07", "day"),
    ("The 2021 flood ruined the harvest.", "2021", "2021", "year"),
]


@pytest.mark.parametrize("text,expression,value,granularity", ABSOLUTE)
def test_absolute_dates(text, expression, value, granularity):
    for published in ("2024-12-18", None):  # absolute dates need no publication date
        found = mention(text, expression, published)
        assert (found.value, found.granularity, found.kind) == (value, granularity, "date")


NOT_DATES = [
    "The measure passed with 2021 votes.",
    "The van sold for $2021 at auction.",
    "Room No. 2021 was empty.",
    "She may resign before the vote.",
    "Crowds march to the square every night.",
    "The farm keeps nine goats and four hens.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_numbers_and_words_that_are_not_dates(text):
    assert [m for m in mentions_of(text) if m.kind == "date"] == []


RELATIVE = [
    # published Wednesday 2024-12-18
    ("Ravi Soto resigned on Tuesday.", "Tuesday", "2024-12-17", "day"),
    ("Ravi Soto resigned on Wednesday.", "Wednesday", "2024-12-18", "day"),
    ("Ravi Soto will speak on Friday.", "Friday", "2024-12-20", "day"),
    ("Ravi Soto said he would speak on Friday.", "Friday", "2024-12-20", "day"),
    ("Shuttle buses begin Monday.", "Monday", "2024-12-23", "day"),  # a schedule: ahead
    ("The buses began running Monday.", "Monday", "2024-12-16", "day"),
    ("Ravi Soto resigned last Wednesday.", "last Wednesday", "2024-12-11", "day"),
    ("The board met yesterday.", "yesterday", "2024-12-17", "day"),
    ("The board met last week.", "last week", "2024-W50", "week"),
    ("The board meets this week.", "this week", "2024-W51", "week"),
    ("The plant reopened last month.", "last month", "2024-11", "month"),
    ("The plant reopens next month.", "next month", "2025-01", "month"),
    ("The plant closed last year.", "last year", "2023", "year"),
    ("The plant closed earlier this year.", "earlier this year", "2024", "year"),
    ("The plant closed three years ago.", "three years ago", "2021", "year"),
    ("The plant closed two months ago.", "two months ago", "2024-10", "month"),
    ("The plant closed ten days ago.", "ten days ago", "2024-12-08", "day"),
    ("In July, the bakery raised its bread prices.", "July", "2024-07", "month"),
    ("The levee failed in October.", "October", "2024-10", "month"),
    ("The levee failed on July 12.", "July 12", "2024-07-12", "day"),
    ("The levee failed on the 12th of July.", "the 12th of July", "2024-07-12", "day"),
    ("The levee failed in early May.", "early May", "2024-05", "month"),
    ("The levee failed last July.", "last July", "2024-07", "month"),
    ("The team won last summer.", "last summer", "2024-SU", "season"),
    ("The choir sang at the harbour on Thursday, December 12.", "Thursday, December 12", "2024-12-12", "day"),
    # no tense cue: the nearest such day on either side of publication
    ("The dividend is payable Dec. 20 to holders.", "Dec. 20", "2024-12-20", "day"),
    ("Profits rose in the third quarter.", "the third quarter", "2024-Q3", "quarter"),
    # no earlier date in the text: the shift counts from publication
    ("A year earlier, the plant was busy.", "A year earlier", "2023", "year"),
]


def test_part_of_day_stays_in_the_expression_and_the_value_is_the_day():
    # TimeML values a DATE "Tuesday night" as the day; a clock time would be a TIME
    found = mention("Ravi Soto resigned on Tuesday night.", "Tuesday night")
    assert (found.value, found.date) == ("2024-12-17", PartialDate.of(2024, 12, 17))


@pytest.mark.parametrize("text,expression,value", [
    # a possessive weekday names a thing done, unless the clause looks ahead
    ("Lawyers studied Friday's ruling closely.", "Friday", "2024-12-13"),
    ("Aides said they would appeal against Friday's ruling.", "Friday", "2024-12-13"),
    ("Ushers will read Friday's verdict aloud.", "Friday", "2024-12-20"),
    # "since", "ended": behind publication whatever else the clause says
    ("The ferry has run since March and is scheduled to stop soon.", "March", "2024-03"),
    ("Revenue for the year ended March 31 was scheduled to be restated.", "March 31",
     "2024-03-31"),
    # a fronted date whose first verb is past: a later "will" is someone else's future
    ("In October, the board hired Lena Marsh, who will remain chair.", "October", "2024-10"),
    # a deadline noun or "effective" may lie ahead in a past clause
    ("Ivo Brandt named no reason for the Jan. 14 deadline.", "Jan. 14", "2025-01-14"),
    ("The mill created a new post, effective Feb. 1.", "Feb. 1", "2025-02-01"),
])
def test_tense_leads_around_a_date(text, expression, value):
    assert mention(text, expression).value == value


@pytest.mark.parametrize("text,expression,value", [
    ("Stone walls of the 12th century still stand.", "the 12th century", "11"),
    ("Mills of the nineteenth century lined the river.", "the nineteenth century", "18"),
    ("The ferry leaves at 9 a.m. EST Friday.", "9 a.m. EST Friday", "2024-12-20T09:00"),
    ("Crews met at 4:30 p.m. on Monday to vote.", "4:30 p.m. on Monday", "2024-12-16T16:30"),
    ("Sales fell in the first half of 2023.", "the first half of 2023", "2023-H1"),
    ("Sales rose in the last two quarters of 2023.", "the last two quarters of 2023", "2023-H2"),
    ("Output rose in the early summer.", "the early summer", "2024-SU"),
    ("Profit for the current fiscal year fell.", "current fiscal year", "2024"),
    # the earliest time of something still to happen
    ("Ada Rusk said the crew could sail as early as Monday.", "Monday", "2024-12-23"),
    # a past verb that sets up a later event: the date may lie ahead
    ("Omar Field said he summoned Ada Rusk to testify before the board on Jan. 20.",
     "Jan. 20", "2025-01-20"),
])
def test_periods_clock_times_and_leads(text, expression, value):
    assert mention(text, expression).value == value


@pytest.mark.parametrize("text,expression,value,granularity", RELATIVE)
def test_relative_dates_resolve_against_publication(text, expression, value, granularity):
    found = mention(text, expression)
    assert (found.value, found.granularity, found.kind) == (value, granularity, "date")
    if granularity in ("day", "month", "year"):
        assert found.date == PartialDate.parse(value)
    else:
        assert found.date is None


REPORTED_TENSE = [
    # (sentence, expression, value) published Monday 2024-12-16: a date takes the tense
    # of its own clause, the report ("said on Friday") or what is reported ("would ...")
    ("Coach Ines Varga said on Friday that the relay squad would travel north.", "Friday", "2024-12-13"),
    ("Coach Ines Varga said Friday that the relay squad would travel north.", "Friday", "2024-12-13"),
    ("The ferry operator told passengers on Friday that sailings would resume.", "Friday", "2024-12-13"),
    ("The choir announced on Tuesday that it will tour the coast.", "Tuesday", "2024-12-10"),
    # no "that": a subject right after "said" opens the reported clause
    ("The curator said on Friday the gallery would reopen.", "Friday", "2024-12-13"),
    # the date inside the reported clause keeps its future
    ("The curator said that the gallery would reopen on Friday.", "Friday", "2024-12-20"),
    ("The baker said the market stall would open on Saturday.", "Saturday", "2024-12-21"),
    # a past verb before the date, the future cue only after it
    ("The goalkeeper left on Friday and will return in the spring.", "Friday", "2024-12-13"),
    ("The orchestra will play on Friday.", "Friday", "2024-12-20"),
    ("The vote was set to take place on Friday.", "Friday", "2024-12-20"),
]


@pytest.mark.parametrize("text,expression,value", REPORTED_TENSE)
def test_a_date_takes_the_tense_of_its_own_clause(text, expression, value):
    found = mention(text, expression, published="2024-12-16")
    assert found.value == value
    if " said " in text and text.index(expression) < text.index(" would "):
        # a bare weekday governed by a past reporting verb is never after publication
        assert found.date.value <= PartialDate.of(2024, 12, 16).value


def test_a_reported_date_is_not_a_plan_for_publication_inference():
    text = "Coach Ines Varga said on Friday, December 13, 2024, that the squad would travel north."
    article = make_article(text, published=None)
    # the report's date is a past event: it dates the article (a plan would not)
    assert infer_published(article, split_sentences(text)) == PartialDate.of(2024, 12)


YEAR_CARRY = [
    # (text, published, expression, value)
    ("In March a ferry sank.", "2024-02-10", "March", "2023-03"),  # not after publication
    ("The ferry will resume in March.", "2024-02-10", "March", "2024-03"),  # future clause
    ("The ferry sank on March 30.", "2024-02-10", "March 30", "2023-03-30"),
    ("The regatta moved to June 2019; by September of the same year it had a new sponsor.",
     "2024-12-18", "September of the same year", "2019-09"),
    ("The shop was sold in January 2023. The following month, its founder quit.", "2024-12-18",
     "The following month", "2023-02"),
    ("The vote was held on December 10, 2019. Two days earlier, the mayor fled.", "2024-12-18",
     "Two days earlier", "2019-12-08"),
    ("The mill burned in 2008. Later that year, it was rebuilt.", "2024-12-18",
     "Later that year", "2008"),
    ("The mill burned in June 2008. Three years later, it was rebuilt.", "2024-12-18",
     "Three years later", "2011"),
    ("The mill burned in 2008. The day before, the alarm failed.", "2024-12-18",
     "The day before", None),  # a year does not say which day
    # the year most recently established wins over publication for anaphora
    ("Ada Moss won in May 2016 and lost in June of that year.", "2024-12-18",
     "June of that year", "2016-06"),
]


@pytest.mark.parametrize("text,published,expression,value", YEAR_CARRY)
def test_yearless_and_anaphoric_dates_take_their_year_from_the_story(text, published, expression, value):
    assert mention(text, expression, published).value == value


DURATIONS_SETS_REFERENCES = [
    # (text, expression, value, kind)
    ("The bakery apprenticeship takes 18 months.", "18 months", "P18M", "duration"),
    ("The feud lasted for three years.", "three years", "P3Y", "duration"),
    ("These last two decades, the lighthouse stood dark.", "These last two decades", "P20Y", "duration"),
    ("The feud lasted for a year.", "a year", "P1Y", "duration"),
    ("The siege lasted four hours.", "four hours", "PT4H", "duration"),
    ("They waited for years.", "years", "PXY", "duration"),
    ("Sales grew over the past year.", "the past year", "P1Y", "duration"),
    ("The club meets every week.", "every week", "P1W", "set"),
    ("The club meets on Mondays.", "Mondays", "XXXX-WXX-1", "set"),
    ("The paper is printed daily.", "daily", "P1D", "set"),
    ("The club meets twice a month.", "twice a month", "P1M", "set"),
    ("She is currently abroad.", "currently", "PRESENT_REF", "date"),
    ("The choir is now touring.", "now", "PRESENT_REF", "date"),
    ("He recently moved.", "recently", "PAST_REF", "date"),
    ("The ferry timetable changes in the next couple of weeks.", "the next couple of weeks", "FUTURE_REF",
     "date"),
    ("Talks resume in the coming weeks.", "the coming weeks", "FUTURE_REF", "date"),
    ("The 52-year-old baker testified.", "52-year-old", "P52Y", "duration"),
    ("The works take a year and a half.", "a year and a half", "P18M", "duration"),
    ("The works take two and a half years.", "two and a half years", "P30M", "duration"),
    ("The mill stood empty for a decade.", "a decade", "P10Y", "duration"),
    ("The harbour may be dredged in the foreseeable future.", "the foreseeable future", "FUTURE_REF", "date"),
]


@pytest.mark.parametrize("text,expression,value,kind", DURATIONS_SETS_REFERENCES)
def test_durations_sets_and_references(text, expression, value, kind):
    found = mention(text, expression)
    assert (found.value, found.kind, found.date) == (value, kind, None)


def test_without_publication_relative_dates_have_no_value():
    text = "In July, the mayor resigned. She left on Tuesday, two weeks after March 3, 2025."
    values = {m.expression: m.value for m in mentions_of(text, published=None)}
    assert values == {"July": None, "Tuesday": None, "two weeks": "P2W", "March 3, 2025": "2025-03-03"}


def test_weekday_fixes_the_year_without_publication():
    # December 12 fell on a Thursday in 2019 and 2024: the story's latest year is 2023
    text = "The marathon course was remeasured in 2023. Runners set off on Thursday, December 12."
    assert mention(text, "Thursday, December 12", published=None).value == "2024-12-12"


def test_weekday_fixes_the_year_nearest_publication():
    text = "Runners set off on Thursday, December 12."
    assert mention(text, "Thursday, December 12", published="2020-01-03").value == "2019-12-12"


def test_offsets_and_sentences_are_exact():
    text = (
        "Lila Ford quit in March 2025.\n"
        "Two days earlier, on Monday, March 10, she had told her team. She plans to rest for a year."
    )
    article = make_article(text)
    sentences = split_sentences(text)
    found = find_dates(article, sentences, article.published)
    assert [m.expression for m in found] == ["March 2025", "Two days earlier", "Monday, March 10", "a year"]
    for m in found:
        assert text[m.start:m.end] == m.expression
        assert sentences[m.sentence].start <= m.start < sentences[m.sentence].end


OUT_OF_CALENDAR = [
    # (published, text, expression): the date would leave years 1..9999
    ("2024-03-05", "The harbour walls were built 3000 years ago.", "3000 years ago"),
    ("2024-03-05", "The village was founded 2024 years ago.", "2024 years ago"),  # year 0
    ("2024-03-05", "Humans arrived in the valley 40000 years ago.", "40000 years ago"),
    ("2024-03-05", "The clay pot was made 900000 days ago.", "900000 days ago"),
    ("2024-03-05", "The quarry first opened 30 centuries ago.", "30 centuries ago"),
    ("2024-03-05", "The glacier retreated 400 decades ago.", "400 decades ago"),
    ("2024-03-05", "The reef formed 30000 months ago.", "30000 months ago"),
    ("9999-12-31", "Next weekend.", "Next weekend"),
    ("9999-12-31", "The regatta returns next year.", "next year"),
    ("9999-12-31", "The regatta returns next month.", "next month"),
    ("9999-12-31", "The regatta returns next Friday.", "next Friday"),
    ("9999-12-31", "The regatta returns tomorrow.", "tomorrow"),
    ("9999-12-31", "The regatta will return in March.", "March"),
    ("9999-12-31", "The regatta will return next summer.", "next summer"),
    ("0001-01-01", "Last week.", "Last week"),
    ("0001-01-01", "The school gate was painted last year.", "last year"),
    ("0001-01-01", "The school gate was painted on Tuesday.", "Tuesday"),
    ("0001-01-01", "The school gate was painted last December.", "last December"),
    ("0001-01-01", "The school gate was painted in the third quarter.", "the third quarter"),
]


@pytest.mark.parametrize("published,text,expression", OUT_OF_CALENDAR)
def test_dates_beyond_the_calendar_are_unresolved(published, text, expression):
    found = mention(text, expression, published)
    assert (found.value, found.granularity, found.date) == (None, None, None)
    assert text[found.start:found.end] == expression


def test_dates_beyond_the_calendar_do_not_stop_the_pipeline(nlp):
    from rashomon.pipeline import analyze_articles

    published = PartialDate.of(2024, 3, 5)
    articles = [
        Article("ok", "ok", "Harbour master Lio Brandt said the pier opened.", published=published),
        Article("old", "old", "The harbour walls were built 3000 years ago.", published=published),
        Article("end", "end", "The regatta returns next year.", published=PartialDate.of(9999, 12, 31)),
    ]
    report = analyze_articles(articles, nlp=nlp)
    assert report.problems == ()
    for article_id in ("old", "end"):
        dates = report.article(article_id).dates
        assert len(dates) == 1 and dates[0].value is None and dates[0].date is None


INFERRED = [
    # (text, inferred)
    ("The feud began in October 2020. The two met again in May 2022, friends said.", "2022-05"),
    # bare years are too few clues (a peer may date the article), even beside a month
    ("The inn opened in 2019 and was sold in 2021.", None),
    ("The inn opened on Sunday, May 5, 2019, and was sold in 2021.", None),
    # the weekday fixes the year of the yearless date, after the latest explicit year
    ("The bakery opened in 2022. Its owner, Ben Ruiz, talked about bread on Thursday, December 12.",
     "2024-12"),
    # plans lie ahead of publication: they do not date it
    ("The deal closed in June 2023. A vote is set to take place in March 2026.", "2023-06"),
    ("The mayor resigned on Tuesday.", None),
    # a plan's year does not bound the weekday: May 7 fell on a Wednesday in 2025
    ("Lena Brak was elected in 2021. The road shut on Wednesday, May 7. Repairs will end by 2026.",
     "2025-05"),
    # "on Friday" shows the text was written within days of its latest dated event
    ("The road opened in 2022 and shut on Wednesday, May 7. Ivo Lenz wrote about it on Friday.",
     "2025-05-07"),
]


@pytest.mark.parametrize("text,expected", INFERRED)
def test_infer_published(text, expected):
    article = make_article(text, published=None)
    inferred = infer_published(article, split_sentences(text))
    assert (inferred.iso() if inferred else None) == expected


def _analysis(id: str, text: str, quotes: tuple[str, ...], published: str | None) -> ArticleAnalysis:
    article = make_article(text, id=id, published=published)
    records = tuple(
        Quote(f"{id}-q{i}", id, q, text.index(q), text.index(q) + len(q), "direct")
        for i, q in enumerate(quotes)
    )
    return ArticleAnalysis(article, split_sentences(text), (), records)


def test_published_from_peers_shares_fresh_quotes():
    quote = "We are going to rebuild every single bridge in this valley"
    mine = _analysis("a", f"Mia Holt said: “{quote}.”", (quote,), None)
    peer = _analysis("b", f"“{quote.replace('every single', 'every')} by spring,” Holt said.",
                     (quote.replace("every single", "every") + " by spring",), "2024-12-18")
    unrelated = _analysis("c", "“Nothing about bridges was said here today at all,” he said.",
                          ("Nothing about bridges was said here today at all",), "2022-03-01")
    assert published_from_peers(mine, [unrelated, peer]) == PartialDate.of(2024, 12)
    # the lender is named, so the report can say where the date came from
    assert lending_peer(mine, [unrelated, peer]) == (PartialDate.of(2024, 12), "b")


def test_published_from_peers_ignores_short_quotes_and_undated_peers():
    mine = _analysis("a", "“See you soon,” she said.", ("See you soon",), None)
    peer = _analysis("b", "“See you soon,” she said.", ("See you soon",), "2024-12-18")
    assert published_from_peers(mine, [peer]) is None
    long_quote = "We are going to rebuild every single bridge in this valley"
    mine = _analysis("a", f"“{long_quote}.”", (long_quote,), None)
    undated = _analysis("b", f"“{long_quote}.”", (long_quote,), None)
    assert published_from_peers(mine, [undated]) is None


def test_published_from_peers_falls_back_to_quote_marks():
    quote = "We are going to rebuild every single bridge in this valley"
    mine = ArticleAnalysis(Article("a", "a.txt", f"“{quote},” Holt said."))
    peer = ArticleAnalysis(make_article(f"Holt said: “{quote}.”", id="b", published="2023-04-02"))
    assert published_from_peers(mine, [peer]) == PartialDate.of(2023, 4)


# -- the seed articles (read at run time, never copied) -----------------------------

def _seed(prefix: str) -> tuple[Article, tuple]:
    path = next((p for p in seed_paths() if p.name.startswith(prefix)), None)
    if path is None:
        pytest.skip(f"seed {prefix} not available in {SEEDS}")
    text = path.read_text(encoding="utf-8")
    return Article(id=prefix, source=str(path), text=text), split_sentences(text)


def _has_year(text: str) -> bool:
    return re.search(r"\d{4}", text) is not None


def test_seed_000_dates_and_publication():
    article, sentences = _seed("000")
    published = infer_published(article, sentences)
    assert published == PartialDate.of(2024, 12)
    found = find_dates(article, sentences, published)
    by_value: dict[str, list] = {}
    for m in found:
        by_value.setdefault(m.value, []).append(m)
    assert {"2021-10", "2023-01", "2023-04", "2024-07", "2024-10", "2024-12-16"} <= set(by_value)
    # the day is written without its year: the weekday fixes it
    assert any(m.granularity == "day" and not _has_year(m.expression) for m in by_value["2024-12-16"])
    # the April is anaphoric (its year comes from the January before it) ...
    january = min(m.start for m in by_value["2023-01"])
    assert any(not _has_year(m.expression) and m.start > january for m in by_value["2023-04"])
    # ... and the bare months take their year from publication
    for value in ("2024-07", "2024-10"):
        assert any(not _has_year(m.expression) for m in by_value[value])
    durations = [m for m in found if m.kind == "duration"]
    assert {"P3Y", "P18M"} <= {m.value for m in durations}
    assert all(m.date is None and m.granularity is None for m in durations)
    assert all(article.text[m.start:m.end] == m.expression for m in found)


def test_seed_001_dates():
    article, sentences = _seed("001")
    found = find_dates(article, sentences, PartialDate.of(2024, 12))
    days = [m for m in found if m.value == "2024-07-12"]
    assert any(_has_year(m.expression) for m in days)
    assert any(not _has_year(m.expression) for m in found if m.value == "2024-07")
    assert any(m.value == "2021" and m.granularity == "year" for m in found)
    assert all(article.text[m.start:m.end] == m.expression for m in found)


NEWS_TENSE = [
    # (sentence, published, expression, value): how news place a date with no year
    # the date's own clause has no tense cue: the sentence's decides (past: last Friday)
    ("Two blasts went off miles apart but minutes apart on Friday.", "2031-05-10",
     "Friday", "2031-05-09"),
    # 'would' is the future seen from the past: the report was Wednesday, before publication
    ("They said they would appeal the ruling announced Wednesday by the board.",
     "2031-05-10", "Wednesday", "2031-05-07"),
    # a deadline weeks ahead, in a past report: the coming one, not last year's
    ("The port authority set a Jan. 14 deadline for the crews.", "2031-01-06",
     "Jan. 14", "2031-01-14"),
    ("The mayor said the vote would come in March.", "2031-02-10", "March", "2031-03"),
    ("The mayor said the plant closed in March.", "2031-02-10", "March", "2030-03"),
    # a past verb telling the event keeps it behind publication
    ("A ferry sank on Jan. 14 near the pier.", "2031-01-06", "Jan. 14", "2030-01-14"),
    # a colon after the day is no clock time
    ("The Harlow Post said in an editorial on Monday, Oct. 27: the pier must reopen.",
     "2031-10-26", "Monday, Oct. 27", "2031-10-27"),
    # business schedules speak of the coming date, whatever verb stands near
    ("Harlow Mills plans to redeem on Nov. 16 its convertible notes.", "2031-10-30",
     "Nov. 16", "2031-11-16"),
    ("Directors authorized a split, payable Dec. 7 to holders.", "2031-10-27",
     "Dec. 7", "2031-12-07"),
    # "plans" as a noun is no schedule
    ("In October, the prosecutor announced plans to appeal.", "2031-12-20",
     "October", "2031-10"),
    # "need" is no past verb
    ("Officials said they need the report in December.", "2031-11-20", "December",
     "2031-12"),
    # "would" alone beside a past cue, in the sentence, is the future seen from the past
    ("The storm hit Friday; officials said they would rebuild.", "2031-12-17", "Friday",
     "2031-12-12"),
    # of the clause's tense cues before a weekday, the nearest decides
    ("The mayor said Monday before leaving that she would return.", "2031-05-14",
     "Monday", "2031-05-12"),
]


REPORTING_PERIODS = [
    # (text, published, expression, value): earnings news refer back to their quarter
    ("Net income at Harlow Mills rose in the third quarter. Sales in the quarter grew.",
     "2031-11-02", "the quarter", "2031-Q3"),
    ("Harlow Mills earned $4 million in the third quarter, up from $3 million a year ago.",
     "2031-11-02", "a year ago", "2030-Q3"),
    # "last year" names the year, even beside a quarter
    ("Harlow Mills earned $4 million in the third quarter, compared with a loss last year.",
     "2031-11-02", "last year", "2030"),
    ("Harlow Mills earned $4 million in the third quarter, above the year-earlier quarter.",
     "2031-11-02", "the year-earlier quarter", "2030-Q3"),
    # the latest quarter is the last one reported, not the current one the text named
    ("The fourth quarter has begun. Sales in the latest quarter fell.", "2031-11-02",
     "the latest quarter", "2031-Q3"),
    ("Sales beat the year-ago third quarter.", "2031-11-02", "the year-ago third quarter",
     "2030-Q3"),
    ("Profit will rise in next year’s first quarter.", "2031-11-02",
     "next year’s first quarter", "2032-Q1"),
    ("Sales rose in the third quarter. Sales in the quarter a year ago fell.", "2031-11-02",
     "the quarter a year ago", "2030-Q3"),
    # no quarter named: the last one completed before publication
    ("Sales in the quarter fell 4%.", "2032-02-10", "the quarter", "2031-Q4"),
    # a year stated after the quarter is the reference again
    ("Sales rose in the third quarter. In 2015, she founded the firm; a year earlier she "
     "had left the bank.", "2031-11-02", "a year earlier", "2014"),
    # no quarter near: a year ago is a year
    ("The mill closed a year ago.", "2031-11-02", "a year ago", "2030"),
    ("The mill closed in June last year.", "2031-11-02", "June last year", "2030-06"),
]


@pytest.mark.parametrize("text,expression,value", [
    ("Earnings in the 2030 third quarter rose.", "the 2030 third quarter", "2030-Q3"),
    ("Profit rose in the 3rd quarter of 2030.", "the 3rd quarter of 2030", "2030-Q3"),
    ("Sales rose in the third quarter. In the 2030 period, sales fell.", "the 2030 period",
     "2030-Q3"),
])
def test_quarters_with_their_year(text, expression, value):
    assert mention(text, expression, "2031-11-02").value == value


HOLIDAYS = [
    ("Crowds gathered on Thanksgiving Day in the square.", "2032-01-07",
     "Thanksgiving Day", "2031-11-27"),
    ("The shop will open on Christmas Eve.", "2031-12-01", "Christmas Eve", "2031-12-24"),
    ("The vote on Election Day went smoothly.", "2032-11-04", "Election Day", "2032-11-02"),
    ("He was born on Christmas 1970.", "2031-12-01", "Christmas 1970", "1970-12-25"),
    ("Since New Year’s Day, sales fell.", "2031-02-01", "New Year’s Day", "2031-01-01"),
    ("The parade returns on Easter Monday.", "2031-03-30", "Easter Monday", "2031-04-14"),
    ("The market closed for Memorial Day.", "2031-06-02", "Memorial Day", "2031-05-26"),
]


def test_a_holiday_in_lower_case_prose_is_no_date():
    found = mentions_of("We worked through labor day weekend plans.")
    assert [m for m in found if m.kind == "date"] == []


WEEKEND_AND_YEAR = [
    ("Crews worked through the weekend.", "2031-05-14", "the weekend", "2031-W19-WE"),
    ("Crews will work through the weekend.", "2031-05-14", "the weekend", "2031-W20-WE"),
    ("Net income for the year rose 4%.", "2031-11-02", "the year", "2031"),
    ("Net income for the full year rose 4%.", "2031-11-02", "the full year", "2031"),
    ("The sale should close by year-end.", "2031-11-02", "year-end", "2031"),
    ("Cuts of 900 jobs are planned by the end of the year.", "2031-11-02",
     "the end of the year", "2031"),
    # broadcast transcripts spell years out
    ("In nineteen ninety-one the bank failed.", "2031-11-02", "nineteen ninety-one", "1991"),
    ("A plan for the year two thousand.", "1998-03-02", "the year two thousand", "2000"),
]


@pytest.mark.parametrize("text,published,expression,value",
                         NEWS_TENSE + REPORTING_PERIODS + HOLIDAYS + WEEKEND_AND_YEAR)
def test_dates_read_as_news_reads_them(text, published, expression, value):
    assert mention(text, expression, published).value == value


@pytest.mark.parametrize("text", [
    "She left in the year before the flood.",
    "He moved there in the year that the mill closed.",
])
def test_the_year_of_another_event_is_no_publication_year(text):
    assert all(m.expression != "the year" for m in mentions_of(text, "2031-11-02"))


def test_a_year_earlier_compares_with_the_period_and_does_not_chain():
    text = ("In 2029 the mill earned $5 million, up from $4 million a year earlier. "
            "Its margin was 40%, against 38% a year earlier.")
    values = [m.value for m in mentions_of(text, "2031-11-02") if m.expression == "a year earlier"]
    assert values == ["2028", "2028"]


def test_the_quarter_ended_names_its_quarter():
    text = "Sales in the quarter ended Sept. 30 rose. A year earlier, sales fell."
    found = {m.expression: m.value for m in mentions_of(text, "2031-11-02")}
    assert found["the quarter"] == "2031-Q3"
    assert found["A year earlier"] == "2030-Q3"


@pytest.mark.parametrize("text,wrong", [
    ("Prices may next year rise.", "may next year"),  # 'may' the verb is no month
    ("In the year 2015 she moved.", "the year"),  # the year is the one written after it
])
def test_words_that_only_look_like_dates(text, wrong):
    assert wrong not in [m.expression for m in mentions_of(text, "2031-11-20")]


MORE_CUES_AND_FORMS = [
    # "to" before a determiner is a preposition, not a purpose ("switched to a supplier")
    ("The bakery switched to a new supplier in January.", "January", "2024-01"),
    # after "be" a past form is a participle: the plan still lies ahead
    ("Ines Varga said the fair would be held on January 4.", "January 4", "2025-01-04"),
    # a capitalised "-ed" word is a name, not a past verb
    ("The Alfred Hall gala is on May 3.", "May 3", "2025-05-03"),
    # the perfect looks back
    ("Hanna Olsen may have been in Leeds on Monday.", "Monday", "2024-12-16"),
    # "preferred stock" is no past verb
    ("Corvo Ltd. is calling for the redemption on Feb. 3 of its convertible preferred stock.",
     "Feb. 3", "2025-02-03"),
    ("Velt Corp. earned $3 million in the third quarter, against $2 million in the 2023 quarter.",
     "the 2023 quarter", "2023-Q3"),
    ("The Arlen summit will be held on April 24 and 25.", "25", "2025-04-25"),
    ("A hearing at Dunmore court is set for the week of March 3.", "the week of March 3",
     "2025-W10"),
    ("The index fell on Friday, Dec. 13, down 3% from the previous Friday.", "the previous Friday",
     "2024-12-06"),
    ("Lena Moss arrived on Dec. 2 and left the next morning.", "the next morning", "2024-12-03"),
    ("The Hollin mill was founded in 1887.", "1887", "1887"),
    ("Repairs at the pier dragged on well into the summer.", "the summer", "2024-SU"),
    ("Orders at Brask rose from the lows of the early summer.", "the early summer", "2024-SU"),
    ("The June vote at the Tolland council was close.", "June", "2024-06"),
    ("Sales at Orrin rose 4% in the first nine months of the year.", "the year", "2024"),
    ("Today is the third day of the strike at Hollin Mill.", "the third day", "2024-12-18"),
    ("January nineteen ninety-seven. A bomb hit the Tolland clinic.",
     "January nineteen ninety-seven", "1997-01"),
    ("Prices last fell in the winter of nineteen ninety-four.",
     "the winter of nineteen ninety-four", "1994-WI"),
    ("Analysts at Brask expect losses in the near term.", "the near term", "FUTURE_REF"),
    ("Orrin sees weaker sales in coming quarters.", "coming quarters", "FUTURE_REF"),
    ("Rates at Brask have fallen in the last few months.", "the last few months", "PAST_REF"),
    ("The boom of recent years at Orrin is over.", "recent years", "PAST_REF"),
    ("Ada Brook hopes the Hollin line will one day reopen.", "one day", "FUTURE_REF"),
    # a counted subject opens the reported clause: "said two ferries would sail"
    ("Lena Moss said two ferries would sail from August 6.", "August 6", "2025-08-06"),
    # "ahead of" puts the date after the event told
    ("Traders at Brask sold shares ahead of the weekend.", "the weekend", "2024-W51-WE"),
]


@pytest.mark.parametrize("text,expression,value", MORE_CUES_AND_FORMS)
def test_more_cues_and_forms(text, expression, value):
    assert mention(text, expression).value == value


@pytest.mark.parametrize("text,wrong", [
    ('Ruth Abel spoke on ABC\'s "This Week" about the vote.', "This Week"),
    ("In today's world, said Dana Pell, nobody writes letters.", "today"),
    ("Today's personal computers are fast, Omar Lind said.", "Today"),
    ("Ada Brook marched with the March of Dimes.", "March"),
])
def test_titles_and_eras_are_no_dates(text, wrong):
    assert wrong not in [m.expression for m in mentions_of(text)]


def test_a_year_ago_compares_and_does_not_chain():
    text = ("Profit at Orrin rose to $5 million from $4 million a year ago. "
            "Costs were 40% of sales, against 38% a year earlier.")
    found = {m.expression: m.value for m in mentions_of(text, "2031-06-02")}
    assert found["a year ago"] == "2030"
    assert found["a year earlier"] == "2030"


def test_a_forecast_quarter_is_not_the_reported_one():
    text = ("Velt Corp. posted a drop in third-quarter profit. Analysts think it will post "
            "losses through the second quarter of 2032. In the year-ago period, Velt earned "
            "$4 million.")
    found = {m.expression: m.value for m in mentions_of(text, "2031-11-02")}
    assert found["the year-ago period"] == "2030-Q3"


def test_this_years_quarter_is_the_reported_one():
    text = ("In this year's third quarter, net at Orrin was $10 million, compared with "
            "$9 million a year earlier.")
    found = {m.expression: m.value for m in mentions_of(text, "2031-11-02")}
    assert found["a year earlier"] == "2030-Q3"


@pytest.mark.parametrize("expression", ["the corresponding period last year",
                                        "last year's quarter"])
def test_last_years_period_is_the_reported_quarter_a_year_back(expression):
    text = (f"Velt Corp. lost $8 million in the third quarter ended Sept. 30, against a profit "
            f"in {expression}.")
    assert mention(text, expression, "2031-11-02").value == "2030-Q3"
