"""The profile options (--goal, --degree, ...) shared by every command that takes a profile.

`with_profile_options` adds them to a command's signature once, so each command stays a
few lines long and every command spells them the same way (see CLI.md).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from certadvise.levels import DegreeLevel
from certadvise.limits import MAX_AGE, MAX_BUDGET_USD, MAX_HOURS, MAX_YEARS, MIN_AGE

if TYPE_CHECKING:
    from certadvise.advice.profile import Profile
    from certadvise.catalog.index import Catalog

_LEVELS = ", ".join(level.value for level in DegreeLevel)

PROFILE_OPTIONS: dict[str, Any] = {
    "goal": Annotated[
        list[str] | None,
        typer.Option(
            "--goal",
            "-g",
            metavar="GOAL",
            help="What you want to do: a goal id from `certadvise goals` or a phrase such as "
            "'college athletes' (repeatable).",
        ),
    ],
    "degree": Annotated[
        DegreeLevel | None,
        typer.Option(
            "--degree", metavar="LEVEL", case_sensitive=False, help=f"Highest education: {_LEVELS}."
        ),
    ],
    "field": Annotated[
        str | None,
        typer.Option(
            "--field",
            metavar="FIELD",
            help="Field of that degree, e.g. kinesiology, exercise-science, business.",
        ),
    ],
    "final_year": Annotated[
        DegreeLevel | None,
        typer.Option(
            "--final-year",
            metavar="LEVEL",
            case_sensitive=False,
            help="In the final year of a LEVEL degree (NSCA and ACSM accept final-year students).",
        ),
    ],
    "have": Annotated[
        list[str] | None,
        typer.Option(
            "--have",
            "-H",
            metavar="CRED",
            help="A credential you hold: a certification id or alias, or CPR-AED (repeatable).",
        ),
    ],
    "hours": Annotated[
        list[str] | None,
        typer.Option(
            "--hours",
            metavar="KIND=N",
            help="Supervised hours, e.g. clinical=600, internship=640, applied=480 (repeatable).",
        ),
    ],
    "experience": Annotated[
        list[str] | None,
        typer.Option(
            "--experience",
            metavar="KIND=YEARS",
            help="Years of full-time experience, e.g. sport-science=3 (repeatable).",
        ),
    ],
    "age": Annotated[
        int | None, typer.Option("--age", min=MIN_AGE, max=MAX_AGE, help="Age in years.")
    ],
    "budget": Annotated[
        float | None,
        typer.Option(
            "--budget",
            min=0,
            max=MAX_BUDGET_USD,
            metavar="USD",
            help="The most you will spend now.",
        ),
    ],
    "member": Annotated[
        list[str] | None,
        typer.Option(
            "--member", metavar="ORG", help="An organization you are a member of (repeatable)."
        ),
    ],
    "country": Annotated[
        str | None,
        typer.Option(
            "--country",
            metavar="CC",
            help="Where you will work, as a two-letter code (US, GB, CA, AU, ...); default US.",
        ),
    ],
    "profile_file": Annotated[
        str | None,
        typer.Option(
            "--profile",
            metavar="FILE",
            help="The same fields as YAML or JSON; '-' reads standard input. Options win.",
        ),
    ],
}


def with_profile_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the profile options to `command`, which receives them as `profile_options`."""
    signature = inspect.signature(command, eval_str=True)
    own = [p for name, p in signature.parameters.items() if name != "profile_options"]
    extra = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=hint)
        for name, hint in PROFILE_OPTIONS.items()
    ]
    params = [*own, *extra]

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> Any:
        given = {name: kwargs.pop(name) for name in PROFILE_OPTIONS}
        return command(**kwargs, profile_options=given)

    del wrapper.__wrapped__  # typer must see the new signature, not the command's
    wrapper.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    return wrapper


def build_profile(options: dict[str, Any], catalog: Catalog) -> tuple[Profile, list[str]]:
    """The normalised profile and its assumptions, from a profile file and the options."""
    from certadvise.advice.profile import RawProfile, normalise, parse_pairs, read_profile

    base = read_profile(options["profile_file"]) if options["profile_file"] else RawProfile()
    hours, experience = options["hours"], options["experience"]
    from_options = RawProfile(
        goals=tuple(options["goal"]) if options["goal"] else None,
        degree=options["degree"],
        field=options["field"],
        final_year=options["final_year"],
        have=tuple(options["have"]) if options["have"] else None,
        hours=parse_pairs("--hours", hours, int, MAX_HOURS) if hours else None,
        experience=parse_pairs("--experience", experience, float, MAX_YEARS)
        if experience
        else None,
        age=options["age"],
        budget_usd=options["budget"],
        member=tuple(options["member"]) if options["member"] else None,
        country=options["country"],
    )
    return normalise(base.overridden_by(from_options), catalog)
