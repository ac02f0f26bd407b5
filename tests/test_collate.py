"""Collation of one quote across outlets: relation kinds, masks, word diff.

All sentences here are our own (a ferry line, a school board, a football club, a
bakery chain); people and outlets are fictional. Grouping: test_collate_groups.py.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.collate import relate_quotes, relation_kinds, word_diff
from rashomon.collate_align import align, mask_of, tokenize, word_opcodes
from rashomon.collate_match import enough_shared_words, renders_same
from rashomon.model import DiffOp, Quote

# --- relation kinds, one table per kind ---------------------------------------------

KIND_CASES = [
    # identical
    ("The harbor will reopen in spring.", "The harbor will reopen in spring.", ("identical",)),
    # typographic: curly vs straight apostrophes, inner quotes, case, dashes, spaces
    (
        "The ovens stay lit, and we won\u2019t cut a single baker\u2019s shift.",
        "The ovens stay lit, and we won't cut a single baker's shift.",
        ("typographic",),
    ),
    (
        "The board calls the levy a \u2018pause\u2019 on spending, which parents doubt.",
        "The board calls the levy a pause on spending, which parents doubt.",
        ("typographic",),
    ),
    ("Honestly, it was a mess.", "honestly it was a mess", ("typographic",)),
    ("It ran late\u2014very late.", "It ran late -- very late.", ("typographic",)),
    ("It ran  late.", "It ran late.", ("typographic",)),
    # a compound with hyphens against the same words with spaces
    ("The storm was a once-in-a-decade event.", "The storm was a once in a decade event.",
     ("typographic",)),
    # the possessive of a name ending in s, spelt both ways
    ("Mr. Jones\u2019s ferry is late.", "Mr. Jones\u2019 ferry is late.", ("typographic",)),
    # censored: different masks, a mask against the word, bracketed masks
    (
        "The referee let a heap of s--- slide in the derby.",
        "The referee let a heap of s\u2014 slide in the derby.",
        ("censored",),
    ),
    ("That transfer fee is s*** value.", "That transfer fee is s**t value.", ("censored",)),
    ("A f---ing mess of a timetable.", "A [expletive] mess of a timetable.", ("censored",)),
    ("The coach used the s-word on air.", "The coach used the s*** on air.", ("censored",)),
    ("A f---ing mess of a timetable.", "A fucking mess of a timetable.", ("censored",)),
    ("It was a [f-word] stitch-up", "It was a f***ing stitch-up", ("censored",)),
    ("The count is [expletive deleted] rigged", "The count is [expletive] rigged", ("censored",)),
    ("The plan is bulls--- from start to end", "The plan is bullsh*t from start to end",
     ("censored",)),
    # truncated: b is a contiguous proper part of a
    (
        "The ferry is our only road. Without it the island empties.",
        "The ferry is our only road.",
        ("truncated",),
    ),
    (
        "The ferry is our only road. Without it the island empties.",
        "Without it the island empties.",
        ("truncated",),
    ),
    # extended: b holds a plus more
    ("We will rebuild the pier", "We will rebuild the pier next summer", ("extended",)),
    # cut at different places: both
    (
        "one two three four five six seven eight nine ten",
        "six seven eight nine ten eleven twelve",
        ("truncated", "extended"),
    ),
    # altered: a word dropped, added or changed inside the shared stretch
    ("the rye loaves sold out early", "the rye loaves sold early", ("altered",)),
    ("the rye loaves sold early", "the rye loaves sold out early", ("altered",)),
    ("We will sign the keeper", "We shall sign the keeper", ("altered",)),
    # an ellipsis for words left out inside the quote is an alteration, not typography
    ("We will rebuild the quay and the slipway by June", "We will rebuild the quay \u2026 by June",
     ("altered",)),
    ("We will rebuild the quay and the slipway by June", "We will rebuild the quay... by June",
     ("altered",)),
    # ...while one at the end only marks the cut
    ("We will rebuild the quay and the slipway by June", "We will rebuild the quay\u2026",
     ("truncated",)),
    # two masks that cannot be one word: a changed word
    ("The ref made a s--- call", "The ref made a f--- call", ("altered",)),
    # sentences in another order: altered, not a cut and a run-on
    ("The roof is sound. The old wiring is a fire risk.",
     "The old wiring is a fire risk. The roof is sound.", ("altered",)),
    # ...but two function words in both cuts are no move
    ("We fought for years and went to the ministry twice. The ferry will run every hour",
     "The ferry will run every hour to the end", ("truncated", "extended")),
    # a typed dash of three hyphens is no mask; one outlet types it, another prints it
    ("It ran late\u2014very late.", "It ran late---very late.", ("typographic",)),
    # a mask inside a compound
    ("What a shit-show of a season", "What a s***-show of a season", ("censored",)),
    # the same mask written with other case or punctuation: typography, not censorship
    ("a s--- call, really", "a S--- call really", ("typographic",)),
    # a word changed where one outlet stops: the word next to the shared words is paired
    # with its near spelling (altered), the rest is the cut
    ("We paid for the new pontoons. The rest went on wages.", "We paid for the new pontoon.",
     ("truncated", "altered")),
    ("Well, the vote was close", "So the vote was close", ("altered",)),
]


@pytest.mark.parametrize("a, b, kinds", KIND_CASES)
def test_relation_kinds(a: str, b: str, kinds: tuple[str, ...]) -> None:
    assert relation_kinds(a, b) == kinds


COMBINED_CASES = [
    # masked differently, one outlet writing ": " for ". " and running on past the other
    (
        "The club paid a s--- fee for a striker who never played, and fans asked one "
        "question. Who approved it?",
        "The club paid a s\u2014 fee for a striker who never played, and fans asked one "
        "question: Who approved it? The board has not said.",
        ("typographic", "censored", "extended"),
    ),
    # a partial quote, a word short, inside another outlet's longer quote
    (
        "the ferry office couldn\u2019t say when the boat was due.",
        "We rang twice, and the ferry office couldn't say when the relief boat was due.",
        ("typographic", "extended", "altered"),
    ),
    # an extension of two words at the end
    (
        "sales at the harbour branch are picking up",
        "sales at the harbour branch are picking up this winter",
        ("extended",),
    ),
    # censored and truncated at once
    (
        "The board made a s--- call on the levy. A costly one.",
        "The board made a s*** call on the levy.",
        ("censored", "truncated"),
    ),
]


@pytest.mark.parametrize("a, b, kinds", COMBINED_CASES)
def test_combined_kinds(a: str, b: str, kinds: tuple[str, ...]) -> None:
    assert relation_kinds(a, b) == kinds


def test_misattributed_goes_with_the_text_kinds() -> None:
    text = "The bridge stays closed until the inspection is done."
    assert relation_kinds(text, text, "Mara Quint", "Tobias Wren") == ("identical", "misattributed")
    assert relation_kinds(text, text, "Mara Quint", None) == ("identical",)
    assert relation_kinds(text, text, "Mara Quint", " mara  quint ") == ("identical",)
    curly = text.replace("The", "\u201cThe")
    assert relation_kinds(text, curly, "Mara Quint", "Tobias Wren") == (
        "typographic",
        "misattributed",
    )


def test_altered_is_never_hidden_under_typography_or_censorship() -> None:
    kinds = relation_kinds(
        "the pitch was s--- all season, honestly", "The pitch was s\u2014 all season, frankly"
    )
    assert "altered" in kinds and "censored" in kinds


def test_case_and_punctuation_at_a_cut_are_not_typographic() -> None:
    # an outlet quoting from mid-sentence capitalises the first word it keeps
    assert relation_kinds(
        "and the winter timetable starts in November", "The winter timetable starts in November"
    ) == ("truncated",)
    assert relation_kinds(
        "the loan deal is still on the table, for now", "the loan deal is still on the table"
    ) == ("truncated",)


def test_a_long_run_on_after_a_near_spelling_is_a_cut_at_either_edge() -> None:
    rest = " The rest of the money went on wages and fuel for the winter boats." * 15
    a, b = "We paid for the new pontoons." + rest, "We paid for the new pontoon."
    assert relation_kinds(a, b) == ("truncated", "altered")
    assert relation_kinds(b, a) == ("extended", "altered")
    before = "Crews said it again and again on the quay that night." * 15
    a, b = before + " Pontoons came first, the board said", "pontoon came first, the board said"
    assert relation_kinds(a, b) == ("truncated", "altered")
    qa = Quote("a", "x", a, 0, len(a), "direct", speaker="Mara Quint")
    qb = Quote("b", "y", b, 0, len(b), "direct", speaker="Mara Quint")
    assert renders_same(align(tokenize(a), tokenize(b), a, b), qa, qb)


def test_word_opcodes_pairs_near_spellings_and_leaves_extra_words_last() -> None:
    a, b = tokenize("laws but we went on"), tokenize("law")
    assert word_opcodes(a, b) == [("replace", 0, 1, 0, 1), ("delete", 1, 5, 1, 1)]
    # a near spelling further on is still preferred to the first word
    a, b = tokenize("but the laws"), tokenize("law")
    assert word_opcodes(a, b) == [("delete", 0, 2, 0, 0), ("replace", 2, 3, 0, 1)]
    a, b = tokenize("we rang the office twice"), tokenize("we rang office once")
    assert word_opcodes(a, b) == [
        ("equal", 0, 2, 0, 2), ("delete", 2, 3, 2, 2), ("equal", 3, 4, 2, 3),
        ("replace", 4, 5, 3, 4),
    ]


def test_word_opcodes_falls_back_to_levenshtein_on_long_gaps() -> None:
    a = tokenize(" ".join(f"w{i}" for i in range(40)))
    b = tokenize(" ".join(f"w{i}" for i in range(0, 40, 2)))
    ops = word_opcodes(a, b)
    assert sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal") == 20
    assert sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "delete") == 20


# --- masks and tokens ---------------------------------------------------------------


@pytest.mark.parametrize(
    "chunk, is_mask",
    [
        ("s---", True),
        ("s\u2014", True),
        ("s***", True),
        ("s**t", True),
        ("f---ing", True),
        ("f\u2014ing", True),
        ("[expletive]", True),
        ("s-word", True),
        ("[f-word]", True),
        ("[expletive deleted]", True),
        ("bulls---", True),
        ("well--", False),
        ("self-made", False),
        ("\u201cs---,", True),
        ("x-ray", False),
        ("e-mail", False),
        ("I\u2014", False),
        ("a\u2014", False),
        ("late\u2014", False),
        ("word", False),
    ],
)
def test_mask_of(chunk: str, is_mask: bool) -> None:
    assert (mask_of(chunk) is not None) is is_mask


def test_tokens_keep_offsets_and_fold_typography() -> None:
    text = "\u201cWe\u2019re here\u2014all of us \u2014 today.\u201d"
    tokens = tokenize(text)
    assert [t.key for t in tokens] == ["we're", "here", "all", "of", "us", "today"]
    assert all(text[t.start : t.end] == t.surface for t in tokens)
    assert tokenize("") == ()


def test_compounds_are_cut_at_their_hyphens() -> None:
    text = "a once-in-a-decade storm"
    tokens = tokenize(text)
    assert [t.key for t in tokens] == ["a", "once", "in", "a", "decade", "storm"]
    assert [t.surface for t in tokens][1:5] == ["once-", "in-", "a-", "decade"]
    assert all(text[t.start : t.end] == t.surface for t in tokens)


@pytest.mark.parametrize("text, keys", [
    ("the quay \u2026 by June", ["the", "quay", "\u2026", "by", "june"]),
    ("the quay... by June", ["the", "quay", "\u2026", "by", "june"]),
    ("the quay\u2026by June", ["the", "quay", "\u2026", "by", "june"]),
    # at either end an ellipsis is punctuation of the word next to it
    ("\u2026by June", ["by", "june"]),
    ("by June\u2026", ["by", "june"]),
    ("by June \u2026", ["by", "june"]),
])
def test_an_ellipsis_between_words_is_a_token(text: str, keys: list[str]) -> None:
    tokens = tokenize(text)
    assert [t.key for t in tokens] == keys
    assert all(text[t.start : t.end] == t.surface for t in tokens)


def test_a_bracketed_mask_with_a_space_is_one_token() -> None:
    tokens = tokenize("is [expletive deleted] rigged")
    assert [t.surface for t in tokens] == ["is", "[expletive deleted]", "rigged"]
    assert tokens[1].mask is not None


# --- word diff ----------------------------------------------------------------------


def test_word_diff_marks_censorship_and_the_cut() -> None:
    ops = word_diff("Our buses run s--- on weekends.", "Our buses run s\u2014 on weekends. Every one.")
    assert ops == (
        DiffOp("equal", "Our buses run", "Our buses run"),
        DiffOp("replace", "s---", "s\u2014"),
        DiffOp("equal", "on weekends.", "on weekends."),
        DiffOp("insert", "", "Every one."),
    )


def test_word_diff_shows_a_dropped_word() -> None:
    assert word_diff("the loaves sold out early", "the loaves sold early") == (
        DiffOp("equal", "the loaves sold", "the loaves sold"),
        DiffOp("delete", "out", ""),
        DiffOp("equal", "early", "early"),
    )


def test_word_diff_equal_op_carries_both_spellings() -> None:
    ops = word_diff("the \u2018pause\u2019 is over", "the pause is over")
    assert ops == (DiffOp("equal", "the \u2018pause\u2019 is over", "the pause is over"),)


# --- properties ---------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "the",
        "The",
        "ferry",
        "sailed",
        "late.",
        "late:",
        "island",
        "board",
        "we're",
        "we\u2019re",
        "only",
        "cancelled",
        "s---",
        "s\u2014",
        "s***",
        "shit",
        "[expletive]",
        "\u2018pause",
        "pause\u2019",
        "pause",
        "again,",
        "\u2014",
        "late\u2014very",
        "and",
        "of",
        "Of",
        "pier",
        "harbor.",
        "x-ray",
        "I\u2014",
        "once-in-a",
        "\u2026",
        "pier\u2026",
        "...",
        "[expletive deleted]",
        "bulls---",
        "[f-word]",
        "s***-show",
        "late---very",
        "S---,",
        "Pier?",
    ]
)
PLAIN_WORDS = st.sampled_from(
    [
        "the",
        "The",
        "ferry",
        "island",
        "late.",
        "we're",
        "we\u2019re",
        "only",
        "s---",
        "s***",
        "shit",
        "[expletive]",
        "\u2018pause\u2019",
        "pause",
        "again,",
        "and",
        "of",
        "pier",
        "\u2026",
        "[f-word]",
        "bulls---",
    ]
)
TEXTS = st.lists(WORDS, max_size=14).map(" ".join)
PLAIN_TEXTS = st.lists(PLAIN_WORDS, max_size=14).map(" ".join)
MIRROR = {"truncated": "extended", "extended": "truncated"}
SWAP = {"insert": "delete", "delete": "insert"}


def mirror_kinds(kinds: tuple[str, ...]) -> set[str]:
    return {MIRROR.get(k, k) for k in kinds}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_token_offsets_hold_on_any_text(text: str) -> None:
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.surface for t in tokens)
    assert all(x.end <= y.start for x, y in pairwise(tokens))


@settings(max_examples=300, deadline=None)
@given(
    TEXTS,
    TEXTS,
    st.sampled_from([None, "Mara Quint", "Tobias Wren"]),
    st.sampled_from([None, "Mara Quint"]),
)
def test_relation_of_reverse_pair_is_the_mirror(
    a: str, b: str, sa: str | None, sb: str | None
) -> None:
    qa = Quote("qa", "x", a, 0, len(a), "direct", speaker=sa)
    qb = Quote("qb", "y", b, 0, len(b), "direct", speaker=sb)
    forward, backward = relate_quotes(qa, qb), relate_quotes(qb, qa)
    assert set(backward.kinds) == mirror_kinds(forward.kinds)
    assert backward.diff == tuple(DiffOp(SWAP.get(o.op, o.op), o.b, o.a) for o in forward.diff)
    assert (backward.a, backward.b) == ("qb", "qa")


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.sampled_from([None, "Mara Quint"]))
def test_identical_text_is_only_identical(text: str, speaker: str | None) -> None:
    assert relation_kinds(text, text, speaker, speaker) == ("identical",)
    assert relation_kinds(text, text, speaker, None) == ("identical",)


def _no_space(s: str) -> str:
    return re.sub(r"\s+", "", s)


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS)
def test_word_diff_rejoins_to_both_texts(a: str, b: str) -> None:
    ops = word_diff(a, b)
    assert _no_space("".join(o.a for o in ops)) == _no_space(a)
    assert _no_space("".join(o.b for o in ops)) == _no_space(b)
    assert all(o.a or o.b for o in ops)
    assert all(x.op != y.op for x, y in pairwise(ops))  # consecutive ops merged


@settings(max_examples=300, deadline=None)
@given(PLAIN_TEXTS, PLAIN_TEXTS)
def test_word_diff_rejoins_word_for_word(a: str, b: str) -> None:
    ops = word_diff(a, b)
    assert " ".join(o.a for o in ops if o.a).split() == a.split()
    assert " ".join(o.b for o in ops if o.b).split() == b.split()
    assert all(o.op != "equal" or o.a and o.b for o in ops)
    assert all(o.op != "insert" or not o.a for o in ops)
    assert all(o.op != "delete" or not o.b for o in ops)


@settings(max_examples=400, deadline=None)
@given(TEXTS, TEXTS, st.sampled_from([None, "Tobias Wren"]))
def test_the_word_bag_check_never_rejects_a_pair_alignment_would_keep(
    a: str, b: str, speaker: str | None
) -> None:
    """group_quotes skips aligning pairs that fail the cheap bag check: it must be a
    necessary condition of renders_same, or grouping would lose pairs."""
    ta, tb = tokenize(a), tokenize(b)
    qa = Quote("qa", "x", a, 0, len(a), "direct", speaker="Mara Quint")
    qb = Quote("qb", "y", b, 0, len(b), "direct", speaker=speaker)
    if renders_same(align(ta, tb, a, b), qa, qb):
        masks = sum(t.mask is not None for t in (*ta, *tb))
        bag_a, bag_b = Counter(t.key for t in ta), Counter(t.key for t in tb)
        assert enough_shared_words(bag_a, bag_b, len(ta), len(tb), masks)
