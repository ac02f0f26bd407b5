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
