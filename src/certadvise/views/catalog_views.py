"""Reports for `list`, `show` and `goals`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from certadvise.advice.costs import cheapest_way_in, money
from certadvise.catalog.facts import FactContext, facts
from certadvise.catalog.index import Catalog
from certadvise.catalog.models import Certification, to_jsonable
from certadvise.render.report import Column, Report


def _blank(value: Any) -> str:
    """Facts without a source (name, aliases) show an empty cell, not 'not verified'."""
    return str(value) if value else ""


def list_report(
    catalog: Catalog, entries: Sequence[Certification], notes: Sequence[str] = ()
) -> Report:
    rows = []
    for entry in entries:
        quote = cheapest_way_in(entry, catalog.organizations.get(entry.organization))
        rows.append(
            {
                "id": entry.id,
                "name": entry.name,
                "organization": entry.organization,
                "category": entry.category,
                "status": entry.status.value,
                "minimum_usd": quote.usd,
                "cost_verified": quote.verified,
                "goals": list(entry.goals),
            }
        )
    columns = [
        Column("id", "ID", no_wrap=True),
        Column("name", "Name"),
        Column("organization", "Org", no_wrap=True),
        Column("category", "Category", optional=True),
        Column("status", "Status", optional=True),
        Column("minimum_usd", "From", money, no_wrap=True),
        Column("goals", "Goals"),
    ]
    return Report(columns, rows, {"certifications": rows}, notes=notes)


def show_report(entry: Certification, ctx: FactContext) -> Report:
    rows = [
        {
            "key": f.key,
            "fact": f.label,
            "value": f.text,
            "source_key": f.source.key if f.source else None,
            "source": f.source.url if f.source else None,
            "as_of": f.source.as_of if f.source else None,
        }
        for f in facts(entry, ctx)
        if f.key != "sources"
    ]
    columns = [
        Column("key", "Key", for_people=False),
        Column("fact", "Fact", no_wrap=True),
        Column("source_key", "Source", _blank, no_wrap=True, for_programs=False),
        Column("value", "Value"),
        Column("source", "Source", for_people=False),
        Column("as_of", "As of", for_people=False),
    ]
    sources = Report(
        [
            Column("key", "Source"),
            Column("as_of", "As of", no_wrap=True),
            Column("confidence", "Confidence"),
            Column("url", "Address"),
        ],
        [to_jsonable(source) for source in entry.sources],
        None,
        title="Sources",
    )
    document = to_jsonable(entry)
    return Report(
        columns,
        rows,
        document,
        records=[document],
        title=f"{entry.id}: {entry.name}",
        id_key="key",
        ids=[entry.id],
        extra=[sources],
    )


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
