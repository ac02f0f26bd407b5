"""Conflicts between statements of different articles: dates, numbers, names, claims.

Matched statements (the same fact) are checked for a date with no compatible
counterpart, a number of the same unit with no common value, a different name in the
same role slot, and one side denying what the other asserts. Date and number
conflicts are also looked for beyond the matched pairs, across every statement of the
story: two statements that give the same event verb ("closed", "shut"; "sentenced")
different dates or counts ("to 30 months" / "to 36 months"), and share the thing it
happened to, disagree on it however differently the rest is worded, and whichever
statements the one-to-one matching happened to pair. Clashes of one kind about the same
thing merge into one conflict with a version per statement.
"""

from __future__ import annotations

from .compare_claims import pair_claim_clash
from .compare_clash import (
    Clash,
    about_words,
    clause_stems,
    closeness,
    date_clash,
    order,
    unit_label,
    words_near,
)
from .compare_events import (
    event_clashes,
    event_date_slot_clashes,
    restated_date_clashes,
    same_day_count_clashes,
)
from .compare_slots import slot_clashes
from .compare_units import NameRun, Statement
from .compare_values import NumberMention
from .disjoint import DisjointSets
from .model import Conflict, ConflictVersion
from .resources.compare import (
    ADJECTIVE_ENDINGS,
    ATTRIBUTION_AFTER,
    ATTRIBUTION_BEFORE,
    DESCRIBING_WORDS,
    STRONG_MATCH,
    SWAPPED_NAME_MATCH,
)


def conflicts_of(
    statements: list[Statement],
    edges: list[tuple[int, int]],
    source: dict[str, str] | None = None,
) -> tuple[list[Conflict], set[tuple[int, int]]]:
    """The conflicts over the matched pairs ``edges`` (plus event-date and
    event-number clashes between any statements), and every pair of statements that
    clashes, as (lower index, higher index)."""
    source = source or {}
    names_of: dict[str, set[str]] = {}  # every name token each source writes
    for s in statements:
        names_of.setdefault(source.get(s.article, s.article), set()).update(s.names)
    clashes: list[Clash] = []
    for i, j in edges:
        a, b = statements[i], statements[j]
        clashes.extend(_pair_clashes(statements, i, j, (
            names_of[source.get(a.article, a.article)], names_of[source.get(b.article, b.article)]
        )))
    clashes.extend(event_clashes(statements, set(edges)))
    clashes.extend(restated_date_clashes(statements, set(edges)))
    clashes.extend(event_date_slot_clashes(statements, set(edges), source))
    clashes.extend(same_day_count_clashes(statements, set(edges)))
    clashes.extend(Clash(*clash) for clash in slot_clashes(statements, source))
    clashing = {(min(c.a, c.b), max(c.a, c.b)) for c in clashes}
    return _merged(statements, clashes), clashing


def _pair_clashes(
    statements: list[Statement], i: int, j: int, names: tuple[set[str], set[str]]
) -> list[Clash]:
    """The clashes of a matched pair; ``names`` are the name tokens each side's source
    writes anywhere in the story."""
    a, b = statements[i], statements[j]
    found: list[tuple[str, str, str, str, str]] = []  # kind, key, label, value a, value b
    date = date_clash(a.dates, b.dates)
    if date is not None and clause_stems(a, date[0]) & clause_stems(b, date[1]):
        found.append(("date", "date", "date", date[0].text, date[1].text))
    for unit, (x, y) in _number_clashes(a, b).items():
        found.append(("number", unit.unit, unit_label(unit), x, y))
    close = closeness(a, b)
    name = _name_clash(a, b) if close >= STRONG_MATCH else _strangers_in_role(a, b, *names)
    if name is not None:
        slot, x, y = name
        role = a.surface(slot.split(":", 1)[1]).lower()
        found.append(("name", slot, f"name ({role})", x, y))
    elif close >= SWAPPED_NAME_MATCH:
        swapped = _swapped_names(a, b, *names)
        if swapped is not None:
            found.append(("name", "person", "name", *swapped))
    if close >= STRONG_MATCH:
        claim = pair_claim_clash(a, b)
        if claim is not None:
            found.append(("claim", "claim", "claim", *claim))
    if not found:
        return []
    about = about_words(a, b)  # (only for pairs that clash: most matched pairs do not)
    return [Clash(kind, key, f"{label}: {about}", i, x, j, y) for kind, key, label, x, y in found]


def _number_clashes(a: Statement, b: Statement) -> dict[NumberMention, tuple[str, str]]:
    """Per unit counted on both sides with no count in common (hedges allowed: "about
    9,000" agrees with "some 8,900"): the first mention of each (keyed by the first
    side's mention, which names the unit). Where the sides agree on one count but each
    has another ("7% demanded, 3.5% offered" / "7% sought, 3.2% offered"), the two
    others clash when the words next to them match ("offer")."""
    out: dict[NumberMention, tuple[str, str]] = {}
    units = {n.unit for n in a.numbers if n.unit} & {n.unit for n in b.numbers if n.unit}
    for unit in sorted(units):
        xs = [n for n in a.numbers if n.unit == unit]
        ys = [n for n in b.numbers if n.unit == unit]
        if not any(x.agrees_with(y) for x in xs for y in ys):
            if len(xs) == 1 and len(ys) == 1:
                out[xs[0]] = (xs[0].text, ys[0].text)
                continue
            # several counts of the unit on a side ("9,412 votes to Kroll's 9,375"
            # against "by 73 votes"): only the ones the same words stand next to
            pair = next(((x, y) for x in xs for y in ys if words_near(a, x) & words_near(b, y)), None)
            if pair is not None:
                out[pair[0]] = (pair[0].text, pair[1].text)
            continue
        lone_x = [x for x in xs if not any(x.agrees_with(y) for y in ys)]
        lone_y = [y for y in ys if not any(y.agrees_with(x) for x in xs)]
        for x in lone_x:
            near_x = words_near(a, x)
            match = next((y for y in lone_y if near_x & words_near(b, y)), None)
            if match is not None:
                out[x] = (x.text, match.text)
                break
    return out


