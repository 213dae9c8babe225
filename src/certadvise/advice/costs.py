"""Price arithmetic: the cheapest honest way in, and the cost of holding a credential.

Amounts stay in the currency their source states; a quote also carries the same amount
in US dollars for comparisons (converted, and marked so, when it is in another currency).
Nothing unknown is ever counted as zero: an unknown price makes a quote unverified, and a
known fee whose amount is unknown makes a total "at least".
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass, replace

from certadvise.advice.money import Converter
from certadvise.amounts import USD, amount_text
from certadvise.catalog.freshness import price_source, tier_named
from certadvise.catalog.models import Certification, Organization, Source, StageKind
from certadvise.limits import HOLDING_YEARS


@dataclass(frozen=True)
class Part:
    """One component of a price, in its quote's currency."""

    label: str
    amount: float | None  # None: the component exists but its amount is not verified
    kind: str = "exam"  # what it pays for: exam (the way in), study_materials, dues,
    # recertification


@dataclass(frozen=True)
class Quote:
    """The cheapest way in for one person, with how it was reached and where it comes from."""

    amount: float | None  # in `currency`; None: not verified
    route: str
    currency: str = USD
    usd: float | None = None  # the same in US dollars (converted when not USD; None: no rate)
    parts: tuple[Part, ...] = ()
    notes: tuple[str, ...] = ()
    package: bool = False  # a priced package (course and exam), not an exam fee
    joins: str | None = None  # the membership this way in takes ("NSCA", "NSCA (student)")
    dues: float | None = None  # a year of those dues, included in `amount`
    dues_note: str | None = None  # where the dues come from, and as of when
    source: Source | None = None  # the source the price cites: its date and confidence

    @property
    def verified(self) -> bool:
        return self.amount is not None

    @property
    def converted(self) -> bool:
        """The US-dollar amount was converted from another currency (approximate)."""
        return self.currency != USD and self.usd is not None

    @property
    def unverified_parts(self) -> tuple[str, ...]:
        return tuple(p.label for p in self.parts if p.amount is None)

    @property
    def at_least(self) -> bool:
        """Known fees are missing, so the real price is higher than `amount`."""
        return self.verified and bool(self.unverified_parts)


def quote_text(quote: Quote) -> str:
    """A quote in a few words, in its own currency: '$475', 'at least £300', 'not verified'."""
    if not quote.verified:
        return "not verified"
    return ("at least " if quote.at_least else "") + amount_text(quote.amount, quote.currency)


def cheapest_way_in(
    entry: Certification,
    organization: Organization | None,
    memberships: Collection[str] = (),
    *,
    student: bool = False,
    converter: Converter | None = None,
    tier: str | None = None,
) -> Quote:
    """Exam or package route with the lowest known price for someone with `memberships`;
    for a route that pays a named `tier`, that tier (a tier a route names is its only).

    Joining the organization counts when its member price plus a year's dues (a student's,
    for a student) beats the non-member price.
    """
    converter = converter or Converter()
    cost = entry.cost
    if cost is None:
        return Quote(None, "price not verified")
    currency = cost.currency
    if cost.not_published:
        return Quote(None, "price not published", currency, source=entry.source(cost.source))
    org = entry.organization
    member = org in memberships
    options: list[Quote] = []
    notes: list[str] = []
    if cost.exam_non_member is not None:
        price = cost.exam_non_member
        options.append(
            Quote(price, "non-member price", currency, parts=(Part("exam (non-member)", price),))
        )
    if cost.exam_member is not None:
        price = cost.exam_member
        if member:
            part = Part(f"exam ({org} member)", price)
            options.append(Quote(price, "member price", currency, parts=(part,)))
        else:
            joined = [_joined(price, org, *dues) for dues in _dues(organization, student)]
            options += [quote for quote in joined if quote.currency == currency]
            if not options and cost.exam_non_member is None:  # members only, dues unknown
                notes.append(
                    f"the member price ({amount_text(price, currency)}) needs {org} "
                    "membership, whose dues are not verified"
                )
                parts = (
                    Part("exam (member)", price),
                    Part(f"{org} membership, one year", None, "dues"),
                )
                route = f"member price + {org} dues, not verified"
                options.append(Quote(price, route, currency, parts=parts, joins=org))
    routes = entry.prerequisites.routes if entry.prerequisites else ()
    paid_by_routes = {r.tier for r in routes if r.tier is not None}
    for package in cost.tiers:
        if package.name in paid_by_routes and package.name != tier:
            continue
        part = Part(f"package: {package.name}", package.price)
        options.append(Quote(package.price, package.name, currency, parts=(part,), package=True))
    if tier is not None:
        options = [quote for quote in options if quote.package and quote.route == tier]
    if not options:
        return Quote(None, "price not verified", currency)
    best = min(options, key=lambda quote: (quote.amount or 0, quote.joins is not None))
    if best.joins is not None and cost.exam_non_member is not None and best.amount is not None:
        saving = amount_text(cost.exam_non_member - best.amount, currency)
        notes.append(f"joining {best.joins} and paying the member price saves {saving}")
    extra = [Part("application fee", cost.application_fee)] if cost.application_fee else []
    extra += [Part(fee, None) for fee in cost.unverified_fees]
    total = (best.amount or 0) + sum(p.amount or 0 for p in extra)
    chosen = tier_named(entry, best.route) if best.package else None
    return replace(
        best,
        amount=total,
        usd=converter.convert(total, currency, USD),
        parts=(*best.parts, *extra),
        notes=tuple(notes),
        source=price_source(entry, chosen),
    )


