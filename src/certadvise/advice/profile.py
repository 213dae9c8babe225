"""The person: what they want, what they hold (and until when), what they can spend.

A `RawProfile` is what the user typed or wrote in a profile file; `normalise` checks it
against the catalog's vocabulary (goal phrases, aliases, degree fields, organizations) and
returns a `Profile` of canonical ids plus the assumptions made for what was left out.
Reading profile files is the shell's job (`certadvise.cli.profile_files`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any

from annotated_types import Ge, Le

from certadvise.advice.cycles import HeldState, card_date, deadline_from_earned, state_on
from certadvise.advice.money import (
    DOLLAR,
    Converter,
    Money,
    check_budget_usd,
    country_currency,
    parse_budget,
)
from certadvise.catalog.index import Catalog, phrase_key
from certadvise.catalog.models import Certification, Strict, Term
from certadvise.levels import DegreeLevel
from certadvise.limits import MAX_AGE, MAX_HOURS, MAX_YEARS, MIN_AGE

CPR_ID = "CPR-AED"
DEFAULT_COUNTRY = "US"
DIPLOMA_AGE = 18  # a pupil finishes high school at about this age
# Names people give for a country that are not its ISO 3166-1 alpha-2 code.
COUNTRY_ALIASES = {"UK": "GB", "ENGLAND": "GB", "SCOTLAND": "GB", "WALES": "GB", "USA": "US"}
MAX_FIELD_LENGTH = 80
FINAL_YEAR_MONTHS = 12  # final-year status starts this long before graduating
# Words around a field's name that say what kind of degree it is, not what it is in.
_DEGREE_WORDS = re.compile(
    r"\b(a|an|s|my|bsc|ba|bs|msc|ma|ms|mres|phd|dphil|hons|honours|honors|degree|degrees|in|of|"
    r"bachelor|bachelors|master|masters|doctorate|science|sciences|studies|the|program|"
    r"programme|course|major|minor|associate|associates|undergraduate|postgraduate)\b"
)


@dataclasses.dataclass(frozen=True, kw_only=True)
class RawCredential(Strict):
    """A credential as given in a profile file: its id, and the dates on the card."""

    id: str
    expires: Annotated[str | None, "good through: YYYY-MM or YYYY-MM-DD"] = None
    earned: Annotated[str | None, "the day it was earned: YYYY-MM or YYYY-MM-DD"] = None

    def __post_init__(self) -> None:
        for name in ("expires", "earned"):
            value = getattr(self, name)
            if value is not None:
                _checked(name, card_date, value)


@dataclasses.dataclass(frozen=True, kw_only=True)
class RawProfile(Strict):
    """A profile as given: names may be aliases, phrases or misspelt."""

    goals: tuple[str, ...] | None = None
    degree: DegreeLevel | None = None
    field: str | None = None
    final_year: DegreeLevel | None = None
    studying: DegreeLevel | None = None
    graduating: str | None = None
    have: tuple[str, ...] | None = None
    credentials: tuple[RawCredential, ...] | None = None
    hours: dict[str, Annotated[int, Ge(0), Le(MAX_HOURS)]] | None = None
    experience: dict[str, Annotated[float, Ge(0), Le(MAX_YEARS)]] | None = None
    age: Annotated[int | None, Ge(MIN_AGE), Le(MAX_AGE)] = None
    budget_usd: float | None = None
    budget: str | float | None = None
    member: tuple[str, ...] | None = None
    country: str | None = None

    def __post_init__(self) -> None:
        if self.budget_usd is not None and self.budget is not None:
            raise ValueError(
                "budget: give one budget, `budget` (in any currency: budget: £400) or "
                "`budget_usd` (US dollars), not both"
            )
        if self.budget_usd is not None:
            _checked("budget_usd", check_budget_usd, self.budget_usd)
        if self.budget is not None:
            _checked("budget", parse_budget, self.budget)
        if self.country is not None:
            _checked("country", country, self.country)
        if self.graduating is not None:
            _checked("graduating", card_date, self.graduating)
        for held in self.have or ():
            _, _, date = held.partition("@")
            if date or "@" in held:
                _checked("have", card_date, date, held)

    def overridden_by(self, other: RawProfile) -> RawProfile:
        """This profile with every field `other` sets replaced (command line wins)."""
        given = {f.name: getattr(other, f.name) for f in dataclasses.fields(other)}
        merged = {k: v for k, v in given.items() if v is not None}
        if "budget" in merged or "budget_usd" in merged:  # one budget: the later one
            merged.setdefault("budget", None)
            merged.setdefault("budget_usd", None)
        return dataclasses.replace(self, **merged)


PROFILE_KEYS = tuple(f.name for f in dataclasses.fields(RawProfile))


def _checked(name: str, check: Any, value: Any, given: str = "") -> None:
    """Run a check of one field; its refusal names the field ('budget: expected ...')."""
    try:
        check(value)
    except ValueError as exc:
        where = f" in {given!r}" if given else ""
        raise ValueError(f"{name}:{where} {exc}") from None


@dataclasses.dataclass(frozen=True)
class Held:
    """A credential the person holds or held, with its dates and its state today."""

    id: str
    expires: dt.date | None = None  # good through; None: not given (assumed current)
    earned: dt.date | None = None
    state: HeldState = HeldState.ACTIVE
    computed: bool = False  # `expires` was worked out from `earned` by the cycle rule

    @property
    def lapsed(self) -> bool:
        return self.state is HeldState.LAPSED

    def document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "id": self.id,
            "expires": self.expires.isoformat() if self.expires else None,
            "state": self.state.value,
        }
        if self.earned is not None:
            doc["earned"] = self.earned.isoformat()
        if self.computed:
            doc["expires_computed"] = True
        return doc


@dataclasses.dataclass(frozen=True)
class ImpliedDegree:
    """A degree the person did not give but must have: every holder of a credential they
    hold (or held) has at least this. A degree does not lapse."""

    level: DegreeLevel
    by: str  # the credential's id

    @property
    def said(self) -> str:
        """The assumption, in words."""
        return f"no degree given: assumed {self.level.phrase}, as every {self.by} holder has"


@dataclasses.dataclass(frozen=True)
class ImpliedField:
    """A degree field the person did not give, assumed from a credential they hold (or
    held) every route to which accepts a degree in it: a registered kinesiologist is
    taken to have studied kinesiology, and told so."""

    field: str
    name: str  # as people read it
    by: str  # the credential's id

    @property
    def said(self) -> str:
        """The assumption, in words."""
        return (
            f"no degree field given: assumed {self.name}, which every route to {self.by} "
            "accepts (give --field if yours differs)"
        )


@dataclasses.dataclass(frozen=True, kw_only=True)
class Profile:
    """A profile in canonical ids, ready for the rules."""

    goals: tuple[str, ...] = ()
    degree: DegreeLevel | None = None
    field: str | None = None
    final_year: DegreeLevel | None = None  # in the final year of this degree now
    studying: DegreeLevel | None = None  # a degree in progress (final year or not)
    graduating: dt.date | None = None
    months_to_graduate: float | None = None  # from the day of the run
    have: tuple[str, ...] = ()  # held and not lapsed: what counts for prerequisites
    credentials: tuple[Held, ...] = ()  # everything held or once held, with dates
    hours: dict[str, int] = dataclasses.field(default_factory=dict)
    experience: dict[str, float] = dataclasses.field(default_factory=dict)
    age: int | None = None
    budget: Money | None = None  # as given, in its currency
    budget_usd: float | None = None  # the same in US dollars (converted when it is not)
    member: tuple[str, ...] = ()
    country: str | None = None  # ISO 3166-1 alpha-2; see `market`
    implied_degree: ImpliedDegree | None = None  # none given: what a credential held asks
    implied_field: ImpliedField | None = None  # none given: what a credential held asks

    @property
    def degree_field(self) -> str | None:
        """The field of the degree: the one given, else the one a credential held implies."""
        if self.field is not None or self.implied_field is None:
            return self.field
        return self.implied_field.field

    @property
    def market(self) -> str:
        """Where the person will work: the country given, or the default (US)."""
        return self.country or DEFAULT_COUNTRY

    @property
    def education(self) -> DegreeLevel:
        """Highest education held: the degree given, else the one a credential held
        implies, else a high-school diploma, except for a student in the final year of
        high school, who has no diploma yet."""
        if self.degree is not None:
            return self.degree
        if self.implied_degree is not None:
            return self.implied_degree.level
        if self.studying is DegreeLevel.HIGH_SCHOOL or self.too_young_for_a_diploma:
            return DegreeLevel.NONE
        return DegreeLevel.HIGH_SCHOOL

    @property
    def too_young_for_a_diploma(self) -> bool:
        """Below the age at which people finish high school, no diploma is assumed."""
        return (
            self.degree is None
            and self.implied_degree is None
            and self.age is not None
            and self.age < DIPLOMA_AGE - 1
        )

    @property
    def student(self) -> bool:
        """Studying for a college degree: student membership rates apply."""
        return self.studying is not None and self.studying.rank > DegreeLevel.HIGH_SCHOOL.rank

    @property
    def lapsed(self) -> tuple[Held, ...]:
        return tuple(h for h in self.credentials if h.lapsed)

    def holds(self, credential: str) -> bool:
        return credential in self.have

    def holds_any(self, refs: tuple[str, ...], satisfies: Callable[[str, str], bool]) -> bool:
        """Whether something held (and not lapsed) meets any of `refs`, as `satisfies` says."""
        return any(satisfies(held, ref) for held in self.have for ref in refs)

    def age_under(self, years: int) -> int | None:
        """The person's age when it is known and under `years`; else None (old enough, or
        not said). What an age requirement asks, so people above it read alike."""
        return self.age if self.age is not None and self.age < years else None

    def held(self, credential: str) -> Held | None:
        """The credential as held or once held (lapsed ones too), with its dates."""
        found = next((h for h in self.credentials if h.id == credential), None)
        if found is None and credential in self.have:  # held, dates not recorded
            return Held(credential)
        return found

    def as_document(self) -> dict[str, Any]:
        """The profile as the JSON output shows it: only what was given."""
        from certadvise.catalog.models import to_jsonable

        doc: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if value in (None, (), {}) or f.name in (
                "credentials",
                "budget",
                "implied_degree",
                "implied_field",
            ):
                continue
            doc[f.name] = to_jsonable(value)
        if self.credentials:
            doc["credentials"] = [held.document() for held in self.credentials]
        if self.budget is not None:
            doc["budget"] = {"amount": self.budget.amount, "currency": self.budget.currency}
        return doc

    def saved_document(self) -> dict[str, Any]:
        """The profile as a profile file writes it (`profile save`): read back, it gives the
        same profile; derived facts (states, months, conversions) are worked out again."""
        from certadvise.catalog.models import to_jsonable

        doc: dict[str, Any] = {}
        for name in ("goals", "degree", "field"):
            doc[name] = to_jsonable(getattr(self, name))
        if self.graduating is not None:
            doc["studying"] = to_jsonable(self.studying)
            doc["graduating"] = self.graduating.strftime("%Y-%m")
        elif self.final_year is not None:
            doc["final_year"] = to_jsonable(self.final_year)
        elif self.studying is not None:
            doc["studying"] = to_jsonable(self.studying)
        doc["have"] = [h.id for h in self.credentials if h.expires is None or h.computed]
        doc["credentials"] = [
            {
                "id": h.id,
                **({"expires": h.expires.isoformat()} if h.expires and not h.computed else {}),
                **({"earned": h.earned.isoformat()} if h.earned else {}),
            }
            for h in self.credentials
            if (h.expires is not None and not h.computed) or h.earned is not None
        ]
        doc["have"] = [i for i in doc["have"] if i not in {c["id"] for c in doc["credentials"]}]
        for name in ("hours", "experience", "age", "member", "country"):
            doc[name] = to_jsonable(getattr(self, name))
        if self.budget is not None and self.budget.currency == "USD":
            doc["budget_usd"] = self.budget.amount
        elif self.budget is not None:
            doc["budget"] = f"{self.budget.amount:g} {self.budget.currency}"
        return {k: v for k, v in doc.items() if v not in (None, [], {}, ())}


# ----------------------------------------------------------------------------- normalising


def normalise(raw: RawProfile, catalog: Catalog, today: dt.date) -> tuple[Profile, list[str]]:
    """Canonical ids for every name in `raw`, and the assumptions made for what is missing."""
    vocab = catalog.vocabulary
    goals = tuple(dict.fromkeys(catalog.resolve_goal(g).id for g in raw.goals or ()))
    credentials = _credentials(raw, catalog, today)
    field, unknown_field = read_field(raw.field, vocab.degree_fields)
    hours = _kinds(catalog, raw.hours or {}, "--hours")
    experience = _kinds(catalog, raw.experience or {}, "--experience")
    member = tuple(dict.fromkeys(catalog.resolve_organization(m) for m in raw.member or ()))
    code = country(raw.country) if raw.country else None
    budget, budget_said = _budget(raw, code, catalog)
    raw, graduated_said = _graduated(raw, today)
    studying, final_year, graduating, months = _studies(raw, today)
    degree = raw.degree
    said_education = degree is not None or studying is not None or graduating is not None
    implied = None if said_education else implied_degree(credentials, catalog)
    profile = Profile(
        goals=goals,
        degree=degree,
        field=field,
        final_year=final_year,
        studying=studying,
        graduating=graduating,
        months_to_graduate=months,
        have=tuple(h.id for h in credentials if not h.lapsed),
        credentials=credentials,
        hours=hours,
        experience=experience,
        age=raw.age,
        budget=budget,
        budget_usd=None if budget is None else Converter(catalog.rates).to_usd(budget),
        member=member,
        country=code,
        implied_degree=implied,
        implied_field=None if field or unknown_field else implied_field(credentials, catalog),
    )
    said = [*graduated_said, *assumptions(profile, catalog)]
    said += budget_said
    if unknown_field:
        said.insert(
            0,
            f"degree field {unknown_field!r} is not one the rules name: "
            "counted as unrelated to exercise science (`certadvise fields` lists them)",
        )
    return profile, said


def _credentials(raw: RawProfile, catalog: Catalog, today: dt.date) -> tuple[Held, ...]:
    """Every credential given, once each (the last mention wins), with its dates and state."""
    given: list[tuple[str, str | None, str | None]] = []
    for text in raw.have or ():
        name, _, date = text.partition("@")
        given.append((name, date.strip() or None, None))
    given += [(c.id, c.expires, c.earned) for c in raw.credentials or ()]
    found: dict[str, Held] = {}
    for name, expires_text, earned_text in given:
        entry = catalog.resolve(name.strip())
        earned = card_date(earned_text) if earned_text else None
        expires: dt.date | None = card_date(expires_text) if expires_text else None
        computed = False
        if expires is None and earned is not None:
            expires = deadline_from_earned(entry.recertification, earned)
            computed = expires is not None
        found.pop(entry.id, None)
        found[entry.id] = Held(entry.id, expires, earned, state_on(expires, today), computed)
    return tuple(found.values())


def implied_degree(credentials: Sequence[Held], catalog: Catalog) -> ImpliedDegree | None:
    """The highest of the degrees the credentials held (lapsed ones too) ask for on every
    route to them, with the credential that asks for it; None when none does. Only the
    level: a route's fields are not implied (a CSCS accepts any major)."""
    found: ImpliedDegree | None = None
    for held in credentials:
        level = degree_required(catalog.entries[held.id])
        if level is not None and (found is None or level.rank > found.level.rank):
            found = ImpliedDegree(level, held.id)
    return found


