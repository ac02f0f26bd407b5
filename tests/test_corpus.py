"""The corpus store: ingest, idempotency, revisions, incremental story grouping, the
`ingest` / `stories` / `show` commands. Articles are written here, fictional."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.corpus import ingest, story_report
from rashomon.errors import StoreError, StoryNotFound
from rashomon.store import SCHEMA_VERSION, Store

FERRY = [
    ("ferry-wire", "Gull Line", "2025-03-03",
     "Gull Line ferry runs aground off Larkspur breakwater",
     "The Gull Line ferry Osprey ran aground off the Larkspur breakwater on Monday night with "
     "212 passengers on board. Skipper Carl Brandt said thick fog hid the harbour lights. "
     "Coastguard crews from Pellham towed the Osprey free at dawn and nobody was hurt."),
    ("ferry-post", "Larkspur Post", "2025-03-04",
     "Osprey freed after night on Larkspur rocks",
     "Passengers spent a cold night aboard the Osprey after the Gull Line ferry struck rocks "
     "near the Larkspur breakwater. Carl Brandt, the skipper, blamed fog. Pellham coastguard "
     "crews freed the ferry on Tuesday morning."),
    ("ferry-echo", "Harbour Echo", "2025-03-05",
     "Inquiry into Osprey grounding at Larkspur",
     "Marine investigators opened an inquiry into the grounding of the Gull Line ferry Osprey "
     "at the Larkspur breakwater. Skipper Carl Brandt has been stood down while the fog "
     "warnings and the harbour lights are examined."),
]
BAKERY = [
    ("bread-gazette", "Pellham Gazette", "2025-03-04",
     "Pellham bakery wins county rye prize",
     "The Millstone bakery on Quay Street in Pellham won the county rye bread prize on "
     "Saturday. Owner Hanna Voss said the sourdough starter came from her grandmother."),
    ("bread-courier", "County Courier", "2025-03-05",
     "Millstone rye takes the county crown",
     "Hanna Voss of the Millstone bakery in Pellham took the county rye bread prize, the "
     "judges said, praising her grandmother's sourdough starter and the Quay Street oven."),
]


def records(path: Path, items, *, url_base: str = "https://news.example/") -> Path:
    rows = [{"id": key, "outlet": outlet, "published": day, "title": title, "text": f"{title}\n{body}",
             "url": url_base + key} for key, outlet, day, title, body in items]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return path


def stories_of(store: Store) -> list[set[str]]:
    return sorted((set(s.articles) for s in store.stories()), key=lambda s: sorted(s))


def test_ingest_groups_articles_into_stories(tmp_path: Path) -> None:
    with Store(tmp_path / "r.db") as store:
        summary = ingest(store, [str(records(tmp_path / "a.jsonl", FERRY + BAKERY))])
        assert (summary.read, summary.added, summary.stories_new) == (5, 5, 2)
        assert stories_of(store) == [{"bread-courier", "bread-gazette"},
                                     {"ferry-echo", "ferry-post", "ferry-wire"}]
        ferry = next(s for s in store.stories() if "ferry-wire" in s.articles)
        assert ferry.title == "Gull Line ferry runs aground off Larkspur breakwater"
        assert (ferry.first_published, ferry.last_published) == ("2025-03-03", "2025-03-05")


def test_the_same_article_ingested_twice_is_stored_once(tmp_path: Path) -> None:
    source = str(records(tmp_path / "a.jsonl", FERRY))
    with Store(tmp_path / "r.db") as store:
        ingest(store, [source])
        again = ingest(store, [source, source])
        assert (again.added, again.already_stored) == (0, 6)
        assert store.article_count() == 3


def test_a_changed_text_of_a_stored_url_is_a_revision(tmp_path: Path) -> None:
    key, outlet, day, title, body = FERRY[0]
    changed = [(key, outlet, day, title, body + " The Osprey returns to service on Friday.")]
    with Store(tmp_path / "r.db") as store:
        ingest(store, [str(records(tmp_path / "a.jsonl", FERRY))])
        summary = ingest(store, [str(records(tmp_path / "b.jsonl", changed))])
        assert (summary.added, summary.revisions) == (1, 1)
        first = store.article("ferry-wire")
        revision = store.article("ferry-wire-2")
        assert first is not None and revision is not None
        assert revision.revision_of == first.row and revision.story == first.story


def test_versions_of_one_url_in_one_batch_are_chained(tmp_path: Path) -> None:
    key, outlet, day, title, body = FERRY[0]
    versions = [(key, outlet, day, title, body),
                (key, outlet, day, title, body + " The Osprey returns to service on Friday."),
                (key, outlet, day, title, body + " The Osprey returns to service on Saturday.")]
    with Store(tmp_path / "r.db") as store:
        summary = ingest(store, [str(records(tmp_path / "a.jsonl", versions))])
        assert (summary.added, summary.revisions) == (3, 2)
        first, second, third = (store.article(k) for k in ("ferry-wire", "ferry-wire-2", "ferry-wire-3"))
        assert first is not None and second is not None and third is not None
        assert (first.revision_of, second.revision_of, third.revision_of) == (None, first.row, second.row)


def test_new_articles_join_stored_stories_without_regrouping(tmp_path: Path) -> None:
    with Store(tmp_path / "r.db") as store:
        ingest(store, [str(records(tmp_path / "a.jsonl", FERRY[:2]))])
        (story,) = store.stories()
        summary = ingest(store, [str(records(tmp_path / "b.jsonl", FERRY[2:] + BAKERY))])
        assert (summary.stories_grown, summary.stories_new) == (1, 1)
        ferry = store.story(story.id)
        assert ferry is not None and set(ferry.articles) == {"ferry-wire", "ferry-post", "ferry-echo"}


def test_a_new_article_close_to_two_stored_stories_merges_them() -> None:
    from rashomon.corpus_index import CorpusIndex, group_batch, sign

    index = CorpusIndex()
    day = date(2025, 3, 4)
    a, b, c = sign([FERRY[0][4], FERRY[1][4], FERRY[0][4] + " " + FERRY[1][4]])
    index.add(1, a, day, 10)  # stored as two stories (grouped before they met)
    index.add(2, b, day, 20)
    grouping = group_batch(index, [3], [c], [day], new_story=lambda: 99)
    assert grouping.merged == {20: 10} and grouping.story_of == {3: 10}
    assert index.story_of == {1: 10, 2: 10, 3: 10}


def test_a_near_copy_is_marked(tmp_path: Path) -> None:
    key, outlet, day, title, body = FERRY[0]
    copy = ("ferry-reprint", "Coast Times", day, "Ferry aground at Larkspur",
            body.replace("Monday night", "Monday evening"))
    with Store(tmp_path / "r.db") as store:
        summary = ingest(store, [str(records(tmp_path / "a.jsonl", [FERRY[0], copy]))])
        assert summary.copies == 1
        original, reprint = store.article("ferry-wire"), store.article("ferry-reprint")
        assert original is not None and reprint is not None
        assert reprint.copy_of == original.row and reprint.story == original.story


def test_articles_far_apart_in_time_are_two_stories(tmp_path: Path) -> None:
    key, outlet, _, title, body = FERRY[1]
    later = [(key, outlet, "2025-06-20", title, body)]
    with Store(tmp_path / "r.db") as store:
        ingest(store, [str(records(tmp_path / "a.jsonl", FERRY[:1]))])
        ingest(store, [str(records(tmp_path / "b.jsonl", later, url_base="https://other.example/"))])
        assert len(store.stories()) == 2


def test_a_failed_batch_leaves_nothing_half_written(tmp_path: Path, monkeypatch) -> None:
    with Store(tmp_path / "r.db") as store:
        ingest(store, [str(records(tmp_path / "a.jsonl", BAKERY))])

        def explode(*args, **kwargs):
            raise RuntimeError("disk full")

        monkeypatch.setattr("rashomon.store._refresh_story", explode)
        with pytest.raises(RuntimeError):
            ingest(store, [str(records(tmp_path / "b.jsonl", FERRY))])
        monkeypatch.undo()
        assert store.article_count() == 2  # the failed batch is absent, not half there
        summary = ingest(store, [str(records(tmp_path / "b.jsonl", FERRY))])
        assert summary.added == 3 and store.article_count() == 5


def test_store_schema_and_errors(tmp_path: Path) -> None:
    with Store(tmp_path / "r.db") as store:
        assert store.schema_version() == SCHEMA_VERSION
    newer = sqlite3.connect(tmp_path / "r.db")
    newer.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    newer.close()
    with pytest.raises(StoreError, match="newer"):
        Store(tmp_path / "r.db")
    (tmp_path / "notes.db").write_text("not a database at all, just some notes\n" * 40)
    with pytest.raises(StoreError):
        Store(tmp_path / "notes.db")


def test_story_report_is_cached_until_the_story_changes(tmp_path: Path, nlp, monkeypatch) -> None:
    with Store(tmp_path / "r.db") as store:
        ingest(store, [str(records(tmp_path / "a.jsonl", FERRY[:2]))])
        (story,) = store.stories()
        first, problems = story_report(store, story.id, "json", nlp=nlp)
        assert problems == [] and json.loads(first)["stories"][0]["articles"] == ["ferry-wire", "ferry-post"]

        def no_analysis(*args, **kwargs):
            raise AssertionError("analysed again")

        monkeypatch.setattr("rashomon.pipeline.analyze_articles", no_analysis)
        assert story_report(store, story.id, "json", nlp=nlp) == (first, [])  # from the cache
        monkeypatch.undo()
        ingest(store, [str(records(tmp_path / "b.jsonl", FERRY[2:]))])
        grown, _ = story_report(store, story.id, "json", nlp=nlp)
        assert json.loads(grown)["stories"][0]["articles"] == ["ferry-wire", "ferry-post", "ferry-echo"]
        with pytest.raises(StoryNotFound):
            story_report(store, 999, "json", nlp=nlp)


def test_a_third_version_of_an_article_gets_its_own_key(tmp_path: Path) -> None:
    key, outlet, day, title, body = FERRY[0]
    with Store(tmp_path / "r.db") as store:
        for n, extra in enumerate(["", " Update one.", " Update two."]):
            ingest(store, [str(records(tmp_path / f"{n}.jsonl", [(key, outlet, day, title, body + extra)]))])
        keys = [store.article(k) for k in ("ferry-wire", "ferry-wire-2", "ferry-wire-3")]
        assert all(keys) and keys[2].revision_of == keys[1].row and keys[1].revision_of == keys[0].row


def test_a_revision_stands_for_its_earlier_version_in_the_report(tmp_path: Path, nlp) -> None:
    key, outlet, day, title, body = FERRY[0]
    with Store(tmp_path / "r.db") as store:
        ingest(store, [str(records(tmp_path / "a.jsonl", FERRY[:2]))])
        ingest(store, [str(records(tmp_path / "b.jsonl", [(key, outlet, day, title, body + " Corrected.")]))])
        story = next(s for s in store.stories() if "ferry-wire-2" in s.articles)
        report, _ = story_report(store, story.id, "json", nlp=nlp)
        assert json.loads(report)["stories"][0]["articles"] == ["ferry-wire-2", "ferry-post"]


def test_month_dated_articles_group_the_same_in_one_run_or_two(tmp_path: Path) -> None:
    wire, post = FERRY[0], FERRY[1]
    month_wire = (wire[0], wire[1], "2025-03", wire[3], wire[4])
    with Store(tmp_path / "one.db") as one:
        ingest(one, [str(records(tmp_path / "a.jsonl", [month_wire, post]))])
        together = stories_of(one)
    with Store(tmp_path / "two.db") as two:
        ingest(two, [str(records(tmp_path / "b.jsonl", [month_wire]))])
        ingest(two, [str(records(tmp_path / "c.jsonl", [post]))])
        assert stories_of(two) == together


def test_stories_merged_in_the_store_keep_their_ids_and_drop_their_cache(tmp_path: Path, nlp) -> None:
    (k1, o1, _, t1, b1), (k2, o2, _, t2, b2), (k3, o3, _, t3, b3) = FERRY
    early = (k1, o1, "2025-03-01", t1, b1)
    late = ("ferry-late", o2, "2025-03-12", t2, b2)
    link = ("ferry-link", o3, "2025-03-06", t3, b3)  # within a week of both
    with Store(tmp_path / "r.db") as store:
        ingest(store, [str(records(tmp_path / "a.jsonl", [early]))])
        ingest(store, [str(records(tmp_path / "b.jsonl", [late], url_base="https://b.example/"))])
        before = {s.id: set(s.articles) for s in store.stories()}
        assert len(before) == 2  # eleven days apart: two stories
        later_id = next(i for i, a in before.items() if "ferry-late" in a)
        story_report(store, later_id, "json", nlp=nlp)  # cached, then merged away
        summary = ingest(store, [str(records(tmp_path / "c.jsonl", [link], url_base="https://c.example/"))])
        assert summary.stories_merged == 1
        (merged,) = store.stories()
        assert set(merged.articles) == {"ferry-wire", "ferry-late", "ferry-link"}
        assert merged.id == min(before) and store.story(later_id) is None
        rows = store.db.execute("SELECT COUNT(*) FROM analyses WHERE story = ?", (later_id,)).fetchone()
        assert rows == (0,)
        # a later story never takes the merged-away id
        ingest(store, [str(records(tmp_path / "d.jsonl", [BAKERY[0]]))])
        assert later_id not in {s.id for s in store.stories()}


def test_cli_ingest_stories_show(tmp_path: Path) -> None:
    runner = CliRunner()
    source = records(tmp_path / "a.jsonl", FERRY + BAKERY)
    db = tmp_path / "r.db"
    result = runner.invoke(app, ["ingest", str(source), str(tmp_path / "missing.txt"), "--db", str(db), "-q"])
    assert result.exit_code == 1  # one input could not be read: partial
    assert "missing.txt" in result.output and "5 added" in result.output
    listed = runner.invoke(app, ["stories", "--db", str(db), "--format", "json"])
    assert listed.exit_code == 0
    stories = json.loads(listed.stdout)["stories"]
    assert sorted(len(s["articles"]) for s in stories) == [2, 3]
    bakery = next(s for s in stories if "bread-gazette" in s["articles"])
    shown = runner.invoke(app, ["show", str(bakery["id"]), "--db", str(db), "--format", "json"])
    assert shown.exit_code == 0
    assert json.loads(shown.stdout)["stories"][0]["title"] == "Pellham bakery wins county rye prize"
    missing = runner.invoke(app, ["show", "999", "--db", str(db)])
    assert missing.exit_code == 2 and "[R601] no story 999" in missing.output
    none = runner.invoke(app, ["stories", "--db", str(tmp_path / "none.db")])
    assert none.exit_code == 2 and "[R600] no such store" in none.output
    (tmp_path / "empty.db").write_bytes(b"")
    empty = runner.invoke(app, ["stories", "--db", str(tmp_path / "empty.db")])
    assert empty.exit_code == 2 and "not a rashomon store" in empty.output
    text = runner.invoke(app, ["stories", "--db", str(db)])
    assert "Pellham bakery wins county rye prize" in text.stdout and "2 articles" in text.stdout


def test_a_second_writer_is_told_the_store_is_busy(tmp_path: Path) -> None:
    source = str(records(tmp_path / "a.jsonl", FERRY))
    with Store(tmp_path / "r.db") as first, Store(tmp_path / "r.db") as second:
        with first.writer():
            with pytest.raises(StoreError, match="busy"):
                ingest(second, [source])
        assert ingest(second, [source]).added == 3  # free again


def test_inputs_are_batched_together_and_known_ones_cost_no_index(tmp_path: Path, monkeypatch) -> None:
    files = []
    for n, item in enumerate(FERRY + BAKERY):
        files.append(str(records(tmp_path / f"{n}.jsonl", [item])))
    commits = []
    with Store(tmp_path / "r.db") as store:
        real = store.commit_batch
        monkeypatch.setattr(store, "commit_batch", lambda *a, **k: (commits.append(1), real(*a, **k)))
        summary = ingest(store, files)
        assert (summary.read, summary.added, len(commits)) == (5, 5, 1)  # five files, one batch

        def no_index(*args, **kwargs):
            raise AssertionError("index loaded")

        monkeypatch.setattr("rashomon.corpus.load_index", no_index)
        assert ingest(store, files).already_stored == 5


def test_a_source_that_exists_is_not_a_glob_pattern(tmp_path: Path, monkeypatch) -> None:
    from rashomon.corpus import expand_sources

    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes[draft].txt").write_text("Draft\nA draft.", encoding="utf-8")
    (tmp_path / "notesd.txt").write_text("Other\nAnother file.", encoding="utf-8")
    assert expand_sources(["notes[draft].txt"]) == ["notes[draft].txt"]
    assert expand_sources(["notes[d]*.txt"]) == ["notesd.txt"]


def test_an_undated_article_joins_one_story_and_merges_none(tmp_path: Path) -> None:
    # the Osprey grounding told again in autumn: a second story of the same words
    autumn = [
        ("osprey-oct-a", "Gull Line", "2025-10-06", "Osprey aground again at Larkspur",
         "Seven months on, the Osprey grounded once more near the Larkspur breakwater in fog. "
         "Carl Brandt was not the skipper this time; Pellham coastguard crews again towed "
         "the Gull Line ferry free, and the harbour lights are to be replaced."),
        ("osprey-oct-b", "Harbour Echo", "2025-10-07", "Second Osprey grounding at Larkspur",
         "Fog at the Larkspur breakwater caught the Gull Line ferry Osprey for the second "
         "time this year. Pellham coastguard crews refloated her; Carl Brandt, stood down "
         "in March, said the harbour lights had never been fixed."),
    ]
    undated = [("ferry-undated", "Coast Digest", None, "Osprey and the Larkspur breakwater",
                "The Gull Line ferry Osprey and skipper Carl Brandt at the Larkspur breakwater: "
                "fog, the harbour lights and the Pellham coastguard crews again.")]
    with Store(tmp_path / "r.db") as store:
        ingest(store, [str(records(tmp_path / "a.jsonl", FERRY + autumn))])
        before = stories_of(store)
        assert len(before) == 2
        ingest(store, [str(records(tmp_path / "b.jsonl", undated))])
        after = stories_of(store)
        assert len(after) == 2  # joined one, merged none
        assert sum("ferry-undated" in s for s in after) == 1