def _dues(organization: Organization | None, student: bool) -> list[tuple[float, str, str, str]]:
    """A year of the dues this person could pay (professional; student for students), each
    with its currency and the date of its source."""
    membership = organization.membership if organization else None
    if membership is None:
        return []
    dated = f"dues as of {membership.as_of}" if membership.as_of else "dues undated"
    usd = membership.currency == USD
    dues = membership.dues_usd if usd else membership.dues
    student_dues = membership.student_dues_usd if usd else membership.student_dues
    found = []
    if dues is not None:
        found.append((dues, "", membership.currency, dated))
    if student and student_dues is not None:
        found.append((student_dues, "student", membership.currency, dated))
    return found


def _joined(
    price: float, org: str, dues: float, kind: str, dues_currency: str, dated: str
) -> Quote:
    label = f"{org} ({kind})" if kind else org
    what = f"{kind} " if kind else ""
    parts = (
        Part("exam (member)", price),
        Part(f"{label} membership, one year", dues, "dues"),
    )
    return Quote(
        price + dues,
        f"{what}member price + {amount_text(dues, dues_currency)} {org} {what}dues",
        dues_currency,
        parts=parts,
        joins=label,
        dues=dues,
        dues_note=dated,
    )


def yearly_dues(organization: Organization | None) -> tuple[float | None, str]:
    """A year of an organization's professional dues and their currency (None: unknown)."""
    membership = organization.membership if organization else None
    if membership is None:
        return None, USD
    if membership.currency == USD:
        return membership.dues_usd, USD
    return membership.dues, membership.currency


@dataclass(frozen=True)
class Ownership:
    """Cost of getting and keeping a credential over a number of years."""

    years: int
    parts: tuple[Part, ...]
    currency: str = USD
    rate: float | None = 1.0  # US dollars for one unit of `currency` (None: no rate)

    @property
    def usd(self) -> float | None:
        """The known total in US dollars (converted, approximately, when not USD)."""
        return self.in_usd(self.known)

    def in_usd(self, amount: float | None) -> float | None:
        if amount is None or self.currency == USD:
            return amount
        return None if self.rate is None else amount * self.rate

    @property
    def known(self) -> float:
        return sum(p.amount for p in self.parts if p.amount is not None)

    @property
    def complete(self) -> bool:
        return all(p.amount is not None for p in self.parts)

    @property
    def exam_unknown(self) -> bool:
        """The way in itself is not priced: a total of the rest would read as cheap."""
        return bool(self.parts) and self.parts[0].label == "exam" and self.parts[0].amount is None

    @property
    def text(self) -> str:
        if not any(p.amount is not None for p in self.parts):
            return "not verified"
        total = amount_text(self.known, self.currency)
        if self.exam_unknown:
            return f"exam price not verified, plus {total} of known fees"
        return ("" if self.complete else "at least ") + total


