"""The demo corpus and its gold annotations agree with each other.

These tests read only the files (no rashomon stage runs here): every annotated string is
where the gold says, in the order it says, weekdays fit their dates, each story has its
outlets, formats and exactly one planted conflict. They guard the gold file that the
end-to-end demo tests score against.
"""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "rashomon" / "demo"
GOLD_PATH = ROOT / "tests" / "gold" / "demo.json"
SEEDS = ROOT.parent / "shared" / "seeds"

OPENING_MARKS = "\"'“‘"
CLOSING_MARKS = "\"'”’"
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]
DATE_VALUE = re.compile(
    r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{4}-W\d{2}|\d{4}-(SP|SU|FA|WI)|\d{3}|"
    r"FUTURE_REF|PAST_REF|PRESENT_REF|P(\d+|X)[YMWDH])$"
)
TIMELINE_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "li", "ul", "figure", "figcaption", "header",
    "footer", "nav", "aside", "article", "main", "title", "section",
}


class _VisibleText(HTMLParser):
    """Visible text of a page, one line per block, with the <article> part kept apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.all: list[str] = []
        self.article: list[str] = []
        self._in_article = 0
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "article":
            self._in_article += 1
        if tag in BLOCK_TAGS:
            self._emit("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if tag in BLOCK_TAGS:
            self._emit("\n")
        if tag == "article":
            self._in_article -= 1

    def handle_data(self, data):
        if not self._skip:
            self._emit(data)

    def _emit(self, s: str) -> None:
        self.all.append(s)
        if self._in_article:
            self.article.append(s)


def _lines(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def load_article(rel: str) -> dict:
    """Header fields, the article body (headline first) and all visible lines of a file."""
    path = DEMO / rel
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".txt":
        header, _, body = raw.partition("\n\n")
        fields = dict(line.split(": ", 1) for line in header.splitlines())
        return {"format": "text", "outlet": fields.get("Outlet"), "published": fields.get("Published"),
                "url": fields.get("URL"), "body": body, "all": raw}
    if path.suffix == ".json":
        rec = json.loads(raw)
        body = rec["title"] + "\n\n" + rec["text"]
        return {"format": "json", "outlet": rec.get("outlet"), "published": rec.get("published"),
                "url": rec.get("url"), "body": body, "all": body, "record": rec}
    if path.suffix == ".html":
        parser = _VisibleText()
        parser.feed(raw)
        meta = dict(re.findall(r'<meta property="([^"]+)" content="([^"]*)"', raw))
        published = meta.get("article:published_time")
        return {"format": "html", "outlet": meta.get("og:site_name"),
                "published": published[:10] if published else None,
                "url": meta.get("og:url"), "body": _lines("".join(parser.article)),
                "all": _lines("".join(parser.all)), "raw": raw}
    raise AssertionError(f"unexpected demo file {rel}")


GOLD = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
ARTICLES = GOLD["articles"]
STORIES = GOLD["stories"]
REL_PATHS = sorted(ARTICLES)


def _positions(body: str, needles: list[str], what: str, rel: str) -> list[int]:
    """Start offsets of needles found one after another in order; fails on the first miss."""
    at, starts = 0, []
    for needle in needles:
        i = body.find(needle, at)
        assert i >= 0, f"{rel}: {what} {needle!r} not found (in order) in the article text"
        starts.append(i)
        at = i + 1
    return starts


def _boilerplate_spans(body: str, lines: list[str]) -> list[tuple[int, int]]:
    spans = []
    for line in lines:
        for m in re.finditer(re.escape(line), body):
            spans.append((m.start(), m.end()))
    return spans


def test_every_demo_file_is_annotated_and_every_annotation_has_a_file():
    on_disk = sorted(
        str(p.relative_to(DEMO)) for p in DEMO.glob("*/*") if p.suffix in (".txt", ".html", ".json")
    )
    assert on_disk == REL_PATHS


@pytest.mark.parametrize("rel", REL_PATHS)
def test_metadata_matches_the_file(rel):
    gold, art = ARTICLES[rel], load_article(rel)
    assert gold["format"] == art["format"]
    assert gold["outlet"] == art["outlet"]
    assert gold["published"] == art["published"]
    assert gold["title"] == art["body"].split("\n", 1)[0]
    assert art["url"] and art["url"].startswith("https://") and ".example/" in art["url"]
    assert re.fullmatch(r"2025-\d{2}", gold["published_period"])
    if gold["published"]:
        assert gold["published"].startswith(gold["published_period"])


@pytest.mark.parametrize("rel", REL_PATHS)
def test_length_is_that_of_a_news_article(rel):
    words = len(load_article(rel)["body"].split())
    assert 250 <= words <= 600, f"{rel}: {words} words"


@pytest.mark.parametrize("rel", REL_PATHS)
def test_quotes_are_verbatim_between_marks_and_in_order(rel):
    gold, body = ARTICLES[rel], load_article(rel)["body"]
    quotes = gold["quotes"]
    assert quotes, rel
    starts = _positions(body, [q["text"] for q in quotes], "quote", rel)
    for q, start in zip(quotes, starts):
        end = start + len(q["text"])
        assert body[start - 1] in OPENING_MARKS, f"{rel}: no opening mark before {q['text']!r}"
        assert end < len(body) and body[end] in CLOSING_MARKS, f"{rel}: no closing mark after {q['text']!r}"
        assert q["speaker"] and len(q["speaker"].split()) >= 2, f"{rel}: speaker must be a full name"
        assert q["kind"] in ("direct", "partial", "headline")
        if q.get("speaker_mention"):
            assert q["speaker_mention"] in body, f"{rel}: mention {q['speaker_mention']!r} missing"
    headline = body.split("\n", 1)[0]
    for q, start in zip(quotes, starts):
        assert (q["kind"] == "headline") == (start < len(headline)), f"{rel}: headline kind of {q['text']!r}"


@pytest.mark.parametrize("rel", REL_PATHS)
def test_not_quotes_are_marked_titles_or_nicknames(rel):
    gold, body = ARTICLES[rel], load_article(rel)["body"]
    starts = _positions(body, gold["not_quotes"], "not-quote", rel)
    for text, start in zip(gold["not_quotes"], starts):
        end = start + len(text)
        assert body[start - 1] in OPENING_MARKS and body[end] in CLOSING_MARKS, f"{rel}: {text!r} unmarked"


@pytest.mark.parametrize("rel", REL_PATHS)
def test_no_annotation_sits_inside_boilerplate(rel):
    gold, body = ARTICLES[rel], load_article(rel)["body"]
    spans = _boilerplate_spans(body, gold["boilerplate"])
    for q in gold["quotes"]:
        for start in (m.start() for m in re.finditer(re.escape(q["text"]), body)):
            assert not any(a <= start < b for a, b in spans), f"{rel}: quote inside boilerplate"


@pytest.mark.parametrize("rel", REL_PATHS)
def test_boilerplate_lines_exist(rel):
    gold, art = ARTICLES[rel], load_article(rel)
    lines = art["all"].splitlines()
    for item in gold["boilerplate"]:
        if item == "Share This Article":
            assert any(line.endswith(item) and line != item for line in lines), f"{rel}: not glued"
        else:
            assert item in lines, f"{rel}: boilerplate {item!r} is not a whole line"


def _check_date(expr: str, value: str, rel: str) -> None:
    assert DATE_VALUE.match(value), f"{rel}: bad TIMEX value {value!r} for {expr!r}"
    weekday = next((w for w in WEEKDAYS if w in expr), None)
    month = next((i + 1 for i, m in enumerate(MONTHS) if m in expr), None)
    day = re.search(r"\b(\d{1,2})\b(?!\d)", re.sub(r"\d{4}", "", expr))
    year = re.search(r"\b(\d{4})\b", expr)
    if weekday or (month and day):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), f"{rel}: {expr!r} needs a day value"
        d = date.fromisoformat(value)
        if weekday:
            assert d.strftime("%A") == weekday, f"{rel}: {value} is not a {weekday}"
        if month:
            assert d.month == month, f"{rel}: {expr!r} vs {value}"
        if day and month:
            assert d.day == int(day.group(1)), f"{rel}: {expr!r} vs {value}"
    elif month:
        assert value[5:7] == f"{month:02d}", f"{rel}: {expr!r} vs {value}"
    if year and value[:1].isdigit() and len(value) >= 4 and "year-old" not in expr:
        assert value.startswith(year.group(1)), f"{rel}: {expr!r} vs {value}"


@pytest.mark.parametrize("rel", REL_PATHS)
def test_dates_exist_in_order_and_fit_the_calendar(rel):
    gold, body = ARTICLES[rel], load_article(rel)["body"]
    _positions(body, [d["expression"] for d in gold["dates"]], "date", rel)
    for d in gold["dates"]:
        _check_date(d["expression"], d["value"], rel)
    # a weekday named with its date must be right in the true year of publication
    year = int(gold["published_period"][:4])
    for wd, month, day in re.findall(
        rf"({'|'.join(WEEKDAYS)}), ({'|'.join(MONTHS)}) (\d{{1,2}})\b", body
    ):
        d = date(year, MONTHS.index(month) + 1, int(day))
        assert d.strftime("%A") == wd, f"{rel}: {wd}, {month} {day} is not a {wd} in {year}"


@pytest.mark.parametrize("slug", sorted(STORIES))
def test_story_has_three_outlets_and_all_three_readers_are_used(slug):
    story = STORIES[slug]
    rels = story["articles"]
    assert all(r.startswith(slug + "/") for r in rels)
    assert len({ARTICLES[r]["outlet"] for r in rels}) >= 3
    assert sum(ARTICLES[r]["published"] is None for r in rels) == 1, "one article must infer its date"
    formats = {ARTICLES[r]["format"] for a in STORIES.values() for r in a["articles"]}
    assert {"text", "html", "json"} <= formats


def test_each_article_belongs_to_exactly_one_story():
    listed = [r for s in STORIES.values() for r in s["articles"]]
    assert sorted(listed) == REL_PATHS


@pytest.mark.parametrize("slug", sorted(STORIES))
def test_story_has_exactly_one_conflict_with_real_versions(slug):
    conflict = STORIES[slug]["conflict"]
    assert isinstance(conflict, dict), "exactly one planted conflict per story"
    assert conflict["kind"] in ("date", "number", "name", "claim")
    versions = conflict["versions"]
    assert len(versions) >= 2 and len(set(versions.values())) >= 2
    for rel, value in versions.items():
        assert value in load_article(rel)["body"], f"{rel}: conflict value {value!r} missing"


@pytest.mark.parametrize("slug", sorted(STORIES))
def test_quote_variants_point_at_gold_quotes(slug):
    story = STORIES[slug]
    kinds_seen = set()
    for group in story["quote_variants"]:
        assert len(group["versions"]) >= 2
        for rel, text in group["versions"].items():
            assert rel in story["articles"]
            matches = [q for q in ARTICLES[rel]["quotes"] if q["text"] == text]
            assert matches, f"{rel}: variant {text!r} is not a gold quote"
            assert all(q["speaker"] == group["speaker"] for q in matches)
        kinds_seen |= set(group["kinds"])
    assert {"censored", "truncated", "extended", "altered"} <= kinds_seen


@pytest.mark.parametrize("slug", sorted(STORIES))
def test_timeline_and_facts_are_grounded(slug):
    story = STORIES[slug]
    dates = [e["date"] for e in story["timeline"]]
    assert all(TIMELINE_DATE.match(d) for d in dates)
    assert dates == sorted(dates)
    for fact in story["shared_facts"]:
        assert set(fact["evidence"]) == set(story["articles"])
        for rel, text in fact["evidence"].items():
            assert text in load_article(rel)["body"], f"{rel}: shared fact {text!r} missing"
    for fact in story["unique_facts"]:
        assert fact["text"] in load_article(fact["article"])["body"]


def _shingles(text: str, n: int = 6) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not available")
@pytest.mark.parametrize("rel", REL_PATHS)
def test_no_seed_text_was_copied(rel):
    seeds = set().union(*(_shingles(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")))
    copied = _shingles(load_article(rel)["all"]) & seeds
    assert not copied, f"{rel} shares word runs with the seeds: {sorted(copied)[:3]}"
