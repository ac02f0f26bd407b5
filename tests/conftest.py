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
