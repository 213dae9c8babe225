"""Views: turn catalog entries and core results into format-neutral Reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from certadvise.advice.costs import Ownership, Part
from certadvise.advice.planning import Step
from certadvise.advice.profile import Profile
from certadvise.catalog.freshness import source_year
from certadvise.catalog.models import Certification, Source
from certadvise.render.report import Page

#: The kinds of the parts of the cost of holding, by how costs.py names them (the first
#: prefix that matches); anything else (the exam, a package, an application or other fee)
#: is the way in: `exam`.
PART_KINDS = (
    ("study materials", "study_materials"),
    ("recertification", "recertification"),
    ("continuing education", "recertification"),
)
DUES_MARKS = (" membership, one year", " dues, ")


def part_kind(part: Part) -> str:
    """`exam`, `study_materials`, `dues` or `recertification`: what a part pays for."""
    if any(mark in part.label for mark in DUES_MARKS):
        return "dues"
    return next((kind for prefix, kind in PART_KINDS if part.label.startswith(prefix)), "exam")


def ownership_document(ownership: Ownership | None) -> dict[str, Any] | None:
    """What holding a certification costs over some years, as JSON (None: not worked out)."""
    if ownership is None:
        return None
    return {
        "years": ownership.years,
        "text": ownership.text,
        "known_usd": ownership.known_usd,
        "complete": ownership.complete,
        "parts": [{"label": p.label, "usd": p.usd, "kind": part_kind(p)} for p in ownership.parts],
    }


def step_document(step: Step) -> dict[str, Any]:
    """One step of a plan as JSON: `recommend`'s to-dos and later steps, and `path`."""
    return {
        "kind": step.kind,
        "text": step.text,
        "cost_usd": step.usd,
        "cost_verified": step.usd is not None,
        "duration": step.duration,
        "months": None if step.months is None else round(step.months, 2),
        "why": step.why,
        "id": step.cert_id,
        "note": step.note,
    }


def source_document(source: Source) -> dict[str, Any]:
    return {
        "key": source.key,
        "url": source.url,
        "as_of": source.as_of,
        "confidence": source.confidence.value,
        "note": source.note,
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


def page(
    name: str,
    title: str,
    *,
    today: dt.date | None = None,
    entries: Iterable[object] = (),
    profile: Profile | Mapping[str, Any] | None = None,
    assumptions: Sequence[str] = (),
) -> Page:
    """The page context of an HTML report: which page, for whom, on what day."""
    person = profile.as_document() if isinstance(profile, Profile) else profile
    return Page(
        name,
        title,
        today=today.isoformat() if today is not None else None,
        catalog_as_of=sources_dated(entries),
        profile=person,
        assumptions=tuple(assumptions),
    )
