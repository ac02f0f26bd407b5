"""Collation of one quote across outlets: kinds, word diff, grouping.

All sentences here are our own; people and outlets are fictional.
"""

from __future__ import annotations

import random
import re
from itertools import pairwise

import pytest
from conftest import seed_paths
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.collate import group_quotes, relate_quotes, relation_kinds, word_diff
from rashomon.collate_align import mask_of, tokenize
from rashomon.model import DiffOp, Quote

# --- relation kinds, one table per kind ---------------------------------------------

KIND_CASES = [
    # identical
    ("The harbor will reopen in spring.", "The harbor will reopen in spring.", ("identical",)),
    # typographic: curly vs straight apostrophes, inner quotes, case, dashes, spaces
    (
        "We\u2019re not done yet, and I won\u2019t quit.",
        "We're not done yet, and I won't quit.",
        ("typographic",),
    ),
    (
        "There\u2019s a fresh start, but the \u2018fresh start\u2019 is ours to make.",
        "There's a fresh start, but the fresh start is ours to make.",
        ("typographic",),
    ),
    ("Honestly, it was a mess.", "honestly it was a mess", ("typographic",)),
    ("It ran late\u2014very late.", "It ran late -- very late.", ("typographic",)),
    ("It ran  late.", "It ran late.", ("typographic",)),
    # censored: different masks, a mask against the word, bracketed masks
    (
        "There was a load of s--- in that report.",
        "There was a load of s\u2014 in that report.",
        ("censored",),
    ),
    ("That is s*** and you know it.", "That is s**t and you know it.", ("censored",)),
    ("What a f---ing waste of time.", "What a [expletive] waste of time.", ("censored",)),
    ("He called it the s-word twice.", "He called it the s*** twice.", ("censored",)),
    ("What a f---ing waste of time.", "What a fucking waste of time.", ("censored",)),
    # truncated: b is a contiguous proper part of a
    ("I love this town. I will never leave it.", "I love this town.", ("truncated",)),
    ("I love this town. I will never leave it.", "I will never leave it.", ("truncated",)),
    # extended: b holds a plus more
    ("We will rebuild the pier", "We will rebuild the pier next summer", ("extended",)),
    # cut at different places: both
    (
        "one two three four five six seven eight nine ten",
        "six seven eight nine ten eleven twelve",
        ("truncated", "extended"),
    ),
    # altered: a word dropped, added or changed inside the shared stretch
    ("you're just forgotten", "you're forgotten", ("altered",)),
    ("you're forgotten", "you're simply forgotten", ("altered",)),
    ("We will win this fight", "We shall win this fight", ("altered",)),
    ("Well, we tried hard", "So we tried hard", ("altered",)),
]


@pytest.mark.parametrize("a, b, kinds", KIND_CASES)
def test_relation_kinds(a: str, b: str, kinds: tuple[str, ...]) -> None:
    assert relation_kinds(a, b) == kinds


