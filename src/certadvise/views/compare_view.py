"""The report of `compare`: one column per certification, one row per fact."""

from __future__ import annotations

import datetime as dt
from typing import Any

from certadvise.advice.comparison import ELIGIBLE_KEY, Comparison
from certadvise.render.report import Column, Report
from certadvise.views.catalog_views import entry_document


def _mark(differs: Any) -> str:
    return "*" if differs else ""


def compare_report(comparison: Comparison, today: dt.date | None = None) -> Report:
    """The comparison; each certification's JSON `cost` says `as_of` and `stale`."""
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
        title=" vs ".join(ids),
        pipe_width=80,
    )
