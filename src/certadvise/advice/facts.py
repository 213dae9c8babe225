"""Every fact about a certification as a labelled line of text, with its source.

`show` prints these for one certification and `compare` lines them up side by side, so
the wording of a fact is decided once, here. Unknown facts read "not verified".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass

from certadvise import english
from certadvise.advice.costs import quote_text
from certadvise.advice.judgement import Judgement
from certadvise.amounts import amount_text
from certadvise.catalog.freshness import dated, price_as_of
from certadvise.catalog.models import (
    Certification,
    CeUnit,
    CprAed,
    PassRate,
    Source,
    Sourced,
)
from certadvise.english import as_clause, with_article

UNKNOWN = "not verified"


@dataclass(frozen=True)
class Fact:
    key: str
    label: str
    text: str
    source: Source | None = None


amount = amount_text


def _join(items: Collection[str], empty: str = UNKNOWN) -> str:
    return "; ".join(items) if items else empty


def _hours(minutes: int) -> str:
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour{'s' if hours != 1 else ''}"
    return f"{minutes} minutes"


def exam_cost(entry: Certification, today: dt.date | None = None) -> str:
    """The prices, each in its currency; with `today`, a stale price shows its year."""
    cost = entry.cost
    if cost is None:
        return UNKNOWN
    cur = cost.currency
    as_of = price_as_of(entry)
    parts = []
    if cost.exam_member is not None and cost.exam_non_member is not None:
        parts.append(
            f"{amount(cost.exam_member, cur)} for {entry.organization} members, "
            f"{amount(cost.exam_non_member, cur)} for non-members"
        )
    elif cost.exam_non_member is not None:
        parts.append(f"{amount(cost.exam_non_member, cur)} (exam only)")
    elif cost.exam_member is not None:
        parts.append(
            f"{amount(cost.exam_member, cur)} for {entry.organization} members "
            f"(non-member price {UNKNOWN})"
        )
    if parts:
        parts[0] = dated(parts[0], as_of, today)
    if cost.tiers:
        parts.append(
            ", ".join(
                dated(f"{amount(t.price, cur)} {t.name}", price_as_of(entry, t), today)
                for t in cost.tiers
            )
        )
    if cost.application_fee:
        parts.append(f"plus a {amount(cost.application_fee, cur)} application fee")
    for fee in cost.unverified_fees:  # "plus" only after an amount: it adds to something
        parts.append(f"plus {with_article(fee)} ({UNKNOWN})" if parts else f"{fee} ({UNKNOWN})")
    return _join(parts)


def study_materials(entry: Certification, today: dt.date | None = None) -> str:
    materials = entry.cost.study_materials if entry.cost else None
    if materials is None or entry.cost is None:
        return UNKNOWN
    if materials.included:
        return "included in exam cost"
    if materials.price is None:
        return UNKNOWN
    text = amount(materials.price, entry.cost.currency) + ("+" if materials.at_least else "")
    text = dated(text, price_as_of(entry), today)
    return f"{text} ({materials.note})" if materials.note else text


def study_time(entry: Certification) -> str:
    """'100-150 hours (who it is for)'; 'not verified' where no source gives a range."""
    hours = entry.study_hours
    if hours is None:
        return UNKNOWN
    if hours.low is not None and hours.high is not None and hours.low != hours.high:
        text = f"{hours.low}-{hours.high} hours"
    elif hours.low is not None and hours.high is None:
        text = f"at least {hours.low} hours"
    elif hours.low is None and hours.high is not None:
        text = f"up to {hours.high} hours"
    else:
        text = f"{hours.low} hours"
    return f"{text} ({hours.note})" if hours.note else text


def markets(entry: Certification) -> str:
    return ", ".join(entry.markets) if entry.markets else UNKNOWN


def prerequisites(entry: Certification) -> str:
    pre = entry.prerequisites
    if pre is None or not pre.verified:
        return UNKNOWN
    parts = []
    if pre.min_age:
        parts.append(f"at least {pre.min_age} years old")
    if pre.routes:
        parts.append(" OR ".join(route.text for route in pre.routes))
    parts.append(
        {
            CprAed.REQUIRED: "CPR/AED certification",
            CprAed.AFTER_EXAM: "CPR/AED certification (may follow the exam)",
            CprAed.NOT_REQUIRED: "no CPR/AED",
            None: f"CPR/AED {UNKNOWN}",
        }[pre.cpr_aed]
    )
    if not pre.routes and not pre.min_age:
        parts.insert(0, "no mandatory prerequisites")
    return _join(parts)


def recommended(entry: Certification) -> str:
    pre = entry.prerequisites
    if pre is None:
        return UNKNOWN
    return _join([r.text for r in pre.recommended], "none stated")


def exam_length(entry: Certification) -> str:
    exam = entry.exam
    if exam is None or (exam.minutes is None and exam.questions is None):
        return UNKNOWN
    kind = "multiple-choice " if "multiple-choice" in exam.formats else ""
    length = _hours(exam.minutes) if exam.minutes else f"length {UNKNOWN}"
    count = f"{exam.questions} {kind}questions" if exam.questions else f"questions {UNKNOWN}"
    return f"{length}, {count}"


def passing_score(entry: Certification) -> str:
    score = entry.exam.passing_score if entry.exam else None
    if score is None:
        return UNKNOWN
    value = f"{score.value:g}%" if score.scale == "percent" else f"{score.value:g} ({score.scale})"
    return f"{value}; {score.note}" if score.note else value


def pass_rate_text(rate: PassRate) -> str:
    value = "not reported" if rate.percent is None else f"{rate.percent:g}%"
    return f"{value} ({rate.year})"


def pass_rate(entry: Certification) -> str:
    if not entry.pass_rates:
        return UNKNOWN
    first, *others = entry.pass_rates
    text = pass_rate_text(first)
    if others:
        text += f"; {len(others)} other report{'s' if len(others) > 1 else ''}: "
        text += ", ".join(pass_rate_text(r) for r in others)
    return text


def accreditation(entry: Certification) -> str:
    acc = entry.accreditation
    if acc is None:
        return UNKNOWN
    text = ", ".join(acc.bodies) or "none"
    return f"{text} ({acc.note})" if acc.note else text


def recertification(
    entry: Certification,
    unit_hours: dict[str, float | None] | None = None,
    today: dt.date | None = None,
) -> str:
    """Period, continuing education in its unit (and in hours), fees; a stale one its year."""
    rec = entry.recertification
    if rec is None:
        return UNKNOWN
    cur = entry.currency
    parts = [f"{english.every(rec.period_years)}" if rec.period_years else f"period {UNKNOWN}"]
    if rec.ceus is not None:
        plural = rec.ce_unit.plural if rec.ce_unit else "units"
        text = f"{rec.ceus:g} {plural}"
        hours = rec.hours(unit_hours)
        if hours is not None and rec.ce_unit is not CeUnit.HOURS:
            text += f" ({hours:g} hours)"
        parts.append(text)
    if rec.ceus_note:
        parts.append(as_clause(rec.ceus_note))
    if rec.fee_member is not None and rec.fee_non_member is not None:
        fees = f"fee {amount(rec.fee_member, cur)} member / {amount(rec.fee_non_member, cur)}"
        parts.append(f"{fees} non-member")
    elif rec.fee_non_member is not None:
        parts.append(f"fee {amount(rec.fee_non_member, cur)}")
    else:
        parts.append(f"fee {UNKNOWN}")
    if rec.fee_every == "year":
        parts.append("the fee is yearly")
    if rec.cycle == "fixed":
        parts.append(
            f"fixed cycles ending {rec.cycle_ends} ({english.every(rec.period_years or 0)} "
            f"from {rec.cycle_anchor})"
        )
    elif rec.cycle == "rolling":
        parts.append("each cycle runs from the day it was earned")
    if rec.requires_cpr:
        parts.append("a current CPR/AED card is needed to renew")
    if rec.grace_months:
        late = f", late fee {amount(rec.late_fee, cur)}" if rec.late_fee is not None else ""
        parts.append(f"late renewal up to {rec.grace_months:g} months after{late}")
    if rec.reinstatement is not None:
        back = rec.reinstatement
        fee = back.fee_non_member if back.fee_non_member is not None else back.fee_member
        window = (
            f"within {back.window_months:g} months"
            if back.window_months is not None
            else f"window {UNKNOWN}"
        )
        parts.append(f"reinstatement {window}, fee {amount(fee, cur)}")
    source = entry.source(rec.source)
    has_fee = rec.fee_member is not None or rec.fee_non_member is not None
    text = ", ".join(parts)
    return dated(text, source.as_of, today) if source and has_fee else text


def status(entry: Certification) -> str:
    if entry.retired is None:
        return entry.status.value
    successor = f"; replaced by {entry.retired.successor}" if entry.retired.successor else ""
    return f"retired in {entry.retired.year}{successor}"


def _rule_changes(entry: Certification) -> str:
    return _join(
        [f"from {c.effective.isoformat()}: {c.text}" for c in entry.rule_changes], "none known"
    )


def _sources(entry: Certification) -> str:
    return "; ".join(
        f"{s.address} (as of {s.as_of}, {s.confidence.value} confidence)" for s in entry.sources
    )


def _group_source(entry: Certification, group: Sourced | None) -> Source | None:
    return entry.source(group.source) if group is not None else None


FactFn = Callable[[Certification, Judgement], str]


def _fact_table() -> list[tuple[str, str, FactFn, str | None]]:
    """(key, label, text, group whose source it cites): the order facts are shown in."""
    return [
        ("name", "Name", lambda e, c: e.name, None),
        (
            "organization",
            "Organization",
            lambda e, c: f"{e.organization} ({c.catalog.organizations[e.organization].name})",
            None,
        ),
        ("category", "Category", lambda e, c: _category(e, c), None),
        ("status", "Status", lambda e, c: status(e), "retired"),
        (
            "aliases",
            "Also known as",
            lambda e, c: _join([*e.aliases, *e.former_names], "none"),
            None,
        ),
        ("goals", "Goals served", lambda e, c: _join(list(e.goals), "none"), None),
        ("cost.exam", "Exam cost", lambda e, c: exam_cost(e, c.today), "cost"),
        (
            "cost.study_materials",
            "Study materials cost",
            lambda e, c: study_materials(e, c.today),
            "cost",
        ),
        ("prerequisites.required", "Prerequisites", lambda e, c: prerequisites(e), "prerequisites"),
        ("prerequisites.recommended", "Recommended", lambda e, c: recommended(e), "prerequisites"),
        ("exam.length", "Exam length", lambda e, c: exam_length(e), "exam"),
        (
            "exam.topics",
            "Exam topics",
            lambda e, c: _join(list(e.exam.topics) if e.exam else []),
            "exam",
        ),
        ("exam.passing_score", "Exam passing score", lambda e, c: passing_score(e), "exam"),
        ("study_hours", "Study time", lambda e, c: study_time(e), "study_hours"),
        ("pass_rate", "Exam pass rate", lambda e, c: pass_rate(e), "pass_rates"),
        ("summary", "Qualifications awarded", lambda e, c: e.summary or UNKNOWN, None),
        ("settings", "Settings", lambda e, c: _join(list(e.settings)), None),
        ("populations", "Populations", lambda e, c: e.populations or UNKNOWN, None),
        ("accreditation", "Accreditation", lambda e, c: accreditation(e), "accreditation"),
        ("markets", "Recognized in", lambda e, c: markets(e), "markets"),
        (
            "exam.format",
            "Exam format",
            lambda e, c: _join([f.value for f in e.exam.formats] if e.exam else []),
            "exam",
        ),
        (
            "exam.delivery",
            "Exam delivery",
            lambda e, c: _join([d.value for d in e.exam.delivery] if e.exam else []),
            "exam",
        ),
        (
            "cost.retake",
            "Retake fee",
            lambda e, c: amount(e.cost.retake, e.cost.currency) if e.cost else UNKNOWN,
            "cost",
        ),
        (
            "recertification",
            "Recertification",
            lambda e, c: recertification(e, c.catalog.vocabulary.unit_hours(), c.today),
            "recertification",
        ),
        ("cost.cheapest", "Cheapest way in", lambda e, c: _cheapest(e, c), "cost"),
        ("stages", "Stages", lambda e, c: stages(e), None),
        ("covers", "Covers (never offered to holders)", lambda e, c: covers(e), None),
        ("conflicts", "Sources disagree", lambda e, c: conflicts(e), None),
        ("cost.total", "Total cost", lambda e, c: _total(e, c), "cost"),
        ("rule_changes", "Future rule changes", lambda e, c: _rule_changes(e), "rule_changes"),
        ("notes", "Notes", lambda e, c: e.notes or "none", None),
        ("sources", "Sources", lambda e, c: _sources(e), None),
    ]


def _category(entry: Certification, ctx: Judgement) -> str:
    names = {t.id: t.name for t in ctx.catalog.vocabulary.categories}
    return names.get(entry.category, entry.category)


def _cheapest(entry: Certification, judged: Judgement) -> str:
    """The cheapest way in for the person, in its own currency (with a conversion to the
    person's when they differ), its parts and the notes on how it was reached."""
    quote = judged.quote(entry)
    if not quote.verified:  # a quote without a price has no notes
        return quote.route if quote.route == "price not published" else UNKNOWN
    year = judged.price_year(quote)
    said = [str(year)] if year is not None else []
    said += [quote.route, *filter(None, (judged.approximately(quote),))]
    head = f"{quote_text(quote)} ({'; '.join(said)})"
    extras = [f"{p.label} {amount(p.amount, quote.currency)}" for p in quote.parts[1:]]
    return _join([head, *extras, *quote.notes])


def _total(entry: Certification, judged: Judgement) -> str:
    own = judged.ownership(entry)
    detail = ", ".join(f"{p.label} {amount(p.amount, own.currency)}" for p in own.parts)
    return f"{own.text} over {judged.years} years ({detail})"


def stages(entry: Certification) -> str:
    """'enrol with a registered training organisation (about 1 month); ...'; a stage of
    some routes only says so ('(time not verified; the overseas route only)')."""
    if not entry.stages:
        return "none: one exam"
    parts = []
    for stage in entry.stages:
        known = [m for m in (stage.months_low, stage.months_high) if m is not None]
        span = "-".join(f"{m:g}" for m in dict.fromkeys(known))
        months = f"{span} months" if known else "time not verified"
        plural = "s" if len(stage.routes) > 1 else ""
        only = f"; the {' and '.join(stage.routes)} route{plural} only" if stage.routes else ""
        parts.append(f"{stage.text} ({months}{only})")
    return _join(parts)


def covers(entry: Certification) -> str:
    if not entry.covers:
        return "none stated"
    return _join([f"{', '.join(c.ids)}: {c.why}" for c in entry.covers])


def conflicts(entry: Certification) -> str:
    """Facts whose sources disagree, every value with the source it comes from."""
    if not entry.conflicts:
        return "none known"
    said = []
    for conflict in entry.conflicts:
        values = " or ".join(
            f"{v.value:g} ({_url(entry, v.source)})"
            if isinstance(v.value, float | int)
            else f"{v.value} ({_url(entry, v.source)})"
            for v in conflict.values
        )
        said.append(f"{conflict.fact}: {values}" + (f"; {conflict.note}" if conflict.note else ""))
    return _join(said)


def _url(entry: Certification, key: str) -> str:
    source = entry.source(key)
    return source.address if source else key


def _source_for(entry: Certification, group: str | None) -> Source | None:
    if group is None:
        return None
    if group in ("pass_rates", "rule_changes"):
        items = getattr(entry, group)
        return entry.source(items[0].source) if items else None
    if group == "markets":
        return entry.source(entry.markets_source)
    return _group_source(entry, getattr(entry, group))


FACT_KEYS = [key for key, *_ in _fact_table()]


def facts(entry: Certification, ctx: Judgement) -> list[Fact]:
    """Every fact about `entry`, in display order."""
    found = []
    for key, label, text_of, group in _fact_table():
        text = text_of(entry, ctx)
        known = not text.startswith(UNKNOWN)  # an unknown fact cites nothing
        found.append(Fact(key, label, text, _source_for(entry, group) if known else None))
    return found
