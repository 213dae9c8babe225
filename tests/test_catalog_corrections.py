"""The corrections of the 2026-11-26 audit, each pinned to the source that states it."""

from __future__ import annotations

from certadvise.catalog.index import Catalog
from certadvise.catalog.models import CeUnit, Confidence

from .conftest import Runner


def test_acsm_recertification_is_acsms_own_table(catalog: Catalog) -> None:
    expected = {
        "ACSM-GEI": (45, 60),
        "ACSM-CPT": (45, 60),
        "ACSM-EP": (60, 70),
        "ACSM-CEP": (60, 70),
    }
    for cert_id, (cecs, fee) in expected.items():
        entry = catalog.entries[cert_id]
        rec = entry.recertification
        assert rec is not None, cert_id
        assert (rec.period_years, rec.ceus, rec.ce_unit, rec.fee_non_member) == (
            3,
            cecs,
            CeUnit.CEC,
            fee,
        ), cert_id
        source = entry.source(rec.source)
        assert source is not None and source.url == "https://acsm.org/certification/recertification"
        assert source.confidence is Confidence.HIGH
        assert rec.hours(catalog.vocabulary.unit_hours()) == cecs  # ACSM: 1 CEC = 1 hour


def test_acsm_ep_is_a_degree_level_fitness_certification_not_a_clinical_one(
    catalog: Catalog,
) -> None:
    assert catalog.entries["ACSM-EP"].category == "health-fitness"
    assert catalog.entries["ACSM-CEP"].category == "clinical"


def test_cscs_passing_score_is_a_scaled_score(catalog: Catalog) -> None:
    exam = catalog.entries["CSCS"].exam
    assert exam is not None and exam.passing_score is not None
    assert (exam.passing_score.value, exam.passing_score.scale) == (70, "scaled score per section")


def test_nsca_accreditation_where_a_source_names_ncca(catalog: Catalog) -> None:
    cscs, cpt = catalog.entries["CSCS"], catalog.entries["NSCA-CPT"]
    assert cscs.is_accredited_ncca and cpt.is_accredited_ncca
    assert cscs.accreditation is not None and cpt.accreditation is not None
    assert cscs.source(cscs.accreditation.source).url == "https://dxpprod.nsca.com/cscs"  # type: ignore[union-attr]
    cpt_source = cpt.source(cpt.accreditation.source)
    assert cpt_source is not None and cpt_source.confidence is Confidence.MEDIUM
    for cert_id in ("CSPS", "TSAC-F", "CPSS"):  # no source names NCCA for them: not verified
        assert catalog.entries[cert_id].accreditation is None, cert_id


def test_an_nsca_cpt_holder_is_not_sent_to_earn_another_cpt(cli: Runner) -> None:
    result = cli("path", "NCSF-CSC", "--have", "NSCA-CPT", "--have", "CPR-AED", "-f", "json")
    assert result.code == 0, result.err
    steps = result.json()["steps"]
    assert [s["kind"] for s in steps] == ["exam"]
    assert not any("CPT" in s.get("text", "") for s in steps if s["kind"] == "credential")


def test_an_nsca_cpt_holder_qualifies_for_csps_through_the_ncca_cpt_route(cli: Runner) -> None:
    result = cli("path", "CSPS", "--have", "NSCA-CPT", "--have", "CPR-AED", "-f", "json")
    assert [s["kind"] for s in result.json()["steps"]] == ["exam"]


def test_nasm_cpt_recertification_fee_conflict_keeps_both_sources(catalog: Catalog) -> None:
    entry = catalog.entries["NASM-CPT"]
    rec = entry.recertification
    assert rec is not None and rec.fee_non_member == 99
    assert "$199" in (rec.note or "") and "coachcram" in (rec.note or "")
    assert entry.source("coachcram") is not None
    assert entry.source(rec.source).url.endswith("Nasm-Cpt-Recertification-Guidelines")  # type: ignore[union-attr]


def test_ncsf_and_nesta_recertification(catalog: Catalog) -> None:
    units = catalog.vocabulary.unit_hours()
    for cert_id in ("NCSF-CPT", "NCSF-CSC"):
        rec = catalog.entries[cert_id].recertification
        assert rec is not None
        assert (rec.period_years, rec.ceus, rec.fee_non_member, rec.hours(units)) == (2, 10, 85, 20)
    nesta = catalog.entries["NESTA-PFT"].recertification
    assert nesta is not None
    assert (nesta.period_years, nesta.ceus, nesta.fee_non_member, nesta.hours(units)) == (
        4,
        4,
        149,
        40,
    )


def test_ace_exam_only_fees_are_stale_and_dated(catalog: Catalog, cli: Runner) -> None:
    for cert_id, price in (("ACE-CPT", 499), ("ACE-GFI", 249)):
        entry = catalog.entries[cert_id]
        assert entry.cost is not None and entry.cost.exam_non_member == price
        assert entry.source(entry.cost.source).as_of == "c. 2015-17"  # type: ignore[union-attr]


def test_continuing_education_is_comparable_in_hours(catalog: Catalog) -> None:
    units = catalog.vocabulary.unit_hours()
    hours = {
        cert_id: catalog.entries[cert_id].recertification.hours(units)  # type: ignore[union-attr]
        for cert_id in ("ACE-CPT", "NASM-CPT", "CSCS", "ISSA-CPT")
    }
    assert hours == {"ACE-CPT": 20, "NASM-CPT": 20, "CSCS": 60, "ISSA-CPT": 20}


def test_every_recertification_states_its_unit_or_has_no_amount(catalog: Catalog) -> None:
    for entry in catalog.certifications:
        rec = entry.recertification
        if rec is not None and rec.ceus is not None:
            assert rec.ce_unit is not None, entry.id


def test_every_entry_says_its_markets(catalog: Catalog) -> None:
    for entry in catalog.certifications:
        assert entry.markets, entry.id


def test_issa_cpt_is_the_open_book_course_exam_not_the_ncca_one(catalog: Catalog) -> None:
    issa = catalog.entries["ISSA-CPT"]
    assert not issa.is_accredited_ncca
    assert "NCCPT-CPT" not in issa.aliases
    assert issa.exam is not None and issa.exam.delivery[0].value == "online-open-book"
    assert "NCCPT-CPT" in (issa.summary or "")