COMBINED_CASES = [
    # censored differently and one outlet cutting after a sentence, with ". " vs ": "
    (
        (
            "Our neighbors put up with s--- for years, and they want three things. "
            "They want you to leave."
        ),
        (
            "Our neighbors put up with s\u2014 for years, and they want three things: "
            "They want you to leave. The second thing is, they want an apology."
        ),
        ("typographic", "censored", "extended"),
    ),
    # a partial quote that drops a word inside another outlet's full quote
    (
        "because you walk the streets and you\u2019re forgotten.",
        "It is like being a ghost, because you walk the streets and you're just forgotten.",
        ("typographic", "extended", "altered"),
    ),
    # an extension of two words at the end
    (
        "things are finally turning my way",
        "things are finally turning my way at home",
        ("extended",),
    ),
    # censored and truncated at once
    (
        "We have more s--- to share. Much more.",
        "We have more s*** to share.",
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
    kinds = relation_kinds("we had s--- to fix, honestly", "We had s\u2014 to fix, frankly")
    assert "altered" in kinds and "censored" in kinds


def test_case_and_punctuation_at_a_cut_are_not_typographic() -> None:
    # an outlet quoting from mid-sentence capitalises the first word it keeps
    assert relation_kinds(
        "and there's a lot nobody knows yet", "There's a lot nobody knows yet"
    ) == ("truncated",)
    assert relation_kinds("it is coming back my way, slowly", "it is coming back my way") == (
        "truncated",
    )


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


# --- word diff ----------------------------------------------------------------------


def test_word_diff_marks_censorship_and_the_cut() -> None:
    ops = word_diff("They owe us s--- and more.", "They owe us s\u2014 and more. A lot more.")
    assert ops == (
        DiffOp("equal", "They owe us", "They owe us"),
        DiffOp("replace", "s---", "s\u2014"),
        DiffOp("equal", "and more.", "and more."),
        DiffOp("insert", "", "A lot more."),
    )


def test_word_diff_shows_a_dropped_word() -> None:
    assert word_diff("you're just forgotten", "you're forgotten") == (
        DiffOp("equal", "you're", "you're"),
        DiffOp("delete", "just", ""),
        DiffOp("equal", "forgotten", "forgotten"),
    )


def test_word_diff_equal_op_carries_both_spellings() -> None:
    ops = word_diff("the \u2018fresh start\u2019 is here", "the fresh start is here")
    assert ops == (
        DiffOp("equal", "the \u2018fresh start\u2019 is here", "the fresh start is here"),
    )


# --- properties ---------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "we",
        "We",
        "they",
        "want",
        "three",
        "things.",
        "things:",
        "you",
        "to",
        "leave",
        "you're",
        "you\u2019re",
        "just",
        "forgotten",
        "s---",
        "s\u2014",
        "s***",
        "shit",
        "[expletive]",
        "\u2018more",
        "more\u2019",
        "more",
        "come,",
        "\u2014",
        "late\u2014very",
        "and",
        "the",
        "The",
        "pier",
        "harbor.",
        "x-ray",
        "I\u2014",
    ]
)
PLAIN_WORDS = st.sampled_from(
    [
        "we",
        "We",
        "want",
        "three",
        "things.",
        "you're",
        "you\u2019re",
        "just",
        "s---",
        "s***",
        "shit",
        "[expletive]",
        "\u2018more\u2019",
        "more",
        "come,",
        "and",
        "the",
        "pier",
    ]
)
TEXTS = st.lists(WORDS, max_size=14).map(" ".join)
PLAIN_TEXTS = st.lists(PLAIN_WORDS, max_size=14).map(" ".join)
MIRROR = {"truncated": "extended", "extended": "truncated"}
SWAP = {"insert": "delete", "delete": "insert"}


def mirror_kinds(kinds: tuple[str, ...]) -> set[str]:
    return {MIRROR.get(k, k) for k in kinds}


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


# --- grouping -----------------------------------------------------------------------


def q(id: str, article: str, text: str, speaker: str | None = None, kind: str = "direct") -> Quote:
    return Quote(id, article, text, 0, len(text), kind, speaker=speaker)  # type: ignore[arg-type]


MARA, TOBIAS, DANA = "Mara Quint", "Tobias Wren", "Dana Ortiz"
MINI_STORY = [
    # harbor-daily
    q(
        "h1",
        "harbor-daily",
        "We have more s--- coming out about the pier contract, and it will all "
        "be public. People here want three things. They want the truth.",
        MARA,
    ),
    q(
        "h2",
        "harbor-daily",
        "like shouting into the wind because you stand on the dock and you\u2019re forgotten.",
        MARA,
        "partial",
    ),
    q(
        "h3",
        "harbor-daily",
        "The ferry schedule is finally coming back to normal this month,",
        TOBIAS,
    ),
    q("h4", "harbor-daily", "I owe the volunteers everything,", MARA),
    # coast-wire
    q(
        "c1",
        "coast-wire",
        "We have more s\u2014 coming out about the pier contract, and it will all "
        "be public. People here want three things: They want the truth. The second thing is, "
        "they want the money back. And the third thing is, it feels like shouting into the "
        "wind, because you stand on the dock and you're just forgotten.",
        MARA,
    ),
    q("c2", "coast-wire", "The ferry schedule is finally coming back to normal"),
    q("c3", "coast-wire", "ferry schedule", TOBIAS, "partial"),
    # bay-times: one quote split in two by its attribution
    q("b1", "bay-times", "We have more s*** coming out about the pier contract,", MARA),
    q("b2", "bay-times", "and it will all be public.", MARA),
    q("b3", "bay-times", "The ferry schedule is finally coming back to normal this month,", DANA),
    q("b4", "bay-times", "I have nothing to add about the pier, and I think that is fair.", MARA),
]


