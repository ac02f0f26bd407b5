"""Typed exceptions. Each carries a code, a message and a hint that says how to fix it;
the CLI turns them into one line, the library lets callers catch them by type."""

from __future__ import annotations


class RashomonError(Exception):
    """Base class: ``code`` (stable, e.g. ``R101``), ``message``, ``hint``, ``source``."""

    code = "R000"

    def __init__(self, message: str, *, hint: str = "", source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.source = source

    def line(self) -> str:
        where = f"{self.source}: " if self.source else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}error [{self.code}] {self.message}{hint}"

    def __str__(self) -> str:
        return self.line()


class InputError(RashomonError):
    """An input could not be read or holds no article."""

    code = "R100"


class InputNotFound(InputError):
    code = "R101"


class UnsupportedInput(InputError):
    code = "R102"


class UndecodableInput(InputError):
    code = "R103"


class EmptyInput(InputError):
    code = "R104"


class MalformedInput(InputError):
    code = "R105"


class FetchFailed(InputError):
    """A URL could not be fetched: the connection was refused or broken, or the reply
    was not HTTP. The base of the other fetch errors (R111-R119)."""

    code = "R110"


class UnsupportedUrl(FetchFailed):
    """Not an http(s) URL: a line of a URL list, or a redirect to file:, ftp:..."""

    code = "R111"


class AddressNotAllowed(FetchFailed):
    """The host is (or resolves to) a private, loopback, link-local, multicast, reserved
    or unspecified address, refused unless private addresses are allowed."""

    code = "R112"


class HostNotFound(FetchFailed):
    """The URL's host name does not resolve (DNS)."""

    code = "R113"


class TlsFailed(FetchFailed):
    """The HTTPS handshake failed: a bad or untrusted certificate, an old protocol."""

    code = "R114"


class FetchTimedOut(FetchFailed):
    """Connecting, or receiving the whole response, took longer than allowed."""

    code = "R115"


class TooManyRedirects(FetchFailed):
    """More redirects than allowed, or a redirect loop."""

    code = "R116"


class HttpStatusError(FetchFailed):
    """The server answered with a status other than 2xx (404, 403, 500...)."""

    code = "R117"


class UnexpectedContentType(FetchFailed):
    """The response is not HTML, plain text or an RSS/Atom feed (an image, a PDF...)."""

    code = "R118"


class ResponseTooLarge(FetchFailed):
    """The response is bigger than the size limit; reading stopped there."""

    code = "R119"


class ModelNotAvailable(RashomonError):
    """The spaCy pipeline asked for is not installed."""

    code = "R200"


class StageFailed(RashomonError):
    """A stage raised on one article or story: a bug in rashomon, never the user's
    fault. The run goes on without that article (or that part of the story)."""

    code = "R400"


class OutputError(RashomonError):
    """The report cannot be written where the user asked."""

    code = "R500"


class NothingToAnalyse(RashomonError):
    """No input gave a usable article; ``problems`` says what was wrong with each."""

    code = "R300"

    def __init__(self, message: str, *, hint: str = "", problems: tuple = ()) -> None:
        super().__init__(message, hint=hint)
        self.problems = problems


class StoreError(RashomonError):
    """The store file cannot be opened, is not a rashomon store, or is too new."""

    code = "R600"


class StoryNotFound(RashomonError):
    """No story of that id in the store."""

    code = "R601"


class EngineNotAvailable(RashomonError):
    """The engine asked for cannot run: Ray is not installed, or its cluster cannot be
    started or reached."""

    code = "R700"
