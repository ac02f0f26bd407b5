"""rashomon: how different outlets tell the same news story."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "analyze"]


def __getattr__(name: str):  # lazy: `import rashomon` stays cheap for the CLI's --help
    if name == "analyze":
        from .pipeline import analyze

        return analyze
    raise AttributeError(name)
