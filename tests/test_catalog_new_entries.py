"""The 15 certifications added for issue 11: each one's key facts, pinned to its sources."""

from __future__ import annotations

import pytest

from certadvise.catalog.index import Catalog
from certadvise.catalog.models import Certification, CeUnit, Confidence, CprAed, DegreeLevel

from .conftest import Runner


def source_url(entry: Certification, key: str | None) -> str:
    source = entry.source(key)
    assert source is not None, (entry.id, key)
    return source.url


@pytest.mark.parametrize(
    ("cert_id", "markets"),
    [
        ("UK-L3-PT", ("GB",)),
        ("UKSCA-ASCC", ("GB",)),
        ("CSEP-CPT", ("CA",)),
        ("CSEP-CEP", ("CA",)),
        ("CERT-IV-FITNESS", ("AU",)),
        ("NCCPT-CPT", ("US", "CA")),
        ("PN-L1", ("international",)),
        ("ACE-HC", ("US",)),
        ("NBC-HWC", ("US",)),
    ],
)
def test_each_new_entry_says_its_market_with_a_source(
    catalog: Catalog, cert_id: str, markets: tuple[str, ...]
) -> None:
    entry = catalog.entries[cert_id]
    assert entry.markets == markets
    assert entry.markets_source is not None and entry.source(entry.markets_source) is not None


@pytest.mark.parametrize(
    ("country", "cert_id"),
    [("GB", "UK-L3-PT"), ("CA", "CSEP-CPT"), ("AU", "CERT-IV-FITNESS")],
)
def test_each_market_has_a_personal_training_credential_of_its_own(
    catalog: Catalog, country: str, cert_id: str
) -> None:
    entry = catalog.entries[cert_id]
    assert entry.goals[0] == "personal-training" and country in entry.markets
    assert entry.kind == "certification" and entry.category == "foundational-cpt"


def test_uk_level_3_pt_is_open_to_beginners_through_the_combined_diploma(cli: Runner) -> None:
    result = cli("path", "UK-L3-PT", "-f", "json")
    # no prerequisite step: the combined Level 2-and-3 diploma is a course, then its exam
    assert [s["kind"] for s in result.json()["steps"]] == ["course", "exam"]
    entry_routes = cli("show", "UK-L3-PT", "-f", "json").json()["prerequisites"]["routes"]
    assert entry_routes[0]["credentials"] == ["UK-L2-GYM"]


def test_ace_health_coach(catalog: Catalog) -> None:
    hc = catalog.entries["ACE-HC"]
    assert hc.prerequisites is not None and hc.cost is not None and hc.exam is not None
    assert hc.prerequisites.min_age == 18 and hc.prerequisites.cpr_aed is CprAed.REQUIRED
    assert len(hc.prerequisites.routes) == 3  # NCCA certification, associate's degree, 2 years
    assert hc.prerequisites.routes[0].credentials_any == ("class:ncca-any", "class:licence")
    assert (hc.cost.exam_non_member, hc.cost.retake) == (499, 249)
    assert hc.source(hc.cost.source).as_of == "c. 2015-17"  # type: ignore[union-attr]
    assert hc.is_accredited_ncca and hc.exam.questions == 150
    assert hc.recertification is not None and hc.recertification.ce_unit is CeUnit.CEC
    assert "CERT_LWMC867" in source_url(hc, "dod-cool")


def test_an_ncca_certification_of_any_kind_opens_ace_health_coach(catalog: Catalog) -> None:
    assert catalog.satisfies("CSCS", "class:ncca-any")
    assert not catalog.satisfies("ISSA-CPT", "class:ncca-any")
    assert not catalog.satisfies("CPR-AED", "class:ncca-any")


def test_ace_medical_exercise_specialist(catalog: Catalog) -> None:
    mes = catalog.entries["ACE-MES"]
    assert mes.prerequisites is not None and mes.cost is not None
    route = mes.prerequisites.routes[0]
    assert route.degree is DegreeLevel.BACHELOR and route.hours == {"practical": 500}
    assert mes.cost.exam_non_member == 499 and mes.is_accredited_ncca
    assert "ACE Advanced Health & Fitness Specialist" in mes.former_names


def test_nccpt_cpt_is_the_ncca_accredited_issa_exam(catalog: Catalog) -> None:
    nccpt = catalog.entries["NCCPT-CPT"]
    assert nccpt.exam is not None and nccpt.prerequisites is not None and nccpt.cost is not None
    assert (nccpt.exam.questions, nccpt.exam.minutes) == (140, 120)
    assert nccpt.prerequisites.min_age == 18 and nccpt.prerequisites.routes == ()
    # the USD 599 exam price is on an undated ISSA page: not counted; the dated USD 79
    # Prometric fee is (as the fee added on top of an exam price)
    assert nccpt.is_accredited_ncca and nccpt.cost.exam_non_member is None
    assert nccpt.cost.application_fee == 79 and "599" in (nccpt.cost.note or "")
    assert source_url(nccpt, nccpt.exam.source) == "https://nccpt.issaonline.com/pages/faq"
    assert catalog.satisfies("NCCPT-CPT", "class:ncca-cpt")
    assert not catalog.satisfies("ISSA-CPT", "class:ncca-cpt")


def test_nsca_rscc_is_a_designation_on_top_of_cscs(catalog: Catalog) -> None:
    rscc = catalog.entries["NSCA-RSCC"]
    assert rscc.kind == "designation"
    assert rscc.prerequisites is not None and rscc.cost is not None
    first = rscc.prerequisites.routes[0]
    assert first.credentials == ("CSCS",) and first.years == {"sc-coaching": 2}
    # the $100 application, open to NSCA members only: a member price without a non-member one
    assert (rscc.cost.exam_member, rscc.cost.exam_non_member) == (100, None)
    assert rscc.source(rscc.prerequisites.source).confidence is Confidence.HIGH  # type: ignore[union-attr]


