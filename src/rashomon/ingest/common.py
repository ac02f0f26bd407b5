"""What every reader shares: bytes in (size cap), text out (encoding), problems from
typed errors, publication dates from strings, and :func:`article_from_text`."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from ..clean import clean_text, line_reason, normalise_line
from ..errors import (
    EmptyInput,
    InputError,
    InputNotFound,
    MalformedInput,
    UndecodableInput,
    UnsupportedInput,
)
from ..model import Article, PartialDate, Problem, PublishedBasis, RemovedLine
from ..resources import dates as R

MAX_INPUT_BYTES = 20 * 1024 * 1024
# Control characters (other than white space) allowed per character before a file is
# taken for binary; the few that remain are dropped.
_MAX_CONTROL_RATIO = 0.01
_KEEP_CONTROLS = frozenset("\t\n\r\f\v")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def problem_from(error: InputError, source: str, *, fatal: bool = True) -> Problem:
    """A :class:`Problem` record from a typed input error."""
    return Problem(
        source=error.source or source,
        code=error.code,
        message=error.message,
        hint=error.hint,
        fatal=fatal,
    )


def check_input_file(path: Path, source: str) -> None:
    """Raise InputNotFound or UnsupportedInput unless ``path`` is a regular file."""
    if not path.exists():
        raise InputNotFound(
            "no such file or directory", hint="check the path", source=source
        )
    if not path.is_file():
        raise UnsupportedInput(
            "not a regular file", hint="give a file or a directory of articles", source=source
        )


def read_input_bytes(path: Path, source: str) -> bytes:
    """The file's bytes; raises InputNotFound, UnsupportedInput (too large, not a
    file) or EmptyInput."""
    check_input_file(path, source)
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise UnsupportedInput(
            f"file is {size / 1024 / 1024:.1f} MB, over the "
            f"{MAX_INPUT_BYTES / 1024 / 1024:g} MB limit",
            hint="split it into one file per article, or JSONL records",
            source=source,
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnsupportedInput(
            f"cannot read the file: {exc.strerror or exc}", hint="check its permissions",
            source=source,
        ) from exc
    if not data.strip():
        raise EmptyInput(
            "the file is empty", hint="remove it or add the article text", source=source
        )
    return data


def decode_text(data: bytes, source: str, *, fallback: bool = True) -> tuple[str, list[Problem]]:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else (when
    ``fallback``) Windows-1252 with a warning. Line ends become "\\n".

    Raises UndecodableInput for binary data (NUL bytes, control characters) or bytes
    no encoding tried can read.
    """
    warnings: list[Problem] = []
    text: str | None = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise UndecodableInput(
                    f"invalid {codec.upper()} after a byte-order mark (byte {exc.start})",
                    hint="re-save the file as UTF-8",
                    source=source,
                ) from exc
            break
    if text is None:
        if b"\x00" in data:
            raise _binary(source)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as utf8_error:
            if not fallback:
                raise UndecodableInput(
                    f"not UTF-8 text (byte {utf8_error.start})",
                    hint="give it a .txt, .html or .json suffix, or re-save it as UTF-8",
                    source=source,
                ) from utf8_error
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise UndecodableInput(
                    "neither UTF-8 nor Windows-1252 text",
                    hint="re-save the file as UTF-8",
                    source=source,
                ) from exc
            warnings.append(
                problem_from(
                    UndecodableInput(
                        f"not UTF-8 (byte {utf8_error.start}); read as Windows-1252",
                        hint="check accented letters and quote marks, or re-save as UTF-8",
                        source=source,
                    ),
                    source,
                    fatal=False,
                )
            )
    text = text.lstrip("\ufeff")
    controls = sum(
        1 for ch in text if ch not in _KEEP_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    if controls > _MAX_CONTROL_RATIO * len(text):
        raise _binary(source)
    if controls:
        text = "".join(
            ch for ch in text if ch in _KEEP_CONTROLS or unicodedata.category(ch) != "Cc"
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), warnings


def _binary(source: str) -> UndecodableInput:
    return UndecodableInput(
        "binary data, not text",
        hint="rashomon reads text (.txt, .md), HTML (.html) and JSON/JSONL files",
        source=source,
    )


_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_ISO_DATE = re.compile(r"^(?P<y>\d{4})(?:[-/](?P<m>\d{1,2})(?:[-/](?P<d>\d{1,2}))?)?(?:[T ].*)?$")
_MDY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b")
_DMY = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b")
_MY = re.compile(r"^" + _MONTH + r",?\s+(?P<year>\d{4})$")


class PublishedOutOfRange(ValueError):
    """A well-formed publication date whose year no news article can have (a typo, a
    placeholder such as 0001-01-01)."""

    def __init__(self, value: str, year: int) -> None:
        super().__init__(
            f"publication year {year} in {value!r} is outside "
            f"{R.EARLIEST_PUBLICATION_YEAR}..{R.LATEST_PUBLICATION_YEAR}"
        )
        self.value = value
        self.year = year


def month_of(word: str) -> int | None:
    """The month a name or abbreviation stands for ("Sept" -> 9), or None."""
    word = word.lower()
    return R.MONTHS.get(word) or R.MONTH_ABBREVIATIONS.get(word)


def _checked_year(value: str, year: int) -> int:
    if not R.EARLIEST_PUBLICATION_YEAR <= year <= R.LATEST_PUBLICATION_YEAR:
        raise PublishedOutOfRange(value, year)
    return year


def parse_published(value: str) -> PartialDate:
    """A publication date from ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (an ISO time may
    follow), ``December 18, 2024``, ``Dec. 18, 2024``, ``18 December 2024`` or
    ``December 2024`` (a weekday before is fine). Raises ValueError otherwise, and
    :class:`PublishedOutOfRange` (a ValueError) for a year outside 1800..2200."""
    text = " ".join(value.split())
    match = _ISO_DATE.match(text)
    if match:
        year, month, day = match.group("y", "m", "d")
        year_number = _checked_year(value, int(year))
        return PartialDate.of(year_number, int(month) if month else None, int(day) if day else None)
    text = re.sub(r"^[A-Za-z]+day,?\s+", "", text)  # "Wednesday, December 18, 2024"
    for pattern in (_MDY, _DMY, _MY):
        match = pattern.search(text)
        month = month_of(match.group("month")) if match else None
        if month is not None:
            day = match.groupdict().get("day")
            year = _checked_year(value, int(match.group("year")))
            return PartialDate.of(year, month, int(day) if day else None)
    raise ValueError(f"not a date: {value!r}")


def out_of_range_warning(value: str, year: int, source: str, field: str) -> Problem:
    """The non-fatal R105 warning for a publication date with an implausible year."""
    warning = MalformedInput(
        f"the {field} date {value!r} has the year {year}, outside "
        f"{R.EARLIEST_PUBLICATION_YEAR}..{R.LATEST_PUBLICATION_YEAR}; "
        "publication date left unknown",
        hint="check the year for a typo or a placeholder, and write the date as YYYY-MM-DD",
        source=source,
    )
    return problem_from(warning, source, fatal=False)


def published_or_warning(
    value: str | None, source: str, field: str
) -> tuple[PartialDate | None, list[Problem]]:
    """Parse a given publication date; an unreadable one, or one with an implausible
    year, is a warning, not a failure (the date is left unknown)."""
    if value is None or not str(value).strip():
        return None, []
    try:
        return parse_published(str(value)), []
    except PublishedOutOfRange as exc:
        return None, [out_of_range_warning(str(value), exc.year, source, field)]
    except ValueError:
        warning = MalformedInput(
            f"cannot read the {field} date {str(value)!r}; publication date left unknown",
            hint="write it as YYYY-MM-DD, YYYY-MM, YYYY or 'December 18, 2024'",
            source=source,
        )
        return None, [problem_from(warning, source, fatal=False)]


def _headline_key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().casefold()


def _split_headline(raw: str) -> tuple[str | None, str, list[RemovedLine]]:
    """The first line that is not boilerplate (the headline), the text after it, and
    the noise lines skipped on the way."""
    lines = raw.split("\n")
    skipped: list[RemovedLine] = []
    for index, line in enumerate(lines):
        line = normalise_line(line)
        if not line:
            continue
        reason = line_reason(line)
        if reason is not None:
            skipped.append(RemovedLine(line, reason))
            continue
        headline = re.sub(r"^#{1,6}\s+", "", line)  # a Markdown heading
        return headline, "\n".join(lines[index + 1 :]), skipped
    return None, "", skipped


def article_from_text(
    raw: str,
    *,
    id: str,
    source: str,
    outlet: str | None = None,
    title: str | None = None,
    published: PartialDate | str | None = None,
    url: str | None = None,
    published_basis: PublishedBasis | None = None,
    find_headline: bool = True,
) -> Article:
    """An :class:`Article` from raw article text, cleaned.

    The headline is ``title`` when given (a first body line repeating it is dropped:
    it is the same headline, not boilerplate);
    otherwise, when ``find_headline``, the first non-blank line that is not boilerplate.
    ``text`` is the headline, "\\n", then the cleaned body; ``title_span`` locates the
    headline. ``published`` may be a :class:`PartialDate` or a string
    (:func:`parse_published`); its basis defaults to "given". Raises EmptyInput when no
    body text is left and MalformedInput for an unreadable ``published`` string or one
    whose year is outside 1800..2200 (readers that can warn use
    :func:`published_or_warning` instead, which leaves such a date unknown).
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    headline = " ".join(title.split()) if title else None
    skipped: list[RemovedLine] = []
    body_raw = raw
    if headline is None and find_headline:
        headline, body_raw, skipped = _split_headline(raw)
    body, removed = clean_text(body_raw)
    if headline and body:
        first, _, rest = body.partition("\n")
        if _headline_key(first) == _headline_key(headline):
            body = rest  # the headline again (HTML pages keep their <h1> in the text)
    if not body.strip():
        raise EmptyInput(
            "no article text" + (" after the headline" if headline else ""),
            hint="the input holds only a headline or boilerplate; check it is an article",
            source=source,
        )
    if isinstance(published, str):
        try:
            published = parse_published(published)
        except PublishedOutOfRange as exc:
            raise MalformedInput(
                str(exc), hint="check the year for a typo or a placeholder", source=source
            ) from exc
        except ValueError as exc:
            raise MalformedInput(
                f"cannot read the publication date {published!r}",
                hint="write it as YYYY-MM-DD, YYYY-MM or YYYY",
                source=source,
            ) from exc
    text = f"{headline}\n{body}" if headline else body
    return Article(
        id=id,
        source=source,
        text=text,
        title=headline or None,
        outlet=" ".join(outlet.split()) if outlet and outlet.strip() else None,
        url=url.strip() if url and url.strip() else None,
        published=published,
        published_basis=(published_basis or "given") if published else None,
        removed=tuple(skipped) + removed,
        title_span=(0, len(headline)) if headline else None,
    )

