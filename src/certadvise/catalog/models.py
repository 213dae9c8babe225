"""The catalog's data model: certifications, organizations, goals, vocabulary.

Plain frozen dataclasses, compared by identity (each entry is one object), so that the
command line can use a cached catalog without
importing a validation library. Their constraints (`Ge`, `MinLen`, ...) and descriptions
(`Doc`) sit in the annotations, where pydantic reads them when a catalog file is validated
(`certadvise.catalog.validation`). Unknown fields are errors. `None` always means "not verified":
the sources did not say, and nothing may treat it as zero or as "not required".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Annotated, Any, ClassVar, Literal

from annotated_types import Ge, Gt, Le, MinLen

from certadvise.levels import DegreeLevel

__all__ = ["DegreeLevel"]  # re-exported: part of the model


@dataclass(frozen=True)
class Doc:
    """A field's description, copied into `certadvise catalog schema`."""

    text: str


class Strict:
    """Base of every model: pydantic rejects unknown fields (a typo is an error), and takes
    numbers only as finite numbers: no `yes` for 1, no `.inf` or `.nan`, no "475" text."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid", "allow_inf_nan": False}

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Called by pydantic only (never imported here): every number field is strict."""
        schema = handler(source)
        _strict_numbers(schema)
        return schema


def _strict_numbers(schema: Any) -> None:
    """Mark every int and float in a pydantic core schema strict (booleans are not numbers)."""
    if isinstance(schema, dict):
        if schema.get("type") in ("int", "float"):
            schema["strict"] = True
        for value in schema.values():
            _strict_numbers(value)
    elif isinstance(schema, list):
        for value in schema:
            _strict_numbers(value)


Usd = Annotated[float, Ge(0), Doc("Amount in the cost's currency (US dollars by default).")]
SourceKey = Annotated[str, Doc("Key of an entry in this certification's `sources` list.")]


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True, kw_only=True, eq=False)
class Source(Strict):
    """Where a fact comes from, and as of when."""

    key: Annotated[str, Doc("Short key that facts use to cite this source.")]
    url: Annotated[str, Doc("Web address, or `seed:<file>` for a founding document.")]
    as_of: Annotated[str, Doc("Date or year the source states, or 'undated'.")]
    confidence: Confidence = Confidence.MEDIUM
    note: str | None = None
    title: Annotated[
        str | None,
        Doc("What the source is, in words: shown instead of an address that is not on the web."),
    ] = None

    @property
    def address(self) -> str:
        """Where a person finds it: its web address, or its title when it has none."""
        on_web = self.url.lower().startswith(("http://", "https://"))
        return self.url if on_web or not self.title else self.title


@dataclass(frozen=True, kw_only=True, eq=False)
class Sourced(Strict):
    """A group of facts that all come from one source."""

    source: SourceKey


@dataclass(frozen=True, kw_only=True, eq=False)
class Route(Strict):
    """One way to become eligible. Every condition in a route must hold."""

    text: Annotated[str, Doc("The route in words, as a person would read it.")]
    key: Annotated[
        str | None,
        Doc("A short name, unique in the entry, by which a stage says it is this route's."),
    ] = None
    degree: Annotated[DegreeLevel | None, Doc("Minimum education level.")] = None
    fields: Annotated[tuple[str, ...], Doc("Accepted degree fields; empty = any.")] = ()
    final_year_students: Annotated[
        bool, Doc("Students in the final year of that degree may sit the exam.")
    ] = False
    degree_years: Annotated[
        float | None,
        Gt(0),
        Doc(
            "Typical full-time years of that degree after a bachelor's (after high school for "
            "an associate's or a bachelor's), where it differs from the usual: a professional "
            "doctorate such as the DPT takes 3."
        ),
    ] = None
    credentials: Annotated[
        tuple[str, ...], Doc("Credentials required, all of them (ids or `class:<id>`).")
    ] = ()
    credentials_any: Annotated[
        tuple[str, ...], Doc("Credentials of which at least one is required.")
    ] = ()
    hours: Annotated[
        dict[str, Annotated[int, Ge(0)]], Doc("Supervised hours required, by kind.")
    ] = dataclasses.field(default_factory=dict)
    years: Annotated[
        dict[str, Annotated[float, Ge(0)]], Doc("Years of professional experience, by kind.")
    ] = dataclasses.field(default_factory=dict)
    other: Annotated[
        tuple[str, ...],
        Doc(
            "Requirements no field above can state, in words ('an NBHWC-approved training "
            "programme'): each is a step of unknown cost and time, never silently met."
        ),
    ] = ()
    tier: Annotated[
        str | None,
        Doc(
            "The cost tier (by name) this route pays, such as a combined course for those "
            "without the base qualification; a tier a route names is that route's only. "
            "None: the entry's cheapest way in."
        ),
    ] = None


