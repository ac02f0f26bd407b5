"""The report contract (DESIGN.md): the Report as plain JSON-ready dicts.

Field names here are public: add freely, never rename or drop without a schema bump.
"""

from __future__ import annotations

import json
from typing import Any

from ..collate_summary import QuoteSummary, quote_summary
from ..compare import left_out
from ..model import (
    ArticleAnalysis,
    Conflict,
    DateMention,
    EventSource,
    Facts,
    Quote,
    QuoteGroup,
    Report,
    Story,
    TimelineEvent,
)


def report_to_dict(report: Report) -> dict[str, Any]:
    return {
        "schema": report.schema,
        "articles": [article_to_dict(a) for a in report.articles],
        "stories": [story_to_dict(s, report) for s in report.stories],
        "problems": [
            {"source": p.source, "code": p.code, "message": p.message, "hint": p.hint, "fatal": p.fatal}
            for p in report.problems
        ],
    }


def to_json(report: Report, *, indent: int | None = 2) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=indent)


def article_to_dict(analysis: ArticleAnalysis) -> dict[str, Any]:
    a = analysis.article
    return {
        "id": a.id,
        "source": a.source,
        "outlet": a.outlet,
        "title": a.title,
        "url": a.url,
        "published": a.published.iso() if a.published else None,
        "published_basis": a.published_basis,
        "published_from": a.published_from,
        "text": a.text,
        "removed": [{"line": r.line, "reason": r.reason} for r in a.removed],
        "dates": [date_to_dict(d) for d in analysis.dates],
        "sentences": len(analysis.sentences),
    }


def date_to_dict(d: DateMention) -> dict[str, Any]:
    return {
        "expression": d.expression,
        "start": d.start,
        "end": d.end,
        "value": d.value,
        "granularity": d.granularity,
        "kind": d.kind,
    }


def quote_to_dict(q: Quote) -> dict[str, Any]:
    mention = q.speaker_mention
    return {
        "id": q.id,
        "article": q.article,
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "kind": q.kind,
        "speaker": q.speaker,
        "speaker_mention": (
            {"text": mention.text, "start": mention.start, "end": mention.end} if mention else None
        ),
        "cue": q.cue,
        "confidence": round(q.confidence, 3),
    }


def group_to_dict(g: QuoteGroup) -> dict[str, Any]:
    return {
        "id": g.id,
        "speaker": g.speaker,
        "quotes": list(g.quotes),
        "relations": [
            {
                "a": r.a,
                "b": r.b,
                "kinds": list(r.kinds),
                "diff": [{"op": d.op, "a": d.a, "b": d.b} for d in r.diff],
            }
            for r in g.relations
        ],
    }


def source_to_dict(s: EventSource) -> dict[str, Any]:
    return {
        "article": s.article,
        "expression": s.expression,
        "start": s.start,
        "end": s.end,
        "sentence": s.sentence,
        "event_start": s.event_start,
        "event_end": s.event_end,
        "basis": s.basis,
        "dated_by": s.dated_by,
    }


def event_to_dict(e: TimelineEvent) -> dict[str, Any]:
    return {
        "date": e.date.iso(),
        "granularity": e.date.granularity,
        "event": e.event,
        "sources": [source_to_dict(s) for s in e.sources],
        "conflict": (
            {"dates": [d.iso() for d in e.conflict.dates], "note": e.conflict.note}
            if e.conflict
            else None
        ),
    }


def conflict_to_dict(c: Conflict) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "about": c.about,
        "versions": [
            {"article": v.article, "value": v.value, "text": v.text, "start": v.start, "end": v.end}
            for v in c.versions
        ],
    }


def facts_to_dict(f: Facts) -> dict[str, Any]:
    return {
        "shared": [
            {
                "text": s.text,
                "sources": [{"article": x.article, "start": x.start, "end": x.end} for x in s.sources],
            }
            for s in f.shared
        ],
        "unique": [
            {"article": u.article, "text": u.text, "start": u.start, "end": u.end, "also_in": list(u.also_in)}
            for u in f.unique
        ],
        "conflicts": [conflict_to_dict(c) for c in f.conflicts],
        "updates": [
            {"about": u.about, "versions": [
                {"article": v.article, "value": v.value, "text": v.text, "start": v.start, "end": v.end}
                for v in u.versions
            ]}
            for u in f.updates
        ],
    }


def story_to_dict(story: Story, report: Report | None = None) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "speakers": [{"name": s.name, "aliases": list(s.aliases), "quotes": s.quotes} for s in story.speakers],
        "quotes": [quote_to_dict(q) for q in story.quotes],
        "quote_groups": [group_to_dict(g) for g in story.quote_groups],
        "timeline": [event_to_dict(e) for e in story.timeline],
        "undated": [source_to_dict(s) for s in story.undated],
        "facts": {**facts_to_dict(story.facts), "left_out": left_out(story.facts, story.articles)},
        "syndicated": [list(group) for group in story.syndicated],
        "quote_summary": quote_summary_to_dict(
            quote_summary(story, _outlet_names(report) if report else None)
        ),
    }


def _outlet_names(report: Report) -> dict[str, str]:
    return {a.article.id: a.article.outlet for a in report.articles if a.article.outlet}


def quote_summary_to_dict(summary: QuoteSummary) -> dict[str, Any]:
    """Pairs per kind, and per outlet the quotes showing each kind against another
    outlet's version ("alone": where it departs from all others, which agree)."""
    return {
        "pairs": {t.kind: t.count for t in summary.pairs},
        "outlets": [
            {
                "outlet": o.outlet,
                "articles": list(o.articles),
                "grouped": o.grouped,
                "kinds": {t.kind: t.count for t in o.kinds},
                "alone": {t.kind: t.count for t in o.alone},
            }
            for o in summary.outlets
        ],
    }
