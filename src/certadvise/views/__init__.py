"""Views: turn catalog entries and core results into format-neutral Reports."""

from __future__ import annotations

from typing import Any

from certadvise.advice.costs import Ownership


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