def relations_by_pair(groups) -> dict[tuple[str, str], tuple[str, ...]]:
    return {(r.a, r.b): r.kinds for g in groups for r in g.relations}


def test_group_quotes_on_a_mini_story() -> None:
    groups = group_quotes(MINI_STORY)
    assert [g.id for g in groups] == ["g1", "g2"]
    pier, ferry = groups
    assert pier.quotes == ("h1", "h2", "c1", "b1", "b2")
    assert pier.speaker == MARA
    # the 2-word partial joins through the quote of its own (resolved) speaker only
    assert ferry.quotes == ("h3", "c2", "c3", "b3")
    assert ferry.speaker == TOBIAS
    kinds = relations_by_pair(groups)
    assert kinds == {
        ("h1", "c1"): ("typographic", "censored", "extended"),
        ("h1", "b1"): ("censored", "truncated"),
        ("h1", "b2"): ("truncated",),
        ("h2", "c1"): ("typographic", "extended", "altered"),
        ("c1", "b1"): ("censored", "truncated"),
        ("c1", "b2"): ("truncated",),
        ("h3", "c2"): ("truncated",),
        ("h3", "c3"): ("truncated",),
        ("h3", "b3"): ("identical", "misattributed"),
        ("c2", "b3"): ("extended",),
    }


def test_group_relations_match_relate_quotes() -> None:
    by_id = {x.id: x for x in MINI_STORY}
    for group in group_quotes(MINI_STORY):
        for relation in group.relations:
            assert relation == relate_quotes(by_id[relation.a], by_id[relation.b])


def test_quotes_of_one_article_alone_are_not_grouped() -> None:
    text = "The council will vote on the budget next week."
    assert group_quotes([q("a", "one", text), q("b", "one", text)]) == ()


def test_a_common_phrase_does_not_make_one_quote() -> None:
    quotes = [
        q("a", "one", "I think that we should all go home now", MARA),
        q("b", "two", "Nobody asked me, but I think that the vote was rigged from the start", MARA),
    ]
    assert group_quotes(quotes) == ()


def test_a_fragment_joins_the_best_match_only() -> None:
    # "more to come" sits in two quotes of outlet one; the headline fragment of outlet
    # two must not bridge them into one group
    quotes = [
        q("o1", "one", "I really think there is more to come", MARA),
        q(
            "o2",
            "one",
            "There is more to come, but the work is mine now and the rest is noise",
            MARA,
        ),
        q("t1", "two", "there is more to come", MARA, "headline"),
        q("t2", "two", "I really think there is more to come", MARA),
        q(
            "t3",
            "two",
            "There is more to come, but the work is mine now and the rest is noise.",
            MARA,
        ),
    ]
    groups = group_quotes(quotes)
    assert [g.quotes for g in groups] == [("o1", "t1", "t2"), ("o2", "t3")]


def test_two_word_quote_needs_one_resolved_speaker() -> None:
    full = q("a", "one", "We want a fair deal and nothing less", MARA)
    assert len(group_quotes([full, q("b", "two", "fair deal", MARA, "partial")])) == 1
    assert group_quotes([full, q("b", "two", "fair deal", None, "partial")]) == ()
    assert group_quotes([full, q("b", "two", "fair deal", TOBIAS, "partial")]) == ()


def test_different_speakers_need_nearly_the_same_words() -> None:
    a = q("a", "one", "The storm wall held and the town is safe tonight", MARA)
    same = q("b", "two", "The storm wall held and the town is safe tonight.", TOBIAS)
    fragment = q("c", "two", "and the town is safe", TOBIAS)
    groups = group_quotes([a, same, fragment])
    assert [g.quotes for g in groups] == [("a", "b")]
    assert groups[0].relations[0].kinds == ("typographic", "misattributed")


