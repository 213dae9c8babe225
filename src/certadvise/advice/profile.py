"""The person: what they want, what they hold, what they can spend.

A `RawProfile` is what the user typed or wrote in a profile file; `normalise` checks it
against the catalog's vocabulary (goal phrases, aliases, degree fields, organizations) and
returns a `Profile` of canonical ids plus the assumptions made for what was left out.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from annotated_types import Ge, Le

from certadvise.catalog.index import Catalog
from certadvise.catalog.models import Strict, Term
from certadvise.errors import InputError
from certadvise.levels import DegreeLevel
from certadvise.limits import MAX_AGE, MAX_BUDGET_USD, MAX_HOURS, MAX_YEARS, MIN_AGE

if TYPE_CHECKING:
    from certadvise.catalog import yamlsource

CPR_ID = "CPR-AED"
DEFAULT_COUNTRY = "US"
DIPLOMA_AGE = 17  # younger than this, and no degree given: no high-school diploma yet
# Names people give for a country that are not its ISO 3166-1 alpha-2 code.
COUNTRY_ALIASES = {"UK": "GB", "ENGLAND": "GB", "SCOTLAND": "GB", "WALES": "GB", "USA": "US"}
MAX_FIELD_LENGTH = 80


@dataclasses.dataclass(frozen=True, kw_only=True)
class RawProfile(Strict):
    """A profile as given: names may be aliases, phrases or misspelt."""

    goals: tuple[str, ...] | None = None
    degree: DegreeLevel | None = None
    field: str | None = None
    final_year: DegreeLevel | None = None
    have: tuple[str, ...] | None = None
    hours: dict[str, Annotated[int, Ge(0), Le(MAX_HOURS)]] | None = None
    experience: dict[str, Annotated[float, Ge(0), Le(MAX_YEARS)]] | None = None
    age: Annotated[int | None, Ge(MIN_AGE), Le(MAX_AGE)] = None
    budget_usd: Annotated[float | None, Ge(0), Le(MAX_BUDGET_USD)] = None
    member: tuple[str, ...] | None = None
    country: str | None = None

    def overridden_by(self, other: RawProfile) -> RawProfile:
        """This profile with every field `other` sets replaced (command line wins)."""
        given = {f.name: getattr(other, f.name) for f in dataclasses.fields(other)}
        return dataclasses.replace(self, **{k: v for k, v in given.items() if v is not None})


@dataclasses.dataclass(frozen=True, kw_only=True)
class Profile:
    """A profile in canonical ids, ready for the rules."""

    goals: tuple[str, ...] = ()
    degree: DegreeLevel | None = None
    field: str | None = None
    final_year: DegreeLevel | None = None
    have: tuple[str, ...] = ()
    hours: dict[str, int] = dataclasses.field(default_factory=dict)
    experience: dict[str, float] = dataclasses.field(default_factory=dict)
    age: int | None = None
    budget_usd: float | None = None
    member: tuple[str, ...] = ()
    country: str | None = None  # ISO 3166-1 alpha-2; see `market`

    @property
    def market(self) -> str:
        """Where the person will work: the country given, or the default (US)."""
        return self.country or DEFAULT_COUNTRY

    @property
    def education(self) -> DegreeLevel:
        """Highest education held: a high-school diploma is assumed when none was given,
        except for a student in the final year of high school, who has no diploma yet."""
        if self.degree is not None:
            return self.degree
        if self.final_year is DegreeLevel.HIGH_SCHOOL or self.too_young_for_a_diploma:
            return DegreeLevel.NONE
        return DegreeLevel.HIGH_SCHOOL

    @property
    def too_young_for_a_diploma(self) -> bool:
        """Below the age at which people finish high school, no diploma is assumed."""
        return self.degree is None and self.age is not None and self.age < DIPLOMA_AGE

    @property
    def student(self) -> bool:
        """In the final year of a college degree: student membership rates apply."""
        return self.final_year is not None and self.final_year.rank > DegreeLevel.HIGH_SCHOOL.rank

    def holds(self, credential: str) -> bool:
        return credential in self.have

    def as_document(self) -> dict[str, Any]:
        """The profile as the JSON output shows it: only what was given."""
        from certadvise.catalog.models import to_jsonable

        return {
            f.name: to_jsonable(getattr(self, f.name))
            for f in dataclasses.fields(self)
            if getattr(self, f.name) not in (None, (), {})
        }


# ----------------------------------------------------------------------------- reading

PROFILE_KEYS = tuple(f.name for f in dataclasses.fields(RawProfile))


def read_profile(source: str) -> RawProfile:
    """Read a YAML or JSON profile from a file, or from standard input with '-'."""
    from certadvise.catalog import yamlsource

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
    from certadvise.catalog import yamlsource

    if sys.stdin is None:  # closed (`<&-`)
        raise yamlsource.YamlProblem("standard input is closed")
    try:
        if not hasattr(sys.stdin, "buffer"):  # a text-only stream (tests)
            return sys.stdin.read(yamlsource.MAX_BYTES + 1)
        raw = yamlsource.read_bounded(sys.stdin.buffer.fileno(), yamlsource.MAX_BYTES + 1)
    except OSError as exc:
        raise yamlsource.YamlProblem(f"cannot read standard input: {exc.strerror or exc}") from exc
    return yamlsource.decode(raw)


def _looks_like_json(source: str, text: str) -> bool:
    """JSON profiles are parsed as strict JSON, so a trailing comma is an error."""
    return source.endswith(".json") or text.lstrip().startswith("{")


def _validate(doc: yamlsource.Document, label: str) -> RawProfile:
    from certadvise.advice.profile_checks import check, in_file

    data = {("goals" if k == "goal" else k): v for k, v in doc.data.items()}
    for key in ("goals", "have", "member"):  # a single value is as good as a list of one
        if isinstance(data.get(key), str):
            data[key] = [data[key]]
    return check(data, in_file(label, doc.line_of))


def parse_pairs(
    option: str, pairs: Sequence[str], number: type[int] | type[float], most: float
) -> dict[str, Any]:
    """`KIND=N` command-line values as a mapping, each N from 0 to `most`."""
    found: dict[str, Any] = {}
    for pair in pairs:
        kind, sep, value = pair.partition("=")
        try:
            amount = number(value)
        except ValueError:
            amount = None
        if not sep or not kind.strip() or amount is None or not 0 <= amount <= most:
            raise InputError(
                f"{option}: expected KIND=N with N a number from 0 to {most:,}, got {pair!r}"
            )
        found[kind.strip()] = amount
    return found


# ----------------------------------------------------------------------------- normalising


def normalise(raw: RawProfile, catalog: Catalog) -> tuple[Profile, list[str]]:
    """Canonical ids for every name in `raw`, and the assumptions made for what is missing."""
    vocab = catalog.vocabulary
    goals = tuple(dict.fromkeys(catalog.resolve_goal(g).id for g in raw.goals or ()))
    have = tuple(dict.fromkeys(catalog.resolve(name).id for name in raw.have or ()))
    field, unknown_field = _field(raw.field, vocab.degree_fields)
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
        country=country(raw.country) if raw.country else None,
    )
    said = assumptions(profile)
    if unknown_field:
        said.insert(
            0,
            f"degree field {unknown_field!r} is not one the rules name: "
            "counted as unrelated to exercise science",
        )
    return profile, said


def _field(text: str | None, fields: Sequence[Term]) -> tuple[str | None, str | None]:
    """The vocabulary id of a degree field, or the text itself (cleaned) when it names none.

    Any field is a real answer: only a few matter to the rules, and a field they do not
    name simply meets no field-specific route. The second value is the unknown text.
    """
    if not text or not text.strip():
        return None, None
    from certadvise.catalog.index import phrase_key

    wanted = phrase_key(text)[:MAX_FIELD_LENGTH]
    for term in fields:
        if wanted in {phrase_key(p) for p in (term.id, term.name, *term.synonyms)}:
            return term.id, None
    return wanted.replace(" ", "-") or None, wanted


def country(text: str) -> str:
    """An ISO 3166-1 alpha-2 code ('gb', 'UK' -> 'GB'); anything else is an input error."""
    from certadvise.catalog.countries import COUNTRY_CODES

    code = text.strip().upper()
    code = COUNTRY_ALIASES.get(code, code)
    if code not in COUNTRY_CODES:
        raise InputError(
            f"--country: expected a two-letter country code such as US, GB, CA or AU, got {text!r}"
        )
    return code


def _kinds(catalog: Catalog, amounts: Mapping[str, Any], option: str) -> dict[str, Any]:
    kinds = catalog.vocabulary.hour_kinds
    return {
        catalog.resolve_term(f"kind of experience ({option})", kinds, k).id: v
        for k, v in amounts.items()
    }


def assumptions(profile: Profile) -> list[str]:
    """What the rules will assume about what the profile leaves out."""
    said = []
    if profile.degree is None and profile.final_year is DegreeLevel.HIGH_SCHOOL:
        said.append("in the final year of high school: no diploma yet")
    elif profile.too_young_for_a_diploma:
        said.append(f"no degree given: at {profile.age}, assumed no high-school diploma yet")
    elif profile.degree is None:
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
    if profile.country is None:
        said.append(f"no country given: assumed {DEFAULT_COUNTRY}")
    return said
