"""The ranking on its own: sections, order, points and the reasons a person reads
(built-in catalog, an injected day; no CLI)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from certadvise.advice.costs import cost_of_ownership
from certadvise.advice.judgement import Judgement
from certadvise.advice.profile import RawProfile, normalise
from certadvise.advice.ranking import MAX_POINTS, Evaluation, Recommendations, Section, advise
from certadvise.catalog.index import Catalog
from certadvise.catalog.validation import validate

TODAY = dt.date(2026, 11, 26)


def judged(catalog: Catalog, **raw: Any) -> Judgement:
    profile = normalise(validate(RawProfile, raw), catalog, TODAY)[0]
    return Judgement(catalog, profile, TODAY)


def recommend(catalog: Catalog, **raw: Any) -> Recommendations:
    return advise(judged(catalog, **raw), [])


def points(result: Recommendations, cert_id: str) -> dict[str, float]:
    found = result.find(cert_id)
    assert found is not None
    return {c.name: c.points for c in found.components}


def test_another_markets_credential_loses_20_points(catalog: Catalog) -> None:
    result = recommend(catalog, country="GB", goals=("personal-training",))
    assert result.ranked[0].entry.id == "UK-L3-PT"  # the home market's first
    assert points(result, "UK-L3-PT")["market"] == 10
    nasm = points(result, "NASM-CPT")
    assert nasm["market"] == -20
    ev = result.find("NASM-CPT")
    assert ev is not None
    assert ev.points == 59  # its cost points against the dearest, the £2,225 diploma
    assert ev.score == round(59 / MAX_POINTS, 2)
    assert any(
        c.reason == "a US credential: not the usual standard in GB, where UK-L3-PT is"
        for c in ev.components
    )


def test_two_local_alternatives_are_named(catalog: Catalog) -> None:
    person = judged(catalog, goals=("personal-training",))
    fit = person.market_fit(catalog.entries["UK-L3-PT"])
    assert fit.standing == "other"
    assert fit.reason == (
        "a GB credential: not the usual standard in US, where ACE-CPT or ACSM-CPT is"
    )
    assert person.local_alternatives(catalog.entries["UK-L3-PT"]) == ["ACE-CPT", "ACSM-CPT"]
    assert not fit.portable  # earned through UK training providers only


def test_the_local_alternatives_serve_what_the_person_wants_of_the_entry(
    catalog: Catalog,
) -> None:
    """A Canadian who wants clinical work and clients: a US CPT is set beside Canada's CPTs,
    not beside CSEP-CEP, which serves their other goal."""
    person = judged(catalog, goals=("clinical", "personal-training"), country="CA")
    assert person.local_alternatives(catalog.entries["NASM-CPT"]) == ["CANFITPRO-PTS", "CSEP-CPT"]


def test_an_acronym_read_with_a_vowel_sound_takes_an(catalog: Catalog) -> None:
    """'an AU credential' (ay-you), as 'a US credential' (you-ess): the article follows the
    sound of the first letter's name, not the letter."""
    fit = judged(catalog, goals=("personal-training",)).market_fit(
        catalog.entries["CERT-III-FITNESS"]
    )
    assert fit.reason.startswith("an AU credential: not the usual standard in US")


def test_the_article_is_chosen_by_sound() -> None:
    from certadvise.english import with_article

    said = [
        with_article(p) for p in ("AU one", "US one", "NZ one", "GB, IE one", "exam", "BLS card")
    ]
    assert said == ["an AU one", "a US one", "an NZ one", "a GB, IE one", "an exam", "a BLS card"]


def test_home_recognized_unstated_other_rank_in_that_order(catalog: Catalog) -> None:
    person = judged(catalog, country="GB")
    home = person.market_fit(catalog.entries["UK-L3-PT"])
    other = person.market_fit(catalog.entries["NASM-CPT"])
    assert (home.standing, home.rank, home.points) == ("home", 0, 10)
    assert (other.standing, other.rank, other.points) == ("other", 3, -20)
    assert other.portable