def _name_clash(a: Statement, b: Statement) -> tuple[str, str, str] | None:
    """A name in one that the other never mentions, in a role slot the other fills with
    a name of its own that the first never mentions."""
    for x in a.name_runs:
        if x.tokens & b.names:
            continue
        for y in b.name_runs:
            if y.tokens & a.names:
                continue
            slots = x.slots & y.slots
            if slots:
                # a title or role word names the slot better than the verb after it
                return sorted(slots, key=lambda s: (not s.startswith("role:"), s))[0], x.text, y.text
    return None


def _swapped_names(
    a: Statement, b: Statement, names_a: set[str], names_b: set[str]
) -> tuple[str, str] | None:
    """In two statements that say nearly the same words ("The agreement was brokered by
    Agnes Polder, a mediator" / "The deal was brokered by Ruth Calloway, a mediator"),
    the one full name each gives that the other's source never writes: the same part
    played by two people."""
    lone_a = [x for x in a.name_runs if len(x.tokens) > 1 and not x.tokens & names_b
              and not _speaker(a, x)]
    lone_b = [y for y in b.name_runs if len(y.tokens) > 1 and not y.tokens & names_a
              and not _speaker(b, y)]
    if len(lone_a) == 1 and len(lone_b) == 1:
        return lone_a[0].text, lone_b[0].text
    return None


def _speaker(statement: Statement, run: NameRun) -> bool:
    """Whether the name is who the statement is attributed to ("..., said Anna Berg",
    "according to Tom Hale", "Anna Berg said"): outlets quoting two people for one fact
    do not dispute who did it."""
    before = statement.text[: run.start - statement.start]
    after = statement.text[run.end - statement.start:]
    return bool(ATTRIBUTION_BEFORE.search(before) or ATTRIBUTION_AFTER.match(after))


def _strangers_in_role(
    a: Statement, b: Statement, names_a: set[str], names_b: set[str]
) -> tuple[str, str, str] | None:
    """In two statements matched less closely: full names in the same role ("council
    member Gideon Arkwright" / "Council member Marisol Tench"), where neither source
    names the other's person anywhere in the story. A role written before the name is
    needed: the word after a name ("said") is no role."""
    for x in a.name_runs:
        if len(x.tokens) < 2 or x.tokens & names_b:
            continue
        for y in b.name_runs:
            if len(y.tokens) < 2 or y.tokens & names_a:
                continue
            # a role noun, not a describing word ("local resident Anna Berg")
            roles = sorted(slot for slot in x.slots & y.slots
                           if slot.startswith("role:") and not _describing(slot.split(":", 1)[1]))
            if roles:
                return roles[0], x.text, y.text
    return None


def _merged(statements: list[Statement], clashes: list[Clash]) -> list[Conflict]:
    """Clashes of one kind about the same thing (unit, role slot) that share a
    statement become one conflict, with one version per statement."""
    sets = DisjointSets(len(clashes))
    holder: dict[tuple, int] = {}
    for k, clash in enumerate(clashes):
        for index in (clash.a, clash.b):
            sets.union(holder.setdefault((clash.kind, clash.key, index), k), k)
        # two checks that find one person named two ways in the same two statements
        # (a role word, a role phrase) report it once; two numbers that differ in
        # the same two statements ("3 killed and 12 hurt" / "4 killed and 10 hurt")
        # are two conflicts
        if clash.kind == "name":
            pair = (clash.kind, min(clash.a, clash.b), max(clash.a, clash.b))
            sets.union(holder.setdefault(pair, k), k)
    out = []
    for member_ids in sets.groups():
        members = [clashes[k] for k in member_ids]
        values: dict[int, str] = {}
        for clash in members:
            values.setdefault(clash.a, clash.value_a)
            values.setdefault(clash.b, clash.value_b)
        ordered = sorted(values, key=lambda k: order(statements[k]))
        conflict = Conflict(
            kind=members[0].kind,  # type: ignore[arg-type]
            about=members[0].about,
            versions=tuple(
                ConflictVersion(
                    statements[k].article, values[k], statements[k].text,
                    statements[k].start, statements[k].end,
                )
                for k in ordered
            ),
        )
        out.append((order(statements[ordered[0]]), conflict.kind, conflict))
    return [c for *_, c in sorted(out, key=lambda t: (t[0], t[1]))]


def _describing(role: str) -> bool:
    """A word before a name that describes rather than names a role ("local")."""
    return role.endswith(ADJECTIVE_ENDINGS) or role in DESCRIBING_WORDS
