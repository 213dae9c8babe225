"""Pydantic models of the catalog: certifications, organizations, goals, vocabulary.

Every model is immutable and forbids unknown fields, so a typo in a catalog file is an
error, not a silently ignored key. `None` always means "not verified": the sources did
not say, and nothing downstream may treat it as zero or as "not required".
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeFloat, model_validator

Usd = Annotated[float, Field(ge=0, description="Amount in US dollars.")]
SourceKey = Annotated[
    str, Field(description="Key of an entry in this certification's `sources` list.")
]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DegreeLevel(StrEnum):
    """Highest education, in increasing order."""

    NONE = "none"
    HIGH_SCHOOL = "high-school"
    ASSOCIATE = "associate"
    BACHELOR = "bachelor"
    MASTER = "master"
    DOCTORATE = "doctorate"

    @property
    def rank(self) -> int:
        return list(DegreeLevel).index(self)

    @property
    def phrase(self) -> str:
        return _DEGREE_PHRASES[self]


_DEGREE_PHRASES = {
    DegreeLevel.NONE: "no diploma",
    DegreeLevel.HIGH_SCHOOL: "a high-school diploma",
    DegreeLevel.ASSOCIATE: "an associate's degree",
    DegreeLevel.BACHELOR: "a bachelor's degree",
    DegreeLevel.MASTER: "a master's degree",
    DegreeLevel.DOCTORATE: "a doctorate",
}


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Source(Model):
    """Where a fact comes from, and as of when."""

    key: str = Field(description="Short key that facts use to cite this source.")
    url: str = Field(description="Web address, or `seed:<file>` for a founding document.")
    as_of: str = Field(description="Date or year the source states, or 'undated'.")
    confidence: Confidence = Confidence.MEDIUM
    note: str | None = None


class Sourced(Model):
    """A group of facts that all come from one source."""

    source: SourceKey


class Route(Model):
    """One way to become eligible. Every condition in a route must hold."""

    text: str = Field(description="The route in words, as a person would read it.")
    degree: DegreeLevel | None = Field(None, description="Minimum education level.")
    fields: tuple[str, ...] = Field((), description="Accepted degree fields; empty = any.")
    final_year_students: bool = Field(
        False, description="Students in the final year of that degree may sit the exam."
    )
    credentials: tuple[str, ...] = Field(
        (), description="Credentials required, all of them (ids or `class:<id>`)."
    )
    credentials_any: tuple[str, ...] = Field(
        (), description="Credentials of which at least one is required."
    )
    hours: dict[str, int] = Field(
        default_factory=dict, description="Supervised hours required, by kind."
    )
    years: dict[str, NonNegativeFloat] = Field(
        default_factory=dict, description="Years of professional experience, by kind."
    )


class CprAed(StrEnum):
    REQUIRED = "required"
    AFTER_EXAM = "after-exam"
    NOT_REQUIRED = "not-required"


class Recommended(Model):
    """A prerequisite that is advised, not required."""

    text: str
    credentials_any: tuple[str, ...] = ()
    degree: DegreeLevel | None = None


class Prerequisites(Sourced):
    """Eligibility as a rule engine can evaluate it. Any one route suffices."""

    verified: bool = Field(
        True, description="False when the sources do not state the requirements."
    )
    min_age: int | None = Field(None, ge=0, le=120, description="Minimum age in years.")
    cpr_aed: CprAed | None = Field(
        None, description="CPR/AED: required before the exam, allowed after it, or not needed."
    )
    cpr_aed_note: str | None = None
    routes: tuple[Route, ...] = Field(
        (), description="Alternative ways in; empty means no education or credential rule."
    )
    recommended: tuple[Recommended, ...] = ()
    notes: str | None = None


class Tier(Model):
    """A priced package (course and exam)."""

    name: str
    usd: Usd
    includes_materials: bool = False
    source: SourceKey | None = None


class StudyMaterials(Model):
    usd: Usd | None = None
    at_least: bool = Field(False, description="The price is a starting price ('$268+').")
    included: bool = Field(False, description="Included in the exam or package price.")
    note: str | None = None


class Cost(Sourced):
    """Prices. `None` is not verified, never free."""

    exam_member: Usd | None = None
    exam_non_member: Usd | None = None
    tiers: tuple[Tier, ...] = ()
    application_fee: Usd | None = None
    study_materials: StudyMaterials | None = None
    retake: Usd | None = None
    unverified_fees: tuple[str, ...] = Field(
        (), description="Fees known to exist whose amount is not verified (e.g. a practicum fee)."
    )
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


class PassingScore(Model):
    value: float
    scale: str = Field(description="What the value is measured on, e.g. 'percent'.")
    note: str | None = None


class Exam(Sourced):
    minutes: int | None = Field(None, gt=0)
    questions: int | None = Field(None, gt=0)
    questions_note: str | None = None
    formats: tuple[ExamFormat, ...] = ()
    delivery: tuple[Delivery, ...] = ()
    passing_score: PassingScore | None = None
    topics: tuple[str, ...] = ()
    note: str | None = None


class PassRate(Sourced):
    year: int = Field(ge=1950, le=2100)
    percent: float | None = Field(None, ge=0, le=100, description="None: not reported.")
    note: str | None = None


class Accreditation(Sourced):
    bodies: tuple[str, ...] = Field(description="Accrediting bodies, e.g. NCCA.")
    note: str | None = None


class Recertification(Sourced):
    period_years: float | None = Field(None, gt=0)
    ceus: float | None = Field(None, ge=0, description="Continuing-education units a cycle.")
    ceus_note: str | None = None
    fee_member: Usd | None = None
    fee_non_member: Usd | None = None
    note: str | None = None


class RuleChange(Sourced):
    """A dated change to the rules, e.g. a degree-accreditation requirement."""

    effective: dt.date
    text: str


class Advice(Sourced):
    """What the sources advise: a soft-scoring bonus with its reason."""

    goals: tuple[str, ...] = Field(description="Applies when the person has one of these goals.")
    holds_any: tuple[str, ...] = Field(
        (), description="...and, if given, holds one of these credentials."
    )
    text: str


class Status(StrEnum):
    ACTIVE = "active"
    RETIRED = "retired"


class Retirement(Sourced):
    year: int
    successor: str | None = None
    note: str | None = None


class Certification(Model):
    """One catalog entry: `catalog/<org>/<ID>.yaml`."""

    id: str = Field(pattern=r"^[A-Z0-9][A-Z0-9-]*$", description="Canonical upper-case id.")
    name: str
    organization: str = Field(description="Organization id from organizations.yaml.")
    kind: Literal["certification", "prerequisite"] = "certification"
    aliases: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    status: Status = Status.ACTIVE
    retired: Retirement | None = None
    category: str = Field(description="Category id from vocabulary.yaml.")
    goals: tuple[str, ...] = Field((), description="Goal ids it serves, main purpose first.")
    settings: tuple[str, ...] = ()
    populations: str | None = None
    summary: str | None = Field(None, description="Qualifications awarded, in words.")
    prerequisites: Prerequisites | None = None
    cost: Cost | None = None
    exam: Exam | None = None
    pass_rates: tuple[PassRate, ...] = ()
    accreditation: Accreditation | None = None
    recertification: Recertification | None = None
    rule_changes: tuple[RuleChange, ...] = ()
    advice: tuple[Advice, ...] = ()
    confidence: Confidence = Confidence.MEDIUM
    notes: str | None = None
    sources: tuple[Source, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _retirement_matches_status(self) -> Certification:
        if (self.status is Status.RETIRED) != (self.retired is not None):
            raise ValueError("a retired certification needs `retired:`, an active one must not")
        return self

    def source(self, key: str | None) -> Source | None:
        """The source a fact cites, by key."""
        return next((s for s in self.sources if s.key == key), None)

    @property
    def is_accredited_ncca(self) -> bool:
        return self.accreditation is not None and "NCCA" in self.accreditation.bodies


class Membership(Model):
    dues_usd: Usd | None = Field(None, description="Yearly professional dues.")
    student_dues_usd: Usd | None = None
    required: bool = False
    note: str | None = None
    source: str | None = None
    as_of: str | None = None


class Organization(Model):
    id: str
    name: str
    founded: str | None = None
    url: str | None = None
    membership: Membership | None = None
    note: str | None = None


class Goal(Model):
    id: str
    name: str
    description: str
    synonyms: tuple[str, ...] = ()


class Term(Model):
    """A vocabulary word: a category, a degree field or a kind of hours."""

    id: str
    name: str
    synonyms: tuple[str, ...] = ()


class CredentialClass(Model):
    """A class of credentials, e.g. 'an NCCA-accredited CPT'; matched from catalog data."""

    id: str
    name: str
    category: str
    accreditation: str | None = None


class Vocabulary(Model):
    categories: tuple[Term, ...]
    degree_fields: tuple[Term, ...]
    hour_kinds: tuple[Term, ...]
    credential_classes: tuple[CredentialClass, ...] = ()
