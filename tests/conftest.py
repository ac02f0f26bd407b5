"""Shared fixtures. Inputs are built by hand in each test; the spaCy pipeline is loaded
once per session because loading it costs a second."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.model import Article, PartialDate
from rashomon.nlp import NLP
from rashomon.sentences import split_sentences

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def nlp() -> NLP:
    return NLP()


def make_article(
    text: str,
    *,
    id: str = "a1",
    outlet: str | None = "Test Outlet",
    published: str | None = "2024-12-18",
    title: str | None = None,
) -> Article:
    """An Article from hand-written text; the first line is the headline if ``title``."""
    return Article(
        id=id,
        source=f"{id}.txt",
        text=text,
        title=title,
        outlet=outlet,
        published=PartialDate.parse(published) if published else None,
        published_basis="given" if published else None,
        title_span=(0, len(title)) if title and text.startswith(title) else None,
    )


@pytest.fixture
def article_factory():
    return make_article


@pytest.fixture
def sentences_of():
    return split_sentences


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


SCHEMA_PATH = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "schema" / "report.schema.json"


def validate_report_json(data: dict) -> None:
    """Validate against the JSON Schema kept in the repo, then check every offset:
    each record's text must be exactly the characters it points at."""
    import json

    import jsonschema

    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    texts = {a["id"]: a["text"] for a in data["articles"]}
    assert len(texts) == len(data["articles"]), "article ids must be unique"
    for a in data["articles"]:
        for d in a["dates"]:
            assert a["text"][d["start"] : d["end"]] == d["expression"], d
    for story in data["stories"]:
        assert set(story["articles"]) <= set(texts)
        quote_ids = {q["id"] for q in story["quotes"]}
        for q in story["quotes"]:
            text = texts[q["article"]]
            assert text[q["start"] : q["end"]] == q["text"], q
            m = q["speaker_mention"]
            if m:
                assert text[m["start"] : m["end"]] == m["text"], q
        for g in story["quote_groups"]:
            assert set(g["quotes"]) <= quote_ids
            for r in g["relations"]:
                assert {r["a"], r["b"]} <= set(g["quotes"])
        for e in story["timeline"]:
            for s in e["sources"]:
                assert texts[s["article"]][s["start"] : s["end"]] == s["expression"], s
        facts = story["facts"]
        for f in facts["shared"]:
            first = f["sources"][0]
            assert texts[first["article"]][first["start"] : first["end"]] == f["text"], f
        for f in facts["unique"]:
            assert texts[f["article"]][f["start"] : f["end"]] == f["text"], f
        for c in facts["conflicts"]:
            for v in c["versions"]:
                assert texts[v["article"]][v["start"] : v["end"]] == v["text"], v