def implied_field(credentials: Sequence[Held], catalog: Catalog) -> ImpliedField | None:
    """The degree field of the first credential held (lapsed ones too) every route to
    which asks for a degree in it; None when no credential's routes agree on one."""
    for held in credentials:
        pre = catalog.entries[held.id].prerequisites
        routes = pre.routes if pre else ()
        if not routes or any(r.degree is None or not r.fields for r in routes):
            continue
        common = [f for f in routes[0].fields if all(f in r.fields for r in routes[1:])]
        if common:
            return ImpliedField(common[0], catalog.vocabulary.field_name(common[0]), held.id)
    return None


def degree_required(entry: Certification) -> DegreeLevel | None:
    """The lowest college degree every route to `entry` asks for: what holding it means
    the person has (a route open to final-year students counts too: a holder has
    finished). Where the routes once asked for less, the least every holder has (the
    catalog's `holders_degree`: a PT licensed before 2016 may hold a bachelor's). None when
    a route asks for no college degree (ACE-CPT: a diploma)."""
    if entry.prerequisites and entry.prerequisites.holders_degree:
        return entry.prerequisites.holders_degree.level
    routes = entry.prerequisites.routes if entry.prerequisites else ()
    levels = [route.degree for route in routes]
    if not levels:
        return None
    lowest = min(levels, key=lambda level: level.rank if level else -1)
    return lowest if lowest is not None and lowest.rank >= DegreeLevel.ASSOCIATE.rank else None


