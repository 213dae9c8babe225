"""Views: turn catalog entries and core results into format-neutral Reports."""

from __future__ import annotations

from typing import Any

from certadvise.advice.costs import Ownership
from certadvise.advice.planning import Step


def ownership_document(ownership: Ownership | None) -> dict[str, Any] | None:
    """What holding a certification costs over some years, as JSON (None: not worked out)."""
    if ownership is None:
        return None
    return {
        "years": ownership.years,
        "text": ownership.text,
        "known_usd": ownership.known_usd,
        "complete": ownership.complete,
        "parts": [{"label": p.label, "usd": p.usd} for p in ownership.parts],
    }


def step_document(step: Step) -> dict[str, Any]:
    """One step of a plan as JSON: `recommend`'s to-dos and later steps, and `path`."""
    return {
        "kind": step.kind,
        "text": step.text,
        "cost_usd": step.usd,
        "cost_verified": step.usd is not None,
        "duration": step.duration,
        "months": None if step.months is None else round(step.months, 2),
        "why": step.why,
        "id": step.cert_id,
        "note": step.note,
    }
