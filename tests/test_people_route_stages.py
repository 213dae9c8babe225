"""Stages that belong to one route, person by person: a plan lists only its route's stages.

Each row of `ROUTES` is someone who might type `certadvise path TARGET`, the route whose
plan is checked (the one shown first, or an alternative), the steps an adviser would list
(by kind, in order), and words that must name one step only, or none. The comment on each
row says why, from the entry's sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest

from .conftest import Runner


@dataclass(frozen=True)
class OnRoute:
    who: str
    args: tuple[str, ...]
    route: str  # how the route's text begins
    chosen: bool  # the plan shown first (else an alternative)
    kinds: tuple[str, ...]  # the kinds of its steps, in order
    once: tuple[str, ...] = ()  # words in the text of exactly one step
    never: tuple[str, ...] = ()  # words in no step

    def __str__(self) -> str:
        return self.who


ESSA_EXAMS = "ESSA's theory exam"
ROUTES = [
    # A three-year exercise science degree is followed by an ESSA-accredited postgraduate
    # course (about 1.5 years, essa-aep-become, essa-intl); only overseas graduates sit
    # ESSA's exams (essa-intl-exams, the entry's exam note), and the course is one step.
    OnRoute(
        "Australian exercise-science graduate aiming at ESSA-AEP",
        ("ESSA-AEP", "--country", "AU", "--degree", "bachelor", "--field", "exercise-science"),
        route="a three-year exercise science degree",
        chosen=True,
        kinds=("degree", "requirement", "application", "course"),
        once=("postgraduate exercise physiology course",),
        never=(ESSA_EXAMS, "overseas"),
    ),
    # An Australian school leaver takes the four-year accredited course: no ESSA exam.
    OnRoute(
        "Australian school leaver aiming at ESSA-AEP",
        ("ESSA-AEP", "--country", "AU", "--degree", "high-school", "--age", "18"),
        route="graduate from an ESSA-accredited exercise physiology course",
        chosen=True,
        kinds=("degree", "requirement", "application", "course"),
        once=("exercise physiology course",),
        never=(ESSA_EXAMS, "overseas"),
    ),
    # An overseas graduate with four years of clinical exercise physiology, AES first and
    # 500 hours (essa-intl) applies for a desktop review and sits the theory exam, then the
    # practical exam at least four weeks later (essa-intl-exams).
    OnRoute(
        "British clinical exercise physiology graduate with AES and 500 hours",
        (
            *("ESSA-AEP", "--country", "GB", "--degree", "bachelor"),
            *("--field", "clinical-exercise-physiology", "--have", "ESSA-AES"),
            *("--hours", "practical=500"),
        ),
        route="overseas graduates",
        chosen=True,
        kinds=("application", "exam", "course"),
        once=(ESSA_EXAMS, "desktop review"),
    ),
    # The direct route is for those with significant experience and a postgraduate degree
    # (bases-accred, bases-guidelines-2018): no Supervised Experience.
    OnRoute(
        "sport-science master's graduate on BASES's direct route",
        ("BASES", "--country", "GB", "--degree", "master", "--field", "sport-science"),
        route="the direct route",
        chosen=True,
        kinds=("requirement", "membership", "application"),
        once=("competency profile and case studies",),
        never=("Supervised Experience",),
    ),
    # Supervised Experience (2 to 6 years, 500 hours with a registered supervisor: bases-se,
    # spc-se) is that route's stage, taken once.
    OnRoute(
        "sport-science master's graduate on BASES's Supervised Experience route",
        ("BASES", "--country", "GB", "--degree", "master", "--field", "sport-science"),
        route="the Supervised Experience route",
        chosen=False,
        kinds=("requirement", "membership", "placement", "application"),
        once=("Supervised Experience", "500"),
    ),
]


def on_route(doc: dict[str, Any], route: str) -> tuple[bool, list[dict[str, Any]]]:
    """Whether the plan on `route` is the one shown first, and its steps."""
    plans = [doc, *doc["alternatives"]]
    index = next(i for i, p in enumerate(plans) if p["route"].startswith(route))
    return index == 0, plans[index]["steps"]


@pytest.mark.parametrize("r", ROUTES, ids=str)
def test_a_plan_lists_its_own_routes_stages_only(cli: Runner, r: OnRoute) -> None:
    result = cli("path", *r.args, "-f", "json", "-q")
    assert result.code == 0, result.err
    chosen, steps = on_route(result.json(), r.route)
    texts = [s["text"] for s in steps]
    assert (chosen, tuple(s["kind"] for s in steps)) == (r.chosen, r.kinds), texts
    for words in r.once:
        assert len([t for t in texts if words in t]) == 1, (words, texts)
    for words in r.never:
        assert not [t for t in texts if words in t], (words, texts)


@pytest.mark.parametrize("r", [r for r in ROUTES if r.chosen], ids=str)
def test_the_table_shows_the_routes_steps(cli: Runner, r: OnRoute) -> None:
    result = cli("path", *r.args)
    assert result.code == 0, result.err
    heading, *_ = result.out.splitlines()
    assert heading.startswith(f"Path to {r.args[0]} ({r.route}"), heading
    rows = [line for line in result.out.splitlines() if re.match(r"\d+ ", line)]
    assert tuple(row.split()[1] for row in rows) == r.kinds, rows
    for words in r.never:
        assert not [row for row in rows if words in row], (words, rows)


def test_show_says_which_route_a_stage_belongs_to(cli: Runner) -> None:
    result = cli("show", "ESSA-AEP", "-f", "csv")
    assert result.code == 0, result.err
    row = next(line for line in result.out.splitlines() if line.startswith("stages,"))
    assert (
        "its practical exam with simulated clients (time not verified; the overseas route only)"
        in row
    )
    assert "the accredited-course and postgraduate routes only" in row
    assert "Standards and Compliance module (the compensable schemes" in row