def test_the_sections_of_a_16_year_old_athlete_coach(catalog: Catalog) -> None:
    result = recommend(catalog, goals=("athletes",), age=16)
    assert result.find("NASM-PES") in result.later
    assert result.find("CSCS") in result.later
    ev = result.find("NCCPT-CSTS")
    assert ev is not None and ev.section is Section.RECOMMENDED
    later = [ev.entry.id for ev in result.later]
    assert later.index("NASM-PES") < later.index("CSCS")  # two years before six


def test_later_is_ordered_by_nearness(catalog: Catalog) -> None:
    result = recommend(catalog, goals=("athletes",), age=16)
    months = [round(ev.plan.months) for ev in result.later if ev.plan and not ev.plan.time_unknown]
    assert months == sorted(months)


def test_with_a_budget_the_cost_share_gives_points(catalog: Catalog) -> None:
    result = recommend(catalog, goals=("personal-training",), budget=1000, age=30)
    acsm = result.find("ACSM-CPT")
    assert acsm is not None and acsm.section is Section.RECOMMENDED
    cost = next(c for c in acsm.components if c.name == "cost")
    assert cost.reason == "costs $349, 35% of your $1,000 budget"
    assert cost.points == 6.5


def test_over_budget_is_excluded_and_a_near_miss(catalog: Catalog) -> None:
    result = recommend(catalog, goals=("personal-training",), budget=300, age=30)
    ids = [ev.entry.id for ev in result.near_misses]
    assert "ACSM-CPT" in ids
    acsm = result.find("ACSM-CPT")
    assert acsm is not None and acsm.section is Section.EXCLUDED
    assert acsm.over_by_usd == 49
    assert len(ids) <= 3


def test_a_cscs_holder_has_nasm_pes_covered(catalog: Catalog) -> None:
    result = recommend(catalog, goals=("athletes",), have=("CSCS",))
    ev = result.find("NASM-PES")
    assert ev is not None and ev.section is Section.EXCLUDED
    assert ev.failures[0].startswith("covered by CSCS, which you hold: ")


def test_dues_are_counted_for_every_year_after_the_first(catalog: Catalog) -> None:
    """A CSCCa member holding the SCCC three years: the way in includes no dues, then two
    more years of $110."""
    entry = catalog.entries["CSCCA-SCCC"]
    held = cost_of_ownership(entry, catalog.organizations["CSCCa"], ("CSCCa",), 3)
    dues = [p for p in held.parts if p.kind == "dues"]
    assert [(p.label, p.amount) for p in dues] == [("CSCCa dues, 2 more year(s)", 220)]
    assert held.text == "at least $580"
    one = cost_of_ownership(entry, catalog.organizations["CSCCa"], ("CSCCa",), 1)
    assert not [p for p in one.parts if p.kind == "dues"]


def test_with_no_goal_and_nothing_held_the_foundational_come_first(catalog: Catalog) -> None:
    result = recommend(catalog)
    first = result.ranked[0]
    assert first.entry.id == "ACSM-CPT"
    assert [(c.name, c.points, c.reason) for c in first.components] == [
        ("entry-point", 15, "a foundational certification: where most fitness careers start"),
        ("market", 10, "recognized in US, its home market"),
        ("accreditation", 5, "NCCA-accredited"),
        ("pass-rate", 2, "publishes a pass rate: 55% (2014)"),
        ("cost", 6.1, "costs $349, 39% of the dearest option"),
    ]
    assert first.points == 38.1
    assert [ev.entry.id for ev in result.ranked[1:3]] == ["NSCA-CPT", "ACE-CPT"]
    assert result.messages == ()


def test_a_cpt_holder_is_offered_what_builds_on_it(catalog: Catalog) -> None:
    result = recommend(catalog, have=("ACE-CPT",), goals=("athletes",))
    first = result.ranked[0]
    assert first.entry.id == "NASM-PES"
    named = {c.name: (c.points, c.reason) for c in first.components}
    assert named["goal-fit"] == (40, "matches goal athletes")
    assert named["main-purpose"] == (10, "athletes is its main purpose")
    assert named["advice"][0] == 15
    assert named["recommended"][0] == 5
    assert named["recommended"][1].startswith("you have what NASM advises first: ")
    assert named["stacks"] == (10, "builds on ACE-CPT, which you hold")
    assert first.points == 90
    assert first.score == round(90 / MAX_POINTS, 2)
    assert "entry-point" not in named  # a goal was given