@dataclass(frozen=True, kw_only=True, eq=False)
class HoldersDegree(Strict):
    """The least degree every holder has, where today's routes ask for more than earlier
    ones did (a physical therapist licensed before the DPT became the only entry degree in
    2016 may hold a bachelor's): what holding the credential tells of a person."""

    level: DegreeLevel
    source: SourceKey
    note: str | None = None


@dataclass(frozen=True, kw_only=True, eq=False)
class AgeException(Strict):
    """A way to sit the exam below `min_age` (NCCPT: with a guardian's written consent)."""

    text: Annotated[str, Doc("The condition, as a step: 'with a guardian's written consent'.")]
    min_age: Annotated[int | None, Ge(0), Le(120), Doc("The youngest it allows; null: any.")] = None


class CprAed(StrEnum):
    REQUIRED = "required"
    AFTER_EXAM = "after-exam"
    NOT_REQUIRED = "not-required"


@dataclass(frozen=True, kw_only=True, eq=False)
class Recommended(Strict):
    """A prerequisite that is advised, not required."""

    text: str
    credentials_any: tuple[str, ...] = ()
    degree: DegreeLevel | None = None


@dataclass(frozen=True, kw_only=True, eq=False)
class Prerequisites(Sourced):
    """Eligibility as a rule engine can evaluate it. Any one route suffices."""

    verified: Annotated[bool, Doc("False when the sources do not state the requirements.")] = True
    min_age: Annotated[int | None, Ge(0), Le(120), Doc("Minimum age in years.")] = None
    cpr_aed: Annotated[
        CprAed | None, Doc("CPR/AED: required before the exam, allowed after it, or not needed.")
    ] = None
    cpr_aed_note: str | None = None
    cpr_credential: Annotated[
        str,
        Doc(
            "The card that meets the CPR/AED requirement: CPR-AED (lay rescuer) or BLS "
            "(provider / professional rescuer), which also meets a CPR-AED requirement."
        ),
    ] = "CPR-AED"
    min_age_exception: Annotated[
        AgeException | None, Doc("How someone younger than `min_age` may still sit it.")
    ] = None
    routes: Annotated[
        tuple[Route, ...], Doc("Alternative ways in; empty means no education or credential rule.")
    ] = ()
    recommended: tuple[Recommended, ...] = ()
    holders_degree: Annotated[
        HoldersDegree | None,
        Doc("The least degree every holder has, where the routes once asked for less."),
    ] = None
    notes: str | None = None


Amount = Annotated[float, Ge(0), Doc("Amount in the cost's `currency`.")]


@dataclass(frozen=True, kw_only=True, eq=False)
class Tier(Strict):
    """A priced package (course and exam). `usd` in a US-dollar cost, `amount` in any."""

    name: str
    usd: Usd | None = None
    amount: Amount | None = None
    includes_materials: bool = False
    includes_dues: Annotated[
        bool,
        Doc(
            "The price is the first year's membership (CSEP's annual certification fee, paid "
            "on registering): the membership stage costs nothing beside it."
        ),
    ] = False
    source: SourceKey | None = None

    def __post_init__(self) -> None:
        if (self.usd is None) == (self.amount is None):
            raise ValueError("a tier needs exactly one of `usd` and `amount`")

    @property
    def price(self) -> float:
        """The package's price in its cost's currency."""
        price = self.usd if self.usd is not None else self.amount
        assert price is not None
        return price


