"""What stands between a person and a certification, as typed gaps.

One function per question: what a prerequisite route lacks (`route_gaps`), and what the
whole entry lacks beyond its routes (age, CPR/AED, a base credential its organization
recommends first). The rules word their verdicts from these gaps and the planner turns
each gap into a step; neither works the gaps out again.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from certadvise.advice.profile import CPR_ID, Profile
from certadvise.catalog.index import Catalog
from certadvise.catalog.models import Certification, CprAed, Route
from certadvise.levels import DegreeLevel

# Categories of the credentials an add-on builds on: holding one, a person is past the start.
PROFESSIONAL_CATEGORIES = frozenset({"foundational-cpt", "strength-and-conditioning", "clinical"})
USUAL_MIN_AGE = 18  # what most certifying bodies ask, for entries whose rules are not verified


class GapKind(StrEnum):
    """Kinds of gap. Short ones take money and a few days; long ones take time."""

    AGE = "age"
    DEGREE = "degree"
    FIELD = "degree-field"
    CREDENTIAL = "credential"
    BASE_CREDENTIAL = "base-credential"  # recommended first by the organization
    HOURS = "hours"
    YEARS = "years"
    OTHER = "requirement"  # a requirement in words that no field can state
    CPR_AED = "cpr-aed"
    MEMBERSHIP = "membership"

    @property
    def short(self) -> bool:
        return self in SHORT_KINDS


SHORT_KINDS = frozenset({GapKind.CPR_AED, GapKind.MEMBERSHIP})


@dataclass(frozen=True)
class Gap:
    """One thing a person lacks, with what they have instead, in words."""

    kind: GapKind
    need: str  # "a bachelor's degree", "640 h of supervised internship"
    have: str = ""  # "you have a high-school diploma"
    refs: tuple[str, ...] = ()  # for credentials: any one of these (ids or class:<id>)
    missing: float = 0  # years of age, hours or years still to go
    level: DegreeLevel | None = None  # for degrees: the level needed
    fields: tuple[str, ...] = ()  # for degrees and fields: the accepted fields
    subject: str = ""  # for hours and years: of what ("applied sport-science experience")

    @property
    def words(self) -> str:
        return f"{self.need} ({self.have})" if self.have else self.need


def meets_degree(route: Route, profile: Profile) -> bool:
    """The route's education level, held or (where allowed) in its final year."""
    if route.degree is None:
        return True
    if profile.education.rank >= route.degree.rank:
        return True
    return bool(
        route.final_year_students
        and profile.final_year
        and profile.final_year.rank >= route.degree.rank
    )


def route_gaps(route: Route, profile: Profile, catalog: Catalog) -> tuple[Gap, ...]:
    """What the person lacks for one prerequisite route; empty when the route is met."""
    gaps: list[Gap] = []
    names = {t.id: t.name.lower() for t in catalog.vocabulary.degree_fields}
    if route.degree is not None and not meets_degree(route, profile):
        if profile.final_year is not None and profile.final_year.rank >= route.degree.rank:
            have = f"you are in the final year of {profile.final_year.phrase}"
        elif profile.degree is not None or profile.final_year is DegreeLevel.HIGH_SCHOOL:
            have = f"you have {profile.education.phrase}"
        else:
            have = "no degree given"
        gaps.append(
            Gap(GapKind.DEGREE, route.degree.phrase, have, level=route.degree, fields=route.fields)
        )
    elif route.fields and profile.field not in route.fields:
        wanted = ", ".join(names.get(f, f) for f in route.fields)
        given = names.get(profile.field, profile.field) if profile.field else "none given"
        gaps.append(
            Gap(GapKind.FIELD, f"a degree in {wanted}", f"your field: {given}", fields=route.fields)
        )
    for ref in route.credentials:
        if not _holds_any(profile, catalog, (ref,)):
            gaps.append(Gap(GapKind.CREDENTIAL, catalog.describe_requirement(ref), refs=(ref,)))
    if route.credentials_any and not _holds_any(profile, catalog, route.credentials_any):
        need = " or ".join(catalog.describe_requirement(r) for r in route.credentials_any)
        gaps.append(Gap(GapKind.CREDENTIAL, need, refs=route.credentials_any))
    gaps += [Gap(GapKind.OTHER, requirement) for requirement in route.other]
    # "Hands-on clinical exercise experience (hours)" -> "hands-on clinical exercise experience"
    kinds = {t.id: t.name.split(" (")[0].lower() for t in catalog.vocabulary.hour_kinds}
    experience: list[tuple[GapKind, str, float, float]] = [
        (GapKind.HOURS, k, n, profile.hours.get(k, 0)) for k, n in route.hours.items()
    ]
    experience += [
        (GapKind.YEARS, k, n, profile.experience.get(k, 0)) for k, n in route.years.items()
    ]
    for kind, kind_id, needed, held in experience:
        if held < needed:
            gaps.append(
                Gap(
                    kind,
                    f"{_quantity(kind, needed)} of {kinds[kind_id]}",
                    f"you have {_quantity(kind, held, unit=False)}",
                    missing=needed - held,
                    subject=kinds[kind_id],
                )
            )
    return tuple(gaps)