def test_unknowns_cost_points(catalog: Catalog) -> None:
    result = recommend(catalog, have=("ACE-CPT",), goals=("athletes",))
    usaw = points(result, "USAW-L1")
    assert usaw["price-unverified"] == -10
    assert usaw["prerequisites-unverified"] == -5
    assert usaw["low-confidence"] == -3
    ev = result.find("USAW-L1")
    assert ev is not None and ev.points == 57


def test_a_share_of_the_goals_gives_a_share_of_the_goal_points(catalog: Catalog) -> None:
    result = recommend(catalog, goals=("athletes", "personal-training"), age=30)
    fits = {ev.entry.id: points(result, ev.entry.id).get("goal-fit") for ev in result.ranked}
    assert set(fits.values()) <= {20, 40}
    assert 20 in fits.values()


def test_nothing_in_reach_names_the_closest(catalog: Catalog) -> None:
    result = recommend(catalog, age=15, goals=("athletes",))
    assert result.ranked == ()
    assert result.messages == (
        "nothing is in reach now for this profile",
        "closest: ISSA-SCC, after: turn 18 (about 3 years; cost in all: not verified)",
    )


def test_a_budget_nothing_fits_names_the_nearest(catalog: Catalog) -> None:
    result = recommend(catalog, budget=50, goals=("personal-training",))
    assert [ev.entry.id for ev in result.near_misses] == ["ACSM-CPT", "NCSF-CPT", "NSCA-CPT"]
    assert result.messages[-2:] == (
        "no certification with a verified price fits your budget of $50",
        "the nearest is ACSM-CPT at $349 ($299 over budget)",
    )
    assert all(ev.quote.usd is None for ev in result.ranked)  # only unpriced ones remain


def test_a_market_the_catalog_does_not_know_is_said(catalog: Catalog) -> None:
    result = recommend(catalog, country="JP")
    assert result.messages == (
        "the catalog knows no certification recognized in JP: these are other markets' "
        "credentials; check what employers there ask for",
    )
    assert recommend(catalog, country="GB").messages == ()


def test_a_budget_in_pounds_is_read_in_pounds(catalog: Catalog) -> None:
    person = judged(catalog, country="GB", budget="£400")
    assert person.currency == "GBP"
    assert person.in_own_currency(475) == "≈ £353"
    assert person.in_own_currency(None) == "not verified"
    quote = person.quote(catalog.entries["CSCS"])
    assert person.approximately(quote) == "≈ £353 at the 2025-10 rate"
    assert judged(catalog).in_own_currency(475) == "$475"
    assert judged(catalog).approximately(quote) is None  # dollars for a dollar reader


def test_what_a_held_credential_covers_is_not_offered(catalog: Catalog) -> None:
    person = judged(catalog, have=("ACSM-RCEP",))
    for covered in ("ACSM-CEP", "ACSM-EP"):
        found = person.covered_by(catalog.entries[covered])
        assert found is not None and found.held == "ACSM-RCEP"
        assert found.why.startswith("The RCEP was ACSM's highest clinical credential")
    assert person.covered_by(catalog.entries["ACSM-CPT"]) is None
    assert judged(catalog).covered_by(catalog.entries["ACSM-EP"]) is None


def test_coverage_of_a_class_covers_its_members(catalog: Catalog) -> None:
    """A hand-made catalog: a CSCS that covers every personal-trainer certification."""
    from dataclasses import replace

    cscs = catalog.entries["CSCS"]
    covers = (replace(cscs.covers[0], ids=("class:cpt",), why="it covers CPTs"),)
    entries = {**catalog.entries, "CSCS": replace(cscs, covers=covers)}
    made = replace(catalog, entries=entries)
    profile = normalise(validate(RawProfile, {"have": ("CSCS",)}), made, TODAY)[0]
    person = Judgement(made, profile, TODAY)
    found = person.covered_by(made.entries["ACE-CPT"])
    assert found is not None and (found.held, found.why) == ("CSCS", "it covers CPTs")
    assert person.covered_by(made.entries["NASM-PES"]) is None  # no longer listed
    assert person.covered_by(made.entries["CSCS"]) is None  # what is held is held


