"""Grouping quotes across outlets (``collate.group_quotes``), on hand-made stories and,
when present, on the seed articles.

All sentences here are our own; people, clubs and outlets are fictional.
"""

from __future__ import annotations

import random
import re

import pytest
from conftest import seed_paths

from rashomon.collate import candidate_pairs, group_quotes, posting_cap, relate_quotes
from rashomon.collate_align import mask_of, tokenize
from rashomon.model import Quote
from rashomon.resources.collate import STOCK_PHRASE_PARTNERS

# --- grouping -----------------------------------------------------------------------


def q(id: str, article: str, text: str, speaker: str | None = None, kind: str = "direct") -> Quote:
    return Quote(id, article, text, 0, len(text), kind, speaker=speaker)  # type: ignore[arg-type]


MARA, TOBIAS, DANA = "Mara Quint", "Tobias Wren", "Dana Ortiz"
MINI_STORY = [
    # harbor-daily
    q(
        "h1",
        "harbor-daily",
        "The club paid a s--- fee for a striker who never played a minute, and the "
        "season-ticket holders asked one question. Who approved it?",
        MARA,
    ),
    q(
        "h2",
        "harbor-daily",
        "a statement on squad planning that didn\u2019t name who approved the deal.",
        MARA,
        "partial",
    ),
    q(
        "h3",
        "harbor-daily",
        "The new away kit goes on sale in every club shop this weekend,",
        TOBIAS,
    ),
    q("h4", "harbor-daily", "The academy coaches deserve the credit for this run,", MARA),
    # coast-wire
    q(
        "c1",
        "coast-wire",
        "The club paid a s\u2014 fee for a striker who never played a minute, and the "
        "season-ticket holders asked one question: Who approved it? All the board sent "
        "back was a statement on long-term squad planning that didn't name who approved "
        "the deal.",
        MARA,
    ),
    q("c2", "coast-wire", "The new away kit goes on sale in every club shop"),
    q("c3", "coast-wire", "away kit", TOBIAS, "partial"),
    # bay-times: one quote split in two by its attribution
    q("b1", "bay-times", "The club paid a s*** fee for a striker who never played a minute,", MARA),
    q("b2", "bay-times", "and the season-ticket holders asked one question.", MARA),
    q("b3", "bay-times", "The new away kit goes on sale in every club shop this weekend,", DANA),
    q("b4", "bay-times", "I will not talk about the academy budget until the audit is out.", MARA),
]


def relations_by_pair(groups) -> dict[tuple[str, str], tuple[str, ...]]:
    return {(r.a, r.b): r.kinds for g in groups for r in g.relations}


def test_group_quotes_on_a_mini_story() -> None:
    groups = group_quotes(MINI_STORY)
    assert [g.id for g in groups] == ["g1", "g2"]
    fee, kit = groups
    assert fee.quotes == ("h1", "h2", "c1", "b1", "b2")
    assert fee.speaker == MARA
    # the 2-word partial joins through the quote of its own (resolved) speaker only
    assert kit.quotes == ("h3", "c2", "c3", "b3")
    assert kit.speaker == TOBIAS
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
    # "the levy vote" sits in two quotes of outlet one; the headline fragment of
    # outlet two must not bridge them into one group
    quotes = [
        q("o1", "one", "Parents will pack the hall for the levy vote on Thursday", MARA),
        q(
            "o2",
            "one",
            "Nobody on the school board has counted the votes, and the levy vote on "
            "Thursday is too close to call",
            MARA,
        ),
        q("t1", "two", "the levy vote on Thursday", MARA, "headline"),
        q("t2", "two", "Parents will pack the hall for the levy vote on Thursday", MARA),
        q(
            "t3",
            "two",
            "Nobody on the school board has counted the votes, and the levy vote on "
            "Thursday is too close to call.",
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

# one placeholder speaker for every seed quote: the kinds compared here are textual
SEED_SPEAKER = "Seed Speaker"
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
                        id, path.stem, text[start:end], start, end, "direct", speaker=SEED_SPEAKER
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
    # the first rendering stops where the second runs on, with other punctuation at the join
    assert follow.kinds == ("typographic", "extended")

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


# --- stock phrases and widely carried quotes ----------------------------------------

STOCK = "at the end of the day"


def test_a_stock_phrase_neither_groups_nor_pairs_every_quote() -> None:
    rng = random.Random(3)
    quotes = [
        q(
            f"q{n}",
            f"art{n % 4}",
            f"{STOCK} " + " ".join(f"w{rng.randrange(10_000)}" for _ in range(10)),
            f"Speaker {n % 7}",
        )
        for n in range(400)
    ]
    assert posting_cap(4) < 400
    pairs = candidate_pairs(quotes, [tokenize(x.text) for x in quotes])
    # all pairs of other articles would be 60,000; a stock phrase pairs each quote
    # with only a few others
    assert len(pairs) <= STOCK_PHRASE_PARTNERS * len(quotes)
    assert group_quotes(quotes) == ()


def test_a_quote_carried_by_hundreds_of_outlets_is_one_group() -> None:
    line = "The water is safe to drink and the boil notice ends at noon"
    quotes = [q(f"q{n}", f"outlet{n}", line + ("." if n % 2 else ""), DANA) for n in range(300)]
    groups = group_quotes(quotes)
    assert len(groups) == 1 and len(groups[0].quotes) == 300
    assert {k for r in groups[0].relations for k in r.kinds} <= {"identical", "typographic"}
