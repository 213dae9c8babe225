"""Properties of the rules that must hold for every profile (hypothesis)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certadvise.advice.profile import Profile
from certadvise.advice.ranking import Recommendations, advise
from certadvise.catalog.index import Catalog, catalog_dirs
from certadvise.catalog.loading import load_catalog
from certadvise.catalog.models import DegreeLevel

CATALOG: Catalog = load_catalog(catalog_dirs(environ={}))
TODAY = dt.date(2026, 11, 24)
IDS = sorted(CATALOG.entries)
FIELDS = [t.id for t in CATALOG.vocabulary.degree_fields]
KINDS = [t.id for t in CATALOG.vocabulary.hour_kinds]

profiles = st.builds(
    Profile,
    goals=st.lists(st.sampled_from(sorted(CATALOG.goals)), max_size=3, unique=True).map(tuple),
    degree=st.none() | st.sampled_from(list(DegreeLevel)),
    field=st.none() | st.sampled_from(FIELDS),
    final_year=st.none() | st.sampled_from(list(DegreeLevel)),
    have=st.lists(st.sampled_from(IDS), max_size=4, unique=True).map(tuple),
    hours=st.dictionaries(st.sampled_from(KINDS), st.integers(0, 3000), max_size=3),
    experience=st.dictionaries(st.sampled_from(KINDS), st.floats(0, 20), max_size=2),
    age=st.none() | st.integers(10, 100),
    budget_usd=st.none() | st.floats(0, 3000, allow_nan=False),
    member=st.lists(st.sampled_from(sorted(CATALOG.organizations)), max_size=2, unique=True).map(
        tuple
    ),
)
fast = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run(profile: Profile) -> Recommendations:
    return advise(profile, [], CATALOG, TODAY)


def ranked(advice: Recommendations) -> set[str]:
    return {ev.entry.id for ev in advice.ranked}


@fast
@given(profiles, st.floats(0, 2000, allow_nan=False))
def test_raising_the_budget_never_removes_a_recommendation(profile: Profile, more: float) -> None:
    before = run(profile)
    raised = None if profile.budget_usd is None else profile.budget_usd + more
    after = run(replace(profile, budget_usd=raised))
    assert ranked(before) <= ranked(after)
    assert ranked(before) <= ranked(run(replace(profile, budget_usd=None)))


@fast
@given(profiles, st.sampled_from(IDS))
def test_gaining_a_credential_never_makes_another_certification_ineligible(
    profile: Profile, gained: str
) -> None:
    before = ranked(run(profile))
    after = ranked(run(replace(profile, have=(*profile.have, gained))))
    assert before - {gained} <= after  # only the credential itself becomes "already held"


@fast
@given(profiles, st.sampled_from(KINDS), st.integers(1, 2000))
def test_more_hours_or_a_higher_degree_never_hurt(profile: Profile, kind: str, extra: int) -> None:
    before = ranked(run(profile))
    hours = {**profile.hours, kind: profile.hours.get(kind, 0) + extra}
    assert before <= ranked(run(replace(profile, hours=hours)))
    if profile.degree is not None and profile.degree is not DegreeLevel.DOCTORATE:
        higher = list(DegreeLevel)[profile.degree.rank + 1]
        assert before <= ranked(run(replace(profile, degree=higher)))


@fast
@given(profiles)
def test_every_entry_is_either_ranked_or_excluded_with_a_reason(profile: Profile) -> None:
    advice = run(profile)
    excluded = {ev.entry.id for ev in advice.excluded}
    assert ranked(advice) | excluded == set(IDS)
    assert not ranked(advice) & excluded
    assert all(ev.failures for ev in advice.excluded)


@fast
@given(profiles)
def test_order_is_deterministic_and_by_score(profile: Profile) -> None:
    first, second = run(profile), run(profile)
    assert [ev.entry.id for ev in first.ranked] == [ev.entry.id for ev in second.ranked]
    points = [ev.points for ev in first.ranked]
    assert points == sorted(points, reverse=True)


@fast
@given(profiles)
def test_no_unknown_price_is_counted_as_zero(profile: Profile) -> None:
    for ev in run(profile).ranked:
        if ev.entry.cost is None:
            assert ev.quote.usd is None and not ev.quote.verified
        if profile.budget_usd is not None and ev.quote.usd is not None:
            assert ev.quote.usd <= profile.budget_usd
