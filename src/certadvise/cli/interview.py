"""`recommend --interactive`: ask for the profile one question at a time."""

from __future__ import annotations

from typing import Any

import typer

from certadvise.catalog import Catalog
from certadvise.levels import DegreeLevel


def _ask(question: str, default: str = "") -> str:
    return str(
        typer.prompt(question, default=default, show_default=bool(default), err=True)
    ).strip()


def _split(answer: str) -> list[str]:
    return [part.strip() for part in answer.replace(";", ",").split(",") if part.strip()]


def interview(catalog: Catalog, given: dict[str, Any]) -> dict[str, Any]:
    """Ask for what the options left out; answers are checked like options are."""
    if not typer.get_text_stream("stdin").isatty():
        from certadvise.errors import InputError

        raise InputError(
            "--interactive needs a terminal; give profile options or --profile instead"
        )
    answers = dict(given)
    typer.echo("Answer a few questions (Enter accepts the default, empty skips).", err=True)
    typer.echo(f"Goals: {', '.join(catalog.goals)}", err=True)
    if not answers.get("goal"):
        answers["goal"] = _split(
            _ask("What do you want to do? (goals or phrases, comma-separated)")
        )
    if not answers.get("degree"):
        levels = "/".join(level.value for level in DegreeLevel)
        answer = _ask(f"Highest education ({levels})", "high-school")
        answers["degree"] = (
            DegreeLevel(answer) if answer in {lv.value for lv in DegreeLevel} else None
        )
        if answers["degree"] is None:
            typer.echo(f"not a level: {answer!r}; assuming high-school", err=True)
            answers["degree"] = DegreeLevel.HIGH_SCHOOL
    if not answers.get("field") and answers["degree"].rank >= DegreeLevel.ASSOCIATE.rank:
        answers["field"] = _ask("Field of that degree (e.g. kinesiology, business)") or None
    if not answers.get("have"):
        answers["have"] = _split(_ask("Credentials you hold (e.g. CPR-AED, NASM-CPT)"))
    if answers.get("budget") is None:
        budget = _ask("Most you will spend now, in USD (empty: no limit)")
        answers["budget"] = float(budget) if budget.replace(".", "", 1).isdigit() else None
    return answers
