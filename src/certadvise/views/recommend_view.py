"""Reports for `recommend`: the ranking, what was excluded, and `--why`."""

from __future__ import annotations

from typing import Any

from certadvise.advice.costs import Ownership, Quote, quote_text
from certadvise.advice.ranking import Evaluation, Recommendations
from certadvise.advice.rules import Outcome
from certadvise.render.report import Column, Report
from certadvise.views import ownership_document


def cost_document(quote: Quote) -> dict[str, Any]:
    return {
        "minimum_usd": quote.usd,
        "currency": "USD",
        "verified": quote.verified,
        "at_least": quote.at_least,
        "route": quote.route,
        "unverified_fees": list(quote.unverified_parts),
    }


def cost_for_people(quote: Quote) -> str:
    if not quote.verified:
        return "not verified"
    note = "" if quote.route == "non-member price" else f" ({quote.route})"
    return quote_text(quote) + note


def reasons(ev: Evaluation) -> list[str]:
    """Why it is recommended: the scoring reasons, strongest first, then what it meets."""
    scored = sorted((c for c in ev.components if c.points > 0), key=lambda c: -c.points)
    met = [v.reason for v in ev.verdicts if v.rule == "prerequisites" and v.outcome is Outcome.PASS]
    return [c.reason for c in scored] + met


def warnings(ev: Evaluation) -> list[str]:
    return ev.warnings + list(ev.quote.notes)


def recommendation_document(
    rank: int, ev: Evaluation, ownership: Ownership | None
) -> dict[str, Any]:
    return {
        "rank": rank,
        "id": ev.entry.id,
        "name": ev.entry.name,
        "organization": ev.entry.organization,
        "score": ev.score,
        "cost": cost_document(ev.quote),
        "reasons": reasons(ev),
        "warnings": warnings(ev),
        "total_cost": ownership_document(ownership),
        "score_components": [
            {"name": c.name, "points": c.points, "reason": c.reason} for c in ev.components
        ],
    }


def excluded_document(ev: Evaluation) -> dict[str, Any]:
    return {
        "id": ev.entry.id,
        "reasons": ev.failures,
        "rules": [v.rule for v in ev.verdicts if v.outcome is Outcome.FAIL],
    }


def recommend_report(advice: Recommendations, top: int | None, show_excluded: bool) -> Report:
    shown = advice.ranked if top is None else advice.ranked[:top]
    records = [
        recommendation_document(rank, ev, advice.ownership(ev))
        for rank, ev in enumerate(shown, start=1)
    ]
    rows = [
        {
            **doc,
            "minimum_usd": doc["cost"]["minimum_usd"],
            "cost_verified": doc["cost"]["verified"],
            "cost_now": cost_for_people(ev.quote),
            "why": "; ".join(doc["reasons"][:3]),
        }
        for doc, ev in zip(records, shown, strict=True)
    ]
    columns = [
        Column("rank", "#", no_wrap=True),
        Column("id", "ID", no_wrap=True),
        Column("name", "Name"),
        Column("organization", "Org", no_wrap=True),
        Column("score", "Score", for_people=False),
        Column("minimum_usd", "Minimum USD", for_people=False),
        Column("cost_verified", "Cost verified", for_people=False),
        Column("cost_now", "Cost now", for_programs=False),
        Column("why", "Why", for_programs=False),
        Column("reasons", "Reasons", for_people=False),
        Column("warnings", "Warnings", for_people=False),
    ]

    def document() -> dict[str, Any]:  # built only for --format json: it lists every entry
        return {
            "profile": advice.profile.as_document(),
            "assumptions": list(advice.assumptions),
            "messages": list(advice.messages),
            "recommendations": records,
            "not_shown": [ev.entry.id for ev in advice.ranked[len(shown) :]],
            "excluded": [excluded_document(ev) for ev in advice.excluded],
        }

    notes = [f"assumption: {a}" for a in advice.assumptions]
    notes += [f"warning: {ev.entry.id}: {w}" for ev in shown for w in warnings(ev)]
    if len(shown) < len(advice.ranked):
        notes.append(
            f"{len(advice.ranked) - len(shown)} more fit: use --all or --top N to see them"
        )
    notes += list(advice.messages)
    extra = [_excluded_report(advice)] if show_excluded else []
    more_rows: list[dict[str, Any]] = []
    if show_excluded:  # csv and tsv: every row says what it is, the excluded ones follow
        columns.insert(1, Column("status", "Status", for_people=False))
        rows = [{**row, "status": "recommended"} for row in rows]
        more_rows = [
            {
                "status": "excluded",
                "id": ev.entry.id,
                "name": ev.entry.name,
                "organization": ev.entry.organization,
                "reasons": ev.failures,
            }
            for ev in advice.excluded
        ]
    return Report(
        columns,
        rows,
        document,
        records=records,
        notes=notes,
        extra=extra,
        title="Recommended" if show_excluded else None,
        more_rows=more_rows,
    )


def _excluded_report(advice: Recommendations) -> Report:
    rows = [{"id": ev.entry.id, "reasons": "; ".join(ev.failures)} for ev in advice.excluded]
    return Report(
        [Column("id", "ID", no_wrap=True), Column("reasons", "Why not")],
        rows,
        None,
        title="Excluded",
    )


def why_report(advice: Recommendations, ev: Evaluation) -> Report:
    """Every rule that fired for one certification, and every point of its score."""
    rank = next(
        (i for i, r in enumerate(advice.ranked, start=1) if r.entry.id == ev.entry.id), None
    )
    rows: list[dict[str, Any]] = [
        {"step": v.rule, "outcome": v.outcome.value, "points": None, "reason": v.reason}
        for v in ev.verdicts
    ]
    rows += [
        {"step": f"score: {c.name}", "outcome": "score", "points": c.points, "reason": c.reason}
        for c in ev.components
    ]
    columns = [
        Column("step", "Rule", no_wrap=True),
        Column("outcome", "Outcome", no_wrap=True),
        Column("points", "Points", lambda p: "" if p is None else f"{p:+g}", no_wrap=True),
        Column("reason", "Reason"),
    ]
    verdict = (
        f"ranked #{rank} of {len(advice.ranked)}, score {ev.score:g}"
        if rank
        else "excluded: " + "; ".join(ev.failures)
    )
    document = {
        "id": ev.entry.id,
        "eligible": ev.eligible,
        "rank": rank,
        "score": ev.score if ev.eligible else None,
        "cost": cost_document(ev.quote),
        "verdicts": [
            {"rule": v.rule, "outcome": v.outcome.value, "reason": v.reason} for v in ev.verdicts
        ],
        "score_components": [
            {"name": c.name, "points": c.points, "reason": c.reason} for c in ev.components
        ],
        "assumptions": list(advice.assumptions),
    }
    return Report(
        columns,
        rows,
        document,
        title=f"{ev.entry.id}: {verdict}",
        notes=[f"assumption: {a}" for a in advice.assumptions],
        id_key="step",
        ids=[ev.entry.id],
    )
