"""Views: turn catalog entries and core results into format-neutral Reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from certadvise.advice.costs import Ownership, Quote, quote_text
from certadvise.advice.judgement import Judgement
from certadvise.advice.plans import Step, StepKind
from certadvise.advice.profile import Profile
from certadvise.amounts import US_READER, USD, Reader, money
from certadvise.catalog.freshness import freshness, is_stale, source_year
from certadvise.catalog.models import Certification, Confidence, Source
from certadvise.render.report import Page


def price_for_people(quote: Quote, judged: Judgement, convert: bool = True) -> str:
    """A price as every view shows it: '$475', '$275 (2014)', '$699 (Self-Study)',
    '£300 (member price; ≈ $380 at the 2026-11 rate)', ', low confidence', 'not verified',
    'not published'. One wording for `list`, `show`, `compare`, `recommend` and `path`."""
    if not quote.verified:
        return "not published" if quote.route == "price not published" else "not verified"
    as_of = quote.source.as_of if quote.source else None
    said = [str(source_year(as_of))] if is_stale(as_of, judged.today) else []
    if quote.route != "non-member price":
        said.append(quote.route)
    approx = judged.approximately(quote) if convert else None
    if approx:
        said.append(approx)
    text = quote_text(quote) + (f" ({'; '.join(said)})" if said else "")
    if quote.source is not None and quote.source.confidence is Confidence.LOW:
        text += ", low confidence"
    return text


def cost_document(quote: Quote, judged: Judgement) -> dict[str, Any]:
    """The way in as JSON: the US-dollar figure the arithmetic uses, the price as its source
    states it, the date of that source, whether it is stale, and how far to trust it."""
    source = quote.source
    return {
        "minimum_usd": quote.usd,
        "currency": "USD",
        "verified": quote.verified,
        "at_least": quote.at_least,
        "route": quote.route,
        "unverified_fees": list(quote.unverified_parts),
        "price": {"amount": quote.amount, "currency": quote.currency},
        "converted": quote.converted,
        "rates_as_of": judged.converter.month if quote.converted else None,
        **freshness(source.as_of if source else None, judged.today),
        "confidence": source.confidence.value if source else None,
        "text": price_for_people(quote, judged),
    }


def step_for_people(step: Step, judged: Judgement) -> str:
    """'take a CPR/AED course (price not verified)', 'turn 18 (about 12 months)'."""
    said = []
    if not step.short and step.duration:
        said.append(step.duration)
    if step.usd is None:
        said.append("cost not verified")
    elif step.price is not None:  # priced in another currency: as stated, then roughly ours
        approx = judged.converter.approximately(
            step.price.amount, step.price.currency, judged.currency
        )
        said.append(step.price.text + (f", {approx}" if approx else ""))
    elif step.usd > 0:
        said.append(judged.in_own_currency(step.usd))
    if step.kind is StepKind.MEMBERSHIP and step.note:
        said.append(step.note)  # how old the dues are
    return f"{step.text} ({', '.join(said)})" if said else step.text


def ownership_document(ownership: Ownership | None) -> dict[str, Any] | None:
    """What holding a certification costs over some years, as JSON (None: not worked out)."""
    if ownership is None:
        return None
    in_usd = ownership.currency == "USD"
    return {
        "years": ownership.years,
        "text": ownership.text,
        "known_usd": ownership.usd,
        "complete": ownership.complete,
        "currency": ownership.currency,
        "known": ownership.known,
        "converted": not in_usd and ownership.usd is not None,
        "parts": [
            {
                "label": p.label,
                "usd": ownership.in_usd(p.amount),
                "amount": p.amount,
                "kind": p.kind,
            }
            for p in ownership.parts
        ],
    }


def step_document(step: Step) -> dict[str, Any]:
    """One step of a plan as JSON: `recommend`'s to-dos and later steps, and `path`."""
    doc: dict[str, Any] = {
        "kind": step.kind.value,
        "text": step.text,
        "cost_usd": None if step.included else step.usd,
        "cost_verified": step.included or step.usd is not None,
        "duration": step.duration,
        "months": None if step.months is None else round(step.months, 2),
        "why": step.why,
        "id": step.cert_id,
        "note": step.note,
        "included": step.included,
        "waits": step.waits,  # only time passing: it runs beside the other steps
    }
    if step.price is not None:  # priced in another currency: the original beside the USD
        doc["price"] = {"amount": step.price.amount, "currency": step.price.currency}
    return doc


def source_document(source: Source) -> dict[str, Any]:
    return {
        "key": source.key,
        "url": source.url,
        "as_of": source.as_of,
        "confidence": source.confidence.value,
        "note": source.note,
        "title": source.title,
    }


def sources_dated(entries: Iterable[object]) -> str | None:
    """How old the facts of some certifications are, in words: 'sources dated 2013 to
    2026 (3 undated)'; None when there are none."""
    years, undated = [], 0
    for entry in entries:
        if not isinstance(entry, Certification):
            continue
        for source in entry.sources:
            year = source_year(source.as_of)
            if year is None:
                undated += 1
            else:
                years.append(year)
    if not years and not undated:
        return None
    span = ""
    if years:
        low, high = min(years), max(years)
        span = f"sources dated {low}" + (f" to {high}" if high != low else "")
    extra = f"{undated} undated" if undated else ""
    if span and extra:
        return f"{span} ({extra})"
    return span or f"sources {extra}"


def _dated(credentials: Any) -> list[str]:
    """The credentials held with a date, as people say them: 'CSCS good through 2026-12-31
    (expiring)'; one without a date is only held, which "Holds" says."""
    if not isinstance(credentials, list):
        return []
    return [
        f"{c['id']} good through {c['expires']} ({c.get('state') or 'state not known'})"
        for c in credentials
        if isinstance(c, Mapping) and c.get("id") and c.get("expires")
    ]


def _budget_text(profile: Profile) -> str:
    budget = profile.budget
    assert budget is not None
    if budget.currency == USD or profile.budget_usd is None:
        return budget.text
    return f"{budget.text} (≈ {money(round(profile.budget_usd))})"


def page(
    name: str,
    title: str,
    *,
    today: dt.date | None = None,
    entries: Iterable[object] = (),
    profile: Profile | Mapping[str, Any] | None = None,
    assumptions: Sequence[str] = (),
    reader: Reader | None = None,
) -> Page:
    """The page context of an HTML report: which page, for whom, on what day."""
    person = profile.as_document() if isinstance(profile, Profile) else profile
    if isinstance(profile, Profile) and profile.budget is not None and person is not None:
        person = {k: v for k, v in person.items() if k != "budget_usd"}  # one budget,
        person["budget"] = _budget_text(profile)  # as the person gave it: '£300 (≈ $404)'
    if person is not None and "credentials" in person:
        person = {**person, "credentials": _dated(person["credentials"])}
        if not person["credentials"]:  # no dates: "Holds" says it all
            del person["credentials"]
    return Page(
        name,
        title,
        today=today.isoformat() if today is not None else None,
        catalog_as_of=sources_dated(entries),
        profile=person,
        assumptions=tuple(assumptions),
        reader=reader or US_READER,
    )