def _graduated(raw: RawProfile, today: dt.date) -> tuple[RawProfile, list[str]]:
    """`raw` as it stands today: a degree in progress whose graduation date has passed (a
    profile saved as a student) is the degree held, with nothing in progress, said so; a
    degree given that is higher stays."""
    studying = raw.studying or raw.final_year
    if studying is None or raw.graduating is None or card_date(raw.graduating) >= today:
        return raw, []
    higher = raw.degree is not None and raw.degree.rank >= studying.rank
    held = raw.degree if higher else studying
    done = dataclasses.replace(raw, degree=held, studying=None, final_year=None, graduating=None)
    if higher:
        return done, []
    said = f"graduating {raw.graduating} has passed: counted as holding {studying.phrase}"
    return done, [f"{said} (give a later --graduating if you have not graduated yet)"]


def _studies(
    raw: RawProfile, today: dt.date
) -> tuple[DegreeLevel | None, DegreeLevel | None, dt.date | None, float | None]:
    """The degree in progress, whether its final year has begun, the graduation day and
    the months to it. `--final-year LEVEL` is the shorthand for graduating within a year."""
    if raw.final_year is not None and raw.studying is None and raw.graduating is None:
        return raw.final_year, raw.final_year, None, float(FINAL_YEAR_MONTHS)
    studying = raw.studying or raw.final_year
    graduating = card_date(raw.graduating) if raw.graduating else None
    if studying is None:  # a date without its degree: said (`assumptions`), not counted
        return None, None, graduating, None
    if graduating is None:
        final = raw.final_year
        return studying, final, None, float(FINAL_YEAR_MONTHS) if final else None
    months = max(0.0, (graduating - today).days / 30.44)
    final = studying if months <= FINAL_YEAR_MONTHS or raw.final_year else None
    return studying, final, graduating, months