def test_a_lapsed_credential_comes_back_first(catalog: Catalog) -> None:
    late = recommend(catalog, credentials=({"id": "ACE-CPT", "expires": "2026-09"},))
    assert late.ranked[0].entry.id == "ACE-CPT"
    lapsed = next(c for c in late.ranked[0].components if c.name == "lapsed")
    assert (lapsed.points, lapsed.reason) == (
        30,
        "you held it until it lapsed: renew it late rather than start a new one",
    )
    back = recommend(catalog, credentials=({"id": "NASM-CPT", "expires": "2026-05"},))
    assert back.ranked[0].entry.id == "NASM-CPT"
    assert points(back, "NASM-CPT")["lapsed"] == 30
    ev = back.find("NASM-CPT")
    assert ev is not None and ev.quote.usd == 149  # the way back now: the fee and the late fee
    assert any(c.reason.endswith("reinstate it rather than start a new one") for c in ev.components)
    gone = recommend(catalog, credentials=({"id": "NASM-CPT", "expires": "2025-05"},))
    assert "lapsed" not in points(gone, "NASM-CPT")  # past every window: nothing to come back to


def test_a_cpr_card_is_not_a_certification_held(catalog: Catalog) -> None:
    result = recommend(catalog, have=("CPR-AED",))
    assert points(result, "ACSM-CPT")["entry-point"] == 15


def test_two_goals_served_are_both_named(catalog: Catalog) -> None:
    result = recommend(catalog, goals=("athletes", "personal-training"), age=30)
    reasons = [c.reason for ev in result.ranked for c in ev.components if c.name == "goal-fit"]
    assert "matches goal athletes, personal-training" in reasons
    main = {ev.entry.id: points(result, ev.entry.id).get("main-purpose") for ev in result.ranked}
    assert main["ACSM-CPT"] == 10  # personal training is its first goal


def test_local_alternatives_serve_the_persons_goals_else_the_entrys(catalog: Catalog) -> None:
    entry = catalog.entries["UK-L3-PT"]
    assert judged(catalog).local_alternatives(entry) == ["ACE-CPT", "ACSM-CPT"]
    athletes = judged(catalog, goals=("athletes",)).local_alternatives(entry)
    assert athletes and not {"ACE-CPT", "ACSM-CPT"} & set(athletes)


def test_without_a_rate_an_amount_stays_in_dollars(catalog: Catalog) -> None:
    from dataclasses import replace

    made = replace(catalog, rates=None)
    profile = normalise(validate(RawProfile, {"country": "GB"}), made, TODAY)[0]
    person = Judgement(made, profile, TODAY)
    assert person.in_own_currency(475) == "$475"


def test_an_unknown_price_is_not_converted(catalog: Catalog) -> None:
    person = judged(catalog, country="GB")
    quote = person.quote(catalog.entries["NCCPT-CPT"])
    assert quote.amount is None
    assert person.approximately(quote) is None


def test_unknowns_say_why_they_cost_points(catalog: Catalog) -> None:
    result = recommend(catalog, have=("ACE-CPT",), goals=("athletes",))
    usaw = result.find("USAW-L1")
    assert usaw is not None
    reasons = {c.name: c.reason for c in usaw.components}
    assert reasons["price-unverified"] == "price not verified"
    assert reasons["prerequisites-unverified"] == "its prerequisites are not verified"
    assert reasons["low-confidence"] == "the catalog's facts about it are weak (low confidence)"


def test_a_price_from_long_ago_does_not_count_as_cheap(catalog: Catalog) -> None:
    gei = recommend(catalog).find("ACSM-GEI")
    assert gei is not None
    cost = next(c for c in gei.components if c.name == "cost")
    assert (cost.points, cost.reason) == (0, "costs $279 as of 2013: too old to count as cheap")


