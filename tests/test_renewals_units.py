"""Renewals worked out directly: states, deadlines, next steps, ways back and the holding
cost (built-in catalog and small made entries, an injected day; no CLI)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from certadvise.advice.cycles import state_on
from certadvise.advice.judgement import Judgement
from certadvise.advice.profile import Held, ImpliedDegree, Profile
from certadvise.advice.renewals import (
    Ce,
    CostLine,
    Holding,
    Renewal,
    Renewals,
    State,
    renewals,
    state_of,
)
from certadvise.catalog.index import Catalog
from certadvise.catalog.models import Certification

from .test_costs import made
from .test_planner_units import TODAY

RULE = {"source": "s", "period_years": 2, "fee_member": 50, "fee_non_member": 80}
CE = {"ceus": 2, "ce_unit": "CEU"}  # 20 contact hours


def rule(**more: Any) -> dict[str, Any]:
    return {**RULE, **more}


def held(cert_id: str, expires: str | None = None, **more: Any) -> Held:
    day = dt.date.fromisoformat(expires) if expires else None
    return Held(cert_id, day, state=state_on(day, TODAY), **more)


def kept(
    catalog: Catalog,
    *credentials: Held,
    entries: tuple[Certification, ...] = (),
    years: int = 3,
    **profile: Any,
) -> Renewals:
    """The renewals of these credentials, made entries added to the built-in catalog."""
    made_catalog = replace(catalog, entries={**catalog.entries, **{e.id: e for e in entries}})
    have = tuple(h.id for h in credentials if not h.lapsed)
    person = Profile(credentials=credentials, have=have, **profile)
    return renewals(Judgement(made_catalog, person, TODAY), years)


def one(catalog: Catalog, entry: Certification, expires: str | None, **profile: Any) -> Renewal:
    (row,) = kept(catalog, held(entry.id, expires), entries=(entry,), **profile).renewals
    return row


def test_a_deadline_within_90_days_is_due_soon_and_past_it_lapses() -> None:
    assert state_of(TODAY + dt.timedelta(days=90), None, TODAY) is State.DUE_SOON
    assert state_of(TODAY + dt.timedelta(days=91), None, TODAY) is State.ACTIVE
    assert state_of(TODAY, None, TODAY) is State.DUE_SOON
    assert state_of(TODAY - dt.timedelta(days=1), TODAY, TODAY) is State.OVERDUE
    assert state_of(TODAY - dt.timedelta(days=1), None, TODAY) is State.LAPSED
    yesterday = TODAY - dt.timedelta(days=1)
    assert state_of(yesterday, yesterday, TODAY) is State.LAPSED
    assert state_of(None, None, TODAY) is State.UNDATED
    assert [s.rank for s in (State.ACTIVE, State.OVERDUE, State.UNDATED)] == [0, 2, 4]


def test_ce_in_its_unit_and_in_hours() -> None:
    assert Ce(None, "CEUs", 20).text == "CE not verified"
    assert Ce(2, "CEUs", 20).text == "2 CEUs (20 h)"
    assert Ce(2.5, None, None).text == "2.5 units"
    assert Ce(30, "hours", 30).text == "30 hours"


def test_the_next_step_says_the_ce_the_fee_and_the_day(catalog: Catalog) -> None:
    entry = made(None, rule(**CE))
    row = one(catalog, entry, "2027-06-30")
    assert (row.state, row.late_until, row.card, row.way_back) == (State.ACTIVE, None, False, None)
    assert row.next_step == "log 2 CEUs (20 h) and pay $80 by 2027-06-30"
    assert row.fees is not None and (row.fees.yours, row.fees.differ) == (80, True)
    member = one(catalog, entry, "2027-06-30", member=("ORG",))
    assert member.next_step == "log 2 CEUs (20 h) and pay $50 by 2027-06-30"
    yearly = made(None, {"source": "s", "period_years": 1, "fee_member": 50, "fee_every": "year"})
    assert one(catalog, yearly, "2027-06-30", member=("ORG",)).next_step == (
        "log the CE owed (not verified) and pay $50 a year by 2027-06-30"
    )
    assert one(catalog, yearly, "2027-06-30").next_step == (
        "log the CE owed (not verified) and pay the renewal fee (not verified) a year by 2027-06-30"
    )
    assert one(catalog, made(None, None), "2027-06-30").next_step == (
        "renew by 2027-06-30 (its renewal rule is not verified: ask ORG)"
    )
    assert one(catalog, made(None, None), "2027-06-30").fees is None


def test_the_soonest_deadline_comes_first_and_undated_ones_last(catalog: Catalog) -> None:
    found = kept(
        catalog,
        held("CSCS"),
        held("NSCA-CPT", "2028-01-31"),
        held("ACSM-CPT", "2026-09-30"),
        held("ACE-CPT"),
        held("TSAC-F", "2028-01-31"),
    )
    assert [r.id for r in found.renewals] == ["ACSM-CPT", "NSCA-CPT", "TSAC-F", "ACE-CPT", "CSCS"]
    assert found.today == TODAY


def test_without_a_date_it_asks_for_the_one_its_rule_needs(catalog: Catalog) -> None:
    cycled = made(None, rule(cycle="rolling"))
    row = one(catalog, cycled, None)
    assert (row.state, row.expires) == (State.UNDATED, None)
    assert row.next_step == "give its date: --have X@YYYY-MM (good through), or the day earned"
    assert row.notes == (
        "the day earned goes in a profile (credentials: [{id: X, earned: YYYY-MM}]) and gives "
        "the deadline by ORG's cycle rule",
    )
    for unruled in (
        made(None, None),
        made(None, rule()),
        made(None, {"source": "s", "cycle": "rolling"}),
    ):
        row = one(catalog, unruled, None)
        assert row.next_step == "give its expiry if your card has one: --have X@YYYY-MM"
        assert row.notes == (
            "whether and how often X must be renewed is not verified in the catalog: ask ORG, "
            "or read the date on your card",
        )


def test_a_card_is_renewed_by_taking_the_course_again(catalog: Catalog) -> None:
    row = one(catalog, catalog.entries["CPR-AED"], "2027-03-31")
    assert row.card and row.next_step == (
        "take a CPR-AED course with a hands-on skills check by 2027-03-31"
    )
    lapsed = one(catalog, catalog.entries["BLS"], "2024-10-31")
    assert (lapsed.state, lapsed.way_back) == (State.LAPSED, None)
    assert lapsed.next_step == (
        "take a BLS course with a hands-on skills check now: the card expired on 2024-10-31"
    )
    counts = made(None, rule(), id="Y", counts_as=["CPR-AED"])
    assert one(catalog, counts, "2027-03-31").card


def computed(cert_id: str, earned: str, expires: str) -> Held:
    day = dt.date.fromisoformat(expires)
    return Held(cert_id, day, dt.date.fromisoformat(earned), state_on(day, TODAY), computed=True)


def test_a_deadline_worked_out_says_from_what(catalog: Catalog) -> None:
    fixed = made(None, rule(cycle="fixed", cycle_ends="12-31", cycle_anchor=2026, period_years=3))
    rolling = made(None, rule(cycle="rolling"), id="Y")
    card = made(None, rule(), id="Z", counts_as=["CPR-AED"])
    found = kept(
        catalog,
        computed("X", "2024-03-31", "2026-12-31"),
        computed("Y", "2025-06-30", "2027-06-30"),
        computed("Z", "2025-06-30", "2027-06-30"),
        entries=(fixed, rolling, card),
    )
    notes = {r.id: r.notes for r in found.renewals}
    assert notes["X"] == (
        "deadline computed from the day earned (2024-03-31): ORG's cycles end on 12-31 every "
        "3 years",
    )
    assert notes["Y"] == (
        "deadline computed from the day earned (2025-06-30): ORG's cycle runs 2 years from the "
        "day earned",
    )
    assert notes["Z"] == (
        "good through 2027-06-30: assumed 2 years from the course on 2025-06-30 (cards are "
        "commonly valid 2 years); the date on your card wins",
    )
    assert found.assumptions == (
        "no memberships given (--member ORG): non-member fees",
        "deadlines worked out from the day earned assume no renewal since; the date on a card wins",
    )


def test_a_first_cycle_prorated_by_the_day_earned_is_said(catalog: Catalog) -> None:
    entry = made(None, rule(first_cycle_prorated=True, fee_member=None))
    prorated = (
        "your first ORG cycle's CE is prorated by the day you earned it: it may be less than a "
        "full cycle's"
    )
    first = kept(catalog, computed("X", "2025-07-01", "2026-12-31"), entries=(entry,))
    assert first.renewals[0].notes[-1] == prorated
    assert first.assumptions[0].startswith("deadlines worked out")  # the fees do not differ
    full = Held("X", dt.date(2026, 12, 31), dt.date(2024, 12, 31))
    assert prorated not in kept(catalog, full, entries=(entry,)).renewals[0].notes
    undated = Held("X", dt.date(2026, 12, 31))
    assert prorated not in kept(catalog, undated, entries=(entry,)).renewals[0].notes


def test_a_credential_that_needs_a_cpr_card_says_whether_the_card_lasts(catalog: Catalog) -> None:
    entry = made(None, rule(requires_cpr=True))

    def note(*cards: Held, expires: str | None = "2027-06-30") -> str:
        found = kept(catalog, held("X", expires), *cards, entries=(entry,))
        return next(r for r in found.renewals if r.id == "X").notes[-1]

    assert note() == "needs a current CPR/AED card to renew: none given (--have CPR-AED@YYYY-MM)"
    assert note(held("CPR-AED")) == (
        "needs a current CPR/AED card to renew: give your CPR-AED card's date"
    )
    assert note(held("CPR-AED", "2026-10-31")) == (
        "needs a current CPR/AED card: your CPR-AED card expired on 2026-10-31: renew the card "
        "first"
    )
    assert note(held("CPR-AED", "2027-01-31")) == (
        "needs a current CPR/AED card: your CPR-AED card expires 2027-01-31, before this "
        "deadline: renew the card first"
    )
    assert note(held("CPR-AED", "2027-01-31"), held("BLS", "2028-01-31")) == (
        "needs a current CPR/AED card: your BLS card is good through 2028-01-31"
    )
    assert note(held("CPR-AED", "2027-06-30")) == (
        "needs a current CPR/AED card: your CPR-AED card is good through 2027-06-30"
    )
    assert note(held("CPR-AED", "2027-01-31"), expires=None).endswith("is good through 2027-01-31")
    lapsed = kept(catalog, held("X", "2020-06-30"), entries=(entry,)).renewals[0]
    assert lapsed.state is State.LAPSED and not any("CPR/AED" in n for n in lapsed.notes)


EXAM = {"exam_non_member": 300}
REINSTATED = {"source": "s", "window_months": 24, "fee_non_member": 150}


def back(catalog: Catalog, expires: str, cost: Any = EXAM, **recertification: Any) -> Any:
    """The way back of a credential held until `expires` (a made one with this rule)."""
    entry = made(cost, rule(**recertification) if recertification else None)
    return one(catalog, entry, expires).way_back


def test_overdue_inside_the_late_window_it_is_renewed_late(catalog: Catalog) -> None:
    entry = made(EXAM, rule(grace_months=12, late_fee=25, **CE))
    row = one(catalog, entry, "2026-06-30")
    assert (row.state, row.late_until) == (State.OVERDUE, dt.date(2027, 6, 30))
    assert row.way_back is not None and row.next_step == row.way_back.text == (
        "renew X late: log 2 CEUs and pay the renewal and late fee by 2027-06-30 ($105)"
    )
    assert row.way_back.kind == "late renewal" and row.way_back.verified
    assert (row.way_back.usd, row.way_back.until) == (105, dt.date(2027, 6, 30))


def test_inside_a_window_an_unpriced_way_back_beats_a_priced_exam(catalog: Catalog) -> None:
    """The planner puts the $300 exam before a late renewal whose fee nobody verified, but
    the person is inside the window: the way back is said, not 'past its late window'."""
    late = back(catalog, "2026-06-30", grace_months=12, fee_non_member=None)
    assert (late.kind, late.usd, late.until) == ("late renewal", None, dt.date(2027, 6, 30))
    assert late.text.endswith("and pay the renewal by 2027-06-30 (fee not verified)")
    unpriced = {**REINSTATED, "fee_non_member": None}
    again = back(catalog, "2026-06-30", reinstatement=unpriced)
    assert (again.kind, again.until) == ("reinstatement", dt.date(2028, 6, 30))
    assert again.text.endswith("by 2028-06-30 (fee not verified)")
    canfitpro = one(catalog, catalog.entries["CANFITPRO-PTS"], "2026-11-15")
    assert canfitpro.state is State.OVERDUE
    assert canfitpro.next_step == (
        "renew CANFITPRO-PTS late: log 4 CECs (8 h) and pay the renewal and late fee by "
        "2026-12-15 (fee not verified)"
    )


def test_lapsed_inside_the_reinstatement_window_it_is_reinstated(catalog: Catalog) -> None:
    way = back(catalog, "2026-06-30", reinstatement=REINSTATED)
    assert (way.kind, way.verified, way.usd, way.until) == (
        "reinstatement",
        True,
        150,
        dt.date(2028, 6, 30),
    )
    assert way.text == (
        "reinstate X: log the continuing education owed (amount not verified) by 2028-06-30 ($150)"
    )
    open_ended = back(catalog, "2024-06-30", reinstatement={**REINSTATED, "window_months": None})
    assert (open_ended.verified, open_ended.until) == (False, None)
    assert open_ended.text == (
        "reinstate X: log the continuing education owed (amount not verified) ($150); its "
        "window is not verified: ask ORG"
    )


def test_past_every_window_it_is_the_exam_again_at_its_price(catalog: Catalog) -> None:
    past = back(catalog, "2024-06-30", reinstatement=REINSTATED)
    assert (past.kind, past.text, past.usd, past.verified, past.until) == (
        "exam again",
        "past its windows: pass the X exam again ($300)",
        300,
        True,
        None,
    )
    late_only = back(catalog, "2024-06-30", grace_months=3)
    assert late_only.text == (
        "past its late window, and no reinstatement is verified: pass the X exam again ($300); "
        "ask ORG"
    )
    assert not late_only.verified
    for nothing in (back(catalog, "2024-06-30"), back(catalog, "2024-06-30", period_years=3)):
        assert nothing.text == (
            "no late window or reinstatement is verified: pass the X exam again ($300); ask ORG"
        )


def test_the_exam_again_says_what_must_be_met_again(catalog: Catalog) -> None:
    route = {"text": "a bachelor's degree", "degree": "bachelor"}
    entry = made(None, rule(), prerequisites={"source": "s", "routes": [route]})
    found = kept(catalog, held("X", "2024-06-30"), entries=(entry,))
    way = found.renewals[0].way_back
    assert way is not None and way.prerequisites == ("earn a bachelor's degree",)
    assert way.text == (
        "no late window or reinstatement is verified: pass the X exam again (price not "
        "verified); first meet again: earn a bachelor's degree; ask ORG"
    )
    assert way.usd is None
    assert found.assumptions == (
        "no memberships given (--member ORG): non-member fees",
        "no degree given (--degree, --field): the prerequisites of an exam to sit again are "
        "judged without one",
    )
    from certadvise.levels import DegreeLevel

    graduate = kept(catalog, held("X", "2024-06-30"), entries=(entry,), degree=DegreeLevel.BACHELOR)
    assert graduate.renewals[0].way_back.prerequisites == ()  # type: ignore[union-attr]
    assert graduate.assumptions == ("no memberships given (--member ORG): non-member fees",)
    # a degree a credential held implies is said by every command, not judged without
    hours = {**route, "hours": {"internship": 100}}
    entry = made(None, rule(), prerequisites={"source": "s", "routes": [hours]})
    implied = ImpliedDegree(DegreeLevel.BACHELOR, "X")
    holder = kept(catalog, held("X", "2024-06-30"), entries=(entry,), implied_degree=implied)
    assert holder.renewals[0].way_back.prerequisites == (  # type: ignore[union-attr]
        "100 more hours of supervised strength-and-conditioning internship or practicum",
    )
    assert holder.assumptions == ("no memberships given (--member ORG): non-member fees",)


def test_ce_that_counts_twice_is_said_on_both_with_its_source(catalog: Catalog) -> None:
    accepts = {"source": "s", "organizations": ["NSCA"], "text": "NSCA CEUs count"}
    entry = made(None, rule(accepts_ce_from=[accepts]))
    found = kept(catalog, held("X", "2027-06-30"), held("CSCS", "2027-12-31"), entries=(entry,))
    notes = {r.id: r.notes for r in found.renewals}
    assert notes["X"] == ("CE from NSCA counts here too: NSCA CEUs count (u, 2025)",)
    assert "its CE counts toward X too, as ORG says (u, 2025)" in notes["CSCS"]
    alone = kept(catalog, held("X", "2027-06-30"), held("ACE-CPT", "2027-12-31"), entries=(entry,))
    assert all(not r.notes or "counts" not in r.notes[0] for r in alone.renewals)
    unsourced = made(None, rule(accepts_ce_from=[{**accepts, "source": "gone"}]))
    found = kept(catalog, held("X", "2027-06-30"), held("CSCS", "2027-12-31"), entries=(unsourced,))
    assert {r.id: r.notes[0] for r in found.renewals}["X"] == (
        "CE from NSCA counts here too: NSCA CEUs count"
    )


def lines(found: Renewals) -> list[tuple[str, str, float | None, float | None, str | None]]:
    return [(x.label, x.kind, x.per_year, x.over_years, x.note) for x in found.holding.lines]


def test_holding_counts_each_fee_on_the_deadlines_in_the_years(catalog: Catalog) -> None:
    every_two = made(None, rule(**CE))
    yearly = made(
        None, {"source": "s", "period_years": 3, "fee_non_member": 30, "fee_every": "year"}, id="Y"
    )
    unruled = made(None, None, id="Z")
    late = made(None, rule(grace_months=12, late_fee=25, **CE), id="O")
    found = kept(
        catalog,
        held("X", "2027-06-30"),
        held("Y", "2027-03-31"),
        held("Z", "2027-01-31"),
        held("O", "2026-06-30"),
        held("CPR-AED", "2027-02-28"),
        held("L", "2020-01-31"),
        entries=(every_two, yearly, unruled, late, made(None, rule(), id="L")),
    )
    assert lines(found) == [
        ("O renewal fee x2", "recertification", 40, 185, "with the late fee"),
        ("Z renewal", "recertification", None, None, "renewal rule not verified"),
        ("CPR-AED course x2", "card", None, None, "course price not verified"),
        ("Y yearly fee x3", "recertification", 30, 90, None),
        ("X renewal fee x2", "recertification", 40, 160, None),
        (
            "continuing education courses (O, X)",
            "recertification",
            None,
            None,
            "prices not verified",
        ),
    ]
    holding = found.holding
    assert (holding.years, holding.per_year, holding.over, holding.complete) == (3, 110, 435, False)
    assert holding.text() == "at least $435"
    assert (holding.ce_hours_per_year, holding.ce_hours_over) == (None, None)
    assert holding.notes == (
        "Y: CE hours not verified",
        "ORG membership saves $30 a year in renewal fees; its dues are not verified, so "
        "whether it pays is not known",
        "CE course prices are not in the catalog: not counted (not $0)",
    )


def test_holding_adds_up_the_ce_hours_a_year_and_over_the_years(catalog: Catalog) -> None:
    found = kept(
        catalog, held("X", "2027-06-30"), entries=(made(None, rule(**CE)),), member=("ORG",)
    )
    assert lines(found) == [
        ("X renewal fee x2", "recertification", 25, 100, None),
        ("ORG dues x3", "dues", None, None, "dues not verified"),
        ("continuing education courses (X)", "recertification", None, None, "prices not verified"),
    ]
    assert (found.holding.ce_hours_per_year, found.holding.ce_hours_over) == (10, 40)
    nsca = kept(catalog, held("CSCS", "2027-12-31"), held("NSCA-CPT", "2027-06-30"), years=4)
    assert (nsca.holding.ce_hours_per_year, nsca.holding.ce_hours_over) == (40, 180)
    assert [x[0] for x in lines(nsca)][:2] == ["NSCA-CPT renewal fee x2", "CSCS renewal fee x1"]


def test_a_card_costs_its_course_each_time_it_runs_out(catalog: Catalog) -> None:
    card = made(EXAM, rule(), id="C", counts_as=["CPR-AED"])
    found = kept(catalog, held("C", "2027-06-30"), entries=(card,), years=5)
    assert lines(found) == [("C course x3", "card", 150, 900, None)]
    assert found.holding.text() == "$900" and found.holding.complete
    assert (found.holding.ce_hours_per_year, found.holding.notes) == (0, ())


def test_nothing_held_costs_nothing_and_nothing_known_is_not_verified(catalog: Catalog) -> None:
    empty = kept(catalog, held("X", "2020-06-30"), entries=(made(None, rule()),)).holding
    assert (empty.lines, empty.text(), empty.per_year, empty.over) == ((), "$0", 0, 0)
    unknown = kept(catalog, held("X", "2027-06-30"), entries=(made(None, None),)).holding
    assert unknown.text() == "not verified" and not unknown.complete
    undated = kept(catalog, held("X"), entries=(made(None, rule()),)).holding
    assert [(line.label, line.over_years) for line in undated.lines] == [
        ("X renewals (give its date)", None)  # held: not counted without its date, and said
    ]
    assert undated.text() == "not verified" and not undated.complete


def test_whether_membership_pays_for_itself_in_renewal_fees(catalog: Catalog) -> None:
    cheap = made(None, rule(fee_member=0, fee_non_member=300), organization="CSCCa")
    pays = kept(catalog, held("X", "2027-06-30"), entries=(cheap,))
    assert pays.holding.notes[-1] == (
        "CSCCa membership ($110 a year) is cheaper than the $150 a year it saves in renewal fees"
    )
    dear = made(None, rule(), organization="CSCCa")
    member = kept(catalog, held("X", "2027-06-30"), entries=(dear,), member=("CSCCa",))
    assert lines(member) == [
        ("X renewal fee x2", "recertification", 25, 100, None),
        ("CSCCa dues x3", "dues", 110, 330, None),
    ]
    assert member.holding.notes[-1] == (
        "CSCCa membership ($110 a year) costs more than the $15 a year it saves in renewal fees"
    )
    assert member.assumptions == ()
    canadian = made(None, rule(), organization="CSEP")
    csep = kept(catalog, held("X", "2027-06-30"), entries=(canadian,), member=("CSEP",))
    dues = csep.holding.lines[1]
    assert (dues.label, dues.per_year, dues.over_years, dues.currency) == (
        "CSEP dues x3",
        260,
        780,
        "CAD",
    )
    assert (dues.per_year_usd, dues.over_usd) == (185.17, 555.52)  # at the catalog's rate
    assert csep.holding.text() == "≈ $656"  # dollars and Canadian dollars: through a rate
    same = made(None, rule(fee_member=80), organization="CSCCa")
    same_fee = kept(catalog, held("X", "2027-06-30"), entries=(same,)).holding
    assert same_fee.notes == ("X: CE hours not verified",)  # no saving to speak of


def test_a_holding_with_a_part_unknown_is_at_least_the_known_part() -> None:
    known = CostLine("a", "recertification", 10, 30)
    holding = Holding(3, (known, CostLine("b", "dues", None, None)), None, None, ())
    assert (holding.complete, holding.per_year, holding.over) == (False, 10, 30)
    assert holding.text() == "at least $30"
    assert Holding(3, (known,), 1, 3, ()).text(per_year=True) == "$10"


def test_ce_in_units_without_a_named_unit_and_dates_given_not_worked_out(
    catalog: Catalog,
) -> None:
    unnamed = made(None, rule(ceus=2.5))
    row = one(catalog, unnamed, "2027-06-30")
    assert row.ce is not None and row.ce.text == "2.5 units"
    both = Held("X", dt.date(2027, 6, 30), dt.date(2025, 6, 30))  # from the card, not computed
    assert kept(catalog, both, entries=(unnamed,)).renewals[0].notes == ()
    prorated = made(None, {"source": "s", "first_cycle_prorated": True, "fee_non_member": 80})
    earned_only = Held("X", None, dt.date(2025, 6, 30))
    assert kept(catalog, earned_only, entries=(prorated,)).renewals[0].state is State.UNDATED
    no_period = Held("X", dt.date(2027, 6, 30), dt.date(2025, 6, 30))
    assert kept(catalog, no_period, entries=(prorated,)).renewals[0].notes == ()


def test_a_cpr_card_good_through_today_is_still_good(catalog: Catalog) -> None:
    entry = made(None, rule(requires_cpr=True))
    found = kept(catalog, held("X", "2027-06-30"), held("CPR-AED", "2026-11-26"), entries=(entry,))
    assert next(r for r in found.renewals if r.id == "X").notes == (
        "needs a current CPR/AED card: your CPR-AED card expires 2026-11-26, before this "
        "deadline: renew the card first",
    )


def test_holding_counts_a_late_fee_only_when_overdue_and_rounds_to_cents(
    catalog: Catalog,
) -> None:
    with_late_fee = made(
        None, rule(period_years=3, grace_months=6, late_fee=25, ceus=2, ce_unit="CEU")
    )
    active = kept(catalog, held("X", "2027-06-30"), entries=(with_late_fee,))
    assert lines(active)[0] == ("X renewal fee x1", "recertification", 26.67, 80, None)
    assert (active.holding.ce_hours_per_year, active.holding.ce_hours_over) == (6.7, 20)
    no_late_fee = made(None, rule(grace_months=12))
    overdue = kept(catalog, held("X", "2026-06-30"), entries=(no_late_fee,))
    assert overdue.renewals[0].state is State.OVERDUE
    assert lines(overdue)[0] == ("X renewal fee x2", "recertification", 40, 160, None)
    unpriced = made(None, {"source": "s", "period_years": 2})
    assert lines(kept(catalog, held("X", "2027-06-30"), entries=(unpriced,)))[0] == (
        "X renewal fee x2",
        "recertification",
        None,
        None,
        "fee not verified",
    )


def test_a_deadline_on_the_last_day_of_the_years_is_not_in_them(catalog: Catalog) -> None:
    rolling = made(None, rule(cycle="rolling"))
    found = kept(catalog, held("X", "2027-11-26"), entries=(rolling,), years=3)
    assert lines(found)[0][0] == "X renewal fee x1"  # the next is 2029-11-26, three years on
    day_before = kept(catalog, held("X", "2027-11-25"), entries=(rolling,), years=3)
    assert lines(day_before)[0][0] == "X renewal fee x2"


def test_membership_savings_per_organization_in_cents_and_when_even(catalog: Catalog) -> None:
    nsca = kept(catalog, held("CSCS", "2027-12-31"), held("NSCA-CPT", "2027-12-31"))
    unpaid = "a year in renewal fees; its dues are not verified, so whether it pays is not known"
    assert nsca.holding.notes[0] == f"NSCA membership saves $16.67 {unpaid}"
    free = made(None, rule(period_years=None))  # a period nobody verified: counted yearly
    both = kept(catalog, held("X", "2027-06-30"), held("CSCS", "2027-12-31"), entries=(free,))
    assert both.holding.notes[-3:-1] == (
        f"ORG membership saves $30 {unpaid}",
        f"NSCA membership saves $8.33 {unpaid}",
    )
    even = made(None, rule(fee_member=0, fee_non_member=220), organization="CSCCa")
    no_saving = made(None, rule(fee_member=None), id="A")  # first, and saves nothing
    found = kept(
        catalog, held("A", "2027-06-30"), held("X", "2027-06-30"), entries=(even, no_saving)
    )
    assert [r.id for r in found.renewals] == ["A", "X"]
    assert found.holding.notes[-1] == (
        "CSCCa membership ($110 a year) costs more than the $110 a year it saves in renewal fees"
    )


def test_ce_hours_over_the_years_are_said_to_a_tenth(catalog: Catalog) -> None:
    quarter = made(None, rule(period_years=3, ceus=2.125, ce_unit="CEU"))
    found = kept(catalog, held("X", "2027-06-30"), entries=(quarter,)).holding
    assert (found.ce_hours_per_year, found.ce_hours_over) == (7.1, 21.2)


def test_the_exam_again_lists_everything_to_meet_again(catalog: Catalog) -> None:
    route = {"text": "a bachelor's degree", "degree": "bachelor"}
    needs = {"source": "s", "routes": [route], "cpr_aed": "required"}
    entry = made(None, rule(), prerequisites=needs)
    way = kept(catalog, held("X", "2024-06-30"), entries=(entry,)).renewals[0].way_back
    assert way is not None and way.text == (
        "no late window or reinstatement is verified: pass the X exam again (price not "
        "verified); first meet again: earn a bachelor's degree; take a CPR/AED course with a "
        "hands-on skills check; ask ORG"
    )


def test_ce_one_organization_counts_once_is_logged_once_for_the_same_deadline(
    catalog: Catalog,
) -> None:
    both = kept(catalog, held("CSCS", "2026-12-31"), held("TSAC-F", "2026-12-31"))
    steps = {r.id: r.next_step for r in both.renewals}
    assert steps == {
        "CSCS": "log 6 CEUs (60 h) for CSCS and TSAC-F and pay $90 by 2026-12-31",
        "TSAC-F": "pay $90 by 2026-12-31 (its CE: the 6 CEUs (60 h) logged for CSCS)",
    }
    assert [r.ce_shared_with for r in both.renewals] == [("CSCS", "TSAC-F")] * 2
    assert both.renewals[0].notes[-1].startswith("one set of CE for CSCS and TSAC-F: one set")
    assert not any("one set of CE" in n for n in both.renewals[1].notes)  # said once
    assert (both.holding.ce_hours_per_year, both.holding.ce_hours_over) == (20, 60)
    assert [x[0] for x in lines(both)][:2] == ["CSCS renewal fee x1", "TSAC-F renewal fee x1"]
    apart = kept(catalog, held("CSCS", "2026-12-31"), held("TSAC-F", "2029-12-31"), years=4)
    assert all(r.ce_shared_with == () for r in apart.renewals)  # another cycle's CE
    lapsed = kept(catalog, held("CSCS", "2026-12-31"), held("TSAC-F", "2025-10-31"))
    assert all(r.ce_shared_with == () for r in lapsed.renewals)
    fixed = rule(**CE, cycle="fixed", cycle_ends="12-31", cycle_anchor=2026)
    own = made(None, fixed, organization="NSCA")
    other = kept(catalog, held("CSCS", "2026-12-31"), held("X", "2026-12-31"), entries=(own,))
    assert all(r.ce_shared_with == () for r in other.renewals)  # X's rule shares no CE


def test_a_yearly_fee_on_a_rolling_ce_cycle_needs_the_day_earned_for_the_ce(
    catalog: Catalog,
) -> None:
    # CDR: $80 a year; 75 CPEUs every five years from the day registered (cdr-recert)
    (alone,) = kept(catalog, held("RDN", "2027-06-30")).renewals
    assert alone.ce_due is None
    assert alone.next_step.endswith(
        "within its 5-year cycle (its end is not known: give the day earned)"
    )
    found = kept(catalog, held("RDN", "2027-06-30")).holding
    assert (found.ce_hours_per_year, found.ce_hours_over) == (15, None)  # never 0 hours
    assert "RDN: the end of its CE cycle is not known" in found.notes
    earned = held("RDN", "2027-06-30", earned=dt.date(2023, 6, 1))
    (dated,) = kept(catalog, earned).renewals
    assert dated.ce_due == dt.date(2028, 6, 1)
    assert dated.next_step == "pay $80 a year by 2027-06-30; log 75 hours by 2028-06-01"
