"""The person: what they want, what they hold, what they can spend.

A `RawProfile` is what the user typed or wrote in a profile file; `normalise` checks it
against the catalog's vocabulary (goal phrases, aliases, degree fields, organizations) and
returns a `Profile` of canonical ids plus the assumptions made for what was left out.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from certadvise import yamlsource
from certadvise.catalog import Catalog
from certadvise.errors import InputError
from certadvise.models import DegreeLevel

CPR_ID = "CPR-AED"


class RawProfile(BaseModel):
    """A profile as given: names may be aliases, phrases or misspelt."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    goals: tuple[str, ...] | None = None
    degree: DegreeLevel | None = None
    field: str | None = None
    final_year: DegreeLevel | None = None
    have: tuple[str, ...] | None = None
    hours: dict[str, Annotated[int, Field(ge=0, le=100_000)]] | None = None
    experience: dict[str, Annotated[float, Field(ge=0, le=80)]] | None = None
    age: int | None = Field(None, ge=10, le=100)
    budget_usd: float | None = Field(None, ge=0, le=1_000_000)
    member: tuple[str, ...] | None = None

    def overridden_by(self, other: RawProfile) -> RawProfile:
        """This profile with every field `other` sets replaced (command line wins)."""
        return self.model_copy(update=other.model_dump(exclude_none=True))


class Profile(BaseModel):
    """A profile in canonical ids, ready for the rules."""

    model_config = ConfigDict(frozen=True)

    goals: tuple[str, ...] = ()
    degree: DegreeLevel | None = None
    field: str | None = None
    final_year: DegreeLevel | None = None
    have: tuple[str, ...] = ()
    hours: dict[str, int] = Field(default_factory=dict)
    experience: dict[str, float] = Field(default_factory=dict)
    age: int | None = None
    budget_usd: float | None = None
    member: tuple[str, ...] = ()

    @property
    def education(self) -> DegreeLevel:
        """Highest education, assuming a high-school diploma when none was given."""
        return self.degree or DegreeLevel.HIGH_SCHOOL

    def holds(self, credential: str) -> bool:
        return credential in self.have

    def as_document(self) -> dict[str, Any]:
        """The profile as the JSON output shows it: only what was given."""
        return self.model_dump(mode="json", exclude_defaults=True)


# ----------------------------------------------------------------------------- reading

PROFILE_KEYS = tuple(RawProfile.model_fields)


def read_profile(source: str) -> RawProfile:
    """Read a YAML or JSON profile from a file, or from standard input with '-'."""
    label = "<stdin>" if source == "-" else source
    try:
        text = _read_stdin() if source == "-" else yamlsource.read_text(Path(source))
        if not text.strip():
            raise InputError(f"{label}: the profile is empty")
        doc = (
            yamlsource.parse_json(text)
            if _looks_like_json(source, text)
            else yamlsource.parse(text)
        )
    except yamlsource.YamlProblem as exc:
        where = (
            label + (f":{exc.line}" if exc.line else "") + (f":{exc.column}" if exc.column else "")
        )
        raise InputError(f"{where}: {exc.message}") from exc
    if doc.data is None:
        raise InputError(f"{label}: the profile is empty")
    if not isinstance(doc.data, dict):
        raise InputError(f"{label}:1: a profile is a mapping of fields ({', '.join(PROFILE_KEYS)})")
    return _validate(doc, label)


def _read_stdin() -> str:
    raw = sys.stdin.buffer.read(yamlsource.MAX_BYTES + 1) if hasattr(sys.stdin, "buffer") else None
    if raw is None:  # a text-only stream (tests)
        return sys.stdin.read()
    return yamlsource.decode(raw)


def _looks_like_json(source: str, text: str) -> bool:
    """JSON profiles are parsed as strict JSON, so a trailing comma is an error."""
    return source.endswith(".json") or text.lstrip().startswith("{")


def _validate(doc: yamlsource.Document, label: str) -> RawProfile:
    data = {("goals" if k == "goal" else k): v for k, v in doc.data.items()}
    for key in ("goals", "have", "member"):  # a single value is as good as a list of one
        if isinstance(data.get(key), str):
            data[key] = [data[key]]
    try:
        return RawProfile.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        line = doc.line_of(loc)
        where = ".".join(map(str, loc))
        if error["type"] == "extra_forbidden":
            close = difflib.get_close_matches(str(loc[0]), PROFILE_KEYS, n=1)
            hint = (
                f"; did you mean {close[0]}?"
                if close
                else f"; fields are: {', '.join(PROFILE_KEYS)}"
            )
            raise InputError(f"{label}:{line}: unknown field {where!r}{hint}") from exc
        raise InputError(f"{label}:{line}: {where}: {error['msg']}") from exc


def parse_pairs(
    option: str, pairs: Sequence[str], number: type[int] | type[float]
) -> dict[str, Any]:
    """`KIND=N` command-line values as a mapping."""
    found: dict[str, Any] = {}
    for pair in pairs:
        kind, sep, value = pair.partition("=")
        try:
            amount = number(value)
        except ValueError:
            amount = None
        if not sep or not kind.strip() or amount is None or amount < 0:
            raise InputError(
                f"{option}: expected KIND=N with N a number of at least 0, got {pair!r}"
            )
        found[kind.strip()] = amount
    return found


# ----------------------------------------------------------------------------- normalising


def normalise(raw: RawProfile, catalog: Catalog) -> tuple[Profile, list[str]]:
    """Canonical ids for every name in `raw`, and the assumptions made for what is missing."""
    vocab = catalog.vocabulary
    goals = tuple(dict.fromkeys(catalog.resolve_goal(g).id for g in raw.goals or ()))
    have = tuple(dict.fromkeys(catalog.resolve(name).id for name in raw.have or ()))
    field = (
        catalog.resolve_term("degree field", vocab.degree_fields, raw.field).id
        if raw.field
        else None
    )
    hours = _kinds(catalog, raw.hours or {}, "--hours")
    experience = _kinds(catalog, raw.experience or {}, "--experience")
    member = tuple(dict.fromkeys(catalog.resolve_organization(m) for m in raw.member or ()))
    profile = Profile(
        goals=goals,
        degree=raw.degree,
        field=field,
        final_year=raw.final_year,
        have=have,
        hours=hours,
        experience=experience,
        age=raw.age,
        budget_usd=raw.budget_usd,
        member=member,
    )
    return profile, assumptions(profile)


def _kinds(catalog: Catalog, amounts: Mapping[str, Any], option: str) -> dict[str, Any]:
    kinds = catalog.vocabulary.hour_kinds
    return {
        catalog.resolve_term(f"kind of experience ({option})", kinds, k).id: v
        for k, v in amounts.items()
    }


def assumptions(profile: Profile) -> list[str]:
    """What the rules will assume about what the profile leaves out."""
    said = []
    if profile.degree is None:
        said.append("no degree given: assumed a high-school diploma")
    elif profile.field is None and profile.degree.rank >= DegreeLevel.ASSOCIATE.rank:
        said.append("no degree field given: routes that need a specific field are not met")
    if profile.age is None:
        said.append("no age given: assumed 18 or older")
    if profile.budget_usd is None:
        said.append("no budget given: cost does not exclude anything")
    if not profile.goals:
        said.append("no goal given: every eligible certification is ranked")
    if CPR_ID not in profile.have:
        said.append("CPR/AED not listed in --have: assumed not held")
    return said
