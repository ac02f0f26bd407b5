from __future__ import annotations

import pytest

from rashomon.errors import ModelNotAvailable
from rashomon.nlp import NLP, UNUSED_COMPONENTS


def test_loading_is_lazy_and_a_missing_model_says_how_to_fix() -> None:
    nlp = NLP("xx_no_such_pipeline")  # constructing loads nothing
    with pytest.raises(ModelNotAvailable) as caught:
        nlp.parse_one("Hello.")
    assert caught.value.code == "R200"
    assert "never downloads" in caught.value.hint
    assert "xx_no_such_pipeline" in caught.value.line()


def test_default_pipeline_parses_in_order_without_unused_components(nlp: NLP) -> None:
    docs = list(nlp.parse(["Ana Ruiz spoke.", "The court adjourned."]))
    assert [d.text for d in docs] == ["Ana Ruiz spoke.", "The court adjourned."]
    assert not set(UNUSED_COMPONENTS) & set(nlp.language.pipe_names)
    assert {"tagger", "parser"} <= set(nlp.language.pipe_names)
    assert nlp.name.startswith("en_")
    # without the attribute ruler the Penn tags are still there (quote_cues reads them)
    assert [t.tag_ for t in docs[0]][:2] == ["NNP", "NNP"]