@dataclass(frozen=True, kw_only=True, eq=False)
class StudyMaterials(Strict):
    usd: Usd | None = None
    amount: Amount | None = None
    at_least: Annotated[bool, Doc("The price is a starting price ('$268+').")] = False
    included: Annotated[bool, Doc("Included in the exam or package price.")] = False
    note: str | None = None

    @property
    def price(self) -> float | None:
        """The starting price in its cost's currency; None when not verified."""
        return self.usd if self.usd is not None else self.amount


CURRENCY_PATTERN = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, kw_only=True, eq=False)
class Cost(Sourced):
    """Prices, in `currency`. `None` is not verified, never free.

    Amounts keep the currency their source states; nothing converts them. Advice compares
    budgets in US dollars, so a price in another currency is not comparable with one
    (`comparable_usd` says None), and has to be reported as such, never converted silently.
    """

    currency: Annotated[
        str, Doc("ISO 4217 code of every amount in this cost (USD, GBP, CAD, AUD, ...).")
    ] = "USD"
    exam_member: Usd | None = None
    exam_non_member: Usd | None = None
    tiers: tuple[Tier, ...] = ()
    application_fee: Usd | None = None
    study_materials: StudyMaterials | None = None
    retake: Usd | None = None
    unverified_fees: Annotated[
        tuple[str, ...],
        Doc(
            "Fees everyone pays to earn it whose amount is not verified (a practicum fee); "
            "not fees some pay (a retake: `retake`; an extension, a late fee)."
        ),
    ] = ()
    note: str | None = None

    not_published: Annotated[
        bool,
        Doc(
            "The organization publishes no price: the cost's source is where it was looked "
            "(its page, handbook or FAQ) and its date when."
        ),
    ] = False

    def __post_init__(self) -> None:
        if not CURRENCY_PATTERN.match(self.currency):
            raise ValueError(f"currency {self.currency!r} must be an ISO 4217 code such as USD")
        if self.currency != "USD":
            keyed = [f"tiers[{i}].usd" for i, t in enumerate(self.tiers) if t.usd is not None]
            if self.study_materials is not None and self.study_materials.usd is not None:
                keyed.append("study_materials.usd")
            if keyed:
                raise ValueError(
                    f"{', '.join(keyed)}: an amount keyed `usd` in a {self.currency} cost; "
                    "write it as `amount`"
                )
        if self.not_published and self.amounts():
            raise ValueError("`not_published` with amounts: the price is published, or it is not")

    def amounts(self) -> list[float]:
        """Every amount this cost states (exam, packages, fees), in its currency."""
        found = [
            a
            for a in (self.exam_member, self.exam_non_member, self.application_fee, self.retake)
            if a is not None
        ]
        return found + [t.price for t in self.tiers]

    @property
    def in_usd(self) -> bool:
        """Whether the amounts are US dollars, and so comparable with a budget in USD."""
        return self.currency == "USD"

    def comparable_usd(self, amount: float | None) -> float | None:
        """`amount` as US dollars for budget arithmetic; None when unknown or not in USD."""
        return amount if self.in_usd else None


def comparable_usd(cost: Cost | None, amount: float | None) -> float | None:
    """An amount of `cost` that a USD budget may be compared with, or None.

    None when the amount is not verified, or when the cost is in another currency: that
    price is real but not comparable, and must be reported so ("price in GBP"), never
    converted and never counted as zero.
    """
    return None if cost is None else cost.comparable_usd(amount)


class ExamFormat(StrEnum):
    MULTIPLE_CHOICE = "multiple-choice"
    PRACTICAL = "practical"
    WRITTEN = "written"
    OPEN_BOOK = "open-book"


class Delivery(StrEnum):
    TEST_CENTRE = "test-centre"
    REMOTE_PROCTORED = "remote-proctored"
    ONLINE_OPEN_BOOK = "online-open-book"
    IN_PERSON_PRACTICAL = "in-person-practical"
    ONLINE = "online"


