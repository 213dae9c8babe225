"""A reader of another currency reads every amount in it, beside the US dollars it was
converted from ('$90 (≈ £67)'), in the table, Markdown and HTML; a US reader reads dollars."""

from __future__ import annotations

from .conftest import Runner

RENEWALS = ("renewals", "--no-profile", "-H", "CSCS@2026-12", "-q")
BRITISH = ("--country", "GB")


def test_a_british_reader_reads_the_renewal_step_and_holding_total_in_pounds(cli: Runner) -> None:
    for extra in ((), ("--budget", "£300")):
        table = cli(*RENEWALS, *BRITISH, *extra).out
        assert "pay $90 (≈ £67) by 2026-12-31" in table
        assert "holding them: at least $30 (≈ £22) a year" in table
        assert "the next 3 years: at least $90 (≈ £67) and 60 CE hours" in table
        markdown = cli(*RENEWALS, *BRITISH, *extra, "-f", "markdown").out
        assert "pay $90 (≈ £67)" in markdown and "at least $90 (≈ £67)" in markdown
        page = cli(*RENEWALS, *BRITISH, *extra, "-f", "html").out
        assert "pay $90 (≈ £67) by 2026-12-31" in page
        assert "<p>A year: at least $30 (≈ £22)," in page
        assert "(≈ £67) (≈ £67)" not in page  # said once, not converted twice
    doc = cli(*RENEWALS, *BRITISH, "-f", "json").json()
    assert doc["holding_cost"]["text"] == "at least $90"  # JSON keeps the dollars
    us = cli(*RENEWALS).out
    assert "pay $90 by 2026-12-31" in us and "the next 3 years: at least $90 and" in us


def test_a_british_reader_reads_the_way_back_beside_the_dollars(cli: Runner) -> None:
    lapsed = ("renewals", "--no-profile", "-H", "CSCS@2025-10", "-H", "NASM-CPT@2026-02", "-q")
    table = cli(*lapsed, *BRITISH).out
    assert "pass the CSCS exam again ($475, ≈ £353)" in table
    assert "by 2027-02-28 ($149, ≈ £111)" in table
    us = cli(*lapsed).out
    assert "exam again ($475);" in us and "by 2027-02-28 ($149)" in us


def test_a_british_reader_reads_the_path_holding_cost_in_pounds(cli: Runner) -> None:
    path = ("path", "CSCS", "--country", "GB", "--budget", "£500", "-q")
    said = "holding CSCS for 3 years costs at least $833 (≈ £619)"
    assert said in cli(*path).out
    assert said in cli(*path, "-f", "markdown").out
    assert "costs at least $833\n" in cli("path", "CSCS", "-q").out
    priced_in_pounds = cli("path", "UKSCA-ASCC", "--country", "GB", "-q").out
    assert "costs at least £300\n" in priced_in_pounds  # in the reader's own: as stated


MIXED = "person,goals,country,budget\nAna,athletes,GB,£600\nCy,athletes,US,600\n"


def _section(page: str, line: int) -> str:
    return page.split(f'<section class="person" id="line-{line}"')[1].split('class="person"')[0]


def test_each_person_of_a_batch_page_reads_their_own_currency(cli: Runner) -> None:
    page = cli("recommend", "--batch", "-", "-q", "-f", "html", stdin=MIXED).out
    ana, cy = _section(page, 2), _section(page, 3)
    assert "<dt>Budget:</dt><dd>£600 (≈ $807)</dd>" in ana  # as given, as on her own page
    assert "Budget (USD)" not in page and "currency: GBP" not in page
    assert "never counted as £0" in ana and "recertification fee x1 $75 (≈ £56)" in ana
    assert "<dt>Budget:</dt><dd>$600</dd>" in cy and "£" not in cy
    assert "recertification fee x1 $75</title>" in cy


def test_a_price_stated_in_pounds_is_said_as_stated_in_a_british_cohort(cli: Runner) -> None:
    cohort = "person,goals,country,budget\nAna,athletes,GB,£600\nBo,athletes,GB,£900\n"
    spread = "£300 / £300 / £300"  # UKSCA-ASCC's member price, not '≈ £300' from dollars
    table = cli("recommend", "--batch", "-", "-q", stdin=cohort).out
    assert next(line for line in table.splitlines() if line.startswith("UKSCA-ASCC")).count(spread)
    assert spread in cli("recommend", "--batch", "-", "-q", "-f", "markdown", stdin=cohort).out
    page = cli("recommend", "--batch", "-", "-q", "-f", "html", stdin=cohort).out
    row = page.split("<strong>UKSCA-ASCC</strong>")[1].split("</tr>")[0]
    assert '<td data-label="Lowest" class="num">£300</td>' in row and "≈" not in row


def test_a_price_and_budget_in_the_readers_currency_are_weighed_as_stated(cli: Runner) -> None:
    british = ("recommend", "--country", "GB", "--budget", "£600", "-g", "collegiate-athletes")
    doc = cli(*british, "--degree", "bachelor", "-q", "-f", "json").json()
    reasons = {
        r["id"]: [c["reason"] for c in r["score_components"] if c["name"] == "cost"]
        for r in doc["recommendations"]
    }
    assert reasons["UKSCA-ASCC"] == ["costs £300, 50% of your £600 budget"]  # not '≈ £300'
    assert reasons["CSCS"] == ["costs ≈ £353, 59% of your £600 budget"]  # dollars, converted
    aussie = ("recommend", "--country", "AU", "--budget", "A$100", "-g", "group fitness", "-q")
    near = {n["id"]: n for n in cli(*aussie, "-f", "json").json()["near_misses"]}
    assert (near["CERT-III-FITNESS"]["cost_now"], near["CERT-III-FITNESS"]["over_by"]) == (
        "A$3,675",
        "A$3,575",
    )
    assert near["ACSM-GEI"]["cost_now"].startswith("≈ A$")
    table = cli(*aussie).out
    row = next(row for row in table.splitlines() if row.startswith("CERT-III-FITNESS"))
    assert row.split()[-2:] == ["A$3,675", "A$3,575"]
