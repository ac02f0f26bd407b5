"""HTML articles (.html, .htm): trafilatura finds the main text and the metadata
(title, site name as the outlet, date as the publication date with basis "metadata",
canonical URL); :func:`rashomon.clean.clean_text` then takes out what it left."""

from __future__ import annotations

from pathlib import Path

from ..errors import EmptyInput
from ..model import Article, PartialDate, Problem
from .common import article_from_text, decode_text, read_input_bytes

# Publication date from the page's metadata only: the extensive search would also take
# dates mentioned in the article body, which are events, not the publication.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def _metadata_date(value: str | None) -> PartialDate | None:
    if not value:
        return None
    try:
        return PartialDate.parse(value[:10])
    except ValueError:
        return None


def html_article(html: str, *, id: str, source: str, url: str | None = None) -> Article:
    """An article from an HTML page; raises EmptyInput when no article text is found."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        date_extraction_params=_DATE_PARAMS,
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise EmptyInput(
            "no article text found in the HTML",
            hint="the page may build its text with JavaScript; save the article text as .txt",
            source=source,
        )
    published = _metadata_date(document.date)
    return article_from_text(
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


def read_html(path: str | Path) -> tuple[Article, list[Problem]]:
    """Read one HTML article; encoding warnings come alongside."""
    source = str(path)
    path = Path(path)
    html, warnings = decode_text(read_input_bytes(path, source), source)
    return html_article(html, id=path.stem, source=source), warnings


def read_html_article(path: str | Path) -> Article:
    """Read one HTML article (raises a typed InputError when it cannot)."""
    return read_html(path)[0]