@dataclass(frozen=True, kw_only=True, eq=False)
class PassingScore(Strict):
    value: float
    scale: Annotated[str, Doc("What the value is measured on, e.g. 'percent'.")]
    note: str | None = None


@dataclass(frozen=True, kw_only=True, eq=False)
class Exam(Sourced):
    minutes: Annotated[int | None, Gt(0)] = None
    questions: Annotated[int | None, Gt(0)] = None
    questions_note: str | None = None
    formats: tuple[ExamFormat, ...] = ()
    delivery: tuple[Delivery, ...] = ()
    passing_score: PassingScore | None = None
    topics: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True, kw_only=True, eq=False)
class PassRate(Sourced):
    year: Annotated[int, Ge(1950), Le(2100)]
    percent: Annotated[float | None, Ge(0), Le(100), Doc("None: not reported.")] = None
    note: str | None = None


@dataclass(frozen=True, kw_only=True, eq=False)
class Accreditation(Sourced):
    bodies: Annotated[tuple[str, ...], Doc("Accrediting bodies, e.g. NCCA.")]
    note: str | None = None


class CeUnit(StrEnum):
    """The unit an organization counts continuing education in."""

    CEU = "CEU"
    CEC = "CEC"
    HOURS = "hours"
    POINTS = "points"

    @property
    def plural(self) -> str:
        """'CEUs', 'CECs', 'hours', 'points'."""
        return self.value if self.value.endswith("s") else self.value + "s"


@dataclass(frozen=True, kw_only=True, eq=False)
class Reinstatement(Sourced):
    """Getting a lapsed credential back without sitting the exam again."""

    window_months: Annotated[
        float | None,
        Ge(0),
        Doc("How long after the lapse reinstatement is open (null: not stated)."),
    ] = None
    fee_member: Usd | None = None
    fee_non_member: Usd | None = None
    ce: Annotated[str | None, Doc("The continuing education owed, in words.")] = None
    note: str | None = None


@dataclass(frozen=True, kw_only=True, eq=False)
class CeReciprocity(Sourced):
    """Continuing education from other organizations that counts here."""

    organizations: Annotated[tuple[str, ...], Doc("Organization ids whose CE is accepted.")]
    text: Annotated[str, Doc("What the source says, in a sentence.")]


@dataclass(frozen=True, kw_only=True, eq=False)
class SharedCe(Sourced):
    """One set of continuing education that counts for every credential of the
    organization held (NSCA's CEUs), each still paying its own fee."""

    text: Annotated[str, Doc("What the source says, in a sentence.")]


