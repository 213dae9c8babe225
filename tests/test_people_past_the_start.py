"""The advice for people past the start: holders, lapsed credentials, licences, degrees in
progress, other countries' graduates in their own words.

Each row is someone a careful fitness-career adviser might counsel, with what the adviser
would name first, what must never be sold to them (what they hold already covers it),
what comes later and behind which step, and how long it takes. The comment on each row
says why, from the seed documents (`shared/seeds/`), the researched facts
(`shared/facts/`) or the catalog sources it cites. The day is the pinned one
(`tests/conftest.py`, 2026-11-26).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from .conftest import Runner

SHORT = {"cpr-aed", "membership", "consent"}
NUTRITION_COACHING = {"NASM-CNC", "NASM-CSNC", "PN-L1"}
S_AND_C_ADD_ONS = {"NASM-PES", "ISSA-SCC", "NCSF-CSC", "NCCPT-CSTS"}
US_CPTS = {"NSCA-CPT", "NASM-CPT", "ACSM-CPT", "ACE-CPT", "NCCPT-CPT", "NCSF-CPT", "ISSA-CPT"}


@dataclass(frozen=True)
class Person:
    who: str
    args: tuple[str, ...]
    first: str | None = None  # the first recommendation ("" = nothing in reach now)
    now: frozenset[str] = frozenset()  # recommended (in any position)
    todo: dict[str, str] = field(default_factory=dict)  # id (now) -> its first to-do ("": none)
    reason: dict[str, str] = field(default_factory=dict)  # id (now or later) -> words in why
    covered: frozenset[str] = frozenset()  # excluded because something held covers them
    held: frozenset[str] = frozenset()  # excluded as already held (and current)
    excluded_by: dict[str, set[str]] = field(default_factory=dict)  # id -> exactly these rules
    later: dict[str, str] = field(default_factory=dict)  # id -> kind of its first long step
    within: dict[str, float] = field(default_factory=dict)  # later id -> at most N months
    never: frozenset[str] = frozenset()  # never recommended now
    not_warned: str | None = None  # a warning that must not be on stderr
    warned: str | None = None  # a warning (or assumption) that must be on stderr

    def __str__(self) -> str:
        return self.who


def person(who: str, *args: str, **expect: Any) -> Person:
    for key in ("now", "covered", "held", "never"):
        if key in expect:
            expect[key] = frozenset(expect[key])
    return Person(who, args, **expect)


PEOPLE = [
    # ---------------------------------------------------------------- S&C holders
    # The CSCS covers what NASM-PES, ISSA-SCC, NCSF-CSC and NCCPT's strength exam teach (a
    # degree-level exam on the same domains, seed: "the gold standard"): never sold down.
    # What is left is real growth: USA Weightlifting's coaching course and the RSCC
    # designation after two years of coaching (nsca.com). Sports nutrition (CISSN,
    # NASM-CSNC) is another job: offered when nutrition is a goal, never by default.
    person(
        "CSCS holder who trains athletes",
        *("-g", "athletes", "-H", "CSCS", "-H", "CPR", "--degree", "bachelor"),
        *("--field", "kinesiology"),
        now={"USAW-L1"},
        never={"CISSN", "NASM-CSNC"},
        covered=S_AND_C_ADD_ONS,
        later={"NSCA-RSCC": "years"},
    ),
    # A CSCS holder in the UK who wants gym personal training: the CSCS is recognized there
    # for strength and conditioning (CSCS.yaml: uk-sc-roles), but the UK's occupational
    # qualification for personal trainers is the Level 3 diploma (UK-L3-PT.yaml): another
    # market's credential does not make the local standard unnecessary, so it comes first.
    person(
        "CSCS holder in the UK who wants to be a gym personal trainer",
        *("-g", "personal-training", "-H", "CSCS", "-H", "CPR", "--country", "GB"),
        first="UK-L3-PT",
    ),
    # The same holder in the US: the CSCS asks for a degree, a CPT for a diploma, and gyms
    # there accept the CSCS for personal training: no entry-level CPT is sold to them.
    person(
        "CSCS holder in the US who wants to be a personal trainer",
        *("-g", "personal-training", "-H", "CSCS", "-H", "CPR"),
        never={"NSCA-CPT", "NASM-CPT", "ACE-CPT", "ACSM-CPT", "ISSA-CPT", "NCSF-CPT"},
    ),
    # A CSCS holder moving to older adults: the CSPS is NSCA's special-populations
    # credential open to CSCS holders (nsca.com); ACSM-EIM (a course with a stale price)
    # must not outrank it.
    person(
        "CSCS holder moving to older adults",
        *("-g", "older adults", "-H", "CSCS", "-H", "CPR", "--degree", "bachelor"),
        *("--field", "kinesiology"),
        first="CSPS",
        reason={"CSPS": "builds on CSCS"},
    ),
    # TSAC-F is NSCA's tactical credential and open to CSCS holders (nsca.com).
    person(
        "CSCS holder who wants to train firefighters",
        *("-g", "tactical", "-H", "CSCS", "-H", "CPR", "--degree", "bachelor"),
        first="TSAC-F",
        held={"CSCS"},
    ),
    # With the CSCS and the 640 mentored internship hours, the CSCCa SCCC is in reach
    # (cscca.org); nothing the CSCS covers is offered.
    person(
        "CSCS holder with 640 internship hours, college teams",
        *("-g", "collegiate-athletes", "-H", "CSCS", "-H", "CPR", "--degree", "bachelor"),
        *("--hours", "internship=640"),
        first="CSCCA-SCCC",
        covered={"NCSF-CSC"},
    ),
    # A CSCS asks for a degree: an entry-level CPT adds little (superseded), and the
    # covered add-ons stay out; what is left are the specializations.
    person(
        "CSCS holder who also wants to do personal training",
        *("-g", "personal-training", "-H", "CSCS", "-H", "CPR", "--degree", "bachelor"),
        never=US_CPTS | {"NASM-PES"},
        covered={"NASM-PES", "ISSA-SCC"},
    ),
    # The SCCC covers the same add-ons as the CSCS; the CSCS itself is a real next step.
    person(
        "SCCC holder who trains athletes",
        *("-g", "athletes", "-H", "CSCCA-SCCC", "-H", "CPR", "--degree", "bachelor"),
        first="CSCS",
        covered=S_AND_C_ADD_ONS,
    ),
    # NASM advises a CPT first for the CES; a CSCS is more than a CPT (seed, nsca.com):
    # the CES is in reach now, never behind an entry-level NASM-CPT.
    person(
        "CSCS holder interested in corrective exercise",
        *("-g", "corrective-exercise", "-H", "CSCS", "-H", "CPR", "--degree", "bachelor"),
        first="NASM-CES",
        reason={"NASM-CES": "you hold CSCS"},
    ),
    # A BLS card (professional rescuer) meets every CPR/AED requirement (AHA, nsca.com).
    person(
        "nurse with a BLS card who wants to coach college athletes",
        *("-g", "collegiate-athletes", "--degree", "bachelor", "--field", "nursing"),
        *("-H", "BLS"),
        first="CSCS",
        todo={"CSCS": ""},
    ),
    # ---------------------------------------------------------------- CPT holders
    # Seed: NASM-PES is "often the best pathway to enhance an existing CPT".
    person(
        "NASM-CPT holder who trains athletes",
        *("-g", "athletes", "-H", "NASM-CPT", "-H", "CPR"),
        first="NASM-PES",
        later={"CSCS": "degree"},
    ),
    person(
        "NASM-CPT holder interested in corrective exercise",
        *("-g", "corrective-exercise", "-H", "NASM-CPT", "-H", "CPR"),
        first="NASM-CES",
    ),
    # A current ACE-CPT (good through 2027-06): no second CPT, no ACE-CPT again.
    person(
        "ACE-CPT holder, current to 2027-06",
        *("-g", "personal-training", "-H", "ACE-CPT@2027-06", "-H", "CPR"),
        held={"ACE-CPT"},
        never=US_CPTS,
    ),
    # Lapsed 2026-09-30; ACE accepts renewals for six months after (acefitness.org): the
    # renewal ($129, a 2026 review) comes before any new certification.
    person(
        "ACE-CPT lapsed two months ago",
        *("-g", "personal-training", "-H", "ACE-CPT@2026-09", "-H", "CPR"),
        first="ACE-CPT",
        reason={"ACE-CPT": "lapsed on 2026-09-30"},
    ),
    # Lapsed in January 2025, past ACE's six-month window and with no reinstatement route
    # verified: ACE-CPT is offered again, as the exam again, and says why, without claiming
    # that ACE has no way back (the catalog does not know): ask ACE, as renewals says.
    person(
        "ACE-CPT lapsed in January 2025",
        *("-g", "personal-training", "-H", "ACE-CPT@2025-01", "-H", "CPR"),
        now={"ACE-CPT"},
        reason={
            "ACE-CPT": "past its late window, and no reinstatement is verified, so the exam "
            "again; ask ACE"
        },
    ),
    # ACSM accepts late renewals for six months with an $80 late fee (acsm.org).
    person(
        "ACSM-CPT lapsed in August",
        *("-g", "personal-training", "-H", "ACSM-CPT@2026-08", "-H", "CPR"),
        first="ACSM-CPT",
        reason={"ACSM-CPT": "renew it late"},
    ),
    # NSCA has no late window: after a hardship appeal closes, the exam again (nsca.com).
    person(
        "NSCA-CPT lapsed at the end of 2023",
        *("-g", "personal-training", "-H", "NSCA-CPT@2023-12-31", "-H", "CPR"),
        now={"NSCA-CPT"},
        reason={"NSCA-CPT": "lapsed on 2023-12-31"},
    ),
    # ---------------------------------------------------------------- clinical
    # ACSM-CEP asks for BLS (professional-rescuer CPR; acsm.org): a BLS card meets it...
    person(
        "ACSM-EP with 1,300 clinical hours and a BLS card",
        *("-g", "clinical", "-H", "ACSM-EP", "-H", "BLS", "--degree", "bachelor"),
        *("--field", "exercise science", "--hours", "clinical=1300"),
        first="ACSM-CEP",
        todo={"ACSM-CEP": ""},
        held={"ACSM-EP"},
    ),
    # ...and a lay CPR/AED card does not: the BLS course is the to-do.
    person(
        "ACSM-EP with 1,300 clinical hours and a lay CPR card",
        *("-g", "clinical", "-H", "ACSM-EP", "-H", "CPR", "--degree", "bachelor"),
        *("--field", "exercise science", "--hours", "clinical=1300"),
        first="ACSM-CEP",
        todo={"ACSM-CEP": "cpr-aed"},
    ),
    # The CEP covers the EP (ACSM's own ladder); RCEP holders were merged into the CEP.
    person(
        "ACSM-CEP holder",
        *("-g", "clinical", "-H", "ACSM-CEP", "-H", "BLS", "--degree", "master"),
        *("--field", "clinical exercise physiology"),
        covered={"ACSM-EP"},
        held={"ACSM-CEP"},
    ),
    person(
        "ACSM-RCEP holder (retired 2018, merged into the CEP)",
        *("-g", "clinical", "-H", "ACSM-RCEP", "-H", "BLS", "--degree", "master"),
        *("--field", "clinical exercise physiology"),
        covered={"ACSM-CEP", "ACSM-EP"},
    ),
    # AACVPR's CCRP: a degree and 1,500 h of cardiac or pulmonary rehab (aacvpr.org).
    person(
        "exercise-science graduate with 1,600 cardiac-rehab hours",
        *("-g", "clinical", "--degree", "bachelor", "--field", "exercise science"),
        *("--hours", "cardiopulmonary-rehab=1600", "-H", "BLS"),
        first="AACVPR-CCRP",
    ),
    # ---------------------------------------------------------------- licences
    # A registered dietitian is licensed for more than nutrition-coach certificates teach;
    # the CSSD (2 years as an RD, 1,500 sports-dietetics hours; CDR) is the next step.
    person(
        "registered dietitian",
        *("-g", "nutrition", "-H", "RD", "-H", "CPR", "--degree", "master"),
        *("--field", "dietetics"),
        covered=NUTRITION_COACHING | {"PN-L2"},
        held={"RDN"},
        later={"CSSD": "hours"},
    ),
    person(
        "RD with three years and 1,600 sports-dietetics hours",
        *("-g", "nutrition", "-g", "athletes", "-H", "RD", "-H", "CPR", "--degree", "master"),
        *("--field", "dietetics", "--experience", "dietitian-practice=3"),
        *("--hours", "sports-dietetics=1600"),
        now={"CSSD"},
        reason={"CSSD": "builds on RDN"},
        covered=NUTRITION_COACHING,
    ),
    # NASM recommends a CPT *or a four-year degree* before the PES (seed): a master's
    # graduate meets it, so the PES is in reach now, not behind a NASM-CPT.
    person(
        "master's graduate in nutrition and dietetics who wants to train athletes",
        *("-g", "athletes", "--degree", "master", "--field", "nutrition and dietetics"),
        *("-H", "CPR"),
        now={"CSCS", "NASM-PES"},
        reason={"NASM-PES": "a four-year college degree"},
    ),
    # An athletic trainer's education covers corrective exercise (BOC domains).
    person(
        "athletic trainer interested in corrective exercise",
        *("-g", "corrective-exercise", "-H", "ATC", "-H", "CPR", "--degree", "master"),
        *("--field", "athletic training"),
        covered={"NASM-CES"},
        never={"NASM-CES"},
    ),
    # NSCA's CSPS accepts a current licence as PT, PTA, AT or RD (nsca.com).
    person(
        "athletic trainer moving to special populations",
        *("-g", "special-populations", "-H", "ATC", "-H", "CPR", "--degree", "master"),
        *("--field", "athletic training"),
        first="CSPS",
    ),
    person(
        "physical therapist assistant moving to special populations",
        *("-g", "special-populations", "-H", "PTA", "-H", "CPR", "--degree", "associate"),
        *("--field", "physical therapist assistant"),
        first="CSPS",
    ),
    # A trainer whose ACE-CPT lapsed past its windows: NASM advises a CPT before its add-ons,
    # and the way to one is the exam of their own CPT again, not another body's CPT.
    person(
        "trainer whose ACE-CPT lapsed in March",
        *("-g", "personal-training", "-H", "ACE-CPT@2026-03", "-H", "CPR"),
        later={"NASM-PES": "credential"},
    ),
    # A PTA or a dietitian who wants to train clients of their own: their licence covers care
    # under a physical therapist's plan, or nutrition, not exercise programming for the public;
    # gyms and insurers ask a personal trainer for an NCCA-accredited CPT, so that comes first.
    # NASM advises a CPT before its add-ons (seed): their licence is not one, so the add-ons
    # come after it, never "you have what NASM advises first: you hold RDN".
    person(
        "physical therapist assistant who wants wellness clients",
        *("-g", "personal-training", "-H", "PTA", "-H", "CPR", "--degree", "associate"),
        now=US_CPTS & {"NSCA-CPT", "ACSM-CPT", "ACE-CPT", "NASM-CPT"},
        later={"NASM-CES": "credential"},
    ),
    person(
        "registered dietitian who wants to train clients too",
        *("-g", "personal-training", "-H", "RD", "-H", "CPR", "--degree", "master"),
        now={"NSCA-CPT", "ACSM-CPT", "ACE-CPT", "NASM-CPT"},
        later={"NASM-CES": "credential", "NASM-WLS": "credential"},
    ),
    # A PT's doctorate and an athletic trainer's CAATE education include exercise for the
    # public a trainer serves: an entry-level CPT is covered (PT.yaml, ATC.yaml). An ATC keeps a
    # BLS-level emergency cardiac care card to stay certified: no CPR course is asked of them.
    person(
        "athletic trainer who also wants to train clients",
        *("-g", "personal-training", "-H", "ATC", "--degree", "master"),
        never=US_CPTS,
        todo={"NASM-PES": ""},
        not_warned="CPR/AED not listed",
    ),
    # A licensed physical therapist is not sold a corrective-exercise certificate.
    person(
        "licensed physical therapist",
        *("-g", "corrective-exercise", "-H", "PT", "-H", "CPR", "--degree", "doctorate"),
        *("--field", "physical therapy"),
        first="",
        covered={"NASM-CES", "ACE-MES"},
    ),
    # ACE-HC's first route takes a current licence in health care (acefitness.org).
    person(
        "registered nurse who wants to coach wellness",
        *("-g", "wellness", "-H", "RN", "-H", "CPR", "--degree", "bachelor"),
        *("--field", "nursing"),
        first="ACE-HC",
        reason={"ACE-HC": "meets:"},
    ),
    # A Registered Yoga Teacher already holds the registration; an entry yoga exam is
    # covered; group-fitness instructor credentials are the real next step.
    person(
        "registered yoga teacher who wants to lead group classes",
        *("-g", "group-fitness", "-H", "RYT-200", "-H", "CPR"),
        now={"ACE-GFI", "AFAA-GFI"},
        covered={"NCCPT-CYI"},
        held={"RYT-200"},
    ),
    # Someone who wants to teach yoga: the 200-hour registered training is the way in.
    person(
        "someone who wants to teach yoga",
        *(
            "-g",
            "yoga teacher",
        ),
        now={"RYT-200"},
    ),
    # NCCPT's Certified Yoga Instructor is its yoga exam (nccpt-about: "Yoga Instructor"
    # among its certifications), for yoga classes in health clubs: a yoga instructor is
    # offered it beside the RYT-200 route, and never a Pilates certification.
    person(
        "yoga instructor for fitness clubs",
        *("-g", "yoga instructor", "-H", "CPR"),
        now={"RYT-200", "NCCPT-CYI"},
        never={"NCPT"},
    ),
    # NPCP's NCPT examines comprehensively trained Pilates teachers (npcp-req): it is the
    # Pilates teacher's credential, and a yoga registration or exam is not.
    person(
        "Pilates instructor with a comprehensive training",
        *("-g", "pilates instructor", "-H", "CPR", "--hours", "pilates training=450"),
        first="NCPT",
        never={"RYT-200", "NCCPT-CYI"},
    ),
    # The NCPT asks for a verified comprehensive training of at least 450 hours (npcp-req):
    # a yoga teacher has not done it, so it is the training first, not "meets".
    person(
        "registered yoga teacher who wants to teach Pilates",
        *("-g", "pilates", "-H", "RYT-200", "-H", "CPR"),
        first="",
        later={"NCPT": "hours"},
    ),
    # An RYT-200 holder asking about NCCPT's yoga exam: the registration covers it (the
    # 200-hour training tests more), and that is the only reason; it serves yoga.
    person(
        "registered yoga teacher asking about NCCPT's yoga exam",
        *("-g", "yoga instructor", "-H", "RYT-200", "-H", "CPR"),
        held={"RYT-200"},
        excluded_by={"NCCPT-CYI": {"covered"}},
    ),
    # Since 2022 athletic training is a master's (caate.net): about 2 years after a
    # bachelor's, through a CAATE programme.
    person(
        "athletic-training bachelor's who wants sports medicine",
        *("-g", "sports-medicine", "--degree", "bachelor", "--field", "athletic training"),
        first="",
        later={"ATC": "degree"},
        within={"ATC": 30},
    ),
    # A DPT takes about 3 years after a bachelor's (capte); a PTA is its own associate's.
    person(
        "kinesiology graduate who wants to be a physical therapist",
        *("-g", "physical-therapy", "--degree", "bachelor", "--field", "kinesiology"),
        first="",
        later={"PT": "degree"},
        within={"PT": 40},
    ),
    # ---------------------------------------------------------------- degrees in progress
    # A junior graduating in May 2028 reaches NSCA's final-year window in May 2027 and can
    # study meanwhile: the CSCS within about 18 months, study included; NSCA's 2030 rule
    # is not theirs.
    person(
        "exercise-science junior graduating 2028-05",
        *("-g", "collegiate-athletes", "--studying", "bachelor", "--graduating", "2028-05"),
        *("--field", "exercise science", "-H", "CPR"),
        first="",
        later={"CSCS": "degree"},
        within={"CSCS": 18},
        not_warned="warning: CSCS: from 2030-01-01",
    ),
    # A 16-year-old at school until June 2028: ACSM asks for 18 and a diploma (acsm.org);
    # both waits start today and run side by side, so the CPT is about 2 years away (the
    # longer wait), studying meanwhile, never the two waits added up (3.5 years).
    person(
        "16-year-old at school until 2028-06 who wants to be a personal trainer",
        *("-g", "personal-training", "--age", "16"),
        *("--studying", "high-school", "--graduating", "2028-06"),
        later={"ACSM-CPT": "age"},
        within={"ACSM-CPT": 25},
    ),
    # A senior graduating within a year is in the final year: the CSCS now, with student
    # dues plus the member price (nsca.com; $65 student dues, a 2015 source).
    person(
        "exercise-science senior graduating 2027-05",
        *("-g", "collegiate-athletes", "--studying", "bachelor", "--graduating", "2027-05"),
        *("--field", "exercise science", "-H", "CPR"),
        first="CSCS",
        todo={"CSCS": "membership"},
    ),
    person(
        "dietetics junior who wants to be a dietitian",
        *("-g", "dietetics", "--studying", "bachelor", "--graduating", "2027-05"),
        *("--field", "nutrition"),
        first="",
        later={"RDN": "degree"},
    ),
    # ---------------------------------------------------------------- other countries
    # In the UK the UKSCA accreditation is the S&C standard (uksca.org.uk); a "BSc (Hons)
    # Sport & Exercise Science" is an exercise-science degree; the US add-ons come after.
    # UK S&C roles usually ask for "either UKSCA ASCC or NSCA CSCS" (a UK coach, 2022): the
    # CSCS is recognized there too, not warned of as another market's.
    person(
        "UK sport and exercise science graduate, athletes",
        *("--country", "GB", "-g", "athletes", "--degree", "bachelor"),
        *("--field", "BSc (Hons) Sport & Exercise Science", "-H", "CPR"),
        first="UKSCA-ASCC",
        now={"CSCS"},
        reason={"CSCS": "recognized in GB too"},
    ),
    # A UK Level 3 personal trainer moving to special populations: the Level 3 exercise
    # referral diploma is the UK route (CIMSPA).
    person(
        "UK Level 3 personal trainer moving to exercise referral",
        *("--country", "GB", "-g", "special-populations", "-H", "UK-L3-PT", "-H", "CPR"),
        first="UK-L3-ER",
    ),
    person(
        "UK gym instructor (Level 2) who wants to be a personal trainer",
        *("--country", "GB", "-g", "personal-training", "-H", "UK-L2-GYM"),
        *("--degree", "high-school"),
        first="UK-L3-PT",
    ),
    # ASCA's levels are taken in order: Level 1 first, Associate L2 after it.
    person(
        "Australian 20-year-old who wants to coach athletes",
        *("--country", "AU", "-g", "athletes", "--age", "20"),
        first="ASCA-L1",
        later={"ASCA-L2": "requirement"},
    ),
    person(
        "ASCA Associate L2 coach",
        *("--country", "AU", "-g", "athletes", "-H", "ASCA-L2"),
        covered={"ASCA-L1"} | S_AND_C_ADD_ONS,
        held={"ASCA-L2"},
    ),
    # Holding Australia's standard (the Certificate IV), another market's CPT adds nothing.
    person(
        "Australian Certificate IV personal trainer",
        *("--country", "AU", "-g", "personal-training", "-H", "CERT-IV-FITNESS", "-H", "CPR"),
        held={"CERT-IV-FITNESS"},
        never=US_CPTS,
    ),
    # The reverse: a NASM-CPT holder moving to Australia. Gyms and AUSactive registration
    # there ask for the Certificate IV (CERT-IV-FITNESS.yaml); a US CPT does not make the
    # local standard unnecessary, so it comes first (the specializations that build on the
    # NASM-CPT follow). The same in the UK, where the Level 3 diploma is the standard.
    person(
        "NASM-CPT holder moving to Australia",
        *("--country", "AU", "-g", "personal-training", "-H", "NASM-CPT", "-H", "CPR"),
        first="CERT-IV-FITNESS",
        never=US_CPTS - {"NASM-CPT"},
    ),
    person(
        "NASM-CPT holder moving to the UK",
        *("--country", "GB", "-g", "personal-training", "-H", "NASM-CPT", "-H", "CPR"),
        first="UK-L3-PT",
        never=US_CPTS - {"NASM-CPT"},
    ),
    # ESSA's AEP is the Australian clinical standard; "exercise and sports science" is a
    # three-year exercise-science degree, so the way on is ESSA's postgraduate route: the
    # accredited postgraduate course, counted as a master's (essa-aep-become, essa-intl).
    person(
        "Australian exercise and sports science graduate, clinical",
        *("--country", "AU", "-g", "clinical", "--degree", "bachelor"),
        *("--field", "exercise and sports science", "-H", "CPR"),
        later={"ESSA-AEP": "degree"},
    ),
    # In Canada, CSEP-CPT for a kinesiology graduate (csep.ca).
    person(
        "Canadian kinesiology graduate, personal training",
        *("--country", "CA", "-g", "personal-training", "--degree", "bachelor"),
        *("--field", "kinesiology", "-H", "CPR"),
        first="CSEP-CPT",
    ),
    # An Ontario kinesiology graduate applies to the College: the jurisprudence module and
    # the police check are part of the application (cko-exam-2025), so RKIN is in reach now.
    person(
        "CSEP-CEP holder",
        *("--country", "CA", "-g", "clinical", "-H", "CSEP-CEP", "-H", "CPR"),
        *("--degree", "bachelor", "--field", "kinesiology"),
        held={"CSEP-CEP"},
        now={"RKIN"},
    ),
    # ---------------------------------------------------------------- old exchange rates
    # The catalog's rates (2025-10) are over six months old on the pinned day: that matters
    # to someone who reads a converted price (or whose budget was converted), and to no one
    # else. A US newcomer reads US-dollar prices only: no word about rates.
    person(
        "US newcomer to personal training who reads dollar prices only",
        *("-g", "personal-training", "--degree", "high-school", "--age", "25"),
        now={"NSCA-CPT"},
        not_warned="exchange rates",
    ),
    # A budget in pounds is converted to compare it with dollar prices.
    person(
        "US newcomer to personal training with a budget in pounds",
        *("-g", "personal-training", "--degree", "high-school", "--age", "25"),
        *("--budget", "400 GBP"),
        warned="assumption: exchange rates from 2025-10 are more than 6 months old",
    ),
    # In the UK every US price reads as roughly so many pounds.
    person(
        "UK newcomer to personal training",
        *("--country", "GB", "-g", "personal-training", "--age", "25"),
        first="UK-L3-PT",
        warned="assumption: exchange rates from 2025-10 are more than 6 months old",
    ),
    # ---------------------------------------------------------------- ages and others
    # NCCPT lets under-18s sit with a legal guardian's written consent (nccpt.com).
    person(
        "16-year-old with a guardian's consent",
        *("-g", "personal-training", "--age", "16"),
        first="NCCPT-CPT",
        todo={"NCCPT-CPT": "consent"},
    ),
    person(
        "national board-certified health coach",
        *("-g", "wellness", "-H", "NBC-HWC"),
        covered={"ACE-HC", "NASM-CWC"},
        held={"NBC-HWC"},
    ),
    person(
        "Precision Nutrition Level 2 coach",
        *("-g", "nutrition", "-H", "PN-L2"),
        covered={"PN-L1", "NASM-CNC"},
        held={"PN-L2"},
    ),
    # The NFHS course is what US high schools ask of their coaches (nfhs.org).
    person(
        "someone who will coach a high-school team",
        *(
            "-g",
            "school-coaching",
        ),
        first="NFHS-COACH",
    ),
    # ---------------------------------------------------------------- one row for every
    # credential the catalog added on 2026-11-29 that no row above names.
    # ISSN's CISSN is the sports-nutrition credential for degree holders (issn); a CSCS holder
    # with an exercise-science degree is ready for it; the RDN is a degree away.
    person(
        "CSCS holder with an exercise-science degree, sports nutrition",
        *("-g", "nutrition", "-H", "CSCS", "-H", "CPR", "--degree", "bachelor"),
        *("--field", "exercise-science"),
        now={"CISSN"},
        later={"RDN": "degree"},
    ),
    # canfitpro's PTS is Canada's most common gym certification (canfitpro.com); no degree.
    person(
        "Canadian newcomer to personal training",
        *("--country", "CA", "-g", "personal-training", "-H", "CPR"),
        now={"CANFITPRO-PTS"},
        never={"CSEP-CPT"},  # CSEP's asks for a degree or college diploma first
    ),
    # ESSA's AES is the Australian standard for exercise-science graduates, open to those
    # whose course was ESSA-accredited: a requirement certadvise names, not one it assumes.
    person(
        "Australian exercise and sports science graduate, personal training",
        *("--country", "AU", "-g", "personal-training", "--degree", "bachelor"),
        *("--field", "exercise and sports science", "-H", "CPR"),
        later={"ESSA-AES": "requirement"},
    ),
    # The NCCA-accredited US CPTs are in reach; the Cooper Institute's ended in 2019, when its
    # trainers became ACE-CPTs (acefitness.org), so it is never offered.
    person(
        "adult newcomer to personal training in the US",
        *("-g", "personal-training", "-H", "CPR", "--age", "25"),
        now={"NSCA-CPT", "ACE-CPT"},
        never={"COOPER-CPT"},
    ),
    # NPCP's NCPT is the US Pilates teacher certification, beside Yoga Alliance's RYT: the
    # RYT's training is its own first stage (in reach now); the NCPT's 450 hours come before
    # its exam, so it is for later until the person says they have done them.
    person(
        "Pilates and yoga teacher-to-be",
        *("-g", "mind-body", "-H", "CPR", "--age", "30"),
        now={"RYT-200"},
        later={"NCPT": "hours"},
    ),
    person(
        "Pilates and yoga teacher with a comprehensive Pilates training",
        *("-g", "mind-body", "-H", "CPR", "--age", "30", "--hours", "pilates-training=480"),
        now={"NCPT", "RYT-200"},
    ),
    # NCCPT's group-exercise and indoor-cycling exams need only a CPR card (nccpt.com).
    person(
        "gym member who wants to teach group classes",
        *("-g", "group-fitness", "-H", "CPR", "--age", "22"),
        now={"NCCPT-CGXI", "NCCPT-CICI", "ACE-GFI"},
    ),
    # In Australia the Certificate III in Fitness is the entry qualification (training.gov.au).
    person(
        "Australian newcomer who wants to teach group classes",
        *("--country", "AU", "-g", "group-fitness", "-H", "CPR"),
        first="CERT-III-FITNESS",
    ),
    # NASM's physique and bodybuilding coach builds on a CPT (nasm.org).
    person(
        "NASM-CPT holder who coaches physique competitors",
        *("-g", "physique", "-H", "NASM-CPT", "-H", "CPR"),
        first="NASM-PBC",
    ),
    # BASES accreditation follows years of supervised experience after a sport-science degree
    # (bases.org.uk): a UK master's graduate in "sport and exercise science" has it ahead.
    person(
        "UK sport and exercise science master's graduate",
        *("--country", "GB", "-g", "sport-science", "--degree", "master"),
        *("--field", "sport and exercise science", "-H", "CPR"),
        later={"BASES": "requirement"},
    ),
]


def advice_for(cli: Runner, p: Person) -> tuple[dict[str, Any], str]:
    result = cli("recommend", *p.args, "--all", "-f", "json")
    assert result.code in (0, 1), result.err
    doc: dict[str, Any] = result.json()
    return doc, result.err


@pytest.mark.parametrize("p", PEOPLE, ids=str)
def test_what_an_adviser_would_say_to_people_past_the_start(cli: Runner, p: Person) -> None:
    doc, err = advice_for(cli, p)
    now = [r["id"] for r in doc["recommendations"]]
    recommended = {r["id"]: r for r in doc["recommendations"]}
    later = {item["id"]: item for item in doc["later"]}
    excluded = {e["id"]: e for e in doc["excluded"]}
    if p.first is not None:
        assert (now[0] if now else "") == p.first, now
    assert p.now <= set(now), now
    for cert_id, kind in p.todo.items():
        assert [s["kind"] for s in recommended[cert_id]["steps"]][:1] == ([kind] if kind else [])
    for cert_id, words in p.reason.items():
        item = recommended.get(cert_id) or later[cert_id]
        assert any(words in r for r in item["reasons"]), item["reasons"]
    for cert_id in p.covered:
        assert "covered" in excluded[cert_id]["rules"], excluded.get(cert_id)
    for cert_id in p.held:
        assert "already-held" in excluded[cert_id]["rules"], excluded.get(cert_id)
    for cert_id, rules in p.excluded_by.items():
        assert set(excluded[cert_id]["rules"]) == rules, excluded[cert_id]
    for cert_id, kind in p.later.items():
        assert cert_id in later, sorted(later)
        long_steps = [s["kind"] for s in later[cert_id]["steps"] if s["kind"] not in SHORT]
        assert long_steps[0] == kind, later[cert_id]["steps"]
    for cert_id, months in p.within.items():  # a time that is known, and short enough
        timed = [s["months"] for s in later[cert_id]["steps"] if s["kind"] not in SHORT]
        assert None not in timed[:1] and later[cert_id]["months"] <= months, later[cert_id]
    for cert_id in (i for i, kind in p.todo.items() if kind == ""):
        assert recommended[cert_id]["steps"] == [], recommended[cert_id]["steps"]
    assert not p.never & set(now), now
    if p.not_warned:
        assert p.not_warned not in err
    if p.warned:
        assert p.warned in err


def test_there_are_at_least_40_people_past_the_start() -> None:
    assert len(PEOPLE) >= 40


@pytest.mark.parametrize("p", PEOPLE, ids=str)
def test_nothing_they_hold_covers_is_ever_offered(cli: Runner, p: Person) -> None:
    doc, _ = advice_for(cli, p)
    covered = {e["id"] for e in doc["excluded"] if "covered" in e["rules"]}
    offered = {r["id"] for r in doc["recommendations"]} | {r["id"] for r in doc["later"]}
    assert not covered & offered


def _sample(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """A few entries of each section: (id, section)."""
    picked = [(r["id"], "recommended") for r in doc["recommendations"][:3]]
    picked += [(r["id"], "later") for r in doc["later"][:3]]
    picked += [
        (e["id"], "excluded")
        for e in doc["excluded"]
        if "goal" not in e["rules"] and "kind" not in e["rules"] and "retired" not in e["rules"]
    ][:2]
    return picked


@pytest.mark.parametrize("p", PEOPLE, ids=str)
def test_path_why_and_compare_agree_with_recommend(cli: Runner, p: Person) -> None:
    """One judgement per person: every command says the same of every certification."""
    doc, _ = advice_for(cli, p)
    steps = {r["id"]: r["steps"] for r in doc["recommendations"]}
    steps |= {r["id"]: r["steps"] for r in doc["later"]}
    sampled = _sample(doc)
    for cert_id, section in sampled:
        why = cli("recommend", *p.args, "--why", cert_id, "-f", "json").json()
        assert why["section"] == section, (cert_id, why["verdicts"])
        if section == "excluded":
            continue
        plan = cli("path", cert_id, *p.args, "-f", "json").json()
        texts = [s["text"] for s in plan["steps"]]
        if section == "recommended":  # its to-dos come first in the plan, nothing long
            assert texts[: len(steps[cert_id])] == [s["text"] for s in steps[cert_id]]
            assert all(s["kind"] in (*SHORT, "exam") or s["id"] == cert_id for s in plan["steps"])
        else:
            assert texts == [s["text"] for s in steps[cert_id]], cert_id
    ids = list(dict.fromkeys(cert_id for cert_id, _ in sampled))
    for chunk in (ids[i : i + 6] for i in range(0, len(ids), 6)):
        if len(chunk) < 2:
            chunk = [*chunk, ids[0] if ids[0] != chunk[0] else ids[-1]]
        if len(set(chunk)) < 2:
            continue
        compared = cli("compare", *chunk, *p.args, "--rows", "eligible", "-f", "json").json()
        for cert_id in chunk:
            said = compared["eligibility"][cert_id]
            section = next(s for i, s in sampled if i == cert_id)
            expected = {"recommended": "yes", "later": "later", "excluded": "no"}[section]
            assert said.startswith(expected), (cert_id, said)