def _budget(raw: RawProfile, code: str | None, catalog: Catalog) -> tuple[Money | None, list[str]]:
    """The budget in its currency: as written, or (a bare amount) the country's currency."""
    if raw.budget is None and raw.budget_usd is None:
        return None, []
    if raw.budget is None:
        assert raw.budget_usd is not None
        return Money(float(raw.budget_usd), "USD"), []
    value, currency = parse_budget(raw.budget)
    said = []
    market = code or DEFAULT_COUNTRY
    if currency in (None, DOLLAR):
        currency = country_currency(market, currency)
        if code is not None and currency != "USD":
            said.append(f"budget {value:g} read as {currency}, the currency of {market}")
    converter = Converter(catalog.rates)
    if converter.usd_per(currency) is None:
        said.append(
            f"no exchange rate for {currency} in the catalog: prices in other currencies "
            "are not compared with your budget"
        )
    return Money(value, currency), said


def read_field(text: str | None, fields: Sequence[Term]) -> tuple[str | None, str | None]:
    """The vocabulary id of a degree field, or the text itself (cleaned) when it names none.

    People write a field as they studied it: "BSc (Hons) Sport & Exercise Science", "a
    master's in clinical exercise physiology". The degree words around it are dropped
    before it is looked up by id, name or synonym. Any field is a real answer: only a few
    matter to the rules, and a field they do not name simply meets no field-specific
    route. The second value is the unknown text.
    """
    if not text or not text.strip():
        return None, None
    wanted = phrase_key(text.replace("&", " and "))[:MAX_FIELD_LENGTH]
    bare = " ".join(_DEGREE_WORDS.sub(" ", wanted).split())
    names = _field_names(tuple(fields))
    found = [names[key] for key in (wanted, bare) if key and key in names]
    if found:
        return min(found)[1], None  # the first field in the vocabulary's order
    return wanted.replace(" ", "-") or None, wanted