@dataclass(frozen=True, kw_only=True, eq=False)
class Recertification(Sourced):
    """Keeping a credential: its cycle, continuing education and fees. The fees (renewal,
    late, reinstatement) are in the entry's `cost.currency` (`Certification.currency`)."""

    period_years: Annotated[float | None, Gt(0)] = None
    ceus: Annotated[
        float | None, Ge(0), Doc("Continuing education required a cycle, counted in `ce_unit`.")
    ] = None
    ce_unit: Annotated[
        CeUnit | None,
        Doc("The unit of `ceus`: CEU, CEC, hours or points (None: not stated)."),
    ] = None
    ce_hours: Annotated[
        float | None,
        Ge(0),
        Doc(
            "The same requirement in contact hours, when the source states how many hours "
            "a unit is worth (ACE: 0.1 CEC = 1 hour; ACSM: 1 CEC = 1 hour). Wins over the "
            "vocabulary's hours per unit."
        ),
    ] = None
    ceus_note: str | None = None
    fee_member: Usd | None = None
    fee_non_member: Usd | None = None
    fee_every: Annotated[
        Literal["cycle", "year"],
        Doc("The renewal fee is paid once a cycle (the default) or every year (NFPT)."),
    ] = "cycle"
    cycle: Annotated[
        Literal["rolling", "fixed"] | None,
        Doc(
            "rolling: each cycle runs `period_years` from the day the credential was earned "
            "(ACSM); fixed: cycles end on set dates for everyone (NSCA: 31 December of the "
            "cycle's last year); null: not stated."
        ),
    ] = None
    cycle_ends: Annotated[
        str | None,
        Doc("Fixed cycles: the month and day a cycle ends, as MM-DD (NSCA: 12-31)."),
    ] = None
    cycle_anchor: Annotated[
        int | None,
        Ge(1950),
        Le(2100),
        Doc("Fixed cycles: a year in which a cycle ends (NSCA: 2026); others follow every period."),
    ] = None
    first_cycle_prorated: Annotated[
        bool, Doc("A fixed cycle's CE is prorated by when in it the credential was earned.")
    ] = False
    requires_cpr: Annotated[bool, Doc("A current CPR/AED (or BLS) card is needed to renew.")] = (
        False
    )
    grace_months: Annotated[
        float | None,
        Ge(0),
        Doc("After the deadline, how long a late renewal is still accepted (null: not stated)."),
    ] = None
    late_fee: Annotated[Usd | None, Doc("The extra fee for renewing inside the grace window.")] = (
        None
    )
    reinstatement: Annotated[
        Reinstatement | None, Doc("The way back for a lapsed credential, short of a new exam.")
    ] = None
    accepts_ce_from: Annotated[
        tuple[CeReciprocity, ...],
        Doc("Other organizations whose continuing education this one accepts, with the source."),
    ] = ()
    ce_shared: Annotated[
        SharedCe | None,
        Doc(
            "The same CE counts for every credential of this organization held that says so "
            "too (NSCA): logged and counted once for all of them."
        ),
    ] = None
    note: str | None = None

    def __post_init__(self) -> None:
        if self.cycle_ends is not None:
            month, _, day = self.cycle_ends.partition("-")
            try:
                dt.date(2000, int(month), int(day))  # a leap year: 02-29 is a real day
            except ValueError:
                raise ValueError(
                    f"cycle_ends {self.cycle_ends!r} must be a month and day as MM-DD"
                ) from None
        if self.cycle == "fixed" and (self.cycle_ends is None or self.cycle_anchor is None):
            raise ValueError("a fixed cycle needs `cycle_ends` (MM-DD) and `cycle_anchor` (a year)")

    def hours(self, unit_hours: dict[str, float | None] | None = None) -> float | None:
        """The requirement a cycle in contact hours, to compare across organizations.

        `ce_hours` when the entry states it; else `ceus` times the vocabulary's hours per
        unit (`Vocabulary.unit_hours()`); None when either is unknown.
        """
        if self.ce_hours is not None:
            return self.ce_hours
        if self.ceus is None or self.ce_unit is None:
            return None
        per_unit = (unit_hours or {}).get(self.ce_unit.value)
        return None if per_unit is None else self.ceus * per_unit


@dataclass(frozen=True, kw_only=True, eq=False)
class StudyHours(Sourced):
    """A typical range of study hours before the exam, as a source publishes it."""

    low: Annotated[int | None, Ge(0), Doc("Fewest hours the source gives.")] = None
    high: Annotated[int | None, Ge(0), Doc("Most hours the source gives.")] = None
    note: Annotated[str | None, Doc("Who the range is for, the pace, what it assumes.")] = None

    def __post_init__(self) -> None:
        if self.low is None and self.high is None:
            raise ValueError("study_hours needs `low`, `high` or both")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"study_hours: low ({self.low}) is above high ({self.high})")


class StageKind(StrEnum):
    """The parts of a qualification earned over months rather than at one sitting."""

    ENROLMENT = "enrolment"
    COURSE = "course"
    MEMBERSHIP = "membership"
    PLACEMENT = "placement"
    CASE_STUDY = "case-study"
    PRACTICAL = "practical"
    PORTFOLIO = "portfolio"
    EXAM = "exam"
    APPLICATION = "application"


