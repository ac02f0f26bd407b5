"""Engines: the local engine's story analyses cached in the store, and the Ray engine
(a local Ray instance started here) making the same stories and the same reports."""

from __future__ import annotations

import json
import socket
import sqlite3
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.corpus import analyse_stories, ingest, stories_json, story_report
from rashomon.engine import LocalEngine, StoryJob, read_units
from rashomon.errors import EngineNotAvailable, StoryNotFound
from rashomon.ingest.fetch import DEFAULT_OPTIONS
from rashomon.store import Store

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "facts"
# a few labelled stories (wire copies among them) and the demo: enough to group and merge
FOLDERS = [GOLD / name for name in ("brisk-dam-flood", "corrow-stadium-vote", "eastmoor-festival-cancelled")]
DEMO = ROOT / "src" / "rashomon" / "demo"

LOCKSMITH = [
    {"id": "lock-a", "outlet": "Tarn Weekly", "published": "2025-06-02",
     "title": "Tarn locksmith honoured for flood rescue",
     "text": "Tarn locksmith honoured for flood rescue\nLocksmith Ida Penhale opened six "
             "flooded cellars on Mill Lane in Tarn on Sunday. \"I only did my job,\" Penhale "
             "said. The mayor, Rolf Anker, gave her the town medal."},
    {"id": "lock-b", "outlet": "Anker Valley News", "published": "2025-06-03",
     "title": "Medal for Mill Lane locksmith",
     "text": "Medal for Mill Lane locksmith\nIda Penhale, a locksmith, freed families trapped "
             "in six cellars on Mill Lane when the Tarn flooded. \"I just did my job,\" she "
             "said as Mayor Rolf Anker handed her the medal on Tuesday."},
]


def _records(path: Path) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in LOCKSMITH), encoding="utf-8")
    return path


def _sources(tmp_path: Path) -> list[str]:
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    return [str(f) for f in FOLDERS] + [str(DEMO), str(_records(tmp_path / "lock.jsonl")), str(bad)]


def _cached(db: Path) -> dict[tuple[int, str], str]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT story, format, report FROM analyses").fetchall()
    return {(story, fmt.split()[0]): report for story, fmt, report in rows}


def _copies(db: Path) -> list[tuple[str, str | None]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT a.key, o.key FROM articles a LEFT JOIN articles o ON a.copy_of = o.id ORDER BY a.key"
        ).fetchall()


def test_read_units_mark_the_last_batch_of_a_source(tmp_path: Path) -> None:
    units = list(read_units(str(_records(tmp_path / "lock.jsonl")), DEFAULT_OPTIONS, signed=True))
    assert [u.source_done for u in units] == [True]
    assert [a.id for a in units[0].articles] == ["lock-a", "lock-b"]
    assert units[0].signed is not None and len(units[0].signed) == 2
    missing = list(read_units(str(tmp_path / "nowhere.txt"), DEFAULT_OPTIONS))
    assert missing[-1].source_done and not missing[-1].articles
    assert missing[-1].problems[0].code == "R101"


