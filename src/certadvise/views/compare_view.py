"""The report of `compare`: one column per certification, one row per fact."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from certadvise.advice.comparison import ELIGIBLE_KEY, Comparison
from certadvise.advice.costs import quote_text
from certadvise.advice.judgement import Judgement
from certadvise.amounts import money
from certadvise.catalog.models import Certification
from certadvise.render.report import Column, Report
from certadvise.views import ownership_document, page
from certadvise.views.catalog_views import entry_document


def _mark(differs: Any) -> str:
    return "*" if differs else ""


Figure = dict[str, tuple[float | None, str]]  # id: (the number, or None; it in words)


def _figure(fact: str, found: Figure) -> dict[str, Any]:
    texts = {cert_id: text for cert_id, (_, text) in found.items()}
    return {
        "fact": fact,
        "values": {cert_id: value for cert_id, (value, _) in found.items()},
        "texts": texts,
        "differs": len(set(texts.values())) > 1,
    }


def figures(entries: Sequence[Certification], judged: Judgement) -> list[dict[str, Any]]:
    """The facts that are numbers, side by side (for the picture): `{fact, values: {id:
    number or null}, texts: {id: words}, differs}`; a price in another currency is in US
    dollars at the catalog's rate (null without one)."""
    ways_in: Figure = {}
    materials: Figure = {}
    minutes: Figure = {}
    questions: Figure = {}
    rates: Figure = {}
    for entry in entries:
        quote = judged.quote(entry)
        ways_in[entry.id] = (quote.usd, quote_text(quote))
        cost = entry.cost
        kit = cost.study_materials if cost and cost.in_usd else None
        if kit is not None and kit.included:
            materials[entry.id] = (0.0, "included in the exam's price")
        else:
            usd = kit.usd if kit else None
            at_least = kit is not None and kit.at_least and usd is not None
            materials[entry.id] = (usd, ("from " if at_least else "") + money(usd))
        exam = entry.exam
        length = exam.minutes if exam else None
        minutes[entry.id] = (length, f"{length} minutes" if length else "not verified")
        count = exam.questions if exam else None
        questions[entry.id] = (count, f"{count} questions" if count else "not verified")
        rate = next((r for r in entry.pass_rates if r.percent is not None), None)
        rates[entry.id] = (
            (rate.percent, f"{rate.percent:g}% ({rate.year})") if rate else (None, "not reported")
        )
    return [
        _figure("Cheapest way in (USD)", ways_in),
        _figure("Study materials (USD)", materials),
        _figure("Exam length", minutes),
        _figure("Exam questions", questions),
        _figure("Exam pass rate", rates),
    ]


def holding(entries: Sequence[Certification], judged: Judgement) -> dict[str, Any]:
    """What holding each costs over the judgement's years, by part."""
    return {entry.id: ownership_document(judged.ownership(entry)) for entry in entries}


def compare_report(
    comparison: Comparison,
    judged: Judgement,
    assumptions: Sequence[str] = (),
    with_profile: bool = False,
) -> Report:
    """The comparison; each certification's JSON `cost` says `as_of` and `stale`; the
    document has the figures side by side and the cost of holding each."""
    today = judged.today
    ids = [entry.id for entry in comparison.entries]
    columns = [
        Column("key", "Key", for_people=False),
        Column("differs_mark", "", _mark, no_wrap=True, for_programs=False),
        Column("fact", "Fact", no_wrap=True),
        *(Column(cert_id, cert_id) for cert_id in ids),
        Column("differs", "Differs", for_people=False),
    ]
    rows = [
        {
            "key": row.key,
            "fact": row.label,
            "differs": row.differs,
            "differs_mark": row.differs,
            **dict(zip(ids, row.values, strict=True)),
        }
        for row in comparison.rows
    ]
    document: dict[str, Any] = {
        "certifications": [entry_document(entry, today) for entry in comparison.entries],
        "differences": comparison.differences,
        "rows": [
            {
                "key": r.key,
                "fact": r.label,
                "values": dict(zip(ids, r.values, strict=True)),
                "differs": r.differs,
            }
            for r in comparison.rows
        ],
    }
    document["figures"] = figures(comparison.entries, judged)
    document["holding"] = holding(comparison.entries, judged)
    eligible = next((row for row in comparison.rows if row.key == ELIGIBLE_KEY), None)
    if eligible is not None:
        document["eligibility"] = dict(zip(ids, eligible.values, strict=True))
    notes = ["* marks the rows where the certifications differ"] if comparison.differences else []
    return Report(
        columns,
        rows,
        document,
        records=document["rows"],
        notes=notes,
        id_key="key",
        ids=ids,
        title=" vs ".join(ids),
        pipe_width=80,
        page=page(
            "compare",
            " vs ".join(ids),
            today=today,
            entries=comparison.entries,
            profile=judged.profile if with_profile else {},
            assumptions=assumptions,
            reader=judged.reader,
        ),
    )
