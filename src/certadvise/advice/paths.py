"""`path`: the plan from where a person stands to one certification, with what it warns of.

The steps are the planner's (the same `recommend` shows); this adds what only a path says:
a retired target planned as its successor, a held one pointed to `renewals`, dated rule
changes that fall before the person gets there, a date they set, and what holding the
credential costs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from certadvise.advice.judgement import Judgement
from certadvise.advice.planner import final_step
from certadvise.advice.plans import Plan, StepKind, duration_text
from certadvise.advice.rules import renews, way_back_words
from certadvise.catalog.models import Certification, Status


def plan_path(judged: Judgement, target: Certification, by: dt.date | None = None) -> Plan:
    """The plan to `target`, with alternatives, warnings and the cost of holding it."""
    catalog, profile = judged.catalog, judged.profile
    warnings: list[str] = []
    if target.status is Status.RETIRED and target.retired and target.retired.successor:
        successor = catalog.entries[target.retired.successor]
        warnings.append(
            f"{target.id} was retired in {target.retired.year}; "
            f"planning for its successor {successor.id} instead"
        )
        target = successor
    held = profile.held(target.id)
    if held is not None and not held.lapsed:
        from certadvise.advice.renewals import renewal

        good = f", good through {held.expires.isoformat()}" if held.expires else ""
        said = f"you already hold {target.id}{good}: {renews(target)}"
        return Plan(
            target,
            "already held",
            (),
            warnings=(*warnings, said),
            ownership=judged.ownership(target, held=True),
            held=said,
            to_keep=renewal(judged, held).next_step,
        )
    covered = judged.covered_by(target)
    if covered is not None:
        warnings.append(
            f"you hold {covered.held}, which covers {target.id}: {covered.why}; "
            "here is the plan anyway"
        )
    plan = judged.plan(target)
    warnings += _dated_warnings(plan, judged, by)
    pre = target.prerequisites
    own = plan.own_steps[0].kind if plan.own_steps else None
    if own in (StepKind.RENEW, StepKind.REINSTATE):
        pass  # the way back of a lapsed credential: its step says what to do
    elif held is not None and held.lapsed:  # past its windows: earned again, and said why
        warnings.append(way_back_words(target, held, plan))
    elif pre is None or not pre.verified:
        warnings.append(f"prerequisites not verified: check with {target.organization}")
    elif plan.reachable and not plan.long_steps:
        first = final_step(target, "register for")
        # a qualification earned over months asks nothing before its first stage, which is
        # still ahead: "you already qualify: complete a 200-hour training" would misread;
        # a membership it asks for (it has no non-member price) is joined first ("once you
        # join NSCA"); one that only saves money is the person's choice
        members_only = target.cost is not None and target.cost.exam_non_member is None
        joins = [s.text for s in plan.short_steps if s.kind is StepKind.MEMBERSHIP and members_only]
        said = "you can start now" if target.stages else "you already qualify"
        when = f" once you {' and '.join(joins)}" if joins and not target.stages else ""
        warnings.append(f"{said}{when}: {first}")
    way_back = own in (StepKind.RENEW, StepKind.REINSTATE)  # kept, not earned again
    ownership = judged.ownership(target, held=way_back)
    return replace(plan, warnings=tuple(warnings), ownership=ownership)


def _dated_warnings(plan: Plan, judged: Judgement, by: dt.date | None) -> list[str]:
    said = []
    today = judged.today
    finish = judged.reached(plan)
    exam_day = by or finish
    if by is not None and by < finish:
        takes = duration_text(plan.months) or "no time"  # as the plan's total says it
        waits = judged.profile.graduating is not None and finish == judged.profile.graduating
        said.append(
            f"the plan takes {takes}, but it is complete only when you graduate, around "
            f"{finish.isoformat()}, after your date {by.isoformat()}"
            if waits and finish > today + dt.timedelta(days=round(plan.months * 30.44))
            else f"the plan takes {takes}, so it ends around {finish.isoformat()}, "
            f"after your date {by.isoformat()}"
        )
    entries = judged.catalog.entries
    ids = [s.cert_id for s in plan.steps if s.cert_id and s.cert_id in judged.catalog.summaries]
    for cert_id in dict.fromkeys(ids):
        for change in entries[cert_id].rule_changes:
            if today < change.effective <= max(exam_day, finish):
                said.append(
                    f"{cert_id}: from {change.effective.isoformat()} {change.text} "
                    f"(your plan reaches {cert_id} after that date)"
                )
    return said