@pytest.mark.slow
def test_analyse_stories_caches_every_format_once(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    with Store(db) as store:
        ingest(store, [str(_records(tmp_path / "lock.jsonl"))])
        engine = LocalEngine()
        first = analyse_stories(store, formats=("text", "json"), engine=engine)
        assert (first.stories, first.analysed, first.cached, first.articles) == (1, 1, 0, 2)
        story = store.stories()[0].id
        cached = _cached(db)
        assert set(cached) == {(story, "text"), (story, "json")}
        report = json.loads(cached[(story, "json")])
        assert set(report["stories"][0]["articles"]) == {"lock-a", "lock-b"}
        # show serves the cache (the same text as a fresh analysis)
        assert story_report(store, story, "text", nlp=engine._pipeline(None))[0] == cached[(story, "text")]
        again = analyse_stories(store, formats=("text", "json"), engine=engine)
        assert (again.analysed, again.cached) == (0, 1)
        with pytest.raises(StoryNotFound):
            analyse_stories(store, [story + 99], engine=engine)


@pytest.mark.slow
def test_ingest_analyze_option_caches_the_stories_it_touched(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    result = CliRunner().invoke(app, ["ingest", str(_records(tmp_path / "lock.jsonl")), "--db", str(db),
                                      "--analyze", "-q"])
    assert result.exit_code == 0, result.output
    assert "1 stories: 1 analysed (2 articles), 0 already cached" in result.output
    assert {fmt for _, fmt in _cached(db)} == {"text", "json"}
    result = CliRunner().invoke(app, ["analyze-stories", "--db", str(db), "-q"])
    assert result.exit_code == 0 and "0 analysed" in result.output and "1 already cached" in result.output


def test_local_engine_warns_about_ray_options(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", str(_records(tmp_path / "lock.jsonl")),
                                      "--db", str(tmp_path / "r.db"), "--workers", "2", "-q"])
    assert result.exit_code == 0
    assert "--address and --workers are for --engine ray" in result.output


def test_an_address_nothing_listens_at_fails_at_once(tmp_path: Path) -> None:
    from rashomon.distributed import _check_reachable

    with socket.socket() as probe:  # a free port: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.monotonic()
    with pytest.raises(EngineNotAvailable) as caught:
        _check_reachable(f"127.0.0.1:{port}")
    assert time.monotonic() - started < 10
    assert caught.value.code == "R700" and "ray start --head" in caught.value.hint
    _check_reachable("auto")  # (left to Ray)


# ---- the Ray engine, on a local Ray instance -------------------------------------------

@pytest.fixture(scope="module")
def ray_engine():
    pytest.importorskip("ray")
    from rashomon.distributed import RayEngine

    engine = RayEngine(workers=2)
    yield engine
    engine.close()


@pytest.mark.slow
def test_ray_engine_makes_the_stories_and_reports_of_the_local_engine(tmp_path: Path, ray_engine) -> None:
    sources = _sources(tmp_path)
    summaries, listings = [], []
    for name, engine in (("local", LocalEngine()), ("ray", ray_engine)):
        with Store(tmp_path / f"{name}.db") as store:
            summaries.append(ingest(store, sources, engine=engine))
            listings.append(stories_json(store.stories()))
            wanted = [row.id for row in store.stories()][:4]
            analysed = analyse_stories(store, wanted, formats=("json",), engine=engine)
            assert analysed.analysed == 4 and not analysed.problems
    local, ray = summaries
    assert local.line() == ray.line() and local.added > 15 and local.copies >= 1
    assert [p.line() for p in local.problems] == [p.line() for p in ray.problems]
    assert any(p.code == "R105" and "broken.json" in p.source for p in ray.problems)
    assert listings[0] == listings[1] and len(listings[0]["stories"]) >= 5
    assert _copies(tmp_path / "local.db") == _copies(tmp_path / "ray.db")
    local_reports, ray_reports = _cached(tmp_path / "local.db"), _cached(tmp_path / "ray.db")
    assert len(local_reports) == 4 and local_reports == ray_reports


@pytest.mark.slow
def test_ray_engine_analyses_each_story_in_order(ray_engine, tmp_path: Path) -> None:
    from rashomon.ingest import read_inputs

    articles, _ = read_inputs([str(_records(tmp_path / "lock.jsonl")), str(DEMO)])
    jobs = [StoryJob(k, [a]) for k, a in enumerate(articles)]
    results = list(ray_engine.analyse(jobs, ["json", "markdown"], None))
    assert [r.story for r in results] == list(range(len(articles)))
    for job, result in zip(jobs, results):
        assert set(result.rendered) == {"json", "markdown"}
        assert json.loads(result.rendered["json"])["stories"][0]["articles"] == [job.articles[0].id]
    assert ray_engine.model_name(None) == LocalEngine().model_name(None)


@pytest.mark.slow
def test_ingest_command_on_the_ray_engine(ray_engine, tmp_path: Path) -> None:
    # (Ray is running already: the command joins it and leaves it running)
    db = tmp_path / "r.db"
    result = CliRunner().invoke(app, ["ingest", str(_records(tmp_path / "lock.jsonl")), "--db", str(db),
                                      "--engine", "ray", "--analyze", "-q"])
    assert result.exit_code == 0, result.output
    assert "read 2 articles: 2 added" in result.output
    assert "1 stories: 1 analysed (2 articles)" in result.output
    assert {fmt for _, fmt in _cached(db)} == {"text", "json"}
    import ray

    assert ray.is_initialized()
