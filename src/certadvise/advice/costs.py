"""Price arithmetic: the cheapest honest way in, and the cost of holding a credential.

Nothing unknown is ever counted as zero: an unknown price makes a quote unverified, and a
known fee whose amount is unknown makes a total "at least".
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass, replace

from certadvise.catalog.models import Certification, Organization


@dataclass(frozen=True)
class Part:
    """One component of a price."""

    label: str
    usd: float | None  # None: the component exists but its amount is not verified


@dataclass(frozen=True)
class Quote:
    """The cheapest way in for one person, with how it was reached."""

    usd: float | None
    route: str
    parts: tuple[Part, ...] = ()
    notes: tuple[str, ...] = ()
    package: bool = False  # a priced package (course and exam), not an exam fee
    joins: str | None = None  # the membership this way in takes ("NSCA", "NSCA (student)")
    dues_usd: float | None = None  # a year of those dues, included in `usd`
    dues_note: str | None = None  # where the dues come from, and as of when

    @property
    def verified(self) -> bool:
        return self.usd is not None

    @property
    def unverified_parts(self) -> tuple[str, ...]:
        return tuple(p.label for p in self.parts if p.usd is None)

    @property
    def at_least(self) -> bool:
        """Known fees are missing, so the real price is higher than `usd`."""
        return self.verified and bool(self.unverified_parts)


def money(usd: float | None) -> str:
    """$475, $1,199, $49.50; 'not verified' for None."""
    if usd is None:
        return "not verified"
    if float(usd).is_integer():
        return f"${int(usd):,}"
    return f"${usd:,.2f}"


def quote_text(quote: Quote) -> str:
    """A quote in a few words: '$475', 'at least $470', 'not verified'."""
    if not quote.verified:
        return "not verified"
    return ("at least " if quote.at_least else "") + money(quote.usd)


def cheapest_way_in(
    entry: Certification,
    organization: Organization | None,
    memberships: Collection[str] = (),
    *,
    student: bool = False,
) -> Quote:
    """Exam or package route with the lowest known price for someone with `memberships`.

    Joining the organization counts when its member price plus a year's dues (a student's,
    for a student) beats the non-member price.
    """
    cost = entry.cost
    if cost is None:
        return Quote(None, "price not verified")
    if not cost.in_usd:  # a real price, but never converted: not comparable with USD budgets
        return Quote(None, f"price in {cost.currency}, not comparable with US dollars")
    org = entry.organization
    member = org in memberships
    options: list[Quote] = []
    notes: list[str] = []
    if cost.exam_non_member is not None:
        price = cost.exam_non_member
        options.append(Quote(price, "non-member price", (Part("exam (non-member)", price),)))
    if cost.exam_member is not None:
        price = cost.exam_member
        if member:
            options.append(Quote(price, "member price", (Part(f"exam ({org} member)", price),)))
        else:
            joined = [_joined(price, org, *dues) for dues in _dues(organization, student)]
            options += [quote for quote in joined if quote is not None]
            if not any(joined) and cost.exam_non_member is None:
                notes.append(
                    f"the member price ({money(price)}) needs {org} membership, "
                    "whose dues are not verified"
                )
    for tier in cost.tiers:
        part = Part(f"package: {tier.name}", tier.price)
        options.append(Quote(tier.price, tier.name, (part,), package=True))
    if not options:
        return Quote(None, "price not verified", notes=tuple(notes))
    best = min(options, key=lambda quote: (quote.usd or 0, quote.joins is not None))
    if best.joins is not None and cost.exam_non_member is not None and best.usd is not None:
        saving = money(cost.exam_non_member - best.usd)
        notes.append(f"joining {best.joins} and paying the member price saves {saving}")
    extra = [Part("application fee", cost.application_fee)] if cost.application_fee else []
    extra += [Part(fee, None) for fee in cost.unverified_fees]
    usd = (best.usd or 0) + sum(p.usd or 0 for p in extra)
    return replace(best, usd=usd, parts=(*best.parts, *extra), notes=tuple(notes))


def _dues(organization: Organization | None, student: bool) -> list[tuple[float, str, str]]:
    """A year of the dues this person could pay (professional; student for students),
    each with the date of its source."""
    membership = organization.membership if organization else None
    if membership is None:
        return []
    dated = f"dues as of {membership.as_of}" if membership.as_of else "dues undated"
    found = []
    if membership.dues_usd is not None:
        found.append((membership.dues_usd, "", dated))
    if student and membership.student_dues_usd is not None:
        found.append((membership.student_dues_usd, "student", dated))
    return found


def _joined(price: float, org: str, dues: float, kind: str, dated: str) -> Quote:
    label = f"{org} ({kind})" if kind else org
    what = f"{kind} " if kind else ""
    parts = (Part("exam (member)", price), Part(f"{label} membership, one year", dues))
    return Quote(
        price + dues,
        f"{what}member price + {money(dues)} {org} {what}dues",
        parts,
        joins=label,
        dues_usd=dues,
        dues_note=dated,
    )


@dataclass(frozen=True)
class Ownership:
    """Cost of getting and keeping a credential over a number of years."""

    years: int
    parts: tuple[Part, ...]

    @property
    def known_usd(self) -> float:
        return sum(p.usd for p in self.parts if p.usd is not None)

    @property
    def complete(self) -> bool:
        return all(p.usd is not None for p in self.parts)

    @property
    def text(self) -> str:
        if not any(p.usd is not None for p in self.parts):
            return "not verified"
        return ("" if self.complete else "at least ") + money(self.known_usd)


def cost_of_ownership(
    entry: Certification,
    organization: Organization | None,
    memberships: Collection[str] = (),
    years: int = 3,
    *,
    student: bool = False,
) -> Ownership:
    """Exam route, study materials, dues and recertification fees over `years`."""
    way_in = cheapest_way_in(entry, organization, memberships, student=student)
    parts: list[Part] = list(way_in.parts) if way_in.verified else [Part("exam", None)]
    materials = entry.cost.study_materials if entry.cost else None
    package_includes = way_in.package and any(
        t.includes_materials for t in (entry.cost.tiers if entry.cost else ())
    )
    if not (package_includes or (materials and materials.included)):
        usd = materials.price if materials else None
        label = "study materials" + (
            " (starting price)" if materials and materials.at_least else ""
        )
        parts.append(Part(label, usd))
    member = entry.organization in memberships or way_in.joins is not None
    dues = organization.membership.dues_usd if organization and organization.membership else None
    if way_in.joins is not None:
        dues = way_in.dues_usd
    if member and years > 1:
        parts.append(
            Part(
                f"{entry.organization} dues, {years - 1} more year(s)",
                None if dues is None else dues * (years - 1),
            )
        )
    recert = entry.recertification
    if recert is not None and recert.period_years:
        renewals = math.floor(years / recert.period_years)
        if renewals:
            fee = (
                recert.fee_member
                if member and recert.fee_member is not None
                else recert.fee_non_member
            )
            parts.append(
                Part(f"recertification fee x{renewals}", None if fee is None else fee * renewals)
            )
            if recert.ceus:
                parts.append(Part(f"continuing education ({recert.ceus:g} CEUs a cycle)", None))
    elif entry.status.value == "active":
        parts.append(Part("recertification", None))
    return Ownership(years, tuple(parts))
