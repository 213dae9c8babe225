"""Renewals worked out directly: states, deadlines, next steps, ways back and the holding
cost (built-in catalog and small made entries, an injected day; no CLI)."""

from __future__ import annotations

import datetime as dt

from certadvise.advice.renewals import State, state_of

from .test_planner_units import TODAY


def test_a_deadline_within_90_days_is_due_soon_and_past_it_lapses() -> None:
    assert state_of(TODAY + dt.timedelta(days=90), None, TODAY) is State.DUE_SOON
    assert state_of(TODAY + dt.timedelta(days=91), None, TODAY) is State.ACTIVE
    assert state_of(TODAY - dt.timedelta(days=1), TODAY, TODAY) is State.OVERDUE
    assert state_of(TODAY - dt.timedelta(days=1), None, TODAY) is State.LAPSED
    assert state_of(None, None, TODAY) is State.UNDATED
