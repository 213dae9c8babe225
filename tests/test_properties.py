"""Properties of the rules that must hold for every profile (hypothesis)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certadvise.advice.cycles import HeldState
from certadvise.advice.judgement import Judgement
from certadvise.advice.profile import Held, Profile
from certadvise.advice.ranking import Evaluation, Recommendations, advise
from certadvise.catalog.index import Catalog, catalog_dirs
from certadvise.catalog.loading import load_catalog
from certadvise.catalog.models import DegreeLevel
from certadvise.views.recommend_view import later_document

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
    return advise(Judgement(CATALOG, profile, TODAY), [])


def ranked(advice: Recommendations) -> set[str]:
    return {ev.entry.id for ev in advice.ranked}


def superseded(advice: Recommendations) -> set[str]:
    return {ev.entry.id for ev in advice.excluded if "superseded" in rules_failed(ev)}


def rules_failed(ev: Evaluation) -> set[str]:
    return {v.rule for v in ev.verdicts if v.failed}


@fast
@given(profiles, st.floats(0, 2000, allow_nan=False))
def test_raising_the_budget_never_moves_a_recommendation(profile: Profile, more: float) -> None:
    before = run(profile)
    raised = None if profile.budget_usd is None else profile.budget_usd + more
    after = run(replace(profile, budget_usd=raised))
    assert ranked(before) <= ranked(after)
    assert ranked(before) <= ranked(run(replace(profile, budget_usd=None)))


@fast
@given(profiles, st.sampled_from(IDS))
def test_gaining_a_credential_never_moves_a_recommendation(profile: Profile, gained: str) -> None:
    before = run(profile)
    after = run(replace(profile, have=(*profile.have, gained)))
    # only the credential itself ("already held"), the entry-level CPTs that it supersedes
    # and what it covers (a CSCS covers NASM-PES) may leave the recommendations
    newly_superseded = superseded(after) - superseded(before)
    covered = {ev.entry.id for ev in after.excluded if "covered" in rules_failed(ev)}
    assert ranked(before) - {gained} - newly_superseded - covered <= ranked(after)
    assert all(CATALOG.entries[i].category == "foundational-cpt" for i in newly_superseded)


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
def test_every_entry_lands_in_exactly_one_section_with_its_reasons(profile: Profile) -> None:
    advice = run(profile)
    sections = [
        {ev.entry.id for ev in advice.ranked},
        {ev.entry.id for ev in advice.later},
        {ev.entry.id for ev in advice.excluded},
    ]
    assert set.union(*sections) == set(IDS)
    assert sum(len(s) for s in sections) == len(IDS)
    assert all(ev.failures for ev in advice.excluded)
    assert all(ev.later_reasons and ev.plan and ev.plan.long_steps for ev in advice.later)
    assert all(ev.plan and not ev.plan.long_steps for ev in advice.ranked)


@fast
@given(profiles)
def test_order_is_deterministic_and_by_score_within_a_market(profile: Profile) -> None:
    first, second = run(profile), run(profile)
    assert [ev.entry.id for ev in first.ranked] == [ev.entry.id for ev in second.ranked]
    assert [ev.entry.id for ev in first.later] == [ev.entry.id for ev in second.later]
    groups: dict[tuple[int, bool], list[float]] = {}
    for ev in first.ranked:
        key = (
            first.judged.market_fit(ev.entry).rank,
            profile.budget_usd is not None and not ev.quote.verified,
        )
        groups.setdefault(key, []).append(ev.points)
    assert all(points == sorted(points, reverse=True) for points in groups.values())


@fast
@given(profiles)
def test_with_a_budget_an_unknown_price_never_outranks_a_verified_fit(profile: Profile) -> None:
    advice = run(replace(profile, budget_usd=profile.budget_usd or 500))
    verified = [
        ev.quote.verified for ev in advice.ranked if advice.judged.market_fit(ev.entry).rank == 0
    ]
    assert verified == sorted(verified, reverse=True)


@fast
@given(profiles)
def test_no_unknown_price_is_counted_as_zero(profile: Profile) -> None:
    advice = run(profile)
    for ev in advice.ranked:
        if ev.entry.cost is None:
            assert ev.quote.usd is None and not ev.quote.verified
        if profile.budget_usd is not None and ev.quote.usd is not None:
            assert ev.quote.usd <= profile.budget_usd
    for ev in advice.later:
        doc = later_document(ev)
        # a stage inside the package price is known (nothing more to pay), never a 0
        included = [s for s in doc["steps"] if s["included"]]
        assert all(s["cost_usd"] is None and s["cost_verified"] for s in included)
        known = [s["cost_usd"] for s in doc["steps"] if s["cost_verified"] and not s["included"]]
        assert doc["total_cost"]["minimum_usd"] == sum(known)
        assert doc["total_cost"]["complete"] == (len(known) + len(included) == len(doc["steps"]))
        assert all(s["cost_usd"] is None for s in doc["steps"] if not s["cost_verified"])


def sections(advice: Recommendations) -> dict[str, str]:
    return {
        ev.entry.id: section
        for section, evs in (
            ("recommended", advice.ranked),
            ("later", advice.later),
            ("excluded", advice.excluded),
        )
        for ev in evs
    }


@fast
@given(profiles, st.sampled_from(IDS))
def test_a_lapsed_credential_never_counts_as_held(profile: Profile, lapsed: str) -> None:
    """Everything but the lapsed credential itself (whose way back it now shows) lands where
    it would without it: a lapsed card meets no prerequisite and covers nothing."""
    held = tuple(h for h in profile.have if h != lapsed)
    without = replace(profile, have=held, credentials=())
    record = Held(lapsed, dt.date(2024, 1, 31), state=HeldState.LAPSED)
    with_lapsed = replace(without, credentials=(record,))
    before, after = sections(run(without)), sections(run(with_lapsed))
    assert {k: v for k, v in before.items() if k != lapsed} == {
        k: v for k, v in after.items() if k != lapsed
    }


@fast
@given(profiles, st.sampled_from(IDS))
def test_an_active_credential_never_puts_what_it_covers_in_reach(
    profile: Profile, gained: str
) -> None:
    after = run(replace(profile, have=(*profile.have, gained)))
    covered = {i for i in IDS if after.judged.covered_by(CATALOG.summaries[i]) is not None}
    assert not covered & ranked(after)
    assert not covered & {ev.entry.id for ev in after.later}
