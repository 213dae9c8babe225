"""The report of `path`: a numbered plan, its total, the alternatives and the warnings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from certadvise.advice.judgement import Judgement
from certadvise.advice.plans import INCLUDED, Plan, Step, duration_text
from certadvise.render.report import Column, Report
from certadvise.views import (
    ownership_document,
    page,
    source_document,
    step_document,
)


def numbered_step(number: int, step: Step) -> dict[str, Any]:
    """A step of the plan as JSON, with its number and its rough time in years."""
    return {"step": number, **step_document(step), "years": step.years}


def plan_summary(plan: Plan, judged: Judgement) -> dict[str, Any]:
    return {
        "route": plan.route,
        "total_cost_usd": plan.known_usd,
        "total_cost_complete": not plan.unpriced,
        "total_cost": judged.plan_cost(plan),  # as the table says it
        "unpriced_steps": list(plan.unpriced),
        "years": round(plan.years, 2),
        "months": round(plan.months, 2),
        "time": plan.time_text,
        "steps": [numbered_step(i, s) for i, s in enumerate(plan.steps, start=1)],
    }


def path_report(plan: Plan, judged: Judgement, assumptions: Sequence[str] = ()) -> Report:
    """The plan; the judgement and `assumptions` say for whom (on the HTML page)."""
    steps = [numbered_step(i, s) for i, s in enumerate(plan.steps, start=1)]
    rows = [
        {
            **doc,
            "cost": _step_cost(step, judged),
            "why_for_people": doc["why"] + (f" ({doc['note']})" if doc["note"] else ""),
        }
        for doc, step in zip(steps, plan.steps, strict=True)
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
        Column("included", "Included", for_people=False),
    ]
    ownership = plan.ownership
    document = {
        "target": plan.target.id,
        **plan_summary(plan, judged),
        "alternatives": [plan_summary(alt, judged) for alt in plan.alternatives],
        "warnings": list(plan.warnings),
        "ownership": ownership_document(ownership),
        "to_keep": plan.to_keep,
        "name": plan.target.name,
        "sources": [source_document(s) for s in plan.target.sources],
    }
    footer, summary = _summary(plan, judged)
    return Report(
        columns,
        rows,
        document,
        records=[*steps, *summary],
        notes=[f"warning: {w}" for w in plan.warnings if w != plan.held],  # held: on stdout
        id_key="id",
        title=f"Path to {plan.target.id} ({plan.route})",
        footer=footer,
        more_rows=summary,
        page=page(
            "path",
            f"Path to {plan.target.id}",
            today=judged.today,
            entries=[plan.target],
            profile=judged.profile,
            assumptions=assumptions,
            reader=judged.reader,
        ),
    )


def _summary(plan: Plan, judged: Judgement) -> tuple[list[str], list[dict[str, Any]]]:
    """The total, the alternatives and the holding cost: lines for people, rows for programs."""
    lines: list[str] = []
    rows: list[dict[str, Any]] = []
    if plan.held is not None:
        lines.append(plan.held)
    if plan.to_keep is not None:
        lines.append(f"to keep it: {plan.to_keep}")
        rows.append({"kind": "keeping", "text": plan.to_keep})
    if plan.steps:
        unpriced = f" (not priced: {', '.join(plan.unpriced)})" if plan.unpriced else ""
        when = duration_text(plan.months) if plan.months else None  # for programs, as before
        # for people, the time with what of it is not known ('a day + study, time not verified')
        duration = f"; {plan.time_text}" if when or plan.study_unknown else ""
        lines.append(f"total: {judged.plan_cost(plan)}{unpriced}{duration}")
        rows.append(
            {
                "kind": "total",
                "text": judged.plan_cost(plan),
                "cost_usd": plan.known_usd,
                "years": round(plan.years, 2),
                "duration": when,
            }
        )
    for alt in plan.alternatives:
        cost = judged.plan_cost(alt)
        steps = f"{len(alt.steps)} step{'' if len(alt.steps) == 1 else 's'}"
        lines.append(f"alternative: {alt.route}: {cost}, {steps}")
        rows.append(
            {
                "kind": "alternative",
                "text": alt.route,
                "cost_usd": alt.known_usd,
                "years": round(alt.years, 2),
                "note": f"{cost}, {steps}",
            }
        )
    ownership = plan.ownership
    if ownership is not None:
        holding = f"holding {plan.target.id} for {ownership.years} years"
        costs = judged.reader.after(ownership.text, ownership.usd, ownership.currency)
        lines.append(f"{holding} costs {costs}")
        rows.append(
            {
                "kind": "holding",
                "text": holding,
                "cost_usd": ownership.usd,
                "note": ownership.text,
            }
        )
    return lines, rows


def _step_cost(step: Step, judged: Judgement) -> str:
    """A step's cost for people: in the person's currency, or as its source states it
    with roughly what that is in the person's."""
    if step.included:
        return INCLUDED
    if step.usd is None:
        return "not verified"
    if step.price is not None:
        price = step.price
        approx = judged.converter.approximately(price.amount, price.currency, judged.currency)
        return price.text + (f" ({approx})" if approx else "")
    return judged.in_own_currency(step.usd)