@functools.lru_cache(maxsize=8)  # one vocabulary a run: a batch reads every person's field
def _field_names(fields: tuple[Term, ...]) -> dict[str, tuple[int, str]]:
    """Every way of writing each field (its id, name and synonyms, with and without the
    degree words), with the field's place in the vocabulary and its id."""
    names: dict[str, tuple[int, str]] = {}
    for place, term in enumerate(fields):
        spelt = (term.id, term.name, *term.synonyms)
        written = {phrase_key(p.replace("&", " and ")) for p in spelt}
        written |= {" ".join(_DEGREE_WORDS.sub(" ", n).split()) for n in written}
        for name in written:
            names.setdefault(name, (place, term.id))
    return names


def country(text: str) -> str:
    """An ISO 3166-1 alpha-2 code ('gb', 'UK' -> 'GB'); ValueError for anything else (a
    RawProfile refuses it, naming the option or the file and line it came from)."""
    from certadvise.catalog.countries import COUNTRY_CODES

    code = text.strip().upper()
    code = COUNTRY_ALIASES.get(code, code)
    if code not in COUNTRY_CODES:
        raise ValueError("expected a two-letter country code such as US, GB, CA or AU")
    return code


def _kinds(catalog: Catalog, amounts: Mapping[str, Any], option: str) -> dict[str, Any]:
    kinds = catalog.vocabulary.hour_kinds
    return {
        catalog.resolve_term(f"kind of experience ({option})", kinds, k).id: v
        for k, v in amounts.items()
    }