@dataclass(frozen=True, kw_only=True, eq=False)
class Stage(Strict):
    """One stage of a qualification that takes months: a course, a case study, an assessment.

    Its money stays in the entry's `cost` (the course fee, the assessment fee) and, for a
    membership stage, in the organization's dues; a stage says what is done and how long,
    and `pays` where the entry's price is paid when that is not its first stage.
    """

    kind: StageKind
    text: Annotated[str, Doc("What the person does, as a step: 'complete the Certificate IV'.")]
    months_low: Annotated[float | None, Ge(0), Doc("Shortest typical duration, in months.")] = None
    months_high: Annotated[float | None, Ge(0), Doc("Longest typical duration, in months.")] = None
    source: SourceKey | None = None
    note: str | None = None
    pays: Annotated[
        bool,
        Doc(
            "The entry's price is paid at this stage (default: the first that is not a "
            "membership); a membership stage that pays it costs that price, not the dues."
        ),
    ] = False
    routes: Annotated[
        tuple[str, ...],
        Doc(
            "The keys of the routes this stage belongs to (the overseas route's exams); "
            "empty: every route's."
        ),
    ] = ()

    def __post_init__(self) -> None:
        low, high = self.months_low, self.months_high
        if low is not None and high is not None and low > high:
            raise ValueError(f"stage months: low ({low:g}) is above high ({high:g})")


@dataclass(frozen=True, kw_only=True, eq=False)
class Covers(Strict):
    """Credentials that holding this one makes unnecessary: never offered to its holders."""

    ids: Annotated[
        tuple[str, ...], Doc("Certification ids (or `class:<id>`) this credential covers.")
    ]
    why: Annotated[str, Doc("Why, in a sentence a holder would accept.")]
    source: SourceKey | None = None


@dataclass(frozen=True, kw_only=True, eq=False)
class ConflictValue(Strict):
    value: Annotated[float | str, Doc("What this source says.")]
    source: SourceKey


@dataclass(frozen=True, kw_only=True, eq=False)
class Conflict(Strict):
    """Sources that disagree about one fact: every value is shown, none picked silently."""

    fact: Annotated[str, Doc("The fact, as a dotted path: recertification.reinstatement.fee.")]
    values: Annotated[tuple[ConflictValue, ...], MinLen(2)]
    note: str | None = None


@dataclass(frozen=True, kw_only=True, eq=False)
class RuleChange(Sourced):
    """A dated change to the rules, e.g. a degree-accreditation requirement."""

    effective: dt.date
    text: str


@dataclass(frozen=True, kw_only=True, eq=False)
class SourceAdvice(Sourced):
    """What the sources advise: a soft-scoring bonus with its reason."""

    goals: Annotated[tuple[str, ...], Doc("Applies when the person has one of these goals.")]
    holds_any: Annotated[
        tuple[str, ...], Doc("...and, if given, holds one of these credentials.")
    ] = ()
    text: str


class Status(StrEnum):
    ACTIVE = "active"
    RETIRED = "retired"


@dataclass(frozen=True, kw_only=True, eq=False)
class Retirement(Sourced):
    year: int
    successor: str | None = None
    note: str | None = None


ID_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")
INTERNATIONAL = "international"


