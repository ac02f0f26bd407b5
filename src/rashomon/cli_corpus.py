"""The store's commands: ``ingest``, ``analyze-stories``, ``stories``, ``show``.

Thin wrappers over :mod:`rashomon.corpus`: a store error (a busy store, a broken file,
no such story) is one line and exit code 2; problems with inputs are one line each and
exit code 1 when some inputs were used.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console

from .cli import (
    EXIT_NOTHING,
    EXIT_OK,
    EXIT_PARTIAL,
    AllowPrivateOption,
    Format,
    FormatOption,
    ModelOption,
    OutputOption,
    TimeoutOption,
    _progress,
    _say,
    _unwritable,
    _write_report,
    app,
    fetch_options,
)
from .errors import RashomonError

if TYPE_CHECKING:
    from .engine import Engine
    from .ingest.fetch import FetchOptions

DbOption = Annotated[
    Path, typer.Option("--db", help="The store: an SQLite file (created when missing).")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]


class ListFormat(str, Enum):
    text = "text"
    json = "json"


class EngineName(str, Enum):
    local = "local"
    ray = "ray"


EngineOption = Annotated[EngineName, typer.Option(
    "--engine", help="Where reading and analysis run: here (local) or on a Ray cluster (ray).")]
AddressOption = Annotated[Optional[str], typer.Option(
    "--address", help="--engine ray: a running cluster (auto, or ray://head:10001); "
    "default: start Ray on this machine.")]
WorkersOption = Annotated[Optional[int], typer.Option(
    "--workers", min=1, help="--engine ray: parallel workers (default: every CPU of the cluster).")]
# the formats `ingest --analyze` and `analyze-stories` cache (show's default and the contract)
CACHED_FORMATS = ("text", "json")


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(
        help="Article files, folders, glob patterns (quote them), URLs, files listing URLs, "
        "RSS/Atom feeds, WARC crawl files.")],
    db: DbOption = Path("rashomon.db"),
    engine: EngineOption = EngineName.local,
    address: AddressOption = None,
    workers: WorkersOption = None,
    analyze: Annotated[bool, typer.Option(
        "--analyze", help="Also analyse the stories this run made or grew, so that `show` is instant.")] = False,
    model: ModelOption = None,
    allow_private: AllowPrivateOption = False,
    timeout: TimeoutOption = 20.0,
    quiet: QuietOption = False,
) -> None:
    """Read articles into the store and group them into stories (new articles join or
    merge the stories already there)."""
    raise typer.Exit(run_ingest(sources, db, quiet, engine=engine, address=address,
                                workers=workers, analyze=analyze, model=model,
                                fetch=fetch_options(allow_private, timeout)))


def run_ingest(
    sources: list[str], db: Path, quiet: bool, *, engine: EngineName = EngineName.local,
    address: str | None = None, workers: int | None = None, analyze: bool = False,
    model: str | None = None, fetch: FetchOptions | None = None,
) -> int:
    from .corpus import analyse_stories
    from .corpus import ingest as ingest_sources
    from .ingest.fetch import DEFAULT_OPTIONS
    from .store import Store

    err = Console(stderr=True, highlight=False)
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    # (a store error stops the run; the batches before it are stored)
    with _store_errors(db), _engine(engine, address, workers) as runner, Store(db) as store:
        with _progress(err, quiet, "reading") as progress:
            summary = ingest_sources(store, sources, progress=progress, engine=runner,
                                     fetch=fetch or DEFAULT_OPTIONS)
        for problem in summary.problems:
            _say(problem.line())
        _say(f"{db}: {summary.line()}")
        analysed = None
        if analyze and summary.touched:
            with _progress(err, quiet) as progress:
                analysed = analyse_stories(store, sorted(summary.touched), CACHED_FORMATS,
                                           engine=runner, model=model, progress=progress)
            for problem in analysed.problems:
                _say(problem.line())
            _say(f"{db}: {analysed.line()}")
    if summary.read == 0 and summary.problems:
        return EXIT_NOTHING
    failed = any(p.fatal for p in summary.problems) or bool(analysed and analysed.problems)
    return EXIT_PARTIAL if failed else EXIT_OK


@app.command("analyze-stories")
def analyze_stories(
    stories: Annotated[Optional[list[int]], typer.Argument(
        help="Story ids from `rashomon stories` (default: every story).")] = None,
    db: DbOption = Path("rashomon.db"),
    engine: EngineOption = EngineName.local,
    address: AddressOption = None,
    workers: WorkersOption = None,
    model: ModelOption = None,
    quiet: QuietOption = False,
) -> None:
    """Analyse stored stories and cache their reports (text and JSON), the ones cached
    already skipped, so that `show` is instant."""
    from .corpus import analyse_stories
    from .store import Store

    err = Console(stderr=True, highlight=False)
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    with _store_errors(db), _engine(engine, address, workers) as runner, \
            Store(db, create=False) as store, _progress(err, quiet) as progress:
        summary = analyse_stories(store, stories or None, CACHED_FORMATS, engine=runner,
                                  model=model, progress=progress)
    for problem in summary.problems:
        _say(problem.line())
    _say(f"{db}: {summary.line()}")
    raise typer.Exit(EXIT_PARTIAL if summary.problems else EXIT_OK)


@contextmanager
def _engine(name: EngineName, address: str | None, workers: int | None) -> Iterator[Engine]:
    """The engine asked for, closed (a Ray instance it started stopped) at the end."""
    from .engine import LocalEngine

    if name is EngineName.local:
        if address is not None or workers is not None:
            _say("warning: --address and --workers are for --engine ray; running locally")
        yield LocalEngine()
        return
    from .distributed import RayEngine

    with RayEngine(address=address, workers=workers) as runner:
        yield runner


@app.command()
def stories(
    db: DbOption = Path("rashomon.db"),
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="List format.")] = ListFormat.text,
) -> None:
    """List the stories of the store, the latest first."""
    import json

    from .corpus import stories_json
    from .store import Store

    with _store_errors(db), Store(db, create=False) as store:
        rows = store.stories()
    if format is ListFormat.json:
        sys.stdout.write(json.dumps(stories_json(rows), ensure_ascii=False, indent=2) + "\n")
        return
    for row in rows:
        days = " – ".join(dict.fromkeys(d for d in (row.first_published, row.last_published) if d))
        sys.stdout.write(f"{row.id:>6}  {len(row.articles):>4} articles  {days or 'undated':<23}  {row.title or ''}\n")


@app.command()
def show(
    story: Annotated[int, typer.Argument(help="A story id from `rashomon stories`.")],
    db: DbOption = Path("rashomon.db"),
    format: FormatOption = Format.text,
    output: OutputOption = None,
    model: ModelOption = None,
) -> None:
    """Print the report of one story of the store (analysed once, then cached until the
    story changes)."""
    from .corpus import story_report
    from .nlp import NLP
    from .store import Store

    if output is not None and (problem := _unwritable(output)):
        _say(problem)
        raise typer.Exit(EXIT_NOTHING)
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    with _store_errors(db), Store(db, create=False) as store:
        rendered, problems = story_report(store, story, format.value, nlp=NLP(model))
    for problem in problems:
        _say(problem.line())
    if not _write_report(rendered, output, format):
        raise typer.Exit(EXIT_NOTHING)
    raise typer.Exit(EXIT_PARTIAL if problems else EXIT_OK)


@contextmanager
def _store_errors(db: Path) -> Iterator[None]:
    """A rashomon or SQLite error of a store command as one line, and exit code 2."""
    import sqlite3

    from .store import store_error

    try:
        yield
    except RashomonError as exc:
        _say(exc.line())
        raise typer.Exit(EXIT_NOTHING) from None
    except sqlite3.Error as exc:
        _say(store_error(exc, db).line())
        raise typer.Exit(EXIT_NOTHING) from None
