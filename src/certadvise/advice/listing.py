"""The filters of `certadvise list`."""

from __future__ import annotations

from dataclasses import dataclass

from certadvise.advice.judgement import Judgement
from certadvise.amounts import money
from certadvise.catalog.models import Certification


@dataclass(frozen=True)
class Filters:
    org: str | None = None
    category: str | None = None
    goal: str | None = None
    max_cost: float | None = None


def filter_entries(judged: Judgement, filters: Filters) -> tuple[list[Certification], list[str]]:
    """Entries that pass every filter, and notes on what a filter could not judge.

    `--max-cost` is in US dollars, compared with each price as the person's judgement
    quotes it (a price in another currency through the catalog's rates)."""
    catalog = judged.catalog
    entries = catalog.certifications
    notes: list[str] = []
    if filters.org is not None:
        org = catalog.resolve_organization(filters.org)
        entries = [e for e in entries if e.organization == org]
    if filters.category is not None:
        category = catalog.resolve_term("category", catalog.vocabulary.categories, filters.category)
        entries = [e for e in entries if e.category == category.id]
    if filters.goal is not None:
        goal = catalog.resolve_goal(filters.goal)
        entries = [e for e in entries if goal.id in e.goals]
    if filters.max_cost is not None:
        limit = filters.max_cost
        price = {e.id: judged.quote(e).usd for e in entries}
        unknown = [e.id for e in entries if price[e.id] is None]
        entries = [e for e in entries if (usd := price[e.id]) is not None and usd <= limit]
        if unknown:
            notes.append(
                f"left out, price not verified: {', '.join(unknown)} "
                f"(they may cost less than {money(filters.max_cost)})"
            )
    return entries, notes