def cost_of_ownership(
    entry: Certification,
    organization: Organization | None,
    memberships: Collection[str] = (),
    years: int = HOLDING_YEARS,
    *,
    student: bool = False,
    converter: Converter | None = None,
    held: bool = False,
    tier: str | None = None,
) -> Ownership:
    """Exam route, study materials, dues and recertification fees over `years`; for a
    credential already `held`, only what keeping it costs (dues and recertification).
    `tier`: the cost tier the person's route pays, when it names one."""
    converter = converter or Converter()
    way_in = cheapest_way_in(
        entry, organization, memberships, student=student, converter=converter, tier=tier
    )
    currency = entry.currency
    parts: list[Part] = []
    if not held:
        parts += way_in.parts if way_in.verified else [Part("exam", None), *_known_fees(entry)]
        parts += _materials(entry, way_in)
        parts += _first_year_dues(entry, organization, way_in)
    member = entry.organization in memberships or (way_in.joins is not None and not held)
    dues, dues_currency = yearly_dues(organization)
    if way_in.joins is not None and not held:
        dues = way_in.dues
    more = years if held else years - 1  # a way in that joins pays its first year's dues
    if member and more > 0:
        counted = dues if dues_currency == currency else None
        parts.append(
            Part(
                f"{entry.organization} dues, {more} {'' if held else 'more '}year(s)",
                None if counted is None else counted * more,
                "dues",
            )
        )
    recert = entry.recertification
    if recert is not None and recert.period_years:
        renewals = (
            years - 1 if recert.fee_every == "year" else math.floor(years / recert.period_years)
        )
        if renewals > 0:
            fee = (
                recert.fee_member
                if member and recert.fee_member is not None
                else recert.fee_non_member
            )
            every = "yearly renewal fee" if recert.fee_every == "year" else "recertification fee"
            total = None if fee is None else fee * renewals
            parts.append(Part(f"{every} x{renewals}", total, "recertification"))
            if recert.ceus:
                unit = recert.ce_unit.plural if recert.ce_unit else "CE units"
                label = f"continuing education ({recert.ceus:g} {unit} a cycle)"
                parts.append(Part(label, None, "recertification"))
    elif entry.status.value == "active":
        parts.append(Part("recertification", None, "recertification"))
    return Ownership(years, tuple(parts), currency, converter.usd_per(currency))


def _known_fees(entry: Certification) -> list[Part]:
    """The fees known beside a price that is not (the RYT-200's application fee)."""
    fee = entry.cost.application_fee if entry.cost else None
    return [Part("application fee", fee)] if fee else []


def _first_year_dues(
    entry: Certification, organization: Organization | None, way_in: Quote
) -> list[Part]:
    """A first year of dues where joining is a stage of the qualification (registering
    with the College of Kinesiologists, Yoga Alliance's registry) and the way in neither
    joins nor includes them: its renewals pay the years after."""
    if way_in.joins is not None or not any(s.kind is StageKind.MEMBERSHIP for s in entry.stages):
        return []
    tier = tier_named(entry, way_in.route) if way_in.package else None
    if tier is not None and tier.includes_dues:
        return []
    dues, currency = yearly_dues(organization)
    label = f"{entry.organization} dues, first year"
    return [Part(label, dues if currency == entry.currency else None, "dues")]


def _materials(entry: Certification, way_in: Quote) -> list[Part]:
    """The study materials a way in does not include (their price, or unknown)."""
    materials = entry.cost.study_materials if entry.cost else None
    package_includes = way_in.package and any(
        t.includes_materials for t in (entry.cost.tiers if entry.cost else ())
    )
    if package_includes or (materials and materials.included):
        return []
    label = "study materials" + (" (starting price)" if materials and materials.at_least else "")
    return [Part(label, materials.price if materials else None, "study_materials")]
