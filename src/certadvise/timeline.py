"""When each step of a plan starts, as the plan's months and its chart both count them."""

from __future__ import annotations

from collections.abc import Iterable

# Kinds of step that are practice: hours and years next to each other accrue together (the
# CSSD's sports-dietetics hours are worked inside the RD's practice years).
PRACTICE = frozenset({"hours", "years"})


def starts(steps: Iterable[tuple[str, float | None, bool]]) -> list[float]:
    """Each step's start, in months from today, for steps given as (kind, months, waits).

    A step that waits (an age, the final year of a degree) starts today and runs beside the
    rest. A run of practice steps starts together: its hours one after another, its years
    beside them, and it ends at the longer of the two. Every other step starts when the one
    before it ends; a step of unknown time takes none.
    """
    found: list[float] = []
    at = 0.0
    run: tuple[float, float, float] | None = None  # its start, hours so far, longest years
    for kind, months, waits in steps:
        taken = months or 0.0
        if waits:
            found.append(0.0)
            continue
        if kind not in PRACTICE:
            run = None
            found.append(at)
            at += taken
            continue
        begun, hours, years = run if run is not None else (at, 0.0, 0.0)
        if kind == "hours":
            found.append(begun + hours)
            hours += taken
        else:
            found.append(begun)
            years = max(years, taken)
        run = (begun, hours, years)
        at = begun + max(hours, years)
    return found


def length(steps: Iterable[tuple[str, float | None, bool]]) -> float:
    """The months the steps take in all: where the last of them ends."""
    given = list(steps)
    found = starts(given)
    ends = [start + (months or 0.0) for start, (_, months, _) in zip(found, given, strict=True)]
    return max(ends, default=0.0)
