"""One validation path for a profile: command-line options, profile files and wizard answers.

Each source hands plain data (strings, numbers, lists) to `check`, which validates it as a
`RawProfile` and words every refusal in certadvise's own terms: what was expected, and
what was given, naming the option or the file and line it came from.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from certadvise.advice.money import EXPECTED_BUDGET, EXPECTED_BUDGET_USD
from certadvise.errors import InputError
from certadvise.levels import DegreeLevel
from certadvise.limits import (
    MAX_AGE,
    MAX_HOURS,
    MAX_LIST_ITEMS,
    MAX_YEARS,
    MIN_AGE,
)

if TYPE_CHECKING:
    from certadvise.advice.profile import Profile, RawProfile
    from certadvise.catalog.index import Catalog
    from certadvise.catalog.validation import Problem

_LEVELS = ", ".join(level.value for level in DegreeLevel)

#: The command-line option of each profile field.
OPTIONS = {
    "goals": "--goal",
    "degree": "--degree",
    "field": "--field",
    "final_year": "--final-year",
    "studying": "--studying",
    "graduating": "--graduating",
    "have": "--have",
    "credentials": "--have",
    "hours": "--hours",
    "experience": "--experience",
    "age": "--age",
    "budget_usd": "--budget",
    "budget": "--budget",
    "member": "--member",
    "country": "--country",
}

#: What each field accepts, in words.
EXPECTED = {
    "goals": "goal ids or phrases",
    "degree": f"an education level ({_LEVELS})",
    "field": "a degree field such as kinesiology",
    "final_year": f"an education level ({_LEVELS})",
    "studying": f"an education level ({_LEVELS})",
    "graduating": "a month as YYYY-MM",
    "have": "certification ids or CPR-AED, each optionally @YYYY-MM (good through)",
    "credentials": "credentials as {id, expires, earned} (dates as YYYY-MM or YYYY-MM-DD)",
    "hours": f"whole hours from 0 to {MAX_HOURS:,}",
    "experience": f"years from 0 to {MAX_YEARS}",
    "age": f"a whole number of years from {MIN_AGE} to {MAX_AGE}",
    "budget_usd": EXPECTED_BUDGET_USD,
    "budget": EXPECTED_BUDGET,
    "member": "organization ids such as NSCA",
    "country": "a two-letter country code such as US, GB, CA or AU",
}


#: The fields that hold lists (or KIND=N mappings), each bounded to MAX_LIST_ITEMS.
LISTS = {
    "goals": "goals",
    "have": "credentials",
    "member": "memberships",
    "hours": "kinds of hours",
    "experience": "kinds of experience",
}


def check(
    data: Mapping[str, Any],
    where: Callable[[Problem], str],
    shown: Mapping[str, Any] | None = None,
) -> RawProfile:
    """`data` as a RawProfile; an InputError prefixed by `where(problem)` when it is not one,
    quoting the value from `shown` (what was typed, when `data` was converted from it)."""
    from certadvise.advice.profile import RawProfile
    from certadvise.catalog import validation

    for name in LISTS:  # bounded before anything is matched: 100,000 goals is not a person
        value = data.get(name)
        if isinstance(value, (list, tuple, dict)) and len(value) > MAX_LIST_ITEMS:
            problem = validation.Problem((name,), "too many")
            raise InputError(
                f"{where(problem)}: at most {MAX_LIST_ITEMS} {LISTS[name]}, got {len(value):,}"
            )
    data = dict(data)
    for key in LEVEL_FIELDS:  # 'bachelors', "master's", 'BSc': the words people use
        if isinstance(data.get(key), str):
            data[key] = DegreeLevel.read(data[key])
    for key in ("budget_usd", "budget"):
        budget = data.get(key)
        if isinstance(budget, float) and not math.isfinite(budget):
            data[key] = str(budget)  # refused below, like any other bad amount
    try:
        return validation.validate(RawProfile, dict(data))
    except validation.ValidationError as exc:
        problem = validation.problems(exc)[0]
        raise InputError(f"{where(problem)}: {describe(problem, shown or data)}") from exc


LEVEL_FIELDS = ("degree", "final_year", "studying")


def field_of(problem: Problem) -> str:
    """The profile field a problem is about: its location, or the name its message leads
    with when a whole-profile check raised it ('budget: expected ...')."""
    if problem.loc:
        return str(problem.loc[0])
    name, sep, _ = problem.message.partition(":")
    return name if sep and name in EXPECTED else ""


def in_file(label: str, line_of: Callable[[tuple[str | int, ...]], int]) -> Callable[..., str]:
    """Where a problem in a profile file is: `file:line: field` (`file:line` for a new field)."""

    def where(problem: Problem) -> str:
        named = field_of(problem)
        loc = problem.loc or ((named,) if named else ())
        head = f"{label}:{line_of(loc)}"
        if problem.message == "unknown field" or not loc:
            return head
        return f"{head}: {'.'.join(map(str, loc))}"

    return where


def describe(problem: Problem, data: Mapping[str, Any]) -> str:
    """A validation problem in certadvise's words."""
    from certadvise.advice.profile import PROFILE_KEYS

    name = field_of(problem)
    if not problem.loc and name:  # a check of the whole profile, worded with its field
        said = problem.message.partition(":")[2].strip()
        return said if "got" in said else f"{said}, got {_short(data.get(name))}"
    if problem.message == "unknown field":
        close = difflib.get_close_matches(name, PROFILE_KEYS, n=1)
        fields = ", ".join(PROFILE_KEYS)
        return f"unknown field {name!r}" + (
            f"; did you mean {close[0]}?" if close else f"; fields are: {fields}"
        )
    if name not in EXPECTED:
        return problem.message
    value = data.get(name)
    if len(problem.loc) > 1 and isinstance(value, Mapping):  # hours or experience: KIND=N
        kind = problem.loc[1]
        return f"expected {EXPECTED[name]}, got {kind}={_short(value.get(kind), quote=False)}"
    if len(problem.loc) > 1 and isinstance(value, Sequence) and not isinstance(value, str):
        return f"expected {EXPECTED[name]}, got {_short(value[int(problem.loc[1])])}"
    return f"expected {EXPECTED[name]}, got {_short(value)}"