def test_acsm_eim_needs_a_degree_and_any_ncca_certification(catalog: Catalog) -> None:
    eim = catalog.entries["ACSM-EIM"]
    assert eim.prerequisites is not None
    route = eim.prerequisites.routes[0]
    assert route.degree is DegreeLevel.BACHELOR and route.credentials_any == ("class:ncca-any",)


def test_csep_cpt_and_cep(catalog: Catalog) -> None:
    cpt, cep = catalog.entries["CSEP-CPT"], catalog.entries["CSEP-CEP"]
    assert cpt.prerequisites is not None and cpt.exam is not None
    assert all(r.degree is DegreeLevel.ASSOCIATE for r in cpt.prerequisites.routes)  # never HS
    assert cpt.exam.passing_score is not None and cpt.exam.passing_score.value == 70
    assert cpt.recertification is not None and cpt.recertification.ceus == 20
    assert cpt.cost is not None and cpt.cost.currency == "CAD"  # the yearly fee, 2024-25
    assert [t.price for t in cpt.cost.tiers] == [260]
    assert "theory exam fee" in cpt.cost.unverified_fees  # exam fees exist, amounts not found
    assert cep.prerequisites is not None
    assert cep.prerequisites.routes[0].degree is DegreeLevel.BACHELOR
    assert cep.prerequisites.routes[0].hours == {"practical": 100}
    assert "csep.ca" in source_url(cpt, cpt.prerequisites.source)


def test_an_overseas_route_fee_is_never_an_australian_graduates_price(catalog: Catalog) -> None:
    aep = catalog.entries["ESSA-AEP"]
    assert aep.cost is not None and aep.cost.tiers == ()  # only overseas graduates sit exams
    assert "AUD 820" in (aep.cost.note or "")  # said in the note, for overseas graduates


def test_certificate_iv_in_fitness(catalog: Catalog) -> None:
    cert4 = catalog.entries["CERT-IV-FITNESS"]
    assert "SIS40221" in cert4.aliases and cert4.cost is not None
    # The one price found is for international students: a note, never a resident's price.
    assert cert4.cost.currency == "AUD" and cert4.cost.tiers == ()
    assert "international students, AUD 8,100" in (cert4.cost.note or "")
    assert cert4.cost.unverified_fees == ("SIS40221 Certificate IV course fee",)
    assert cert4.prerequisites is not None
    assert cert4.prerequisites.routes[0].credentials == ("CERT-III-FITNESS",)
    assert cert4.recertification is not None
    assert (cert4.recertification.ceus, cert4.recertification.period_years) == (20, 2)
    cert3 = catalog.entries["CERT-III-FITNESS"]
    assert cert3.cost is not None and cert3.cost.currency == "AUD"


def test_a_price_in_pounds_keeps_its_currency_and_is_converted_roughly(
    catalog: Catalog, cli: Runner
) -> None:
    uksca = catalog.entries["UKSCA-ASCC"]
    assert uksca.cost is not None
    # GBP 300 for members, GBP 75 per failed element (UKSCA's page, dated c. 2020-24 by inference)
    assert (uksca.cost.currency, uksca.cost.exam_member, uksca.cost.retake) == ("GBP", 300, 75)
    row = next(
        r for r in cli("list", "-f", "json").json()["certifications"] if r["id"] == "UKSCA-ASCC"
    )
    assert (row["minimum"], row["currency"], row["from"]) == (300, "GBP", "£300+")
    pounds = next(
        r for r in cli("list", "-f", "json").json()["certifications"] if r["id"] == "UK-L3-PT"
    )
    # a beginner's: the combined Level 2 + 3 diploma
    assert (pounds["minimum"], pounds["currency"], pounds["converted"]) == (2225, "GBP", True)
    assert round(pounds["minimum_usd"]) == round(2225 * 1.3453)  # RBA rates of 2025-10-17
    facts = cli("show", "UK-L3-PT", "-f", "csv").out
    assert "£1,500 a Level 3 course after a Level 2, CMS Fitness Courses" in facts
    assert "≈ $2,993 at the 2025-10 rate" in facts  # the combined diploma, £2,225


def test_nbc_hwc(catalog: Catalog) -> None:
    hwc = catalog.entries["NBC-HWC"]
    assert hwc.cost is not None and hwc.exam is not None and hwc.study_hours is not None
    assert (hwc.cost.application_fee, hwc.cost.exam_non_member) == (100, 400)
    assert hwc.exam.questions == 150 and hwc.study_hours.low == 75
    assert not hwc.is_accredited_ncca


def test_weakly_sourced_entries_say_so(catalog: Catalog) -> None:
    for cert_id in ("PN-L1", "USAW-L1", "NETA-CPT"):
        assert catalog.entries[cert_id].confidence is Confidence.LOW, cert_id
    assert catalog.entries["NETA-CPT"].prerequisites.verified is False  # type: ignore[union-attr]
    assert catalog.entries["NFPT-CPT"].cost.exam_non_member is None  # type: ignore[union-attr]


def test_nfpt_and_neta_are_ncca_accredited_cpts(catalog: Catalog) -> None:
    for cert_id in ("NFPT-CPT", "NETA-CPT"):
        assert catalog.satisfies(cert_id, "class:ncca-cpt"), cert_id
