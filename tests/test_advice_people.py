"""The advice, person by person: what a careful fitness-career adviser would say.

Each row is someone who might type `certadvise recommend`, with what an expert adviser
would name first, what must wait for later (and behind which step), and what must never
be offered now. The comment on each row says why, from the seed documents
(`shared/seeds/`) or the researched facts (`shared/facts/`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from .conftest import Runner, write

CPTS = {"ACSM-CPT", "NSCA-CPT", "NASM-CPT", "ACE-CPT", "NCSF-CPT", "ISSA-CPT", "NESTA-PFT"}
ADD_ONS = {"NASM-PES", "NASM-CES", "NASM-WLS"}
SHORT = {"exam", "cpr-aed", "membership"}


@dataclass(frozen=True)
class Person:
    who: str
    args: tuple[str, ...]
    first: str | None = None  # the first recommendation ("" = nothing in reach now)
    first_in: frozenset[str] = frozenset()  # or any one of these
    now: frozenset[str] = frozenset()  # recommended (in any position)
    later: dict[str, str] = field(default_factory=dict)  # id -> kind of its first long step
    todo: dict[str, str] = field(default_factory=dict)  # id (now) -> kind of its first to-do
    never: frozenset[str] = frozenset()  # never recommended now
    top: int | None = None  # `never` applies to the first N only
    assumption: str | None = None
    message: str | None = None

    def __str__(self) -> str:
        return self.who


def person(who: str, *args: str, **expect: Any) -> Person:
    for key in ("first_in", "now", "never"):
        if key in expect:
            expect[key] = frozenset(expect[key])
    return Person(who, args, **expect)


PEOPLE = [
    # NSCA-CPT, ACSM-CPT and NASM-CPT require candidates aged 18 (facts: min_age 18): a
    # 17-year-old studies now and sits a CPT at 18; nothing is in reach today.
    # NCCPT lets under-18s sit its CPT with a legal guardian's written consent (nccpt.com),
    # and asks for no diploma: that is the one CPT a 17-year-old can sit now.
    person(
        "17-year-old who wants to be a personal trainer",
        *("--goal", "personal trainer", "--age", "17"),
        first="NCCPT-CPT",
        todo={"NCCPT-CPT": "consent"},
        later={"ACSM-CPT": "age", "NSCA-CPT": "age", "NASM-CPT": "age"},
        never=CPTS | ADD_ONS,
    ),
    # A 16-year-old who wants to train athletes: NASM-PES is an add-on meant to build on a
    # CPT (seed: "the best pathway to enhance an existing CPT"), and 18 comes first.
    person(
        "16-year-old who wants to train athletes",
        *("--goal", "athletes", "--age", "16"),
        now={"NCCPT-CSTS"},  # NCCPT's strength exam, with a guardian's consent
        todo={"NCCPT-CSTS": "consent"},
        later={"NASM-PES": "age", "NCSF-CSC": "age", "CSCS": "degree"},
        never=ADD_ONS | {"ISSA-SCC", "NASM-CSNC"},
    ),
    # A final-year high-school student has no diploma yet: NSCA-CPT asks for one (seed).
    person(
        "17-year-old in the final year of high school",
        *("--goal", "personal-training", "--age", "17", "--final-year", "high-school"),
        first="NCCPT-CPT",  # no diploma asked, a guardian's consent under 18
        todo={"NCCPT-CPT": "consent"},
        later={"NSCA-CPT": "age"},
        never=CPTS,
        assumption="in the final year of high school: no diploma yet",
    ),
    # A career changer without a CPR/AED card: the card is a few hours' course, so the
    # mainstream NCCA CPTs stay in reach with the course as a to-do (facts: CPR/AED
    # required before the NASM-CPT and ACSM-CPT exams, after the NSCA-CPT exam).
    person(
        "25-year-old career changer with a diploma and no CPR card",
        *("--goal", "personal trainer", "--degree", "high-school", "--age", "25"),
        first_in={"NSCA-CPT", "NASM-CPT", "ACSM-CPT", "ACE-CPT"},
        now={"NASM-CPT", "ACSM-CPT", "NSCA-CPT", "ACE-CPT"},
        later={"NASM-PES": "credential"},
        never=ADD_ONS,
    ),
    # With $300 no priced CPT fits: the Cooper Institute's $289 exam ended with its programme
    # in 2019 (acefitness.org), so the honest near miss is ACSM-CPT at $349, said on the page;
    # nothing over the budget is offered as if it fitted.
    person(
        "career changer with $300",
        *("--goal", "personal trainer", "--degree", "high-school", "--have", "CPR"),
        *("--budget", "300"),
        never={"COOPER-CPT", "ACSM-CPT", "NCSF-CPT", "NSCA-CPT", "NASM-CPT", "ACE-CPT"},
        message="the nearest is ACSM-CPT at $349 ($49 over budget)",
    ),
    # Yoga Alliance's registration alone costs $115 (a $50 fee and $65 of dues, ytj-2021),
    # before any school's tuition: over a $100 budget on what is known, and said so.
    person(
        "someone who wants to teach yoga, with $100",
        *("--goal", "yoga", "--budget", "100"),
        never={"RYT-200"},
        message="the nearest is RYT-200, at least $115 ($15 over budget)",
    ),
    # A Cooper Institute CPT became an ACE-CPT on 2019-04-01 (acefitness.org): its holder is
    # a certified trainer, never sold an entry-level CPT again, and is offered what builds on it.
    person(
        "trainer certified by the Cooper Institute before 2019",
        *("--goal", "personal trainer", "--degree", "high-school", "--have", "CI-CPT"),
        *("--have", "CPR"),
        first_in={"NASM-PES", "NASM-CES", "NASM-WLS"},
        never={"COOPER-CPT", "ACSM-CPT", "NCSF-CPT", "NSCA-CPT", "NASM-CPT", "ACE-CPT"},
    ),
    # A kinesiology senior may sit the CSCS in the final year (seed, nsca.com); student
    # membership plus the member price is cheaper than the non-member price ($65 + $340 <
    # $475, facts); the CSCCa SCCC needs the degree and a 640-hour internship first.
    person(
        "kinesiology senior aiming at college strength and conditioning",
        *("--goal", "collegiate-athletes", "--final-year", "bachelor"),
        *("--field", "kinesiology", "--have", "CPR-AED"),
        first="CSCS",
        later={"CSCCA-SCCC": "degree"},
    ),
    # The graduate of the README: CSCS now (seed: "many high-level coaching positions
    # require a CSCS"), the CSCCa SCCC after its 640-hour mentored internship (facts).
    person(
        "kinesiology graduate with CPR and $600, college athletes",
        *("--goal", "collegiate-athletes", "--degree", "bachelor", "--field", "kinesiology"),
        *("--have", "CPR-AED", "--budget", "600"),
        first="CSCS",
        later={"CSCCA-SCCC": "hours", "CPSS": "degree"},
    ),
    # The same coach once the internship is logged: both the CSCS and the SCCC are in reach.
    person(
        "graduate coach with 640 internship hours",
        *("--goal", "collegiate-athletes", "--degree", "bachelor", "--have", "CPR-AED"),
        *("--hours", "internship=640"),
        first="CSCS",
        now={"CSCCA-SCCC"},
    ),
    # An exercise-science graduate aiming at cardiac rehab: ACSM-EP now (clinical employers
    # hire EPs at entry level, audit), ACSM-CEP once 1,200 clinical hours are logged (facts:
    # bachelor's + 1,200 h or master's + 600 h).
    person(
        "exercise-science graduate aiming at cardiac rehab",
        *("--goal", "cardiac rehab", "--degree", "bachelor", "--field", "exercise science"),
        *("--have", "CPR-AED"),
        now={"ACSM-EP", "CSPS"},
        later={"ACSM-CEP": "hours"},
    ),
    # With a master's and 600 clinical hours the ACSM-CEP is in reach (facts).
    person(
        "clinical master's graduate with 600 clinical hours",
        *("--goal", "clinical", "--degree", "master", "--field", "exercise-science"),
        *("--hours", "clinical=600", "--have", "CPR-AED"),
        first="ACSM-CEP",
    ),
    # A nurse: any field is a real answer. ACSM-EP asks for an exercise-science degree
    # (facts), so it is for later; nothing is refused with exit 2.
    person(
        "nurse with a BSN interested in clinical exercise",
        *("--goal", "clinical", "--degree", "bachelor", "--field", "nursing"),
        later={"ACSM-EP": "degree-field"},
        never={"ACSM-EP", "ACSM-CEP"},
    ),
    # A psychology graduate who wants to train people: the field matters to no CPT.
    person(
        "psychology graduate who wants to train people",
        *("--goal", "personal-training", "--degree", "bachelor", "--field", "psychology"),
        *("--have", "CPR-AED"),
        first_in=CPTS,
    ),
    # An unknown field is stated as an assumption, never an error.
    person(
        "graduate in a field the rules do not name",
        *("--goal", "personal-training", "--degree", "bachelor", "--field", "astrology"),
        first_in=CPTS,
        assumption="degree field 'astrology' is not one the rules name: "
        "counted as unrelated to exercise science",
    ),
    # A CSCS holder has passed the harder exam: the NSCA-CPT (or another body's CPT) adds
    # little; the CSPS builds on a current NSCA certification (facts: CSPS routes).
    person(
        "CSCS holder looking for what is next",
        *("--have", "CSCS", "--have", "CPR-AED", "--degree", "bachelor"),
        first_in={"CSPS", "TSAC-F"},
        never=CPTS,
    ),
    # A CSCS holder who wants to work with the military: TSAC-F (seed: the tactical pathway).
    person(
        "CSCS holder moving into tactical work",
        *("--have", "CSCS", "--have", "CPR", "--degree", "bachelor", "--goal", "military"),
        first="TSAC-F",
    ),
    # The seed's second profile: a NASM-CPT holder without a degree who wants athletes
    # gets the NASM-PES (seed), and the CSCS after a degree.
    person(
        "NASM-CPT holder who wants to train athletes",
        *("--have", "NASM-CPT", "--goal", "athletes", "--budget", "1000"),
        first="NASM-PES",
        later={"CSCS": "degree"},
    ),
    # A personal trainer who holds an NCCA CPT needs no second CPT: the next step is a
    # specialization that builds on it (seed: PES and CES "enhance an existing CPT").
    person(
        "NASM-CPT holder who wants to grow as a personal trainer",
        *("--have", "NASM-CPT", "--have", "CPR-AED", "--goal", "personal-training"),
        first_in=ADD_ONS,
        never=CPTS,
    ),
    # An ISSA-CPT holder (open-book course exam, not NCCA-accredited: facts) may want an
    # NCCA-accredited CPT, which many employers ask for.
    person(
        "ISSA-CPT holder whose gym asks for an NCCA-accredited CPT",
        *("--have", "ISSA-CPT", "--have", "CPR-AED", "--goal", "personal-training"),
        now={"ACSM-CPT", "ACE-CPT", "NASM-CPT"},
        never={"NESTA-PFT"},
    ),
    # A NASM-CPT holder interested in corrective exercise: the NASM-CES builds on the CPT.
    person(
        "NASM-CPT holder interested in corrective exercise",
        *("--have", "NASM-CPT", "--have", "CPR", "--goal", "corrective-exercise"),
        first="NASM-CES",
    ),
    # A newcomer with no CPT does not start with an add-on (seed: PES, CES build on a CPT).
    person(
        "newcomer interested in corrective exercise",
        *("--goal", "corrective-exercise", "--age", "24"),
        later={"NASM-CES": "credential"},
        never=ADD_ONS,
    ),
    # A police officer with a criminal-justice degree: TSAC-F is NSCA's tactical credential
    # (seed), and the degree field is accepted as it is.
    person(
        "police officer with a criminal-justice degree",
        *("--goal", "police", "--degree", "bachelor", "--field", "criminal justice"),
        *("--have", "CPR-AED"),
        first="TSAC-F",
    ),
    # A soldier with a diploma: TSAC-F now (diploma + CPR/AED, facts), CSCS after a degree.
    person(
        "soldier with a high-school diploma",
        *("--goal", "tactical", "--degree", "high-school", "--have", "CPR-AED"),
        first="TSAC-F",
        later={"CSCS": "degree"},
    ),
    # Group fitness: a verified price (ACE-GFI) ranks above an unverified one (AFAA-GFI).
    person(
        "future group-fitness instructor",
        *("--goal", "group-fitness", "--have", "CPR-AED", "--budget", "400"),
        first="ACE-GFI",
    ),
    # Nutrition: the NASM-CNC, whose prerequisites are known, is not outranked by the
    # NASM-CSNC, whose prerequisites nobody verified (missing data is never rewarded).
    person(
        "personal trainer who wants to coach nutrition",
        *("--goal", "nutrition", "--have", "NASM-CPT", "--have", "CPR"),
        first="NASM-CNC",
    ),
    # CPSS: a sport-science master's with 480 applied hours meets its second route (facts).
    person(
        "sport scientist with a master's and 480 applied hours",
        *("--goal", "sport-science", "--degree", "master", "--field", "sport-science"),
        *("--hours", "applied=480", "--have", "CPR-AED"),
        first="CPSS",
    ),
    # CPSS by experience: a bachelor's and three years of full-time sport-science work.
    person(
        "sport scientist with three years of experience",
        *("--goal", "sport-science", "--degree", "bachelor", "--have", "CPR-AED"),
        *("--experience", "sport-science=3"),
        first="CPSS",
    ),
    # An ACSM-CPT holder who works with older adults: the CSPS accepts an NCCA CPT (facts).
    person(
        "ACSM-CPT holder working with older adults",
        *("--have", "ACSM-CPT", "--have", "CPR-AED", "--goal", "special populations"),
        first="CSPS",
    ),
    # A newcomer with no goal sees the foundational CPTs first, not tactical or clinical
    # niches.
    person(
        "22-year-old newcomer with no goal yet",
        *("--degree", "high-school", "--age", "22", "--have", "CPR-AED"),
        first_in=CPTS,
        never={"TSAC-F", "CSPS", "ACE-GFI", "ACSM-GEI"},
        top=3,
    ),
    # A UK graduate: UK gyms ask for a CIMSPA-endorsed Level 3 (audit; UK-L3-PT sources), so
    # it comes first; US certifications sat at test centres stay, after it, with a warning.
    person(
        "UK sports graduate who wants to be a personal trainer",
        *("--country", "GB", "--goal", "personal-training", "--degree", "bachelor"),
        *("--have", "CPR-AED"),
        first="UK-L3-PT",
        now={"NSCA-CPT"},
        never={"CERT-IV-FITNESS", "CSEP-CPT"},
    ),
    # Canada: CSEP-CPT asks for two years of college or 60 university credits (CSEP).
    person(
        "Canadian kinesiology graduate",
        *("--country", "CA", "--goal", "personal-training", "--degree", "bachelor"),
        *("--field", "kinesiology", "--have", "CPR-AED"),
        first="CSEP-CPT",
    ),
    # Australia: the Certificate IV in Fitness (SIS40221) is the personal-trainer standard.
    person(
        "Australian career changer",
        *("--country", "AU", "--goal", "personal-training", "--degree", "high-school"),
        first_in={"CERT-IV-FITNESS"},
        never={"UK-L3-PT", "CSEP-CPT"},
    ),
    # The only Certificate IV price found is TAFE Queensland's for international students
    # (AUD 8,100): not what a resident pays, so an Australian's budget cannot rule it out.
    person(
        "Australian career changer with A$1,500",
        *("--country", "AU", "--goal", "personal-training", "--degree", "high-school"),
        *("--budget", "A$1500"),
        first="CERT-IV-FITNESS",
    ),
    # In Australia the Certificate III in Fitness is the gym and group-instructor
    # qualification (audit; SIS30321), the Certificate IV the personal-trainer one.
    person(
        "Australian 19-year-old who wants to teach group classes",
        *("--country", "AU", "--goal", "group fitness", "--age", "19"),
        first="CERT-III-FITNESS",
    ),
    # A US 17-year-old is not sent to a Certificate IV or a UK diploma to have something now:
    # the US CPT that under-18s may sit with consent (NCCPT) is the answer.
    person(
        "US 17-year-old: a US CPT with consent, never another market's",
        *("--goal", "personal-training", "--age", "17", "--country", "US"),
        first="NCCPT-CPT",
        never={"CERT-IV-FITNESS", "UK-L3-PT", "CSEP-CPT"},
    ),
    # A 12-year-old has no diploma yet, whatever is left unsaid: every certification waits.
    person(
        "12-year-old who loves sport",
        *("--age", "12"),
        first="",
        assumption="no degree given: at 12, assumed no high-school diploma yet",
    ),
    # The RSCC is a registry designation on top of the CSCS after two years of full-time
    # S&C coaching (nsca.com, requirements of 2017-07-01): never "now" for a new CSCS holder.
    person(
        "new CSCS holder coaching college athletes",
        *("--have", "CSCS", "--have", "CPR-AED", "--degree", "bachelor"),
        *("--field", "kinesiology", "--goal", "collegiate-athletes"),
        later={"NSCA-RSCC": "years"},
        never={"NSCA-RSCC"},
    ),
    # NBC-HWC needs an NBHWC-approved programme and 50 logged sessions (NBHWC): requirements
    # no field states are steps, never silently met.
    person(
        "psychology graduate interested in wellness coaching",
        *("--goal", "wellness", "--degree", "bachelor", "--field", "psychology"),
        later={"NBC-HWC": "requirement"},
        never={"NBC-HWC"},
    ),
    # A nurse qualifies for ACE Health Coach by degree (ACE names registered nurses).
    person(
        "nurse who wants to coach health",
        *("--goal", "wellness", "--degree", "bachelor", "--field", "nursing", "--have", "CPR"),
        now={"ACE-HC"},
    ),
    # A kinesiology junior who wants strength and conditioning is a coach of athletes:
    # the S&C credentials open to a student (USA Weightlifting, NCCPT's strength exam),
    # never a sports-nutrition certificate (CISSN, NASM-CSNC serve nutrition coaching).
    person(
        "kinesiology junior who wants strength and conditioning",
        *("--goal", "strength and conditioning", "--studying", "bachelor"),
        *("--field", "kinesiology"),
        now={"USAW-L1", "NCCPT-CSTS"},
        never={"CISSN", "NASM-CSNC"},
    ),
    # Someone who coaches athletes and wants to advise them on nutrition: the
    # sports-nutrition certificates come first (issn-cissn names S&C professionals among
    # those it is for; NASM's seed: "nutrition coaching for athletes").
    person(
        "coach of athletes who also wants to coach their nutrition",
        *("--goal", "athletes", "--goal", "nutrition"),
        first_in={"CISSN", "NASM-CSNC"},
        now={"CISSN", "NASM-CSNC"},
    ),
    # An NSCA member pays the member price for the CSCS ($340, facts).
    person(
        "NSCA member with a degree",
        *("--goal", "athletes", "--degree", "bachelor", "--member", "NSCA", "--have", "CPR"),
        *("--budget", "350"),
        first="CSCS",
    ),
]


def advice_for(cli: Runner, p: Person) -> dict[str, Any]:
    result = cli("recommend", *p.args, "--all", "-f", "json")
    assert result.code in (0, 1), result.err
    doc: dict[str, Any] = result.json()
    assert (result.code == 1) == (not doc["recommendations"])
    return doc


@pytest.mark.parametrize("p", PEOPLE, ids=str)
def test_what_an_adviser_would_say(cli: Runner, p: Person) -> None:
    doc = advice_for(cli, p)
    now = [r["id"] for r in doc["recommendations"]]
    later = {item["id"]: item for item in doc["later"]}
    if p.first is not None:
        assert (now[0] if now else "") == p.first, now
    if p.first_in:
        assert now and now[0] in p.first_in, now
    assert p.now <= set(now), now
    for cert_id, kind in p.later.items():
        assert cert_id in later, sorted(later)
        long_steps = [s["kind"] for s in later[cert_id]["steps"] if s["kind"] not in SHORT]
        assert long_steps[0] == kind, later[cert_id]["steps"]
    recommended = {r["id"]: r for r in doc["recommendations"]}
    for cert_id, kind in p.todo.items():
        assert cert_id in recommended, now
        assert [s["kind"] for s in recommended[cert_id]["steps"]][:1] == [kind]
    assert not p.never & set(now[: p.top]), now
    if p.assumption:
        assert any(a.startswith(p.assumption) for a in doc["assumptions"])
    if p.message:
        assert any(m.startswith(p.message) for m in doc["messages"]), doc["messages"]


def test_there_are_at_least_25_people() -> None:
    assert len(PEOPLE) >= 25


def test_a_final_year_student_pays_student_dues_plus_the_member_price(cli: Runner) -> None:
    # NSCA student dues ($65, a 2015 source) + the member price ($340) = $405 < $475.
    senior = next(p for p in PEOPLE if p.who.startswith("kinesiology senior"))
    doc = advice_for(cli, senior)
    cscs = doc["recommendations"][0]
    assert cscs["cost"]["minimum_usd"] == 405
    assert cscs["cost"]["route"] == "student member price + $65 NSCA student dues"
    join = next(s for s in cscs["steps"] if s["kind"] == "membership")
    assert (join["text"], join["cost_usd"]) == ("join NSCA (student)", 65)
    assert join["note"] == "dues as of 2015-08-01"


OVERLAY = """\
id: {id}
name: {id} certification
organization: NSCA
category: strength-and-conditioning
goals: [athletes]
markets: [US]
sources:
  - {{key: s, url: "https://example.org", as_of: "2025"}}