def test_nothing_in_reach_comes_first_and_the_closest_says_every_long_step(
    catalog: Catalog,
) -> None:
    abroad = recommend(catalog, age=15, goals=("athletes",), country="JP")
    assert abroad.messages[0] == "nothing is in reach now for this profile"
    assert abroad.messages[1].startswith("the catalog knows no certification recognized in JP")
    coach = recommend(catalog, age=15, goals=("collegiate-athletes",))
    assert coach.messages == (
        "nothing is in reach now for this profile",
        "closest: NCSF-CSC, after: turn 18; earn a high-school diploma; earn NCSF-CPT "
        "(about 3 years + study, time not verified; cost in all: at least $349)",
    )


def test_old_exchange_rates_are_said_only_when_they_are_old(catalog: Catalog) -> None:
    stale = "exchange rates from 2025-10 are more than 6 months old: conversions drift"
    old = recommend(catalog, country="GB", budget="£2000")
    assert stale in old.assumptions_for(old.ranked)
    profile = normalise(validate(RawProfile, {"country": "GB", "budget": "£2000"}), catalog, TODAY)
    fresh = advise(Judgement(catalog, profile[0], dt.date(2025, 11, 1)), [])
    assert stale not in fresh.assumptions_for(fresh.ranked)


def test_the_main_purpose_counts_only_when_it_is_the_persons_goal(catalog: Catalog) -> None:
    cscs = recommend(catalog, goals=("athletes",), degree="bachelor").find("CSCS")
    assert cscs is not None
    reasons = {c.name: c.reason for c in cscs.components}
    assert "main-purpose" not in reasons  # its main purpose is collegiate athletes
    assert reasons["advice"].startswith("often preferred for top-tier strength and conditioning")


def test_without_a_goal_only_a_foundational_certification_is_an_entry_point(
    catalog: Catalog,
) -> None:
    result = recommend(catalog)
    for cert_id, entry_point in (("ACSM-CPT", True), ("TSAC-F", False), ("ACE-GFI", False)):
        assert ("entry-point" in points(result, cert_id)) is entry_point, cert_id


def test_what_it_builds_on_names_every_credential_held(catalog: Catalog) -> None:
    result = recommend(catalog, goals=("athletes",), have=("ACE-CPT", "NASM-CPT"))
    pes = result.find("NASM-PES")
    assert pes is not None
    assert next(c.reason for c in pes.components if c.name == "stacks") == (
        "builds on ACE-CPT, NASM-CPT, which you hold"
    )


def test_only_a_failed_budget_says_how_far_over(catalog: Catalog) -> None:
    result = recommend(catalog, goals=("athletes",), have=("ACE-CPT",), budget=1000)
    assert all(ev.over_by_usd is None for ev in result.ranked)
    held = next(ev for ev in result.excluded if ev.entry.id == "ACE-CPT")  # already held
    assert held.over_by_usd is None
    assert "ACSM-RCEP" in [ev.entry.id for ev in result.excluded]  # retired: never read


def test_the_certification_explained_is_judged_by_every_rule(catalog: Catalog) -> None:
    person = judged(catalog, goals=("nutrition",), degree="bachelor")
    plain = next(ev for ev in advise(person, []).excluded if ev.entry.id == "CSCS")
    assert [v.rule for v in plain.verdicts] == ["goal"] and not plain.quote.verified
    explained = advise(person, [], explain="CSCS").find("CSCS")
    assert explained is not None
    rules = [v.rule for v in explained.verdicts]
    assert "goal" in rules and "prerequisites" in rules and "budget" in rules


def test_a_certification_not_in_the_result_is_not_found(catalog: Catalog) -> None:
    result = recommend(catalog, goals=("athletes",))
    assert result.find("NO-SUCH-CERT") is None


def test_what_holding_costs_is_worked_out_only_for_what_was_read(catalog: Catalog) -> None:
    result = recommend(catalog, goals=("athletes",), degree="bachelor")
    cscs = result.find("CSCS")
    assert cscs is not None
    held = result.ownership(cscs)
    assert held is not None and held.years == 3 and held.parts[0].label == "exam (non-member)"
    retired = next(ev for ev in result.excluded if ev.entry.id == "ACSM-RCEP")
    assert result.ownership(retired) is None  # excluded by what it is: never read


