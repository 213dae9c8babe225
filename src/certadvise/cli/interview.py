"""`recommend --interactive`: ask for the profile one question at a time.

Each answer is checked the way the matching option is; a wrong one is explained and the
question asked again, so a typo never ends the session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import typer

from certadvise.catalog.index import Catalog
from certadvise.errors import CertadviseError, InputError
from certadvise.levels import DegreeLevel

T = TypeVar("T")
ATTEMPTS = 3


def _ask(question: str, default: str = "") -> str:
    return str(
        typer.prompt(question, default=default, show_default=bool(default), err=True)
    ).strip()


def _split(answer: str) -> list[str]:
    return [part.strip() for part in answer.replace(";", ",").split(",") if part.strip()]


def _until_valid(question: str, check: Callable[[str], T], default: str = "") -> T:
    """Ask until `check` accepts the answer (it raises CertadviseError to refuse it)."""
    for attempt in range(ATTEMPTS):
        try:
            return check(_ask(question, default))
        except CertadviseError as exc:
            if attempt == ATTEMPTS - 1:
                raise
            typer.echo(f"  {exc}", err=True)
    raise AssertionError("unreachable")


def _level(answer: str) -> DegreeLevel:
    try:
        return DegreeLevel(answer.lower())
    except ValueError:
        levels = ", ".join(level.value for level in DegreeLevel)
        raise InputError(f"not an education level: {answer!r}; choose from: {levels}") from None


def _budget(answer: str) -> float | None:
    if not answer:
        return None
    try:
        value = float(answer.lstrip("$").replace(",", ""))
    except ValueError:
        raise InputError(f"not an amount of dollars: {answer!r}") from None
    if value < 0:
        raise InputError("a budget cannot be negative")
    return value


def interview(catalog: Catalog, given: dict[str, Any]) -> dict[str, Any]:
    """Ask for what the options left out."""
    if not typer.get_text_stream("stdin").isatty():
        raise InputError(
            "--interactive needs a terminal; give profile options or --profile instead"
        )
    answers = dict(given)
    typer.echo("Answer a few questions (Enter accepts the default, empty skips).", err=True)
    typer.echo(f"Goals: {', '.join(catalog.goals)}", err=True)

    def goals(answer: str) -> list[str]:
        for phrase in _split(answer):
            catalog.resolve_goal(phrase)
        return _split(answer)

    def credentials(answer: str) -> list[str]:
        for name in _split(answer):
            catalog.resolve(name)
        return _split(answer)

    def field(answer: str) -> str | None:
        return answer.strip() or None  # any field is a real answer

    if not answers.get("goal"):
        answers["goal"] = _until_valid(
            "What do you want to do? (goals or phrases, comma-separated)", goals
        )
    if not answers.get("degree"):
        levels = "/".join(level.value for level in DegreeLevel)
        answers["degree"] = _until_valid(f"Highest education ({levels})", _level, "high-school")
    if not answers.get("field") and answers["degree"].rank >= DegreeLevel.ASSOCIATE.rank:
        answers["field"] = _until_valid("Field of that degree (e.g. kinesiology, business)", field)
    if not answers.get("have"):
        answers["have"] = _until_valid("Credentials you hold (e.g. CPR-AED, NASM-CPT)", credentials)
    if answers.get("budget") is None:
        answers["budget"] = _until_valid(
            "Most you will spend now, in USD (empty: no limit)", _budget
        )
    return answers
