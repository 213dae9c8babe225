"""Side-by-side comparison: the same facts for several certifications, differences marked."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from certadvise.advice.facts import FACT_KEYS, facts
from certadvise.advice.judgement import Judgement
from certadvise.advice.rules import Outcome, evaluate
from certadvise.catalog.models import Certification
from certadvise.errors import InputError

ELIGIBLE_KEY = "eligible"
MIN_COLUMNS, MAX_COLUMNS = 2, 6


@dataclass(frozen=True)
class ComparedFact:
    key: str
    label: str
    values: tuple[str, ...]

    @property
    def differs(self) -> bool:
        return len(set(self.values)) > 1


@dataclass(frozen=True)
class Comparison:
    entries: tuple[Certification, ...]
    rows: tuple[ComparedFact, ...]

    @property
    def differences(self) -> list[str]:
        return [row.key for row in self.rows if row.differs]


def check_selection(names: Sequence[str], entries: Sequence[Certification]) -> None:
    """Two to six different certifications; a duplicate is reported, not compared."""
    if not MIN_COLUMNS <= len(entries) <= MAX_COLUMNS:
        raise InputError(
            f"compare takes {MIN_COLUMNS} to {MAX_COLUMNS} certifications, got {len(entries)}"
        )
    seen: dict[str, str] = {}
    for name, entry in zip(names, entries, strict=True):
        if entry.id in seen:
            raise InputError(
                f"{entry.id} is named twice ({seen[entry.id]!r} and {name!r}); "
                "name each certification once"
            )
        seen[entry.id] = name


def eligibility_text(entry: Certification, judged: Judgement) -> str:
    """'yes', 'yes (to do: ...)', 'later: what first' or 'no: why' for one person; goals
    do not count here."""
    verdicts = [v for v in evaluate(entry, judged) if v.rule not in ("goal", "rule-change")]
    failed = [v.reason for v in verdicts if v.outcome is Outcome.FAIL]
    if failed:
        return "no: " + "; ".join(failed)
    later = [v.reason for v in verdicts if v.outcome is Outcome.LATER]
    if later:
        return "later: " + "; ".join(later)
    warnings = [v.reason for v in verdicts if v.outcome in (Outcome.WARN, Outcome.TODO)]
    return "yes" + (f" ({'; '.join(warnings)})" if warnings else "")


def pick_rows(rows: str | None) -> list[str]:
    """The fact keys `--rows a,b,c` asks for, in the order given."""
    keys = [*FACT_KEYS, ELIGIBLE_KEY]
    if rows is None:
        return keys
    wanted = [part.strip() for part in rows.split(",") if part.strip()]
    for key in wanted:
        if key not in keys:
            close = difflib.get_close_matches(key, keys, n=3)
            hint = f"did you mean {', '.join(close)}?" if close else f"rows are: {', '.join(keys)}"
            raise InputError(f"--rows: unknown row {key!r}; {hint}")
    return wanted


def compare(
    entries: Sequence[Certification],
    judged: Judgement,
    with_profile: bool = False,
    rows: Sequence[str] = (),
    only_differences: bool = False,
) -> Comparison:
    """Line up the facts of `entries`; add the eligibility row when a profile was given."""
    per_entry = [{f.key: f for f in facts(entry, judged)} for entry in entries]
    compared = []
    for key in rows or [*FACT_KEYS, ELIGIBLE_KEY]:
        if key == ELIGIBLE_KEY:
            if not with_profile:
                continue
            values = tuple(eligibility_text(e, judged) for e in entries)
            compared.append(ComparedFact(key, "Eligible for you?", values))
            continue
        label = per_entry[0][key].label
        compared.append(ComparedFact(key, label, tuple(found[key].text for found in per_entry)))
    if only_differences:
        compared = [row for row in compared if row.differs]
    return Comparison(tuple(entries), tuple(compared))
