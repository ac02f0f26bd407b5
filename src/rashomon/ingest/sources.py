"""Any source to read -> a stream of (articles, problems), whatever kind it is.

:func:`iter_source` picks the reader by what the source is: an http(s) URL (a page or a
feed, :mod:`.feeds`); a .warc or .warc.gz crawl file (:mod:`.warc`, streamed in
batches); an RSS/Atom feed file (.rss, .atom, .xml); a text file that lists URLs, one a
line (:func:`.feeds.is_url_list`); a folder (walked recursively, sorted, hidden entries
skipped; each file by these rules); a JSON Lines file streamed (:func:`.records.iter_jsonl`);
any other file through :func:`read_file` (text, HTML, JSON records). A large source gives several pairs, so that a crawl is never
all in memory. Nothing raises for a bad source: it becomes a Problem and the stream
goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import EmptyInput, InputError, InputNotFound, UnsupportedInput
from ..model import Article, Problem
from .common import problem_from
from .feeds import FEED_SUFFIXES, is_http_url, is_url_list, read_feed_file, read_url, read_url_list
from .fetch import DEFAULT_OPTIONS, FetchOptions
from .readers import SUPPORTED_SUFFIXES, read_file
from .records import JSONL_SUFFIXES, iter_jsonl
from .warc import WARC_SUFFIXES, read_warc

Batch = tuple[list[Article], list[Problem]]

# a folder's files read as feeds (.xml is read as a feed only when named: too many
# other things are XML)
FOLDER_FEED_SUFFIXES = (".rss", ".atom")
# the suffixes of a file that may be a list of URLs rather than an article
URL_LIST_SUFFIXES = (".txt", ".urls", ".list", ".lst", "")


def _name_ends(path: Path, suffixes: tuple[str, ...]) -> bool:
    return path.name.lower().endswith(suffixes)


def folder_files(directory: Path) -> list[Path]:
    """The files under ``directory`` a reader takes, recursively, sorted; hidden ones
    skipped."""
    files = []
    for path in directory.rglob("*"):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if (path.suffix.lower() in SUPPORTED_SUFFIXES
                or _name_ends(path, WARC_SUFFIXES + FOLDER_FEED_SUFFIXES)):
            files.append(path)
    return sorted(files)


def iter_source(source: str | Path, fetch: FetchOptions = DEFAULT_OPTIONS) -> Iterator[Batch]:
    """The articles of one source and the problems met, a batch at a time."""
    text = str(source)
    if is_http_url(text):
        yield read_url(text, fetch)
        return
    path = Path(source)
    try:
        is_folder, exists = path.is_dir(), path.exists()
    except OSError as exc:  # a name too long, a folder one may not open
        yield [], [problem_from(UnsupportedInput(
            f"cannot read it: {exc.strerror or exc}", hint="check the path and its permissions"), text)]
        return
    if is_folder:
        files = folder_files(path)
        if not files:
            yield [], [problem_from(EmptyInput(
                "directory holds no .txt, .md, .html, .json, .jsonl, .warc or feed files",
                hint="check the path"), text)]
        for file in files:
            yield from _iter_file(file, fetch)
    elif not exists:
        hint = ("a URL needs its scheme, http:// or https://" if text.startswith("www.")
                else "check the path")
        yield [], [problem_from(InputNotFound("no such file or directory", hint=hint), text)]
    else:
        yield from _iter_file(path, fetch)


def _iter_file(path: Path, fetch: FetchOptions) -> Iterator[Batch]:
    if _name_ends(path, WARC_SUFFIXES):
        yield from read_warc(path)
    elif _name_ends(path, FEED_SUFFIXES):
        yield from read_feed_file(path, fetch)
    elif path.suffix.lower() in URL_LIST_SUFFIXES and is_url_list(path):
        yield from read_url_list(path, fetch)
    elif path.suffix.lower() in JSONL_SUFFIXES:
        try:
            yield from iter_jsonl(path)
        except InputError as error:
            yield [], [problem_from(error, str(path))]
    else:
        yield read_file(path)
