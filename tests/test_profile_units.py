"""A profile read and checked directly: options and files refused in words, normalised
credentials, budgets and fields, and the assumptions said (built-in catalog; no CLI)."""

from __future__ import annotations

import pytest

from certadvise.advice.profile_checks import pairs
from certadvise.errors import InputError


def test_hours_are_given_as_kind_equals_number() -> None:
    assert pairs("--hours", [" coaching = 500 ", "internship=200"]) == {
        "coaching": "500",
        "internship": "200",
    }
    assert pairs("--hours", None) is None
    for bad in ("coaching", "=500", "coaching= "):
        with pytest.raises(InputError, match=rf"^--hours: expected KIND=N, got '{bad}'$"):
            pairs("--hours", [bad])
