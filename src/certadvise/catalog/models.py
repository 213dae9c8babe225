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


Usd = Annotated[float, Ge(0), Doc("Amount in US dollars.")]
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


@dataclass(frozen=True, kw_only=True, eq=False)
class Sourced(Strict):
    """A group of facts that all come from one source."""

    source: SourceKey


@dataclass(frozen=True, kw_only=True, eq=False)
class Route(Strict):
    """One way to become eligible. Every condition in a route must hold."""

    text: Annotated[str, Doc("The route in words, as a person would read it.")]
    degree: Annotated[DegreeLevel | None, Doc("Minimum education level.")] = None
    fields: Annotated[tuple[str, ...], Doc("Accepted degree fields; empty = any.")] = ()
    final_year_students: Annotated[
        bool, Doc("Students in the final year of that degree may sit the exam.")
    ] = False
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
    routes: Annotated[
        tuple[Route, ...], Doc("Alternative ways in; empty means no education or credential rule.")
    ] = ()
    recommended: tuple[Recommended, ...] = ()
    notes: str | None = None


@dataclass(frozen=True, kw_only=True, eq=False)
class Tier(Strict):
    """A priced package (course and exam)."""

    name: str
    usd: Usd
    includes_materials: bool = False
    source: SourceKey | None = None


@dataclass(frozen=True, kw_only=True, eq=False)
class StudyMaterials(Strict):
    usd: Usd | None = None
    at_least: Annotated[bool, Doc("The price is a starting price ('$268+').")] = False
    included: Annotated[bool, Doc("Included in the exam or package price.")] = False
    note: str | None = None


@dataclass(frozen=True, kw_only=True, eq=False)
class Cost(Sourced):
    """Prices. `None` is not verified, never free."""

    exam_member: Usd | None = None
    exam_non_member: Usd | None = None
    tiers: tuple[Tier, ...] = ()
    application_fee: Usd | None = None
    study_materials: StudyMaterials | None = None
    retake: Usd | None = None
    unverified_fees: Annotated[
        tuple[str, ...], Doc("Fees that exist but whose amount is not verified (practicum fee).")
    ] = ()
    note: str | None = None


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


@dataclass(frozen=True, kw_only=True, eq=False)
class Recertification(Sourced):
    period_years: Annotated[float | None, Gt(0)] = None
    ceus: Annotated[float | None, Ge(0), Doc("Continuing-education units a cycle.")] = None
    ceus_note: str | None = None
    fee_member: Usd | None = None
    fee_non_member: Usd | None = None
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


@dataclass(frozen=True, kw_only=True, eq=False)
class Certification(Strict):
    """One catalog entry: `catalog/<org>/<ID>.yaml`."""

    id: Annotated[str, Doc("Canonical upper-case id: letters, digits and dashes.")]
    name: str
    organization: Annotated[str, Doc("Organization id from organizations.yaml.")]
    kind: Literal["certification", "prerequisite"] = "certification"
    aliases: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    status: Status = Status.ACTIVE
    retired: Retirement | None = None
    category: Annotated[str, Doc("Category id from vocabulary.yaml.")]
    goals: Annotated[tuple[str, ...], Doc("Goal ids it serves, main purpose first.")] = ()
    settings: tuple[str, ...] = ()
    populations: str | None = None
    summary: Annotated[str | None, Doc("Qualifications awarded, in words.")] = None
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

    def source(self, key: str | None) -> Source | None:
        """The source a fact cites, by key."""
        return next((s for s in self.sources if s.key == key), None)

    @property
    def is_accredited_ncca(self) -> bool:
        return self.accreditation is not None and "NCCA" in self.accreditation.bodies


@dataclass(frozen=True, kw_only=True, eq=False)
class Membership(Strict):
    dues_usd: Annotated[float | None, Ge(0), Doc("Yearly professional dues.")] = None
    student_dues_usd: Usd | None = None
    required: bool = False
    note: str | None = None
    source: str | None = None
    as_of: str | None = None


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
    category: str
    accreditation: str | None = None


@dataclass(frozen=True, kw_only=True, eq=False)
class Vocabulary(Strict):
    categories: tuple[Term, ...]
    degree_fields: tuple[Term, ...]
    hour_kinds: tuple[Term, ...]
    credential_classes: tuple[CredentialClass, ...] = ()


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
