"""Shell completion of names: certification ids, goals, organizations, categories, rows.

Each completer loads the (cached) catalog only when the shell asks, never for --help.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from certadvise.catalog.index import Catalog


def _catalog() -> Catalog:
    from certadvise.cli import runtime
    from certadvise.cli.settings import Run

    return runtime.read_catalog(Run(), None)


def _matching(names: Callable[[Catalog], list[str]]) -> Callable[[str], list[str]]:
    def complete(incomplete: str) -> list[str]:
        try:
            found = names(_catalog())
        except Exception:  # a broken catalog: no completions, never a traceback in a shell
            return []
        return [n for n in found if n.lower().startswith(incomplete.lower())]

    return complete


certification_ids = _matching(lambda cat: list(cat.summaries))
goals = _matching(lambda cat: list(cat.goals))
organizations = _matching(lambda cat: list(cat.organizations))
categories = _matching(lambda cat: [t.id for t in cat.vocabulary.categories])
degree_fields = _matching(
    lambda cat: [name for t in cat.vocabulary.degree_fields for name in (t.id, *t.synonyms)]
)


def compare_rows(incomplete: str) -> list[str]:
    """Row keys, after the ones already typed (`--rows cost.exam,pa<TAB>`)."""
    from certadvise.advice.comparison import pick_rows

    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [prefix + key for key in pick_rows(None) if key.startswith(last)]


def levels(incomplete: str) -> list[str]:
    from certadvise.levels import DegreeLevel

    return [level.value for level in DegreeLevel if level.value.startswith(incomplete.lower())]
