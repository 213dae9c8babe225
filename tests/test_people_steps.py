"""Paths, person by person: every step a person is told to take appears once, with the
price where it is paid.

Each row is someone who might type `certadvise path TARGET`, with the steps an adviser
would list (by kind, in order), the words that must name one step only, and the step
that carries the entry's price. The comment on each row says why, from the entry's
sources.
"""

from __future__ import annotations

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

    def __str__(self) -> str:
        return self.who


WALKS = [
    # BASES Supervised Experience is open to members only and is where the 500 supervised
    # hours are done, with a registered supervisor (bases-se, spc-se): joining is one step,
    # and the 500 hours are the Supervised Experience, not a second step of their own.
    Walk(
        "sport-science graduate aiming at BASES accreditation",
        ("BASES", "--country", "GB", "--degree", "bachelor", "--field", "sport-science"),
        kinds=("requirement", "membership", "placement", "application"),
        once=("member", "500", "supervisor"),
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
