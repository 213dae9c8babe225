"""Renewals for real working professionals, each row's expected answer with its reason
first (from the catalog's recertification blocks and the sources they cite). The day is
the pinned one (`tests/conftest.py`, 2026-11-26)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .conftest import Runner, write


@dataclass(frozen=True)
class Person:
    who: str
    have: tuple[str, ...] = ()
    earned: dict[str, str] = field(default_factory=dict)  # id -> the day earned (a profile)
    states: dict[str, str] = field(default_factory=dict)  # id -> state
    expires: dict[str, str] = field(default_factory=dict)  # id -> good through
    step: dict[str, str] = field(default_factory=dict)  # id -> words in its next step
    note: dict[str, str] = field(default_factory=dict)  # id -> words in one of its notes
    order: tuple[str, ...] = ()  # the ids, soonest deadline first

    def __str__(self) -> str:
        return self.who


PEOPLE = [
    # A trainer certified by NSCA in March 2024: NSCA's fixed cycle ends 31 December 2026
    # for everyone (nsca-recert-2024), 35 days away; the first cycle's CEUs are prorated.
    # Their CPR/AED card ran out in May, and NSCA renews only with a current card, so the
    # card comes first. NASM-PES has no renewal rule in the catalog: only the card's date
    # would tell, and the row says how to give it.
    Person(
        "NSCA-CPT earned 2024-03, NASM-PES, CPR card ended 2026-05",
        have=("NASM-PES", "CPR-AED@2026-05"),
        earned={"NSCA-CPT": "2024-03"},
        states={"NSCA-CPT": "due soon", "CPR-AED": "lapsed", "NASM-PES": "date needed"},
        expires={"NSCA-CPT": "2026-12-31", "CPR-AED": "2026-05-31"},
        step={
            "NSCA-CPT": "log 6 CEUs (60 h) and pay $90 by 2026-12-31",
            "CPR-AED": "take a CPR-AED course",
            "NASM-PES": "--have NASM-PES@YYYY-MM",
        },
        note={"NSCA-CPT": "card expired on 2026-05-31: renew the card first"},
        order=("CPR-AED", "NSCA-CPT", "NASM-PES"),
    ),
    # ACE's six-month grace after a January 2025 expiry ended on 31 July 2025, and no ACE
    # page found states a reinstatement after it (ace-renewal-article): the exam again, at
    # today's price, and ask ACE, since a way back is not verified either way.
    Person(
        "ACE-CPT lapsed 2025-01",
        have=("ACE-CPT@2025-01",),
        states={"ACE-CPT": "lapsed"},
        step={"ACE-CPT": "no reinstatement is verified: pass the ACE-CPT exam again ($"},
    ),
    # A CSCS who is also a registered dietitian: the CSCS deadline is NSCA's 31 December;
    # CDR's registration is paid every year ($80, cdr-maintain) on a five-year CPEU cycle
    # (75 hours) that rolls from the day registered.
    Person(
        "CSCS holder with RD",
        have=("CSCS@2026-12", "CPR-AED@2027-09"),
        earned={"RDN": "2023-06"},
        states={"CSCS": "due soon", "RDN": "active", "CPR-AED": "active"},
        expires={"RDN": "2028-06-30"},
        step={"RDN": "log 75 hours and pay $80 a year by 2028-06-30"},
        note={"CSCS": "card is good through 2027-09-30"},
        order=("CSCS", "CPR-AED", "RDN"),
    ),
    # ACSM's expiry at the end of October 2026 still has the six-month grace (to 30 April
    # 2027) with the $80 late fee on the $70 fee (acsm-recert): overdue, not lapsed.
    Person(
        "ACSM-EP who missed October 2026",
        have=("ACSM-EP@2026-10", "BLS@2027-10"),
        states={"ACSM-EP": "overdue", "BLS": "active"},
        step={"ACSM-EP": "renew ACSM-EP late"},
        note={"ACSM-EP": "BLS card is good through"},
    ),
    # NASM: 90 days' grace, then reinstatement with a late fee up to a year after expiry
    # (nasm-recert-guidelines): a June 2026 expiry can still come back without the exam.
    Person(
        "NASM-CPT expired 2026-06",
        have=("NASM-CPT@2026-06", "CPR-AED@2027-06"),
        states={"NASM-CPT": "lapsed"},
        step={"NASM-CPT": "reinstate NASM-CPT"},
    ),
]


@pytest.mark.parametrize("who", PEOPLE, ids=str)
def test_renewals_for_people(cli: Runner, tmp_path: Path, who: Person) -> None:
    args = ["renewals", "--no-profile", "-f", "json"]
    for held in who.have:
        args += ["-H", held]
    if who.earned:
        creds = [{"id": i, "earned": day} for i, day in who.earned.items()]
        args += ["--profile", str(write(tmp_path / "p.json", json.dumps({"credentials": creds})))]
    result = cli(*args)
    assert result.code == 0, result.err
    found = {row["id"]: row for row in result.json()["renewals"]}
    for cert, state in who.states.items():
        assert found[cert]["state"] == state, (cert, found[cert])
    for cert, day in who.expires.items():
        assert found[cert]["expires"] == day, cert
    for cert, words in who.step.items():
        assert words in found[cert]["next_step"], (cert, found[cert]["next_step"])
    for cert, words in who.note.items():
        assert any(words in n for n in found[cert]["notes"]), (cert, found[cert]["notes"])
    if who.order:
        assert tuple(found) == who.order
