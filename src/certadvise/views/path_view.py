"""The report of `path`: a numbered plan, its total, the alternatives and the warnings."""

from __future__ import annotations

from typing import Any

from certadvise.advice.costs import money
from certadvise.advice.planning import Plan, Step, duration_text
from certadvise.render.report import Column, Report
from certadvise.views import ownership_document


def step_document(number: int, step: Step) -> dict[str, Any]:
    return {
        "step": number,
        "kind": step.kind,
        "text": step.text,
        "why": step.why,
        "cost_usd": step.usd,
        "cost_verified": step.usd is not None,
        "years": step.years,
        "months": None if step.months is None else round(step.months, 2),
        "duration": step.duration,
        "id": step.cert_id,
        "note": step.note,
    }


def plan_summary(plan: Plan) -> dict[str, Any]:
    return {
        "route": plan.route,
        "total_cost_usd": plan.known_usd,
        "total_cost_complete": not plan.unpriced,
        "total_cost": plan.cost_text,
        "unpriced_steps": plan.unpriced,
        "years": round(plan.years, 2),
        "months": round(plan.months, 2),
        "steps": [step_document(i, s) for i, s in enumerate(plan.steps, start=1)],
    }


def path_report(plan: Plan) -> Report:
    steps = [step_document(i, s) for i, s in enumerate(plan.steps, start=1)]
    rows = [
        {
            **doc,
            "cost": money(doc["cost_usd"]),
            "why_for_people": doc["why"] + (f" ({doc['note']})" if doc["note"] else ""),
        }
        for doc in steps
    ]
    columns = [
        Column("step", "#", no_wrap=True),
        Column("kind", "Kind", no_wrap=True),
        Column("text", "Step"),
        Column("cost", "Cost", for_programs=False),
        Column("cost_usd", "Cost USD", for_people=False),
        Column("duration", "Time", lambda d: d or "", no_wrap=True),
        Column("years", "Years", for_people=False),
        Column("why_for_people", "Why", for_programs=False),
        Column("why", "Why", for_people=False),
        Column("id", "Id", for_people=False),
        Column("note", "Note", for_people=False),
    ]
    ownership = plan.ownership
    document = {
        "target": plan.target.id,
        **plan_summary(plan),
        "alternatives": [plan_summary(alt) for alt in plan.alternatives],
        "warnings": list(plan.warnings),
        "ownership": ownership_document(ownership),
    }
    notes = []
    if plan.steps:
        unpriced = f" (not priced: {', '.join(plan.unpriced)})" if plan.unpriced else ""
        when = duration_text(plan.months) if plan.months else None
        duration = f"; {when}" if when else ""
        notes.append(f"total: {plan.cost_text}{unpriced}{duration}")
    notes += [
        f"alternative: {alt.route}: {alt.cost_text}, {len(alt.steps)} steps"
        for alt in plan.alternatives
    ]
    if ownership is not None:
        notes.append(f"holding {plan.target.id} for {ownership.years} years costs {ownership.text}")
    notes += [f"warning: {w}" for w in plan.warnings]
    return Report(
        columns,
        rows,
        document,
        records=steps,
        notes=notes,
        id_key="kind",
        title=f"Path to {plan.target.id} ({plan.route})",
    )