def _quantity(kind: GapKind, amount: float, unit: bool = True) -> str:
    """1,200 h (hours, counted whole) or 2.5 years."""
    if kind is GapKind.HOURS:
        return f"{amount:,.0f}" + (" h" if unit else "")
    return f"{amount:g}" + (" years" if unit else "")


def age_gap(entry: Certification, profile: Profile) -> Gap | None:
    """Too young to sit the exam (an unknown age is assumed old enough, and said so).

    Where the entry's requirements are not verified, a minor is held to the age most
    certifying bodies ask for, and told why: unknown rules are no head start.
    """
    pre = entry.prerequisites
    minimum = pre.min_age if pre else None
    if minimum is None and (pre is None or not pre.verified) and profile.age is not None:
        if profile.age < USUAL_MIN_AGE:
            return Gap(
                GapKind.AGE,
                f"at least {USUAL_MIN_AGE} years old, as most certifying bodies ask "
                "(its own minimum is not verified)",
                f"you are {profile.age}",
                missing=USUAL_MIN_AGE - profile.age,
            )
        return None
    if minimum is None or profile.age is None or profile.age >= minimum:
        return None
    return Gap(
        GapKind.AGE,
        f"at least {minimum} years old",
        f"you are {profile.age}",
        missing=minimum - profile.age,
    )


def cpr_gap(entry: Certification, profile: Profile) -> Gap | None:
    """A CPR/AED card the entry asks for, before or after the exam, and the person lacks."""
    pre = entry.prerequisites
    if pre is None or pre.cpr_aed not in (CprAed.REQUIRED, CprAed.AFTER_EXAM):
        return None
    if profile.holds(CPR_ID):
        return None
    when = "before the exam" if pre.cpr_aed is CprAed.REQUIRED else "within a year of the exam"
    return Gap(GapKind.CPR_AED, f"a CPR/AED card with a hands-on skills check ({when})")


def base_credential_gap(entry: Certification, profile: Profile, catalog: Catalog) -> Gap | None:
    """A credential the organization advises holding first (a specialization after a CPT).

    Such an add-on is where people go next, not where they start: for someone who meets
    none of the recommended conditions, earning the base credential is a long step.
    """
    pre = entry.prerequisites
    checkable = [r for r in (pre.recommended if pre else ()) if r.credentials_any]
    if not checkable:
        return None
    if any(_professional(held, catalog) for held in profile.have):
        return None  # a CPT, an S&C or a clinical certification: the add-on builds on it
    for item in checkable:
        by_degree = item.degree is not None and profile.education.rank >= item.degree.rank
        if by_degree or _holds_any(profile, catalog, item.credentials_any):
            return None
    first = checkable[0]
    need = " or ".join(catalog.describe_requirement(r) for r in first.credentials_any)
    return Gap(
        GapKind.BASE_CREDENTIAL,
        need,
        f"{entry.organization} advises it first: {first.text}",
        refs=first.credentials_any,
    )


def _professional(held: str, catalog: Catalog) -> bool:
    summary = catalog.summaries.get(held)
    return summary is not None and summary.category in PROFESSIONAL_CATEGORIES


def _holds_any(profile: Profile, catalog: Catalog, refs: tuple[str, ...]) -> bool:
    return any(catalog.satisfies(held, ref) for held in profile.have for ref in refs)