STALE = "exchange rates from 2025-10 are more than 6 months old: conversions drift"


def test_old_rates_are_said_only_for_a_converted_price_the_person_reads(
    catalog: Catalog,
) -> None:
    """The rates (2025-10) are old on the day; a US person reading dollar prices is not
    told so; shown a price in pounds (UK-L3-PT, £2,225), they are."""
    result = recommend(catalog, goals=("personal-training",), degree="high-school")
    assert STALE not in result.assumptions_for(result.ranked)
    person = result.judged
    uk = catalog.entries["UK-L3-PT"]
    pounds = Evaluation(uk, (), person.quote(uk), person.plan(uk))
    assert STALE in result.assumptions_for((*result.ranked[:1], pounds))
    assert STALE not in result.assumptions_for(result.ranked[:1])  # shown: the first only


def test_a_budget_in_another_currency_brings_the_old_rates_up(catalog: Catalog) -> None:
    result = recommend(catalog, goals=("personal-training",), budget="400 GBP")
    assert STALE in result.assumptions_for(())


def test_a_price_and_budget_in_the_readers_currency_are_said_as_stated(catalog: Catalog) -> None:
    gb = judged(catalog, country="GB", budget="£600")
    uksca, cscs = catalog.entries["UKSCA-ASCC"], catalog.entries["CSCS"]
    assert (gb.reads_price(gb.quote(uksca)), gb.reads_budget()) == ("£300", "£600")
    assert gb.reads_price(gb.quote(cscs)) == "≈ £353"  # dollars, converted
    us = judged(catalog, budget="600")
    assert (us.reads_price(us.quote(cscs)), us.reads_budget()) == ("$475", "$600")
    assert judged(catalog).reads_budget() == "not verified"  # no budget: nothing to say
    reasons = {
        ev.entry.id: [c.reason for c in ev.components if c.name == "cost"]
        for ev in recommend(catalog, country="GB", budget="£600", goals=["athletes"]).ranked
    }
    assert reasons["UKSCA-ASCC"] == ["costs £300, 50% of your £600 budget"]


def test_a_near_miss_in_the_readers_currency_is_over_by_the_difference(catalog: Catalog) -> None:
    aussie = recommend(catalog, country="AU", budget="A$100", goals=["group fitness"])
    near = {ev.entry.id: ev for ev in aussie.near_misses}
    cert3 = near["CERT-III-FITNESS"]
    assert (cert3.cost_now_in(aussie.judged), cert3.over_by_in(aussie.judged)) == (
        "A$3,675",
        "A$3,575",
    )
    gei = near["ACSM-GEI"]  # priced in dollars: converted, both
    assert gei.cost_now_in(aussie.judged).startswith("≈ A$")
    assert gei.over_by_in(aussie.judged).startswith("≈ A$")


def test_near_misses_name_the_persons_own_market_first(catalog: Catalog) -> None:
    """A British graduate with £500 who wants to be a personal trainer: the UK's Level 3
    diploma (£2,225 with the Level 2 a beginner needs) is the miss an adviser names first,
    before a US add-on £20 over."""
    british = recommend(
        catalog, country="GB", budget="£500", goals=["personal-training"], degree="bachelor"
    )
    near = [ev.entry.id for ev in british.near_misses]
    assert near[0] == "UK-L3-PT" and "NASM-PES" in near
    assert british.near_misses[0].over_by_in(british.judged) == "£1,725"
    american = recommend(catalog, budget="300", goals=["personal-training"])
    overs = [ev.over_by_usd or 0 for ev in american.near_misses]
    assert overs == sorted(overs)  # one market: the nearest first


def test_with_nothing_priced_in_budget_the_nearest_is_said_by_money(catalog: Catalog) -> None:
    british = recommend(
        catalog, country="GB", budget="£100", goals=["personal-training"], degree="bachelor"
    )
    assert british.near_misses[0].entry.id == "UK-L3-PT"  # named first, as the UK's own
    said = [m for m in british.messages if m.startswith("the nearest is")]
    assert said == ["the nearest is ACSM-CPT at ≈ £259 (≈ £159 over budget)"]  # but not nearest
