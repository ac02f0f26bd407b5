"""HTML articles (.html, .htm): trafilatura finds the main text and the metadata
(title, site name as the outlet, date as the publication date with basis "metadata",
canonical URL); :func:`rashomon.clean.clean_text` then takes out what it left."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from ..errors import EmptyInput
from ..model import Article, PartialDate, Problem
from .common import (
    PublishedOutOfRange,
    article_from_text,
    decode_text,
    out_of_range_warning,
    parse_published,
    read_input_bytes,
)

# Publication date from the page's metadata only: the extensive search would also take
# dates mentioned in the article body, which are events, not the publication. Read-only:
# each call hands trafilatura a fresh copy (it may write into the dict it is given).
_DATE_PARAMS = MappingProxyType({"original_date": True, "extensive_search": False})


def metadata_published(value: str | None, source: str) -> tuple[PartialDate | None, list[Problem]]:
    """The publication date from the page's metadata date ("2024-12-18", perhaps with a
    time): None when absent or unreadable (pages carry odd strings; the text may still
    date the article), None with a warning when its year is implausible."""
    if not value or not value.strip():
        return None, []
    text = value.strip()[:10]
    try:
        return parse_published(text), []
    except PublishedOutOfRange as exc:
        return None, [out_of_range_warning(value.strip(), exc.year, source, "page metadata")]
    except ValueError:
        return None, []


def html_document(
    html: str, *, id: str, source: str, url: str | None = None
) -> tuple[Article, list[Problem]]:
    """An article from an HTML page and its warnings (an implausible metadata date);
    raises EmptyInput when no article text is found."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise EmptyInput(
            "no article text found in the HTML",
            hint="the page may build its text with JavaScript; save the article text as .txt",
            source=source,
        )
    published, warnings = metadata_published(document.date, source)
    article = article_from_text(
        text,
        id=id,
        source=source,
        outlet=document.sitename or None,
        title=document.title or None,
        published=published,
        url=document.url or url,
        published_basis="metadata",
        find_headline=False,
    )
    return article, warnings


def html_article(html: str, *, id: str, source: str, url: str | None = None) -> Article:
    """An article from an HTML page; raises EmptyInput when no article text is found.
    An implausible metadata date is left unknown (:func:`html_document` also returns
    the warning)."""
    return html_document(html, id=id, source=source, url=url)[0]


def read_html(path: str | Path) -> tuple[Article, list[Problem]]:
    """Read one HTML article; warnings (encoding, implausible date) come alongside."""
    source = str(path)
    path = Path(path)
    html, warnings = decode_text(read_input_bytes(path, source), source)
    article, date_warnings = html_document(html, id=path.stem, source=source)
    return article, warnings + date_warnings


def read_html_article(path: str | Path) -> Article:
    """Read one HTML article (raises a typed InputError when it cannot)."""
    return read_html(path)[0]