@dataclass(frozen=True, kw_only=True, eq=False)
class Certification(Strict):
    """One catalog entry: `catalog/<org>/<ID>.yaml`."""

    id: Annotated[str, Doc("Canonical upper-case id: letters, digits and dashes.")]
    name: str
    organization: Annotated[str, Doc("Organization id from organizations.yaml.")]
    kind: Annotated[
        Literal["certification", "prerequisite", "designation", "licence"],
        Doc(
            "certification: earned by exam or assessment; prerequisite: a credential others "
            "require (CPR/AED, BLS); designation: granted on top of a certification (NSCA's "
            "RSCC); licence: a licence or registration people hold (RDN, PTA, RYT-200), "
            "offered only where a goal calls for it."
        ),
    ] = "certification"
    aliases: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    status: Status = Status.ACTIVE
    retired: Retirement | None = None
    category: Annotated[str, Doc("Category id from vocabulary.yaml.")]
    goals: Annotated[tuple[str, ...], Doc("Goal ids it serves, main purpose first.")] = ()
    settings: tuple[str, ...] = ()
    populations: str | None = None
    summary: Annotated[str | None, Doc("Qualifications awarded, in words.")] = None
    markets: Annotated[
        tuple[str, ...],
        Doc(
            "Where it is the recognized standard: ISO 3166-1 alpha-2 country codes (US, GB, "
            "CA, AU), or 'international', its home market first. Empty: no source states it."
        ),
    ] = ()
    markets_source: Annotated[
        SourceKey | None, Doc("The source that says where it is recognized.")
    ] = None
    study_hours: Annotated[
        StudyHours | None, Doc("Typical study time before the exam, where a source gives one.")
    ] = None
    stages: Annotated[
        tuple[Stage, ...],
        Doc("For a qualification earned over months: its stages in order, the award last."),
    ] = ()
    covers: Annotated[
        tuple[Covers, ...], Doc("What holding it makes unnecessary (never sold to a holder).")
    ] = ()
    counts_as: Annotated[
        tuple[str, ...],
        Doc("Credentials it meets any requirement for (BLS counts as CPR-AED); never reverse."),
    ] = ()
    conflicts: Annotated[
        tuple[Conflict, ...], Doc("Facts whose sources disagree, with every value.")
    ] = ()
    prerequisites: Prerequisites | None = None
    cost: Cost | None = None
    exam: Exam | None = None
    pass_rates: tuple[PassRate, ...] = ()
    accreditation: Accreditation | None = None
    recertification: Recertification | None = None
    rule_changes: tuple[RuleChange, ...] = ()
    advice: tuple[SourceAdvice, ...] = ()
    confidence: Confidence = Confidence.MEDIUM
    notes: str | None = None
    sources: Annotated[tuple[Source, ...], MinLen(1)]

    def __post_init__(self) -> None:
        if not ID_PATTERN.match(self.id):
            raise ValueError(f"id {self.id!r} must be upper-case letters, digits and dashes")
        if (self.status is Status.RETIRED) != (self.retired is not None):
            raise ValueError("a retired certification needs `retired:`, an active one must not")
        if self.markets_source is not None and not self.markets:
            raise ValueError("`markets_source` cites a source for `markets`, which is empty")
        dues_in = [t.name for t in self.cost.tiers if t.includes_dues] if self.cost else []
        if dues_in and not any(s.kind is StageKind.MEMBERSHIP for s in self.stages):
            raise ValueError(
                f"tier {dues_in[0]!r} includes the membership dues, but no stage is a membership"
            )
        tiers = {t.name for t in self.cost.tiers} if self.cost else set()
        for route in self.prerequisites.routes if self.prerequisites else ():
            if route.tier is not None and route.tier not in tiers:
                raise ValueError(f"a route pays the tier {route.tier!r}, which `cost` lacks")
        if sum(stage.pays for stage in self.stages) > 1:
            raise ValueError("the price is paid at one stage: at most one has `pays: true`")

    def stages_of(self, route: Route | None) -> tuple[Stage, ...]:
        """The stages a person on `route` goes through: those of every route, and those
        that name its key."""
        key = route.key if route else None
        return tuple(s for s in self.stages if not s.routes or key in s.routes)

    def source(self, key: str | None) -> Source | None:
        """The source a fact cites, by key."""
        return next((s for s in self.sources if s.key == key), None)

    @property
    def currency(self) -> str:
        """The currency of every amount the entry states: its cost's, which its renewal,
        late and reinstatement fees are in too (US dollars without a cost)."""
        return self.cost.currency if self.cost else "USD"

    @property
    def is_accredited_ncca(self) -> bool:
        return self.accreditation is not None and "NCCA" in self.accreditation.bodies


