"""`certadvise renewals`: deadlines worked out by each organization's cycle rule, states,
CE, fees, the way back, CPR/AED cards, the holding cost and the calendar. The day is the
pinned one (2026-11-26) unless a test says otherwise."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from certadvise.advice.judgement import Judgement
from certadvise.advice.profile import RawProfile, normalise
from certadvise.advice.renewals import State, renewals
from certadvise.catalog.index import Catalog

from .conftest import Runner, write

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def rows(cli: Runner, *args: str) -> dict[str, dict[str, Any]]:
    result = cli("renewals", "--no-profile", *args, "-f", "json")
    assert result.code == 0, result.err
    return {row["id"]: row for row in result.json()["renewals"]}


def earned(tmp_path: Path, *pairs: tuple[str, str]) -> str:
    """A profile file of credentials given by the day they were earned."""
    creds = [{"id": i, "earned": day} for i, day in pairs]
    return str(write(tmp_path / "p.json", json.dumps({"credentials": creds})))


# ----------------------------------------------------------------------- cycles


def test_fixed_cycle_ends_on_31_december_of_the_cycle_year(cli: Runner, tmp_path: Path) -> None:
    # NSCA: every cycle ends 31 December of every third year (2026, 2029), whenever earned.
    row = rows(cli, "--profile", earned(tmp_path, ("NSCA-CPT", "2024-03")))["NSCA-CPT"]
    assert row["expires"] == "2026-12-31" and row["expires_computed"] is True
    assert any("computed from the day earned" in n for n in row["notes"])
    assert any("prorated" in n for n in row["notes"])


def test_rolling_cycle_runs_from_the_day_earned(cli: Runner, tmp_path: Path) -> None:
    # ACSM: three years from the holder's own certification day.
    row = rows(cli, "--profile", earned(tmp_path, ("ACSM-EP", "2025-02-10")))["ACSM-EP"]
    assert (row["expires"], row["state"]) == ("2028-02-10", "active")
    assert row["ce"] == {"units": 60, "unit": "CECs", "hours": 60}


def test_deadline_inside_90_days_is_due_soon_with_its_next_step(cli: Runner) -> None:
    row = rows(cli, "-H", "CSCS@2026-12")["CSCS"]
    assert row["state"] == "due soon" and row["days_left"] == 35
    assert row["next_step"] == "log 6 CEUs (60 h) and pay $90 by 2026-12-31"
    assert row["fees"]["member_usd"] == 65 and row["fees"]["non_member_usd"] == 90


def test_member_pays_the_member_fee(cli: Runner) -> None:
    row = rows(cli, "-H", "CSCS@2026-12", "--member", "NSCA")["CSCS"]
    assert "pay $65 by 2026-12-31" in row["next_step"]


def test_a_cooper_cpt_is_kept_as_the_ace_cpt_its_holders_became(cli: Runner) -> None:
    # The Cooper Institute ended its CPT in 2019; every CI-CPT became an ACE-CPT from
    # 2019-04-01 (acefitness.org): ACE's 2.0 CECs and $129 fee, not the CI-CPT's old rules.
    found = rows(cli, "-H", "CI-CPT@2027-03")
    assert list(found) == ["ACE-CPT"]
    row = found["ACE-CPT"]
    assert row["next_step"] == "log 2 CECs (20 h) and pay $129 by 2027-03-31"
    assert row["notes"][0] == (
        "COOPER-CPT was retired in 2019 and its holders became ACE-CPT holders: "
        "kept by ACE-CPT's renewal rules"
    )


def test_inside_the_late_window_is_overdue_with_the_late_fee(cli: Runner) -> None:
    # ACSM: six months' grace with an $80 late fee on top of the $70 fee.
    row = rows(cli, "-H", "ACSM-EP@2026-10")["ACSM-EP"]
    assert row["state"] == "overdue" and row["late_until"] == "2027-04-30"
    assert row["fees"]["late_usd"] == 80
    assert row["way_back"]["kind"] == "late renewal"
    assert "by 2027-04-30" in row["next_step"] and "$150" in row["next_step"]


def test_lapsed_inside_the_reinstatement_window(cli: Runner) -> None:
    # NASM: 90 days' grace, then reinstatement up to a year after expiry.
    row = rows(cli, "-H", "NASM-CPT@2026-06")["NASM-CPT"]
    assert row["state"] == "lapsed"
    assert row["way_back"]["kind"] == "reinstatement"
    assert row["next_step"].startswith("reinstate NASM-CPT")
    assert row["way_back"]["until"] == "2027-06-30" and "by 2027-06-30" in row["next_step"]


def test_lapsed_outside_every_window_means_the_exam_again_at_its_price(cli: Runner) -> None:
    row = rows(cli, "-H", "NASM-CPT@2025-01", "-H", "CPR-AED@2027-06")["NASM-CPT"]
    assert row["state"] == "lapsed" and row["way_back"]["kind"] == "exam again"
    assert "pass the NASM-CPT exam again ($" in row["next_step"]
    assert row["way_back"]["cost_usd"] is not None


def test_unknown_windows_say_not_verified(cli: Runner) -> None:
    # NSCA states no late window or reinstatement: the exam again, and ask NSCA.
    row = rows(cli, "-H", "NSCA-CPT@2025-12", "-H", "CPR-AED@2027-06")["NSCA-CPT"]
    assert row["way_back"]["window_verified"] is False
    assert "no late window or reinstatement is verified" in row["next_step"]
    assert "ask NSCA" in row["next_step"]


def test_exam_again_names_the_prerequisites_to_meet_again(cli: Runner) -> None:
    # Someone who says a diploma is their education: theirs stands, so the exam's degree
    # is named; with no degree given, the one the CSCS asks for is assumed (see
    # tests/test_people_implied_degree.py).
    card = ("-H", "CPR-AED@2027-12")
    diploma = rows(cli, "-H", "CSCS@2025-12", *card, "--degree", "high-school")["CSCS"]
    assert diploma["way_back"]["prerequisites_again"] == ["earn a bachelor's degree"], diploma
    assert "first meet again: earn a bachelor's degree" in diploma["next_step"]
    graduate = rows(cli, "-H", "CSCS@2025-12", *card, "--degree", "bachelor")["CSCS"]
    assert graduate["way_back"]["prerequisites_again"] == []


# ----------------------------------------------------------------------- cards


def test_cpr_card_expiring_before_the_certification_says_so(cli: Runner) -> None:
    found = rows(cli, "-H", "CSCS@2026-12", "-H", "CPR-AED@2026-12-15")
    assert found["CPR-AED"]["card"] is True
    assert found["CPR-AED"]["next_step"].startswith("take a CPR-AED course")
    assert any("expires 2026-12-15, before this deadline" in n for n in found["CSCS"]["notes"])


def test_cpr_card_from_the_course_day_is_assumed_two_years(cli: Runner, tmp_path: Path) -> None:
    row = rows(cli, "--profile", earned(tmp_path, ("CPR-AED", "2025-03-01")))["CPR-AED"]
    assert row["expires"] == "2027-03-01"
    assert any("commonly valid 2 years" in n for n in row["notes"])


def test_no_card_given_for_a_credential_that_needs_one(cli: Runner) -> None:
    row = rows(cli, "-H", "CSCS@2026-12")["CSCS"]
    assert any("none given (--have CPR-AED@YYYY-MM)" in n for n in row["notes"])


# ----------------------------------------------------------------------- undated, none


def test_credential_without_dates_says_which_date_and_how(cli: Runner) -> None:
    result = cli("renewals", "--no-profile", "-H", "NSCA-CPT")
    assert result.code == 0
    row = rows(cli, "-H", "NSCA-CPT")["NSCA-CPT"]
    assert row["state"] == "date needed" and row["expires"] is None
    assert "--have NSCA-CPT@YYYY-MM" in row["next_step"]
    assert any("earned: YYYY-MM" in n for n in row["notes"])
    # what keeping it costs is not counted without its date, and said so beside the rest
    both = cli("renewals", "--no-profile", "-H", "NASM-CPT@2027-03", "-H", "TSAC-F")
    said = next(line for line in both.lines if line.startswith("not verified, not counted:"))
    assert "TSAC-F renewals (give its date)" in said


def test_no_credentials_at_all_is_one_stderr_line_and_exit_0(cli: Runner) -> None:
    result = cli("renewals", "--no-profile", "-f", "json")
    assert result.code == 0
    assert result.json()["renewals"] == []
    assert "no credentials given: state them with --have" in result.err
    assert len(result.err.splitlines()) == 1


def test_saved_profile_credentials_are_used(cli: Runner) -> None:
    assert cli("profile", "save", "-H", "CSCS@2026-12").code == 0
    result = cli("renewals", "-f", "json")
    assert [r["id"] for r in result.json()["renewals"]] == ["CSCS"]
    assert "using the saved profile" in result.err


# ----------------------------------------------------------------------- cost


def test_yearly_and_horizon_cost(cli: Runner) -> None:
    # CSCS: $90 due 2026-12-31 (next 2029-12-31, past the 3 years); NASM-CPT $99 on
    # 2027-06-30 and 2029-06-30. A year: 90/3 + 99/2; CE: 60 h / 3 + 20 h / 2.
    result = cli("renewals", "--no-profile", "-H", "CSCS@2026-12", "-H", "NASM-CPT@2027-06")
    doc = cli(
        "renewals", "--no-profile", "-H", "CSCS@2026-12", "-H", "NASM-CPT@2027-06", "-f", "json"
    ).json()["holding_cost"]
    assert doc["known_usd"] == 90 + 99 * 2 and doc["complete"] is False  # CE courses
    assert doc["text"] == "at least $288"
    assert doc["parts"][-1] == {
        "label": "continuing education courses (CSCS, NASM-CPT)",
        "usd": None,
        "per_year_usd": None,
        "kind": "recertification",
        "note": "prices not verified",
        "currency": "USD",
        "amount": None,
        "per_year": None,
    }
    assert doc["per_year_usd"] == 79.5
    assert (doc["ce_hours_per_year"], doc["ce_hours"]) == (30, 100)
    assert any("CE course prices are not in the catalog" in n for n in doc["notes"])
    assert "holding them: at least $79.50 a year" in result.out
    one = cli(
        "renewals",
        *("--no-profile", "-H", "CSCS@2026-12", "-H", "NASM-CPT@2027-06"),
        *("--years", "1", "-f", "json"),
    ).json()["holding_cost"]
    assert one["known_usd"] == 90 + 99


def test_unknown_fee_is_never_counted_as_zero(cli: Runner) -> None:
    doc = cli("renewals", "--no-profile", "-H", "CPR-AED@2027-06", "-f", "json").json()
    holding = doc["holding_cost"]
    assert holding["complete"] is False and holding["text"] == "not verified"
    assert holding["parts"][0]["usd"] is None


def test_membership_saving_against_unknown_dues_is_said(cli: Runner) -> None:
    doc = cli("renewals", "--no-profile", "-H", "CSCS@2026-12", "-f", "json").json()
    assert any("NSCA membership saves $8.33 a year" in n for n in doc["holding_cost"]["notes"])


def test_ce_that_counts_twice_only_where_a_source_says_so(cli: Runner) -> None:
    found = rows(cli, "-H", "NETA-CPT@2027-06", "-H", "ACE-CPT@2027-06", "-H", "CSCS@2026-12")
    assert any(
        "CE from ACE counts here too" in n and "http" in n for n in found["NETA-CPT"]["notes"]
    )
    assert any("counts toward NETA-CPT" in n for n in found["ACE-CPT"]["notes"])
    assert not any("counts" in n for n in found["CSCS"]["notes"])


# ----------------------------------------------------------------------- formats


ARGS = ("--no-profile", "-H", "CSCS@2026-12", "-H", "ACSM-EP@2026-10", "-H", "CPR-AED@2026-12-15")


def test_rows_soonest_first_in_every_format(cli: Runner) -> None:
    ids = [r["id"] for r in cli("renewals", *ARGS, "-f", "json").json()["renewals"]]
    assert ids == ["ACSM-EP", "CPR-AED", "CSCS"]
    csv = cli("renewals", *ARGS, "-f", "csv").lines
    assert csv[0].startswith("id,name,organization,expires,state")
    assert [line.split(",")[0] for line in csv[1:]] == ids
    assert cli("renewals", *ARGS, "-f", "ids").lines == ids
    assert "| ACSM-EP |" in cli("renewals", *ARGS, "-f", "markdown").out


def test_table_fits_80_columns_and_colours_the_states(
    cli: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("NO_COLOR")
    result = cli("renewals", *ARGS, "--color", "always")
    assert all(len(ANSI.sub("", line)) <= 80 for line in result.lines), result.out
    assert "\x1b[35moverdue" in result.out and "\x1b[33mdue soon" in result.out
    plain = cli("renewals", *ARGS, "--color", "never")
    assert "\x1b[" not in plain.out and "overdue" in plain.out


def test_html_page(cli: Runner) -> None:
    result = cli("renewals", *ARGS, "-f", "html")
    assert result.code == 0
    assert '<th scope="row" data-label="Credential"><strong>CSCS</strong>' in result.out
    assert "due soon" in result.out and "overdue" in result.out


def calendar(cli: Runner, *args: str) -> tuple[str, Calendar]:
    result = cli("renewals", *args, "-f", "ics")
    assert result.code == 0, result.err
    return result.out, Calendar.from_ical(result.out)


def test_ics_parses_back_with_events_dates_and_reminders(cli: Runner) -> None:
    text, cal = calendar(cli, *ARGS)
    assert text.count("\r\n") == text.count("\n") and text.endswith("\r\n")
    assert str(cal["PRODID"]) == "-//certadvise//renewals//EN"
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {
        "CSCS renewal deadline",
        "ACSM-EP renewal deadline",
        "ACSM-EP: late renewal window ends",
        "CPR-AED card expires",
    }
    cscs = events["CSCS renewal deadline"]
    assert cscs.decoded("DTSTART") == dt.date(2026, 12, 31)
    assert cscs.decoded("DTEND") == dt.date(2027, 1, 1)
    assert cscs.decoded("DTSTAMP") == dt.datetime(2026, 11, 26, tzinfo=dt.UTC)
    triggers = sorted(a.decoded("TRIGGER") for a in cscs.walk("VALARM"))
    assert triggers == [dt.timedelta(days=-90), dt.timedelta(days=-30)]
    assert events["CPR-AED card expires"].decoded("DTSTART") == dt.date(2026, 12, 15)
    late = events["ACSM-EP: late renewal window ends"]
    assert late.decoded("DTSTART") == dt.date(2027, 4, 30)


def test_ics_has_the_end_of_a_reinstatement_window(cli: Runner) -> None:
    _, cal = calendar(cli, "--no-profile", "-H", "NASM-CPT@2026-06")
    ends = [e for e in cal.walk("VEVENT") if "reinstatement window ends" in str(e["SUMMARY"])]
    assert [e.decoded("DTSTART") for e in ends] == [dt.date(2027, 6, 30)]


def test_ics_uids_are_stable_per_credential_and_deadline(cli: Runner) -> None:
    first, _ = calendar(cli, *ARGS)
    again, _ = calendar(cli, *ARGS)
    assert first == again
    _, moved = calendar(cli, "--no-profile", "-H", "CSCS@2029-12")
    _, cal = calendar(cli, "--no-profile", "-H", "CSCS@2026-12")
    uid = [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert uid == ["cscs-deadline-2026-12-31@certadvise.invalid"]
    assert [str(e["UID"]) for e in moved.walk("VEVENT")] != uid


def test_bad_have_date_is_bad_input(cli: Runner) -> None:
    result = cli("renewals", "--no-profile", "-H", "CSCS@2026-13")
    assert result.code == 2 and "YYYY-MM" in result.err and "Traceback" not in result.err


# ----------------------------------------------------------------------- properties

IDS = ["CSCS", "NSCA-CPT", "ACSM-EP", "NASM-CPT", "ACE-CPT", "CPR-AED", "RDN", "NASM-PES"]
DAYS = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2032, 12, 31))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    held=st.dictionaries(st.sampled_from(IDS), st.one_of(st.none(), DAYS), min_size=1, max_size=5),
    today=DAYS,
    later=st.integers(min_value=0, max_value=2000),
)
def test_later_days_never_bring_a_lapsed_credential_back(
    catalog: Catalog, held: dict[str, dt.date | None], today: dt.date, later: int
) -> None:
    have = tuple(f"{i}@{d.isoformat()}" if d else i for i, d in held.items())
    states = []
    for day in (today, today + dt.timedelta(days=later)):
        profile, _ = normalise(RawProfile(have=have), catalog, day)
        result = renewals(Judgement(catalog, profile, day), 3)
        dated = [r.expires for r in result.renewals if r.expires is not None]
        assert dated == sorted(dated)
        assert all(r.expires is not None for r in result.renewals[: len(dated)])
        states.append({r.id: r.state for r in result.renewals})
    for cert, before in states[0].items():
        after = states[1][cert]
        if before is State.LAPSED:
            assert after is State.LAPSED
        assert after.rank >= before.rank


def test_only_the_calendar_imports_icalendar() -> None:
    from .test_help import imported_by

    args = ("renewals", "--no-profile", "-H", "CSCS@2026-12", "-f")
    assert "icalendar" not in imported_by(*args, "json")
    assert "icalendar" in imported_by(*args, "ics")


def test_renewals_takes_every_output_format_and_a_calendar(cli: Runner) -> None:
    """One list of formats: renewals offers each of them, and ics; a wrong one names all."""
    from certadvise.cli.renewals_cmd import RenewalsFormat
    from certadvise.render.formats import OutputFormat

    assert [f.value for f in RenewalsFormat] == [*(f.value for f in OutputFormat), "ics"]
    result = cli("renewals", "--no-profile", "--have", "CSCS@2027-12", "-f", "pdf")
    assert result.code == 2 and result.out == ""
    assert result.err.startswith(
        "certadvise: error: --format: expected one of table, json, jsonl, csv, tsv, markdown, "
        "ids, html, ics, got 'pdf'"
    )
    other = cli("path", "CSCS", "-f", "ics")  # a calendar is renewals' alone
    assert other.code == 2
    assert "expected one of table, json, jsonl, csv, tsv, markdown, ids, html, got" in other.err
