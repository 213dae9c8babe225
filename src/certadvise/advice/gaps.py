"""What stands between a person and a certification, as typed gaps.

One function per question: what a prerequisite route lacks (`route_gaps`), and what the
whole entry lacks beyond its routes (age, a CPR/AED or BLS card, the base credential its
organization advises first). The rules word their verdicts from these gaps and the
planner turns each gap into a step; neither works the gaps out again.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from certadvise.advice.profile import Profile
from certadvise.catalog.index import Catalog
from certadvise.catalog.models import Certification, CprAed, Route
from certadvise.english import as_clause, with_article
from certadvise.levels import DegreeLevel

# Categories of the credentials an add-on builds on: holding one, a person is past the start;
# a health-care licence counts only where its entry says it covers a CPT (a PT's, an ATC's).
PROFESSIONAL_CATEGORIES = frozenset(
    {"foundational-cpt", "strength-and-conditioning", "clinical", "health-fitness"}
)
USUAL_MIN_AGE = 18  # what most certifying bodies ask, for entries whose rules are not verified
CONSENT_FROM_AGE = 16  # an exception with no stated floor (guardian's consent) from this age


class GapKind(StrEnum):
    """Kinds of gap."""

    AGE = "age"
    DEGREE = "degree"
    FIELD = "degree-field"
    CREDENTIAL = "credential"
    BASE_CREDENTIAL = "base-credential"  # recommended first by the organization
    HOURS = "hours"
    YEARS = "years"
    OTHER = "requirement"  # a requirement in words that no field can state
    CPR_AED = "cpr-aed"


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
    final_year_students: bool = False  # for degrees: the route lets final-year students in
    degree_years: float | None = None  # for degrees: its typical years, when unusual (a DPT)
    exception: str | None = None  # for age: how someone younger may still sit it

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
    if route.degree is not None and not meets_degree(route, profile):
        gaps.append(
            Gap(
                GapKind.DEGREE,
                route.degree.phrase,
                _education_words(profile, route.degree),
                level=route.degree,
                fields=route.fields,
                final_year_students=route.final_year_students,
                degree_years=route.degree_years,
            )
        )
    elif route.fields and (field := profile.degree_field) not in route.fields:
        name = catalog.vocabulary.field_name
        wanted = ", ".join(map(name, route.fields))
        given = name(field) if field else "none given"
        gaps.append(
            Gap(GapKind.FIELD, f"a degree in {wanted}", f"your field: {given}", fields=route.fields)
        )
    for ref in route.credentials:
        if not holds_any(profile, catalog, (ref,)):
            gaps.append(Gap(GapKind.CREDENTIAL, catalog.describe_requirement(ref), refs=(ref,)))
    if route.credentials_any and not holds_any(profile, catalog, route.credentials_any):
        need = " or ".join(catalog.describe_requirement(r) for r in route.credentials_any)
        gaps.append(Gap(GapKind.CREDENTIAL, need, refs=route.credentials_any))
    gaps += [Gap(GapKind.OTHER, requirement) for requirement in route.other]
    experience: list[tuple[GapKind, str, float, float]] = [
        (GapKind.HOURS, k, n, profile.hours.get(k, 0)) for k, n in route.hours.items()
    ]
    experience += [
        (GapKind.YEARS, k, n, profile.experience.get(k, 0)) for k, n in route.years.items()
    ]
    for kind, kind_id, needed, held in experience:
        if held < needed:
            # "Hands-on clinical exercise experience (hours)": "hands-on clinical exercise ...";
            # names inside keep their capitals ("comprehensive Pilates teacher training")
            kinds = {t.id: as_clause(t.name.split(" (")[0]) for t in catalog.vocabulary.hour_kinds}
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


def _education_words(profile: Profile, needed: DegreeLevel) -> str:
    """What the person has instead of the degree a route needs, in words."""
    studying = profile.studying
    have = f"you have {profile.education.phrase}"
    if studying is None or studying is DegreeLevel.HIGH_SCHOOL:
        said = profile.degree or profile.implied_degree or studying
        return have if said is not None else "no degree given"
    when = f", graduating {profile.graduating:%Y-%m}" if profile.graduating else ""
    final = "in the final year of" if profile.final_year else "studying for"
    doing = f"you are {final} {studying.phrase}{when}"
    if studying.rank >= needed.rank or profile.degree is None:
        return doing  # a degree in progress that is enough, or the only one given
    return f"{have}; {doing}"


def _quantity(kind: GapKind, amount: float, unit: bool = True) -> str:
    """1,200 h (hours, counted whole) or 2.5 years."""
    if kind is GapKind.HOURS:
        return f"{amount:,.0f}" + (" h" if unit else "")
    return f"{amount:g}" + (" years" if unit else "")


def age_gap(entry: Certification, profile: Profile) -> Gap | None:
    """Too young to sit the exam (an unknown age is assumed old enough, and said so).

    Where the entry's requirements are not verified, a minor is held to the age most
    certifying bodies ask for, and told why: unknown rules are no head start. An entry's
    own exception (NCCPT: with a guardian's written consent) travels with the gap.
    """
    pre = entry.prerequisites
    minimum = pre.min_age if pre else None
    if minimum is None:
        age = profile.age_under(USUAL_MIN_AGE) if pre is None or not pre.verified else None
        if age is None:
            return None
        return Gap(
            GapKind.AGE,
            f"at least {USUAL_MIN_AGE} years old, as most certifying bodies ask "
            "(its own minimum is not verified)",
            f"you are {age}",
            missing=USUAL_MIN_AGE - age,
        )
    age = profile.age_under(minimum)
    if age is None:
        return None
    exception = pre.min_age_exception if pre else None
    floor = (
        CONSENT_FROM_AGE if exception is None or exception.min_age is None else exception.min_age
    )
    allowed = exception is not None and age >= floor
    return Gap(
        GapKind.AGE,
        f"at least {minimum} years old",
        f"you are {age}",
        missing=minimum - age,
        exception=exception.text if allowed and exception else None,
    )


def cpr_gap(entry: Certification, profile: Profile, catalog: Catalog) -> Gap | None:
    """The CPR/AED (or BLS) card the entry asks for, before or after the exam, that the
    person lacks; a BLS card meets a CPR/AED requirement, never the reverse."""
    pre = entry.prerequisites
    if pre is None or pre.cpr_aed not in (CprAed.REQUIRED, CprAed.AFTER_EXAM):
        return None
    card = pre.cpr_credential
    if holds_any(profile, catalog, (card,)):
        return None
    when = "before the exam" if pre.cpr_aed is CprAed.REQUIRED else "within a year of the exam"
    what = "CPR/AED card with a hands-on skills check" if card == "CPR-AED" else f"{card} card"
    return Gap(GapKind.CPR_AED, with_article(f"{what} ({when})"), refs=(card,))


@dataclass(frozen=True)
class BaseAdvice:
    """Whether the organization's "take X first" advice is met, and how (in words)."""

    met: bool
    how: str  # "you hold CSCS", "a four-year college degree", or what is advised first
    refs: tuple[str, ...] = ()  # when not met: the credentials advised first


def base_advice(entry: Certification, profile: Profile, catalog: Catalog) -> BaseAdvice | None:
    """The one decision on an add-on: is the base its organization recommends met?

    Met by a professional credential (a CPT, an S&C, clinical or exercise-physiology
    certification, or a health-care licence), by any recommended credential, or by the
    degree the organization names. None when the entry recommends nothing checkable.
    """
    pre = entry.prerequisites
    checkable = [r for r in (pre.recommended if pre else ()) if r.credentials_any or r.degree]
    if not checkable:
        return None
    for item in checkable:
        if holds_any(profile, catalog, item.credentials_any):
            return BaseAdvice(True, item.text)
    professional = [held for held in profile.have if _professional(held, catalog)]
    if professional and any(r.credentials_any for r in checkable):  # a base credential
        return BaseAdvice(True, f"you hold {professional[0]}, a professional credential")
    for item in checkable:
        if item.degree is not None and profile.education.rank >= item.degree.rank:
            return BaseAdvice(True, item.text)
    first = next((r for r in checkable if r.credentials_any), checkable[0])
    return BaseAdvice(False, first.text, first.credentials_any)


def base_credential_gap(entry: Certification, profile: Profile, catalog: Catalog) -> Gap | None:
    """A credential the organization advises holding first (a specialization after a CPT).

    Such an add-on is where people go next, not where they start: for someone who meets
    none of the recommended conditions, earning the base credential is a long step.
    """
    advice = base_advice(entry, profile, catalog)
    if advice is None or advice.met or not advice.refs:
        return None
    need = " or ".join(catalog.describe_requirement(r) for r in advice.refs)
    return Gap(
        GapKind.BASE_CREDENTIAL,
        need,
        f"{entry.organization} advises it first: {advice.how}",
        refs=advice.refs,
    )


def _professional(held: str, catalog: Catalog) -> bool:
    summary = catalog.summaries.get(held)
    if summary is None:
        return False
    if summary.category in PROFESSIONAL_CATEGORIES:
        return True
    covers = catalog.entries[held].covers if summary.kind == "licence" else ()
    return any("class:cpt" in c.ids for c in covers)


def holds_any(profile: Profile, catalog: Catalog, refs: tuple[str, ...]) -> bool:
    """Whether something the person holds (and has not let lapse) meets any of `refs`."""
    return profile.holds_any(refs, catalog.satisfies)


def experience_asked(catalog: Catalog, goals: tuple[str, ...]) -> dict[str, list[str]]:
    """The kinds of supervised hours or years of experience that the routes of the
    certifications serving `goals` (every certification, with none) ask for, each with the
    ids that ask: what a wizard needs to ask about, and nothing else."""
    needed: dict[str, list[str]] = {}
    wanted = set(goals)
    for summary in catalog.summaries.values():
        if wanted and not wanted & set(summary.goals):
            continue
        prerequisites = catalog.entries[summary.id].prerequisites
        for route in prerequisites.routes if prerequisites else ():
            for kind in (*route.hours, *route.years):
                needed.setdefault(kind, []).append(summary.id)
    return needed