def _synthetic_story(n: int, seed: int = 7) -> list[Quote]:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(3000)] + [
        "the",
        "a",
        "to",
        "of",
        "and",
        "we",
        "you",
        "they",
        "it",
    ] * 40
    quotes = []
    for u in range(n // 5):
        words = [rng.choice(vocab) for _ in range(rng.randint(8, 40))]
        for art in range(5):
            w = list(words)
            r = rng.random()
            if r < 0.2:
                w = w[: max(3, len(w) // 2)]
            elif r < 0.3:
                w = w + ["more", "words"]
            elif r < 0.4:
                del w[3]
            text = " ".join(w)
            quotes.append(q(f"q{len(quotes)}", f"art{art}", text, f"Speaker {u % 50}"))
    rng.shuffle(quotes)
    return quotes


def test_grouping_scales_to_thousands_of_quotes() -> None:
    quotes = _synthetic_story(5000)
    groups = group_quotes(quotes)
    # speed is measured by `make bench`, never asserted here
    assert len(groups) == 1000 and all(len(g.quotes) == 5 for g in groups)


# --- the seeds (skipped when absent) ------------------------------------------------

_QUOTED = re.compile(r"[\u201c\"]([^\u201c\u201d\"]+)[\u201d\"]")


def _seed_quotes() -> list[Quote]:
    """Quoted spans per paragraph; ids are "<article>:<paragraph>:<n>"."""
    quotes = []
    for path in seed_paths():
        text = path.read_text(encoding="utf-8")
        for p, line in enumerate(re.finditer(r"[^\n]+", text)):
            for m in _QUOTED.finditer(line.group()):
                start, end = line.start() + m.start(1), line.start() + m.end(1)
                id = f"{path.stem}:{p}:{len(quotes)}"
                quotes.append(
                    Quote(
                        id, path.stem, text[start:end], start, end, "direct", speaker="Alec Baldwin"
                    )
                )
    return quotes


def _has_mask(text: str) -> bool:
    return any(mask_of(chunk) for chunk in text.split())


@pytest.mark.skipif(len(seed_paths()) < 2, reason="seed articles not present")
def test_seeds() -> None:
    quotes = _seed_quotes()
    by_id = {x.id: x for x in quotes}
    groups = group_quotes(quotes)
    relations = [r for g in groups for r in g.relations]
    for group in groups:
        assert len({by_id[x].article for x in group.quotes}) >= 2
    for r in relations:
        assert by_id[r.a].article != by_id[r.b].article

    # the expletive quote: masked differently by the two outlets, grouped as censored
    masked = [x for x in quotes if _has_mask(x.text)]
    assert len({x.article for x in masked}) == 2
    censored = [r for r in relations if "censored" in r.kinds]
    assert {(r.a, r.b) for r in censored} == {(masked[0].id, masked[1].id)}

    # what follows it in the same paragraph: one outlet runs on after the other stops
    def follower(x: Quote) -> Quote:
        paragraph = x.id.rsplit(":", 1)[0]
        same = [y for y in quotes if y.id.rsplit(":", 1)[0] == paragraph]
        return same[same.index(x) + 1]

    pair = (follower(masked[0]).id, follower(masked[1]).id)
    follow = next(r for r in relations if (r.a, r.b) == pair)
    assert "extended" in follow.kinds or "truncated" in follow.kinds

    # a partial quote inside the long one with a word dropped: altered, and cut
    partial = [
        r
        for r in relations
        if "altered" in r.kinds
        and any(
            o.op in ("insert", "delete") and len((o.a or o.b).split()) == 1 for o in r.diff[1:-1]
        )
    ]
    assert partial and {"extended", "truncated"} & set(partial[0].kinds)
    assert partial[0].b == pair[1]  # it belongs with the long quote the follower is in

    # a quote one outlet extends by two words at its end
    two_more = [
        r
        for r in relations
        if r.diff[-1].op in ("insert", "delete")
        and len((r.diff[-1].a or r.diff[-1].b).split()) == 2
    ]
    assert two_more and all({"extended", "truncated"} & set(r.kinds) for r in two_more)