def assumptions(profile: Profile, catalog: Catalog) -> list[str]:
    """What the rules will assume about what the profile leaves out."""
    said = []
    if profile.degree is None and profile.studying is DegreeLevel.HIGH_SCHOOL:
        final = "the final year of " if profile.final_year else ""
        said.append(f"in {final}high school: no diploma yet")
    elif profile.too_young_for_a_diploma:
        said.append(f"no degree given: at {profile.age}, assumed no high-school diploma yet")
    elif profile.degree is None and profile.implied_degree is not None:
        said.append(profile.implied_degree.said)
    elif profile.degree is None:
        said.append("no degree given: assumed a high-school diploma")
    if profile.field is None and profile.implied_field is not None:
        said.append(profile.implied_field.said)
    elif profile.field is None and profile.education.rank >= DegreeLevel.ASSOCIATE.rank:
        said.append("no degree field given: routes that need a specific field are not met")
    if profile.graduating is not None and profile.studying is None:
        said.append(
            f"graduating {profile.graduating:%Y-%m} without a degree in progress: not counted "
            "(give --studying LEVEL)"
        )
    if profile.studying is not None and profile.final_year is None and profile.graduating is None:
        said.append(
            f"studying for {profile.studying.phrase} with no graduation date: "
            "give --graduating YYYY-MM for how long it takes"
        )
    if profile.age is None:
        said.append("no age given: assumed 18 or older")
    if profile.budget is None:
        said.append("no budget given: cost does not exclude anything")
    if not profile.goals:
        said.append("no goal given: every eligible certification is ranked")
    if not profile.holds_any((CPR_ID,), catalog.satisfies):  # a BLS card, an ATC's too
        card = next((h for h in profile.lapsed if h.id in (CPR_ID, "BLS") and h.expires), None)
        said.append(
            f"your {card.id} card lapsed on {card.expires:%Y-%m-%d}: counted as not held"
            if card is not None and card.expires is not None
            else "CPR/AED not listed in --have: assumed not held"
        )
    if profile.country is None:
        said.append(f"no country given: assumed {DEFAULT_COUNTRY}")
    return said