@dataclass(frozen=True, kw_only=True, eq=False)
class Membership(Strict):
    """Yearly dues: `dues_usd` in US dollars, or `dues` in `currency`."""

    dues_usd: Annotated[float | None, Ge(0), Doc("Yearly professional dues.")] = None
    student_dues_usd: Usd | None = None
    currency: Annotated[str, Doc("ISO 4217 code of `dues` and `student_dues`.")] = "USD"
    dues: Annotated[Amount | None, Doc("Yearly dues in `currency` (not US dollars).")] = None
    student_dues: Amount | None = None
    required: bool = False
    note: str | None = None
    source: str | None = None
    as_of: str | None = None

    def __post_init__(self) -> None:
        if not CURRENCY_PATTERN.match(self.currency):
            raise ValueError(f"currency {self.currency!r} must be an ISO 4217 code such as USD")
        keyed_usd = self.dues_usd is not None or self.student_dues_usd is not None
        if self.currency != "USD" and keyed_usd:
            raise ValueError(
                f"dues keyed `dues_usd` in a {self.currency} membership; write them as `dues`"
            )
        if self.currency == "USD" and (self.dues is not None or self.student_dues is not None):
            raise ValueError("US-dollar dues are written `dues_usd` and `student_dues_usd`")


@dataclass(frozen=True, kw_only=True, eq=False)
class Organization(Strict):
    id: str
    name: str
    founded: str | None = None
    url: str | None = None
    membership: Membership | None = None
    note: str | None = None


@dataclass(frozen=True, kw_only=True, eq=False)
class Goal(Strict):
    id: str
    name: str
    description: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True, eq=False)
class Term(Strict):
    """A vocabulary word: a category, a degree field or a kind of hours."""

    id: str
    name: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True, eq=False)
class CredentialClass(Strict):
    """A class of credentials, e.g. 'an NCCA-accredited CPT'; matched from catalog data."""

    id: str
    name: str
    category: Annotated[str | None, Doc("Category its members are in; None: any category.")] = None
    accreditation: str | None = None
    kind: Annotated[
        str | None, Doc("Kind of entry its members are (licence); None: any but prerequisites.")
    ] = None
    ids: Annotated[tuple[str, ...], Doc("Named members, beside those the other fields match.")] = ()


@dataclass(frozen=True, kw_only=True, eq=False)
class UnitTerm(Strict):
    """A continuing-education unit and the contact hours one unit is worth, if fixed."""

    id: CeUnit
    name: str
    hours: Annotated[
        float | None, Gt(0), Doc("Contact hours per unit; null when organizations differ.")
    ] = None
    note: str | None = None


@dataclass(frozen=True, kw_only=True, eq=False)
class Vocabulary(Strict):
    categories: tuple[Term, ...]
    degree_fields: tuple[Term, ...]
    hour_kinds: tuple[Term, ...]
    credential_classes: tuple[CredentialClass, ...] = ()
    ce_units: tuple[UnitTerm, ...] = ()

    def unit_hours(self) -> dict[str, float | None]:
        """Contact hours per continuing-education unit, by unit id."""
        return {unit.id.value: unit.hours for unit in self.ce_units}

    def field_name(self, field: str) -> str:
        """A degree field as people read it ('kinesiology'); the id itself when the
        vocabulary does not name it."""
        return next((t.name.lower() for t in self.degree_fields if t.id == field), field)


@dataclass(frozen=True, kw_only=True, eq=False)
class Rates(Strict):
    """Exchange rates for comparing a price in one currency with a budget in another.

    Always approximate and dated: a converted amount is shown beside the original with
    the rate's month, never instead of it.
    """

    as_of: Annotated[dt.date, Doc("The day the rates were read.")]
    source: Annotated[str, Doc("Where they were read (a web address).")]
    confidence: Confidence = Confidence.MEDIUM
    usd_per_unit: Annotated[
        dict[str, Annotated[float, Gt(0)]],
        Doc("US dollars for one unit of each currency (ISO 4217 codes): GBP: 1.27."),
    ]
    note: str | None = None

    def __post_init__(self) -> None:
        for code in self.usd_per_unit:
            if not CURRENCY_PATTERN.match(code):
                raise ValueError(f"currency {code!r} must be an ISO 4217 code such as GBP")


def to_jsonable(value: Any) -> Any:
    """A model (or anything inside one) as plain JSON data: enums by value, dates as ISO."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [to_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {key: to_jsonable(item) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
