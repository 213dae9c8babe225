"""Reports for `list`, `show` and `goals`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from certadvise.advice.costs import Quote
from certadvise.advice.facts import facts
from certadvise.advice.judgement import Judgement
from certadvise.catalog.freshness import DatedFact, freshness, is_stale, price_as_of
from certadvise.catalog.index import Catalog
from certadvise.catalog.models import Certification, to_jsonable
from certadvise.render.report import Column, Report
from certadvise.views import page, price_for_people


def _blank(value: Any) -> str:
    """Facts without a source (name, aliases) show an empty cell, not 'not verified'."""
    return str(value) if value else ""


def list_report(
    judged: Judgement, entries: Sequence[Certification], notes: Sequence[str] = ()
) -> Report:
    """The catalog's entries, each priced as the judgement quotes it (a price older than two
    years with its year, one in another currency with roughly what it is in the person's)."""
    today = judged.today
    rows = []
    for entry in entries:
        quote = judged.quote(entry)
        currency = quote.currency
        as_of = quote.source.as_of if quote.verified and quote.source else None
        rows.append(
            {
                "id": entry.id,
                "name": entry.name,
                "organization": entry.organization,
                "category": entry.category,
                "status": entry.status.value,
                "minimum_usd": quote.usd,
                "minimum": quote.amount,
                "currency": currency,
                "cost_verified": quote.verified,
                "as_of": as_of,
                "stale": is_stale(as_of, today),
                "converted": quote.converted,
                "from": _from(quote, judged),
                "markets": list(entry.markets),
                "goals": list(entry.goals),
            }
        )
    columns = [
        Column("id", "ID", no_wrap=True),
        Column("name", "Name"),
        Column("organization", "Org", no_wrap=True),
        Column("category", "Category", optional=True),
        Column("status", "Status", no_wrap=True, optional=True),
        Column("from", "From", no_wrap=True, for_programs=False),
        Column("minimum_usd", "From (USD)", for_people=False),
        Column("minimum", "From", for_people=False),
        Column("currency", "Currency", for_people=False),
        Column("as_of", "Price as of", for_people=False),
        Column("stale", "Stale", for_people=False),
        Column("goals", "Goals", optional=True, keep=1),
    ]
    return Report(columns, rows, {"certifications": rows}, notes=notes)


def _from(quote: Quote, judged: Judgement) -> str:
    """The lowest price, as `list` shows it: the amount in its own currency (and its year
    when stale), without how it was reached; JSON has it in US dollars too."""
    shown = replace(quote, route="non-member price", currency=quote.currency)
    text = price_for_people(shown, judged, convert=False).removesuffix(", low confidence")
    if text.startswith("at least "):  # a compact column: "$470+" is "at least $470"
        amount, _, rest = text.removeprefix("at least ").partition(" ")
        text = f"{amount}+ {rest}".strip()
    return text


def show_report(entry: Certification, judged: Judgement) -> Report:
    rows = [
        {
            "key": f.key,
            "fact": f.label,
            "value": f.text,
            "source_key": f.source.key if f.source else None,
            "source": f.source.url if f.source else None,
            "as_of": f.source.as_of if f.source else None,
            "stale": bool(f.source and is_stale(f.source.as_of, judged.today)),
        }
        for f in facts(entry, judged)
        if f.key != "sources"
    ]
    columns = [
        Column("key", "Key", for_people=False),
        Column("fact", "Fact", no_wrap=True),
        Column("source_key", "Source", _blank, no_wrap=True, for_programs=False),
        Column("value", "Value"),
        Column("source", "Source", for_people=False),
        Column("as_of", "As of", for_people=False),
        Column("stale", "Stale", for_people=False),
    ]
    sources = Report(
        [
            Column("key", "Source"),
            Column("as_of", "As of", no_wrap=True),
            Column("confidence", "Confidence"),
            Column("address", "Address"),
        ],
        [{**to_jsonable(source), "address": source.address} for source in entry.sources],
        None,
        title="Sources",
    )
    document = entry_document(entry, judged.today)
    return Report(
        columns,
        rows,
        document,
        records=[document],
        title=f"{entry.id}: {entry.name}",
        id_key="key",
        ids=[entry.id],
        extra=[sources],
        page=page(
            "show",
            f"{entry.id}: {entry.name}",
            today=judged.today,
            entries=[entry],
            profile={"member": list(judged.profile.member)} if judged.profile.member else None,
            reader=judged.reader,
        ),
    )


def entry_document(entry: Certification, today: dt.date | None) -> dict[str, Any]:
    """The full entry as JSON; its `cost` says `as_of` (the price's source date) and `stale`."""
    document: dict[str, Any] = to_jsonable(entry)
    if isinstance(document.get("cost"), dict):
        document["cost"].update(freshness(price_as_of(entry), today))
        for tier, data in zip(
            entry.cost.tiers if entry.cost else (), document["cost"]["tiers"], strict=True
        ):
            data.update(freshness(price_as_of(entry, tier), today))
    return document


def goals_report(catalog: Catalog) -> Report:
    rows = [
        {
            "id": g.id,
            "name": g.name,
            "description": g.description,
            "synonyms": list(g.synonyms),
            "certifications": [s.id for s in catalog.summaries.values() if g.id in s.goals],
        }
        for g in catalog.goals.values()
    ]
    columns = [
        Column("id", "Goal", no_wrap=True),
        Column("description", "What it means"),
        Column("synonyms", "Also understood"),
    ]
    return Report(columns, rows, {"goals": rows})


def fields_report(catalog: Catalog) -> Report:
    """The degree fields, what each answers to, and which certifications' routes name it."""
    accepted: dict[str, list[str]] = {}
    for entry in catalog.certifications:
        routes = entry.prerequisites.routes if entry.prerequisites else ()
        for name in dict.fromkeys(f for route in routes for f in route.fields):
            accepted.setdefault(name, []).append(entry.id)
    rows = [
        {
            "id": term.id,
            "name": term.name,
            "synonyms": list(term.synonyms),
            "accepted_by": accepted.get(term.id, []),
        }
        for term in catalog.vocabulary.degree_fields
    ]
    columns = [
        Column("id", "Field", no_wrap=True),
        Column("synonyms", "Also understood"),
        Column("accepted_by", "Routes that accept it"),
        Column("name", "Name", for_people=False),
    ]
    return Report(columns, rows, {"fields": rows})


def stale_report(found: Sequence[DatedFact], today: dt.date, older_than: int) -> Report:
    """Facts to re-check, oldest source first, undated ones last."""
    rows = [
        {
            "year": f.year,
            "as_of": f.as_of,
            "id": f.entry,
            "fact": f.fact,
            "source_key": f.source_key,
            "confidence": f.confidence.value,
            "url": f.url,
        }
        for f in found
    ]
    columns = [
        Column("as_of", "As of", no_wrap=True),
        Column("id", "ID", no_wrap=True),
        Column("fact", "Fact", no_wrap=True),
        Column("source_key", "Source", no_wrap=True),
        Column("confidence", "Confidence"),
        Column("url", "Address"),
        Column("year", "Year", for_people=False),
    ]
    dated_count = sum(1 for f in found if f.year is not None)
    notes = [
        f"{dated_count} fact(s) from sources older than {older_than} years "
        f"(before {today.year - older_than}), {len(found) - dated_count} from undated sources"
    ]
    document = {
        "today": today.isoformat(),
        "older_than_years": older_than,
        "facts": rows,
    }
    return Report(columns, rows, document, notes=notes, title="Facts to re-check")
