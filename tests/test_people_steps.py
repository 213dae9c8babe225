"""Paths and prices, person by person: every step a person is told to take appears once,
with the price they will pay where it is paid, read as its source states it.

Each row of `WALKS` is someone who might type `certadvise path TARGET`, with the steps an
adviser would list (by kind, in order), the words that must name one step only, and the
step that carries the entry's price. Each row of `READINGS` is someone who asks
`certadvise recommend ... --why ID`, with the price and the reason they must read. The
comment on each row says why, from the entry's sources.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

import pytest

from .conftest import Runner


@dataclass(frozen=True)
class Walk:
    who: str
    args: tuple[str, ...]
    kinds: tuple[str, ...]  # the kinds of the steps, in order
    once: tuple[str, ...] = ()  # words that must be in the text of exactly one step
    paid: tuple[str, float, str] | None = None  # (kind, amount, currency) of the priced step
    dated: str | None = None  # the year an old price says in the priced step's note

    def __str__(self) -> str:
        return self.who


WALKS = [
    # BASES accreditation is for members (bases-se): joining is one step. Supervised
    # Experience (500 hours with a registered supervisor, 2 to 6 years: spc-se) is its own
    # route's stage (tests/test_people_route_stages.py), so the nearer plan, the direct
    # route (a master's, then significant experience, of a time no source states), has none.
    Walk(
        "sport-science graduate aiming at BASES accreditation",
        ("BASES", "--country", "GB", "--degree", "bachelor", "--field", "sport-science"),
        kinds=("degree", "requirement", "membership", "application"),
        once=("member",),
    ),
    # CSEP asks for 100 documented hours before applying (csep-cep-req), and its yearly
    # certification fee (CA$295, 2024-25) is paid on registering after the exams
    # (csep-cep-2015, csep-renew-2024): the hours are one step, the fee is the registration.
    Walk(
        "kinesiology graduate aiming at the CSEP-CEP",
        ("CSEP-CEP", "--country", "CA", "--degree", "bachelor", "--field", "kinesiology"),
        kinds=("hours", "application", "exam", "membership"),
        once=("100",),
        paid=("membership", 295, "CAD"),
    ),
    # The CSCCa's 640-hour internship is one route's requirement; the other route (12 years
    # of coaching) waives it (cscca-nft): it is the hours step, and the $470 is the exam.
    Walk(
        "kinesiology graduate aiming at the CSCCa SCCC",
        ("CSCCA-SCCC", "--degree", "bachelor", "--field", "kinesiology", "--have", "CPR-AED"),
        kinds=("hours", "exam"),
        once=("640",),
        paid=("exam", 470, "USD"),
    ),
    # A beginner without a Level 2 takes the combined Level 2 + 3 diploma (ymca-l3,
    # cms-online): from about £2,225 in the provider's 2021 post (cms-loans-2021), not the
    # £1,500 of the Level-3-only course.
    Walk(
        "British beginner aiming at the Level 3 PT diploma",
        ("UK-L3-PT", "--country", "GB"),
        kinds=("course", "exam"),
        paid=("course", 2225, "GBP"),
        dated="price of 2021",
    ),
    # With the Level 2 gym-instructor certificate, the Level 3 course alone: about £1,500.
    Walk(
        "British gym instructor with Level 2 aiming at the Level 3 PT diploma",
        ("UK-L3-PT", "--country", "GB", "--have", "UK-L2-GYM"),
        kinds=("course", "exam"),
        paid=("course", 1500, "GBP"),
    ),
]


def walk(cli: Runner, w: Walk) -> dict[str, Any]:
    result = cli("path", *w.args, "-f", "json", "-q")
    assert result.code == 0, result.err
    return result.json()  # type: ignore[no-any-return]


@pytest.mark.parametrize("w", WALKS, ids=str)
def test_every_step_appears_once_with_the_price_where_it_is_paid(cli: Runner, w: Walk) -> None:
    steps = walk(cli, w)["steps"]
    assert tuple(s["kind"] for s in steps) == w.kinds, [s["text"] for s in steps]
    for words in w.once:
        naming = [s["text"] for s in steps if words in s["text"]]
        assert len(naming) == 1, naming
    if w.paid is not None:
        priced = [s for s in steps if s["cost_usd"] and not s["included"]]
        assert len(priced) == 1, priced
        price = priced[0].get("price") or {"amount": priced[0]["cost_usd"], "currency": "USD"}
        assert (priced[0]["kind"], price["amount"], price["currency"]) == w.paid
        if w.dated is not None:
            assert priced[0]["note"].startswith(w.dated), priced[0]["note"]


@dataclass(frozen=True)
class Reading:
    who: str
    args: tuple[str, ...]
    cert: str  # the certification asked about with --why
    budget: str  # the budget verdict's reason, word for word
    near: tuple[str, str] | None = None  # its near-miss row: (cost now, over budget by)

    def __str__(self) -> str:
        return self.who


UK_PT = ("recommend", "--goal", "personal-training", "--country", "GB", "--budget", "400")
READINGS = [
    # A British beginner reads the diploma in pounds, as the provider states it: no "≈", no
    # conversion, and the year of the 2021 price (cms-loans-2021); the combined Level 2 + 3
    # diploma is what a beginner pays.
    Reading(
        "British beginner with £400 who wants to be a personal trainer",
        UK_PT,
        "UK-L3-PT",
        "£1,825 over budget (£2,225 as of 2021, a combined Level 2 + 3 diploma, CMS Fitness "
        "Courses' starting price)",
        near=("£2,225 (2021)", "£1,825"),
    ),
    # With a Level 2 already, the Level-3-only course, from about £1,500 (cms-loans-2021).
    Reading(
        "British gym instructor with Level 2 and £400",
        (*UK_PT, "--have", "UK-L2-GYM"),
        "UK-L3-PT",
        "£1,100 over budget (£1,500 as of 2021, a Level 3 course after a Level 2, CMS Fitness "
        "Courses' starting price)",
        near=("£1,500 (2021)", "£1,100"),
    ),
    # A US price read in pounds is converted, and says so.
    Reading(
        "British beginner with £400 asking about the NSCA-CPT",
        UK_PT,
        "NSCA-CPT",
        "within budget: at least ≈ £323 (non-member price, converted at the catalog's rate)",
    ),
]


@pytest.mark.parametrize("r", READINGS, ids=str)
def test_a_price_reads_as_stated_with_its_year(cli: Runner, r: Reading) -> None:
    why = cli(*r.args, "--why", r.cert, "-f", "json", "-q").json()
    assert [v["reason"] for v in why["verdicts"] if v["rule"] == "budget"] == [r.budget]
    if r.near is not None:
        near = {n["id"]: n for n in cli(*r.args, "-f", "json", "-q").json()["near_misses"]}
        assert (near[r.cert]["cost_now"], near[r.cert]["over_by"]) == r.near


def test_the_cheapest_way_in_says_the_year_of_an_old_price(cli: Runner) -> None:
    rows = {
        r["key"]: r["value"]
        for r in csv.DictReader(io.StringIO(cli("show", "UK-L3-PT", "-f", "csv").out))
    }
    assert rows["cost.cheapest"].startswith("£2,225 (2021; a combined Level 2 + 3 diploma"), rows