def _short(value: Any, quote: bool = True) -> str:
    """A value as the message quotes it: briefly, however large or deep it is."""
    import reprlib

    shorter = reprlib.Repr()
    shorter.maxlevel, shorter.maxstring, shorter.maxother, shorter.maxlist = 2, 40, 40, 4
    if isinstance(value, str) and not quote:
        return shorter.repr(value)[1:-1]
    return shorter.repr(value)


NUMBERS: dict[str, type[int] | type[float]] = {
    "age": int,
    "hours": int,
    "experience": float,
    "budget_usd": float,
}
_PLAIN_NUMBER = re.compile(r"\s*-?(\d+(\.\d*)?|\.\d+)\s*")  # no 'nan', 'inf' or '1e9'


def typed(data: Mapping[str, Any]) -> dict[str, Any]:
    """Typed text as numbers where a field takes one: options, wizard answers and CSV
    cells, and a number a spreadsheet wrote in quotes in a profile file or a JSON line
    (`age: "30"`). Text that is not a plain number is left as it is, for `check` to refuse
    in words.
    """

    def number(kind: type[int] | type[float], value: Any) -> Any:
        if not isinstance(value, str) or not _PLAIN_NUMBER.fullmatch(value):
            return value
        try:
            return kind(value)
        except ValueError:  # int('2.5'): refused as what was written
            return value

    found = dict(data)
    for name, kind in NUMBERS.items():
        value = found.get(name)
        if isinstance(value, Mapping):
            found[name] = {k: number(kind, v) for k, v in value.items()}
        elif value is not None:
            found[name] = number(kind, value)
    return found


def option_data(options: Mapping[str, Any]) -> dict[str, Any]:
    """The profile fields given as command-line options, as plain data for `check`."""
    data: dict[str, Any] = {
        "goals": options.get("goal"),
        "degree": options.get("degree"),
        "field": options.get("field"),
        "final_year": options.get("final_year"),
        "studying": options.get("studying"),
        "graduating": options.get("graduating"),
        "have": options.get("have"),
        "hours": pairs("--hours", options.get("hours")),
        "experience": pairs("--experience", options.get("experience")),
        "age": options.get("age"),
        "budget": options.get("budget"),
        "member": options.get("member"),
        "country": options.get("country"),
    }
    return {key: value for key, value in data.items() if value not in (None, [], ())}


def from_options(options: Mapping[str, Any]) -> RawProfile:
    """The profile the command-line options give, checked, each problem naming its option."""
    given = option_data(options)
    return check(typed(given), lambda p: OPTIONS.get(field_of(p), field_of(p)), shown=given)


def pairs(option: str, given: Sequence[str] | None) -> dict[str, str] | None:
    """`KIND=N` values as {kind: "N"}; the numbers are checked by `check`."""
    if not given:
        return None
    found = {}
    for pair in given:
        kind, sep, value = pair.partition("=")
        if not sep or not kind.strip() or not value.strip():
            raise InputError(f"{option}: expected KIND=N, got {pair!r}")
        found[kind.strip()] = value.strip()
    return found


def check_units(profile: Profile, catalog: Catalog) -> None:
    """Refuse hours of a kind counted in years, and years of a kind counted in hours."""
    for kind in profile.hours:
        if unit(catalog, kind) == "years":
            raise InputError(
                f"--hours: {kind} experience is counted in years: "
                f"give it as --experience {kind}=YEARS ('experience:' in a profile file)"
            )
    for kind in profile.experience:
        if unit(catalog, kind) == "hours":
            raise InputError(
                f"--experience: {kind} experience is counted in hours: "
                f"give it as --hours {kind}=N ('hours:' in a profile file)"
            )


def unit(catalog: Catalog, kind: str) -> str:
    """'hours' or 'years': the unit the catalog's vocabulary names for a kind of experience."""
    term = next((t for t in catalog.vocabulary.hour_kinds if t.id == kind), None)
    return "years" if term is not None and term.name.endswith("(years)") else "hours"
