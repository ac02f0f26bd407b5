"""The corpus store: SQLite (WAL), the embedded default.

Schema (version 1; :data:`MIGRATIONS` brings an older file up to date, one step per
version, each in a transaction):

- ``articles``: one row per distinct text. ``key`` is the article's id (unique in the
  store), ``content_hash`` the SHA-256 of its text (the same text ingested twice is one
  row), ``url`` where it came from, ``revision_of`` the earlier version when the same URL
  comes back with another text, ``copy_of`` the article it is a near-duplicate of (a
  syndicated copy), ``story`` its story.
- ``stories``: one row per story: a title (the headline of its first article) and its
  first and last publication days.
- ``signatures``: each article's story words and their MinHash signatures (story words
  and 5-word shingles), so that new articles are grouped against old ones without
  reading every text again.
- ``analyses``: the rendered report of a story in each format, cached with the keys of
  the articles it was made from; a story that gained an article is analysed again.

Every write is one transaction per batch (:meth:`Store.add_articles`): a run killed in
the middle leaves the batches before it whole and the rest absent.
"""

from __future__ import annotations

import fcntl
import hashlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .errors import StoreError
from .model import Article, PartialDate

SCHEMA_VERSION = 1

_SCHEMA_V1 = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    url TEXT,
    source TEXT NOT NULL,
    outlet TEXT,
    title TEXT,
    published TEXT,
    text TEXT NOT NULL,
    title_start INTEGER,
    title_end INTEGER,
    revision_of INTEGER REFERENCES articles(id),
    copy_of INTEGER REFERENCES articles(id),
    story INTEGER REFERENCES stories(id),
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_story ON articles(story);
CREATE TABLE stories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT,
    first_published TEXT,
    last_published TEXT
);
CREATE TABLE signatures (
    article INTEGER PRIMARY KEY REFERENCES articles(id),
    words TEXT NOT NULL,
    word_signature BLOB NOT NULL,
    shingle_signature BLOB NOT NULL
);
CREATE TABLE analyses (
    story INTEGER NOT NULL REFERENCES stories(id),
    format TEXT NOT NULL,
    article_keys TEXT NOT NULL,
    report TEXT NOT NULL,
    made_at TEXT NOT NULL,
    PRIMARY KEY (story, format)
);
"""

# version -> the SQL that brings a store of the version before it to this one
MIGRATIONS: dict[int, str] = {1: _SCHEMA_V1}


@dataclass(frozen=True)
class StoredArticle:
    """An article as the store holds it."""

    row: int
    article: Article
    content_hash: str
    revision_of: int | None
    copy_of: int | None
    story: int | None


@dataclass(frozen=True)
class StoryRow:
    id: int
    title: str | None
    first_published: str | None
    last_published: str | None
    articles: tuple[str, ...]  # article keys, in publication order


def store_error(exc: sqlite3.Error, path: Path) -> StoreError:
    """An SQLite error as the one line a user can act on."""
    message = str(exc)
    if "locked" in message or "busy" in message:
        return StoreError("the store is busy: another rashomon ingest is writing to it",
                          hint="wait for it to finish and run this again", source=str(path))
    return StoreError(f"cannot use the store: {message}",
                      hint="pass --db a rashomon store, or a new file name to create one", source=str(path))


def content_hash(text: str) -> str:
    """The identity of a text: the same article ingested twice is stored once."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class Store:
    """A rashomon store in one SQLite file (created, or migrated, on open)."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        """Open the store at ``path``; with ``create`` (the default) a missing or empty
        file becomes a new store, else it must be a rashomon store already."""
        self.path = Path(path)
        self.db = None
        try:
            if not create and not self.path.is_file():
                raise StoreError("no such store", hint=f"ingest articles first: rashomon ingest FILES --db {path}",
                                 source=str(self.path))
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            if not create and self.schema_version() == 0:
                raise StoreError("not a rashomon store", hint="pass --db a file made by rashomon ingest",
                                 source=str(self.path))
            self._migrate()
        except (sqlite3.Error, StoreError) as exc:
            if self.db is not None:
                self.db.close()
            if isinstance(exc, StoreError):
                raise
            raise store_error(exc, self.path) from exc

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def writer(self) -> Iterator[None]:
        """Hold the store's writer lock (a lock file beside it) for a whole ingest run:
        ids and the index are worked out once per run, so two runs at once would clash."""
        lock_path = self.path.with_name(self.path.name + ".lock")
        with open(lock_path, "a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise StoreError("the store is busy: another rashomon ingest is writing to it",
                                 hint="wait for it to finish and run this again",
                                 source=str(self.path)) from None
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:  # (SQLite may have rolled back already)
                self.db.execute("ROLLBACK")
            raise

    # --- schema ---------------------------------------------------------------------

    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the store is of schema version {version}, newer than this rashomon's {SCHEMA_VERSION}",
                hint="upgrade rashomon to read it",
                source=str(self.path),
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self.transaction() as db:
                for statement in _statements(MIGRATIONS[target]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {target}")

    # --- articles -------------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes the store already holds."""
        return self._present("content_hash", hashes)

    def _present(self, column: str, values: Iterable[str]) -> set[str]:
        """Which of the values the articles' ``column`` (a unique one) holds."""
        assert column in ("content_hash", "key")  # (a name put into the SQL)
        wanted = list(dict.fromkeys(values))
        found: set[str] = set()
        for chunk in _chunks(wanted, 500):
            marks = ",".join("?" * len(chunk))
            found.update(row[0] for row in self.db.execute(
                f"SELECT {column} FROM articles WHERE {column} IN ({marks})", chunk))
        return found

    def latest_by_url(self, urls: Iterable[str]) -> dict[str, int]:
        """url -> the row of the latest stored version of it."""
        out: dict[str, int] = {}
        for chunk in _chunks([u for u in dict.fromkeys(urls) if u], 500):
            marks = ",".join("?" * len(chunk))
            for url, row in self.db.execute(
                f"SELECT url, MAX(id) FROM articles WHERE url IN ({marks}) GROUP BY url", chunk):
                out[url] = row
        return out

    def taken_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of these article keys are taken."""
        return self._present("key", keys)

    def next_ids(self) -> tuple[int, int]:
        """The next free article row and story id (one writer at a time: an ingest run
        holds the store)."""
        article = self.db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM articles").fetchone()[0]
        # past every story id ever given, merged-away ones too: an id is never reused
        used = self.db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'stories'").fetchone()
        story = self.db.execute("SELECT COALESCE(MAX(id), 0) FROM stories").fetchone()[0]
        return int(article), max(int(story), int(used[0]) if used else 0) + 1

    def commit_batch(
        self, rows: Sequence[NewArticle], copies: dict[int, int], story_of: dict[int, int],
        merged: dict[int, int],
    ) -> None:
        """Store a batch of new articles with their signatures, near-duplicates and
        stories, the stories merged into others, in one transaction: a run killed in the
        middle leaves every batch before it whole and this one absent."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.transaction() as db:
            touched = set(story_of.values())
            for story in sorted(touched):
                db.execute("INSERT OR IGNORE INTO stories (id) VALUES (?)", (story,))
            for new in rows:
                a = new.article
                db.execute(
                    "INSERT INTO articles (id, key, content_hash, url, source, outlet, title,"
                    " published, text, title_start, title_end, revision_of, copy_of, story,"
                    " ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (new.row, a.id, new.content_hash, a.url, a.source, a.outlet, a.title,
                     a.published.iso() if a.published else None, a.text,
                     a.title_span[0] if a.title_span else None,
                     a.title_span[1] if a.title_span else None, new.revision_of,
                     copies.get(new.row), story_of.get(new.row), now),
                )
                db.execute(
                    "INSERT INTO signatures (article, words, word_signature, shingle_signature)"
                    " VALUES (?,?,?,?)",
                    (new.row, " ".join(sorted(new.words)), new.word_signature, new.shingle_signature),
                )
            for old, survivor in merged.items():
                db.execute("UPDATE articles SET story = ? WHERE story = ?", (survivor, old))
                db.execute("DELETE FROM analyses WHERE story = ?", (old,))
                db.execute("DELETE FROM stories WHERE id = ?", (old,))
                touched.add(survivor)
            for story in sorted(touched - set(merged)):
                _refresh_story(db, story)

    def signatures(self) -> Iterator[tuple[int, str, bytes, bytes, str | None, int | None]]:
        """(row, story words, word signature, shingle signature, published, story) of
        every article, in row order."""
        yield from self.db.execute(
            "SELECT s.article, s.words, s.word_signature, s.shingle_signature, a.published, a.story"
            " FROM signatures s JOIN articles a ON a.id = s.article ORDER BY s.article")

    def article_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def articles_of_story(self, story: int) -> list[StoredArticle]:
        return [_stored(r) for r in self.db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE story = ?"
            " ORDER BY published IS NULL, published, id", (story,))]

    def article(self, key: str) -> StoredArticle | None:
        row = self.db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE key = ?", (key,)).fetchone()
        return _stored(row) if row else None

    # --- stories --------------------------------------------------------------------

    def stories(self) -> list[StoryRow]:
        keys: dict[int, list[str]] = {}
        for story, key in self.db.execute(
            "SELECT story, key FROM articles WHERE story IS NOT NULL"
            " ORDER BY published IS NULL, published, id"):
            keys.setdefault(story, []).append(key)
        return [
            StoryRow(sid, title, first, last, tuple(keys.get(sid, ())))
            for sid, title, first, last in self.db.execute(
                "SELECT id, title, first_published, last_published FROM stories"
                " ORDER BY last_published IS NULL, last_published DESC, id")
        ]

    def story(self, story: int) -> StoryRow | None:
        row = self.db.execute("SELECT id, title, first_published, last_published FROM stories"
                              " WHERE id = ?", (story,)).fetchone()
        if row is None:
            return None
        keys = tuple(k for (k,) in self.db.execute(
            "SELECT key FROM articles WHERE story = ? ORDER BY published IS NULL, published, id", (story,)))
        return StoryRow(*row, keys)

    # --- analyses -------------------------------------------------------------------

    def cached_report(self, story: int, fmt: str, article_keys: Sequence[str]) -> str | None:
        row = self.db.execute("SELECT article_keys, report FROM analyses WHERE story = ? AND format = ?",
                              (story, fmt)).fetchone()
        if row and row[0] == "\n".join(article_keys):
            return str(row[1])
        return None

    def cache_report(self, story: int, fmt: str, article_keys: Sequence[str], report: str) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO analyses (story, format, article_keys, report, made_at)"
                       " VALUES (?,?,?,?,?)", (story, fmt, "\n".join(article_keys), report, now))


