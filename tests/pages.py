"""The HTML pages the tests render: the commands behind them, a hand-made renewals document
(the `renewals` command's JSON contract), and a hostile catalog overlay."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from certadvise.render.html import render
from certadvise.render.report import Page, Report

from .conftest import TODAY, Runner, write

#: page name -> the command whose `-f html` it is (goldens and browser tests use them).
COMMANDS = {
    "recommend": [
        *("recommend", "--goal", "collegiate-athletes", "--degree", "bachelor"),
        *("--field", "kinesiology", "--have", "CPR-AED", "--budget", "600"),
    ],
    "near-misses": [
        *("recommend", "--goal", "personal trainer", "--degree", "high-school"),
        *("--have", "CPR-AED", "--budget", "300"),
    ],
    "path": ["path", "CSCCA-SCCC", "--degree", "bachelor", "--field", "kinesiology"],
    # a British and an Australian reader: every amount on the page in their currency
    "recommend-gb": [
        *("recommend", "--country", "GB", "--budget", "£300", "--goal", "collegiate-athletes"),
        *("--degree", "bachelor", "--field", "kinesiology"),
    ],
    "path-au": ["path", "CSCS", "--country", "AU", "--degree", "bachelor", "--have", "CPR-AED"],
    "compare": ["compare", "CSCS", "NASM-PES"],
    "show": ["show", "CSCS"],
    "renewals": [
        *("renewals", "--no-profile", "-H", "CSCS@2026-12", "-H", "ACSM-EP@2026-10"),
        *("-H", "NASM-CPT@2028-03-15", "-H", "CPR-AED@2026-12-15"),
    ],
}

#: A renewals document with only the contract's keys (hand-made; the golden page is
#: the command's own): one deadline soon, one later, one past, one beyond the strip.
RENEWALS: dict[str, Any] = {
    "today": TODAY,
    "renewals": [
        {
            "id": "CPR-AED",
            "name": "CPR/AED certification",
            "organization": "American Red Cross",
            "expires": "2026-08-01",
            "state": "lapsed",
            "ce": None,
            "fees": {},
            "next_step": "take a CPR/AED course with a hands-on skills check",
        },
        {
            "id": "CSCS",
            "name": "Certified Strength and Conditioning Specialist",
            "organization": "NSCA",
            "expires": "2026-12-31",
            "state": "expiring",
            "ce": {"units": 6, "unit": "CEU", "hours": 60},
            "fees": {"member_usd": 65, "non_member_usd": 90},
            "next_step": "report 6 CEUs and pay the recertification fee by 2026-12-31",
        },
        {
            "id": "NASM-CPT",
            "name": "NASM Certified Personal Trainer",
            "organization": "NASM",
            "expires": "2028-03-15",
            "state": "active",
            "ce": {"units": 2, "unit": "CEU", "hours": 20},
            "fees": {"non_member_usd": None},
            "next_step": "earn 2.0 CEUs before 2028-03-15",
        },
        {
            "id": "ACSM-EP",
            "name": "ACSM Certified Exercise Physiologist",
            "organization": "ACSM",
            "expires": "2029-12-31",
            "state": "active",
            "ce": {"units": 45, "unit": "CEC", "hours": None},
            "fees": {"non_member_usd": 45},
            "next_step": "nothing before 2029",
        },
    ],
    "holding_cost": {
        "years": 3,
        "text": "at least $200",
        "known_usd": 200,
        "complete": False,
        "parts": [
            {"label": "CSCS recertification fee x1", "usd": 90, "kind": "recertification"},
            {"label": "NASM-CPT recertification fee x1", "usd": None, "kind": "recertification"},
            {"label": "CPR/AED course", "usd": 110, "kind": "exam"},
            {
                "label": "continuing education (CSCS, NASM-CPT)",
                "usd": None,
                "kind": "recertification",
            },
        ],
    },
    "assumptions": ["no memberships given: non-member fees"],
}


def renewals_report(document: dict[str, Any] | None = None) -> Report:
    doc = RENEWALS if document is None else document
    page = Page("renewals", "Renewals", today=doc["today"], assumptions=doc["assumptions"])
    return Report([], [], doc, page=page)


def renewals_page(document: dict[str, Any] | None = None) -> str:
    return render(renewals_report(document))


def page_html(cli: Runner, name: str, *extra: str) -> str:
    """The `-f html` page of one of COMMANDS."""
    result = cli(*COMMANDS[name], *extra, "-f", "html")
    assert result.code in (0, 1), result.err
    return result.out


# ----------------------------------------------------------------------- hostile text

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
BIDI = "\u202e\u2066\u200b"  # right-to-left override, isolate, zero-width space
CONTROLS = "\x07\x1b[31m"
HOSTILE_NAME = f"Hostile {SCRIPT} Coach {IMG}{BIDI}{CONTROLS}"
HOSTILE_ORG_NAME = f"Evil Org {SCRIPT}"
HOSTILE_SUMMARY = f"Sum {IMG} mary</td></tr></table><h1>injected</h1>{BIDI}"
HOSTILE_NOTE = f"note {SCRIPT}"
HOSTILE_KEY = "ev<b>il"


def hostile_overlay(tmp_path: Path) -> Path:
    """A catalog overlay whose organization, certification name, summary and sources
    carry HTML, a javascript: address, bidi and control characters."""
    folder = tmp_path / "hostile"
    write(
        folder / "organizations.yaml",
        "organizations:\n"
        f"  - {{id: EVIL, name: {json.dumps(HOSTILE_ORG_NAME)}, url: 'javascript:alert(3)'}}\n",
    )
    entry = {
        "id": "EVIL-CERT",
        "name": HOSTILE_NAME,
        "organization": "EVIL",
        "category": "strength-and-conditioning",
        "goals": ["athletes"],
        "summary": HOSTILE_SUMMARY,
        "sources": [
            {
                "key": HOSTILE_KEY,
                "url": "javascript:alert(4)",
                "as_of": "2025",
                "note": HOSTILE_NOTE,
            },
            {"key": "data", "url": "data:text/html,<script>alert(5)</script>", "as_of": "2025"},
        ],
        "cost": {"source": HOSTILE_KEY, "exam_non_member": 100},
    }
    write(folder / "evil" / "EVIL-CERT.yaml", json.dumps(entry))
    return folder
