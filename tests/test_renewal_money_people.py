"""Money and continuing education as people who renew and register read them: each row is
who asks, the command, the answer an adviser expects and why (from the catalog's entries
and the sources they cite), asserted on the CLI's table and JSON. The day is the pinned
one (`tests/conftest.py`, 2026-11-26)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from .conftest import Runner

CAD = 0.7122  # US dollars for one Canadian dollar (catalog/rates.yaml)


@dataclass(frozen=True)
class Ask:
    who: str
    command: tuple[str, ...]
    says: tuple[str, ...]  # in the table (stdout)
    never: tuple[str, ...] = ()  # nowhere in the table
    json: dict[str, Any] = field(default_factory=dict)  # dotted key -> value in -f json
    why: str = ""

    def __str__(self) -> str:
        return self.who


CSEP_CPT = ("renewals", "--no-profile", "--country", "CA", "-H", "CSEP-CPT@2027-03")
NSCA_BOTH = ("renewals", "--no-profile", "-H", "CSCS@2026-12", "-H", "TSAC-F@2026-12")
CANFITPRO = ("-H", "CANFITPRO-PTS@2027-03")
KIN = ("--degree", "bachelor", "--field", "kinesiology", "--have", "CPR-AED")

PEOPLE = [
    Ask(
        "a Canadian CSEP-CPT renewing in March",
        CSEP_CPT,
        says=(
            "CA$260 a year",
            "pay CA$260 a year by 2027-03-31",
            "log 20 points by 2028-03-31",
            "holding them: at least CA$260 a year on average; "
            "the deadlines of the next 3 years: at least CA$780",
        ),
        never=("$260 (≈", "≈ CA$365", "log 20 points and pay"),
        json={
            "renewals.0.fees.currency": "CAD",
            "renewals.0.fees.yours": 260,
            "renewals.0.fees.yours_usd": round(260 * CAD, 2),
            "renewals.0.ce_due": "2028-03-31",
            "holding_cost.text": "at least CA$780",
            "holding_cost.currency": "CAD",
            "holding_cost.known_usd": round(780 * CAD, 2),
        },
        why="CSEP states CAD 260 + tax a year (csep-renew-2024), due every March 31; the 20 "
        "PDCs are due every two years, by March 31 of even years (csep-pdc): 2028",
    ),
    Ask(
        "a US adviser reading a CSEP-CPT's renewal",
        ("renewals", "--no-profile", "-H", "CSEP-CPT@2027-03"),
        says=("CA$260 (≈ $185) a year", "the next 3 years: at least CA$780 (≈ $556)"),
        never=("$260 a year",),
        why="a price in another currency is said as stated, with roughly the reader's beside it",
    ),
    Ask(
        "an Ontario R.Kin who is also a canfitpro trainer",
        ("renewals", "--no-profile", "--country", "CA", "-H", "RKIN@2027-08", *CANFITPRO),
        says=("CA$700 a year (+CA$150 late)", "CA$98 member", "pay CA$700 a year by 2027-08-31"),
        never=("≈ CA$983", "≈ CA$138", "$700 (≈"),
        json={"renewals.1.fees.currency": "CAD", "renewals.1.fees.non_member": 700},
        why="the College's fees page (coko-fees) and canfitpro state Canadian dollars",
    ),
    Ask(
        "a kinesiology graduate registering as a CSEP-CPT",
        ("path", "CSEP-CPT", "--country", "CA", *KIN),
        says=("total: at least CA$260 (not priced: pass the computer-based theory exam",),
        never=("CA$520", "≈ CA$260"),
        json={"total_cost": "at least CA$260", "total_cost_usd": pytest.approx(260 * CAD)},
        why="the CA$260 is the annual certification fee paid on registering after the exams "
        "(csep-cep-old): it is the first year's membership, not a fee beside it; the exam "
        "fees were not found (as recommend says: at least CA$260)",
    ),
    Ask(
        "a kinesiology graduate with 100 practical hours registering as a CSEP-CEP",
        ("path", "CSEP-CEP", "--country", "CA", *KIN),
        says=("total: at least CA$295 (not priced:",),
        never=("CA$555", "CA$260"),
        json={"total_cost": "at least CA$295"},
        why="a CSEP-CEP's annual certification fee is CAD 295 (csep-renew-2024), paid once on "
        "registering; CSEP's CAD 260 dues are the CPT's",
    ),
    Ask(
        "an Ontario kinesiology graduate applying to the College",
        ("path", "RKIN", "--country", "CA", "--degree", "bachelor", "--field", "kinesiology"),
        says=("total: at least CA$1,300 ", "holding RKIN for 3 years costs at least CA$2,700"),
        never=("≈ CA$1,300",),
        why="the application (CAD 150), the exam (450) and the first year's General Class "
        "registration (700) are stated in Canadian dollars (coko-fees): their sum is exact; "
        "the registration is paid on joining, the renewals pay the years after",
    ),
    Ask(
        "a yoga teacher registering with Yoga Alliance after an RYS 200",
        ("path", "RYT-200"),
        says=(
            "total: at least $115 ",
            "holding RYT-200 for 3 years costs exam price not verified, plus $245 of known fees",
        ),
        why="Yoga Alliance's $50 application fee and $65 yearly dues (ytj-2021) are known, each "
        "school's tuition is not: the first year's dues are paid on registering, then two renewals",
    ),
    Ask(
        "a Canadian joining canfitpro to sit the PTS",
        ("path", "CANFITPRO-PTS", "--country", "CA"),
        says=("CA$98 ", "total: at least CA$587 (not priced: PTS course fee"),
        never=("≈ CA$98", "≈ CA$587"),
        why="canfitpro's dues (CAD 98) and its package (CAD 489) are both Canadian dollars; "
        "the course and the exam-challenge package are not priced, so the total is a floor",
    ),
    Ask(
        "an NSCA coach holding the CSCS and the TSAC-F",
        NSCA_BOTH,
        says=("plus about 20 CE hours", "and 60 CE hours", "log 6 CEUs (60 h) for CSCS and TSAC-F"),
        never=("40 CE hours", "120 CE hours"),
        json={"holding_cost.ce_hours": 60, "holding_cost.ce_hours_per_year": 20},
        why="one set of NSCA CEUs covers every NSCA credential held; the fee is per "
        "credential (nsca-policies-2018)",
    ),
]


def _at(doc: Any, dotted: str) -> Any:
    for key in dotted.split("."):
        doc = doc[int(key)] if isinstance(doc, list) else doc[key]
    return doc


@pytest.mark.parametrize("ask", PEOPLE, ids=str)
def test_money_and_ce_as_people_read_them(cli: Runner, ask: Ask) -> None:
    table = cli(*ask.command, "-q")
    assert table.code == 0, table.err
    for words in ask.says:
        assert words in table.out, (words, table.out)
    for words in ask.never:
        assert words not in table.out, (words, table.out)
    if ask.json:
        doc = cli(*ask.command, "-q", "-f", "json").json()
        for key, value in ask.json.items():
            assert _at(doc, key) == value, (key, _at(doc, key))


def test_shared_nsca_ce_is_logged_once_naming_both(cli: Runner) -> None:
    doc = cli(*NSCA_BOTH, "-q", "-f", "json").json()
    logging = [r["next_step"] for r in doc["renewals"] if "log 6 CEUs" in r["next_step"]]
    assert len(logging) == 1 and "CSCS" in logging[0] and "TSAC-F" in logging[0], logging
    fees = [r["next_step"] for r in doc["renewals"]]
    assert all("pay $90 by 2026-12-31" in step for step in fees), fees  # each pays its own fee