@dataclass(frozen=True)
class NewArticle:
    """An article to insert under row id ``row``, with what the grouping index keeps of
    it (its story words and their MinHash signatures)."""

    row: int
    article: Article
    content_hash: str
    words: frozenset[str]
    word_signature: bytes
    shingle_signature: bytes
    revision_of: int | None = None


def _refresh_story(db: sqlite3.Connection, story: int) -> None:
    """A story's title (its earliest article's headline) and first and last days, and
    no cached analysis (its articles changed)."""
    first, last = db.execute(
        "SELECT MIN(published), MAX(published) FROM articles WHERE story = ?", (story,)).fetchone()
    title = db.execute(
        "SELECT title FROM articles WHERE story = ? AND title IS NOT NULL"
        " ORDER BY published IS NULL, published, id LIMIT 1", (story,)).fetchone()
    db.execute("UPDATE stories SET title = ?, first_published = ?, last_published = ? WHERE id = ?",
               (title[0] if title else None, first, last, story))
    db.execute("DELETE FROM analyses WHERE story = ?", (story,))


_ARTICLE_COLUMNS = ("id, key, source, text, title, outlet, url, published, title_start, title_end,"
                    " content_hash, revision_of, copy_of, story")


def _stored(row: tuple) -> StoredArticle:
    (row_id, key, source, text, title, outlet, url, published, t_start, t_end,
     digest, revision_of, copy_of, story) = row
    article = Article(
        id=key, source=source, text=text, title=title, outlet=outlet, url=url,
        published=PartialDate.parse(published) if published else None,
        title_span=(t_start, t_end) if t_start is not None else None,
    )
    return StoredArticle(row_id, article, digest, revision_of, copy_of, story)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
