"""The report of `renewals`: one row a credential, the holding cost, and the JSON document
the HTML page and the calendar (`-f ics`) are drawn from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from certadvise.advice.judgement import Judgement
from certadvise.advice.renewals import NOT_VERIFIED, Fees, Holding, Renewal, Renewals
from certadvise.amounts import Reader
from certadvise.render.report import Column, Report
from certadvise.views import page


def fee_text(fees: Fees | None, reader: Reader) -> str:
    """'$65 member / $90', '$99 (+$30 late)', 'CA$260 a year', 'not verified'; for a reader
    of another currency, the fee as stated with roughly theirs: '$90 (≈ £67)'."""
    if fees is None or (fees.non_member is None and fees.member is None):
        return NOT_VERIFIED
    parts = [f"{fees.said(fees.member, reader)} member"] if fees.differ else []
    parts.append(
        fees.said(fees.non_member, reader)
        if fees.non_member is not None
        else "non-member not verified"
    )
    said = " / ".join(parts) + (" a year" if fees.every == "year" else "")
    if fees.late is not None:
        said += f" (+{fees.said(fees.late, reader)} late)"
    return said


def fees_document(fees: Fees | None) -> dict[str, Any]:
    """The fees in US dollars (`*_usd`, converted from another currency), and as stated in
    `currency`."""
    if fees is None:
        return {}
    return {
        "member_usd": fees.usd(fees.member),
        "non_member_usd": fees.usd(fees.non_member),
        "late_usd": fees.usd(fees.late),
        "every": fees.every,
        "yours_usd": fees.usd(fees.yours),
        "currency": fees.currency,
        "member": fees.member,
        "non_member": fees.non_member,
        "late": fees.late,
        "yours": fees.yours,
    }


def renewal_document(row: Renewal, judged: Judgement) -> dict[str, Any]:
    """One credential as JSON (the contract: id, name, organization, expires, state, ce,
    fees, next_step; and the rest)."""
    held = row.held
    back = row.way_back
    return {
        "id": row.id,
        "name": row.entry.name,
        "organization": row.entry.organization,
        "expires": held.expires.isoformat() if held.expires else None,
        "expires_computed": held.computed,
        "earned": held.earned.isoformat() if held.earned else None,
        "state": row.state.value,
        "days_left": (held.expires - judged.today).days if held.expires else None,
        "late_until": row.late_until.isoformat() if row.late_until else None,
        "ce": None
        if row.ce is None
        else {"units": row.ce.units, "unit": row.ce.unit, "hours": row.ce.hours},
        "fees": fees_document(row.fees),
        "ce_due": row.ce_due.isoformat() if row.ce_due else None,
        "ce_shared_with": list(row.ce_shared_with),
        "fee": fee_text(row.fees, judged.reader),
        "next_step": row.next_step,
        "way_back": None
        if back is None
        else {
            "kind": back.kind,
            "text": back.text,
            "cost_usd": back.usd,
            "window_verified": back.verified,
            "prerequisites_again": list(back.prerequisites),
            "until": back.until.isoformat() if back.until else None,
        },
        "card": row.card,
        "notes": list(row.notes),
    }


def holding_document(holding: Holding) -> dict[str, Any]:
    """The holding cost in its own currency (`text`; `currency` null when its parts are in
    several) and in US dollars; each part in its own currency too."""
    return {
        "years": holding.years,
        "text": holding.text(),
        "per_year_text": holding.text(per_year=True),
        "known_usd": round(holding.over, 2),
        "per_year_usd": round(holding.per_year, 2),
        "currency": holding.currency,
        "complete": holding.complete,
        "ce_hours_per_year": holding.ce_hours_per_year,
        "ce_hours": holding.ce_hours_over,
        "parts": [
            {
                "label": line.label,
                "usd": line.over_usd,
                "per_year_usd": line.per_year_usd,
                "kind": line.kind,
                "note": line.note,
                "currency": line.currency,
                "amount": line.over_years,
                "per_year": line.per_year,
            }
            for line in holding.lines
        ],
        "notes": list(holding.notes),
    }


def renewals_report(result: Renewals, judged: Judgement, assumptions: Sequence[str] = ()) -> Report:
    """The table, the document and the page of `renewals`."""
    said = [*assumptions, *result.assumptions]
    docs = [renewal_document(row, judged) for row in result.renewals]
    rows = [
        {
            **doc,
            "ce_text": row.ce.text if row.ce else NOT_VERIFIED,
            "expires_text": (doc["expires"] or "not given") + ("*" if row.held.computed else ""),
            "notes_text": "; ".join(row.notes),
        }
        for doc, row in zip(docs, result.renewals, strict=True)
    ]
    columns = [
        Column("id", "Credential", no_wrap=True),
        Column("name", "Name", for_people=False),
        Column("organization", "Organization", for_people=False),
        Column("expires_text", "Good through", no_wrap=True, for_programs=False),
        Column("expires", "Expires", for_people=False),
        Column("state", "State", no_wrap=True),
        Column("ce_text", "CE", optional=True),
        Column("fee", "Fee"),  # what keeping it costs: never left out of a narrow table
        Column("next_step", "Next step"),
        Column("notes_text", "Notes", for_people=False),
    ]
    holding = result.holding
    document = {
        "today": result.today.isoformat(),
        "renewals": docs,
        "holding_cost": holding_document(holding),
        "assumptions": said,
    }
    return Report(
        columns,
        rows,
        document,
        records=docs,
        notes=[f"assumption: {line}" for line in said],
        title=f"Renewals on {result.today.isoformat()}" if rows else None,
        footer=_footer(result, judged.reader),
        page=page(
            "renewals",
            "Renewals",
            today=result.today,
            entries=[row.entry for row in result.renewals],
            profile=judged.profile,
            assumptions=said,
            reader=judged.reader,
        ),
    )


def _footer(result: Renewals, reader: Reader) -> list[str]:
    """The notes of each row, then what holding everything costs, as the reader reads it
    ('at least CA$780'; another currency with roughly theirs beside: 'at least $90 (≈ £67)')."""
    lines = [f"{row.id}: {note}" for row in result.renewals for note in row.notes]
    if any(row.held.computed for row in result.renewals):
        lines.append("* worked out from the day earned")
    holding = result.holding
    if holding.lines:
        hours = holding.ce_hours_per_year
        ce = f", plus about {hours:g} CE hours" if hours else ""
        per_year, over = holding.said(reader, per_year=True), holding.said(reader)
        lines.append(
            f"holding them: {per_year} a year{ce} on average; "
            f"the deadlines of the next {holding.years} years: {over}"
            + (f" and {holding.ce_hours_over:g} CE hours" if holding.ce_hours_over else "")
        )
        unknown = [line.label for line in holding.lines if line.over_years is None]
        if unknown:
            lines.append(f"not verified, not counted: {', '.join(unknown)}")
        lines += list(holding.notes)
    return lines