prerequisites:
  source: s
  cpr_aed: not-required
"""


def test_with_a_budget_an_unknown_price_never_outranks_a_verified_fit(
    cli: Runner, tmp_path: Path
) -> None:
    # Without a budget the unknown-price entry may lead on its merits (accreditation and
    # advice for the goal); with one, the certification whose price fits comes first.
    priced = OVERLAY.format(id="PRICED") + "cost: {source: s, exam_non_member: 100}\n"
    unknown = OVERLAY.format(id="UNPRICED") + (
        "accreditation: {source: s, bodies: [NCCA]}\n"
        "advice:\n  - {source: s, goals: [athletes], text: the sources advise it}\n"
    )
    write(tmp_path / "o" / "x" / "PRICED.yaml", priced)
    write(tmp_path / "o" / "x" / "UNPRICED.yaml", unknown)
    base = ("recommend", "--goal", "athletes", "--catalog", str(tmp_path / "o"), "-f", "ids")
    assert cli(*base).lines[:2] == ["UNPRICED", "PRICED"]
    assert cli(*base, "--budget", "500").lines[:2] == ["PRICED", "UNPRICED"]


def test_a_route_that_loops_is_set_aside_and_the_other_route_planned(
    cli: Runner, tmp_path: Path
) -> None:
    # LOOP-A: a degree, or LOOP-B; LOOP-B needs LOOP-A. Planning LOOP-A never crashes.
    routes = (
        "  routes:\n"
        "    - {text: a bachelor's degree, degree: bachelor}\n"
        "    - {text: LOOP-B, credentials: [LOOP-B]}\n"
    )
    write(tmp_path / "o" / "x" / "LOOP-A.yaml", OVERLAY.format(id="LOOP-A") + routes)
    needs_a = "  routes:\n    - {text: LOOP-A, credentials: [LOOP-A]}\n"
    write(tmp_path / "o" / "x" / "LOOP-B.yaml", OVERLAY.format(id="LOOP-B") + needs_a)
    # `catalog validate` accepts it: only a loop on every route is a catalog error.
    result = cli("path", "LOOP-A", "--catalog", str(tmp_path / "o"), "-f", "json")
    assert result.code == 0, result.err
    assert [s["kind"] for s in result.json()["steps"]] == ["degree", "exam"]
    assert result.json()["alternatives"] == []
