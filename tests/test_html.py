"""The HTML report without a browser: one self-contained page per command, every table and
picture in it, the JSON document's words on it, golden pages, and hostile text inert."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from certadvise.render import charts
from certadvise.render.html import CONTRAST_PAIRS, PALETTE, is_web_address, render
from certadvise.render.report import Column, Page, Report

from .conftest import REPO, Runner
from .pages import (
    BIDI,
    COMMANDS,
    HOSTILE_KEY,
    HOSTILE_NAME,
    HOSTILE_SUMMARY,
    RENEWALS,
    hostile_overlay,
    page_html,
    renewals_page,
)

GOLDEN = REPO / "tests" / "golden"
UPDATE_VAR = "CERTADVISE_UPDATE_GOLDEN"
UPDATE = bool(os.environ.get(UPDATE_VAR))  # read before the fixtures clear CERTADVISE_*
PAGES = ["recommend", "path", "compare", "show", "renewals"]
GOLDEN_PAGES = ["recommend", "path", "compare", "renewals", "recommend-gb", "path-au"]


class Outline(HTMLParser):
    """What a page is made of: its elements with their attributes, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.stack: list[str] = []
        self.text: list[str] = []
        self.svg_titles = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        if tag == "title" and self.stack[-1:] == ["svg"]:
            self.svg_titles += 1  # the chart's own title, not a part's
        if tag not in ("meta", "br"):  # HTML's void elements here; SVG's close themselves
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.elements if name == tag]

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())


def outline(html: str) -> Outline:
    parsed = Outline()
    parsed.feed(html)
    return parsed


def squash(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------------------------ every page


@pytest.mark.parametrize("name", PAGES)
def test_each_page_is_one_self_contained_html5_document(cli: Runner, name: str) -> None:
    html = page_html(cli, name)
    page = outline(html)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert html.rstrip().endswith("</html>") and html.count("<html") == 1
    assert page.all("title") and page.all("style")  # a <title>, styles inline
    assert not page.all("script") and not page.all("link") and not page.all("img")
    assert not page.all("iframe") and not page.all("object")
    assert not re.search(r"\b(src|srcset)=|url\(\s*['\"]?(https?:|//)|@import", html)
    assert not any(attr.startswith("on") for _, attrs in page.elements for attr in attrs)
    for anchor in page.all("a"):  # only ordinary links to web pages, nothing fetched
        assert is_web_address(anchor["href"]), anchor


@pytest.mark.parametrize("name", PAGES)
def test_every_table_has_headers_and_every_chart_a_title(cli: Runner, name: str) -> None:
    html = page_html(cli, name)
    page = outline(html)
    tables, svgs = page.all("table"), page.all("svg")
    assert tables and html.count("<thead>") == len(tables)
    assert all(th.get("scope") in ("col", "row") for th in page.all("th"))
    if name != "show":  # show is facts and sources: tables only
        assert svgs
    for svg in svgs:
        assert svg["role"] == "img" and svg["aria-labelledby"]
    assert page.svg_titles == len(svgs) == len(page.all("desc"))


def test_who_when_and_how_old_the_facts_are(cli: Runner) -> None:
    words = outline(page_html(cli, "recommend")).words
    assert "Prepared on 2026-11-26" in words
    assert re.search(r"Catalog facts: sources dated \d{4} to \d{4}", words)
    assert "Goals: collegiate-athletes" in words and "Budget: $600" in words
    assert "no age given: assumed 18 or older" in words  # the assumptions made


def test_recommend_shows_every_reason_step_warning_and_source(cli: Runner) -> None:
    doc = cli(*COMMANDS["recommend"], "-f", "json").json()
    words = outline(page_html(cli, "recommend")).words
    for rec in doc["recommendations"]:
        for text in [*rec["reasons"], *rec["warnings"], *(s["text"] for s in rec["steps"])]:
            assert squash(text) in words, text
    for later in doc["later"]:
        for text in [*later["reasons"], *(s["text"] for s in later["steps"]), later["time"]]:
            assert squash(text) in words, text
    sources = [s for item in (*doc["recommendations"], *doc["later"]) for s in item["sources"]]
    assert sources
    for source in sources:
        on_web = source["url"].startswith(("https://", "http://"))
        assert (source["url"] if on_web else source["title"]) in words and source["key"] in words
    for excluded in doc["excluded"]:
        assert excluded["id"] in words


def test_near_misses_are_a_section_of_their_own(cli: Runner) -> None:
    doc = cli(*COMMANDS["near-misses"], "-f", "json").json()
    html = page_html(cli, "near-misses")
    assert doc["near_misses"] and 'id="near-misses"' in html
    section = html.split('id="near-misses"')[1].split("</section>")[0]
    for miss in doc["near_misses"]:
        assert miss["id"] in section
    assert "$49" in section  # ACSM-CPT at $349 is $49 over $300


def test_a_british_adviser_reads_near_misses_in_pounds(cli: Runner) -> None:
    args = ("recommend", "--country", "GB", "-g", "personal-training", "--budget", "£300")
    near = cli(*args, "-f", "json").json()["near_misses"]
    assert (near[0]["id"], near[0]["cost_now"]) == ("UK-L3-PT", "£2,225 (2021)")  # as stated
    assert near[1:] and all(m["cost_now"].startswith("≈ £") for m in near[1:])  # converted
    page = cli(*args, "-f", "html").out
    section = page.split('id="near-misses"')[1].split("</section>")[0]
    assert f'<td data-label="Cost now" class="num">{near[0]["cost_now"]}</td>' in section
    assert "$" not in section
    who = page.split('id="who-title"')[1].split("</section>")[0]
    assert "<dd>£300 (≈ $" in who and "Budget (USD)" not in who  # one budget, as given


def test_compare_marks_the_rows_that_differ(cli: Runner) -> None:
    doc = cli(*COMMANDS["compare"], "-f", "json").json()
    html = page_html(cli, "compare")
    marked = re.findall(r'<tr class="differs">\s*<th scope="row" data-label="Fact">([^<]+)', html)
    differing = [r["fact"] for r in doc["rows"] if r["differs"] and r["key"] != "sources"]
    assert [m.strip() for m in marked] == differing
    assert html.count('<span class="tag">differs</span>') == len(differing) + 1  # + the key
    same = [r["fact"] for r in doc["rows"] if not r["differs"]]
    assert same and all(f"{fact} <span" not in html for fact in same)


def test_path_page_has_every_step_and_the_alternatives(cli: Runner) -> None:
    doc = cli(*COMMANDS["path"], "-f", "json").json()
    words = outline(page_html(cli, "path")).words
    for step in doc["steps"]:
        assert squash(step["text"]) in words and squash(step["why"]) in words
    for alternative in doc["alternatives"]:
        assert squash(alternative["route"]) in words
    assert doc["ownership"]["text"] in words and doc["time"] in words


def test_show_page_has_every_fact_and_links_its_sources(cli: Runner) -> None:
    rows = cli("show", "CSCS", "-f", "json").json()
    page = outline(page_html(cli, "show"))
    hrefs = {a["href"] for a in page.all("a")}
    assert {s["url"] for s in rows["sources"] if s["url"].startswith("http")} == hrefs
    assert "a 2025 comparison of NSCA and NASM" in page.words  # a stored copy: its title,
    assert "seed:001_112890b1bf8284e7.txt" not in page.words  # as text, never a link


def test_renewals_page_draws_each_deadline_on_the_strip() -> None:
    html = renewals_page()
    chart = html.split('id="renewals-chart"')[1].split("</svg>")[0]
    assert chart.count("l8 8l-8 8l-8 -8z") == len(RENEWALS["renewals"])  # a diamond each
    for item in RENEWALS["renewals"]:
        assert item["id"] in chart and item["next_step"] in html
    assert "CPR-AED · lapsed on 2026-08-01" in chart
    assert "ACSM-EP · expires 2029-12-31 (later) · active" in chart
    assert "no memberships given: non-member fees" in html


def test_a_command_without_a_page_gets_its_tables(cli: Runner) -> None:
    result = cli("list", "--org", "NSCA", "-f", "html")
    page = outline(result.out)
    assert result.code == 0 and len(page.all("table")) == 1
    assert "Certified Strength and Conditioning Specialist" in page.words
    rows = result.out.count("<tr>") - 1  # less the header
    assert rows == len(cli("list", "--org", "NSCA", "-f", "ids").lines)


def test_notes_still_go_to_stderr_and_quiet_silences_them(cli: Runner) -> None:
    loud = cli(*COMMANDS["recommend"], "-f", "html")
    quiet = cli(*COMMANDS["recommend"], "-f", "html", "-q")
    assert "assumption: no age given" in loud.err and not quiet.err
    assert loud.out == quiet.out


def test_text_and_its_background_keep_a_contrast_of_4_5(cli: Runner) -> None:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for fore, back in CONTRAST_PAIRS:
        light, dark = sorted((luminance(PALETTE[fore]), luminance(PALETTE[back])), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, (fore, back)
    css = page_html(cli, "recommend").split("<style>")[1].split("</style>")[0]
    colours = set(re.findall(r"(?<![\w-])color:\s*(#[0-9a-fA-F]{6})", css))
    assert colours <= {PALETTE[fore] for fore, _ in CONTRAST_PAIRS}  # no colour untested


def test_print_styles_keep_tables_whole_and_print_addresses(cli: Runner) -> None:
    css = page_html(cli, "recommend").split("@media print")[1]
    assert re.search(r"tr, th, td \{ break-inside: avoid", css)
    assert "thead { display: table-header-group; }" in css
    assert 'content: " <" attr(href) ">"' in css


# ----------------------------------------------------------------------- goldens


@pytest.mark.parametrize("name", GOLDEN_PAGES)
def test_golden_html(cli: Runner, name: str) -> None:
    html = page_html(cli, name)
    golden = GOLDEN / f"{name}.html"
    if UPDATE:
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs; if the change is intended: {UPDATE_VAR}=1 python -m pytest "
        "tests/test_html.py tests/test_output.py"
    )


# ------------------------------------------------------------------ hostile text


@pytest.mark.parametrize(
    "command",
    [
        ["recommend", "-g", "athletes", "--all"],
        ["show", "EVIL-CERT"],
        ["compare", "EVIL-CERT", "CSCS"],
        ["path", "EVIL-CERT"],
        ["list", "--org", "EVIL"],
    ],
)
def test_hostile_catalog_text_is_inert(cli: Runner, tmp_path: Path, command: list[str]) -> None:
    folder = hostile_overlay(tmp_path)
    result = cli(*command, "--catalog", str(folder), "-f", "html")
    html = result.out
    assert result.code == 0, result.err
    page = outline(html)
    assert not page.all("script") and not page.all("img") and not page.all("b")
    assert page.all("h1") == [{}]  # the page's own heading only
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not set(BIDI) & set(html) and "\x07" not in html and "\x1b" not in html
    assert "javascript:" not in "".join(a["href"] for a in page.all("a"))
    assert all(is_web_address(a["href"]) for a in page.all("a"))
    assert "Hostile <script>alert(1)</script> Coach" in page.words or command[0] == "list"
    if command[0] == "show":
        assert squash(HOSTILE_SUMMARY.replace(BIDI, "")) in page.words
        assert HOSTILE_KEY in page.words and "javascript:alert(4)" in page.words  # as text


def test_hostile_name_is_escaped_in_chart_text_too(cli: Runner, tmp_path: Path) -> None:
    folder = hostile_overlay(tmp_path)
    html = cli("compare", "EVIL-CERT", "CSCS", "--catalog", str(folder), "-f", "html").out
    svg = html.split("<svg", 2)[1]
    assert "EVIL-CERT" in svg and "<script" not in svg
    assert HOSTILE_NAME.split()[0] in html


# ----------------------------------------------------------------------- charts


def ownership(*parts: tuple[str, float | None, str]) -> dict[str, Any]:
    known = sum(usd for _, usd, _ in parts if usd is not None)
    complete = all(usd is not None for _, usd, _ in parts)
    return {
        "years": 3,
        "text": ("" if complete else "at least ") + f"${known:,.0f}",
        "known_usd": known,
        "complete": complete,
        "parts": [{"label": label, "usd": usd, "kind": kind} for label, usd, kind in parts],
    }


def test_an_unknown_part_is_drawn_as_unknown_never_as_zero() -> None:
    own = ownership(("exam", 475, "exam"), ("study materials", None, "study_materials"))
    chart = charts.cost_chart("c", [("CSCS", own)])
    assert chart is not None
    exam, materials = chart.lanes[0].segments
    assert exam.known and exam.style == "exam" and exam.width > 100
    assert not materials.known and materials.style == charts.UNKNOWN
    assert materials.width == charts.UNKNOWN_W and materials.x == exam.x + exam.width
    assert "study materials not known" in chart.description
    assert charts.cost_breakdown(own)["study_materials"] == "not verified"
    assert charts.cost_breakdown(own)["dues"] == "none"


def test_a_holding_chart_with_nothing_known_draws_no_money_axis() -> None:
    """A CSCS holder in GB asking about NASM-CES/WLS: every part is '?', so an axis from
    £0 to £1 would mean nothing; the bars are still there, marked unknown."""
    unknown = ownership(("exam", None, "exam"), ("dues", None, "dues"))
    chart = charts.cost_chart("c", [("NASM-CES", unknown), ("NASM-WLS", unknown)])
    assert chart is not None
    assert chart.ticks == () and chart.axis_y is None
    assert all(not s.known for lane in chart.lanes for s in lane.segments)
    assert chart.height > chart.lanes[-1].bar_y  # the legend still fits below the bars
    known = charts.cost_chart("c", [("CSCS", ownership(("exam", 475, "exam")))])
    assert known is not None and known.ticks and known.axis_y is not None


def test_stacked_parts_are_in_proportion_on_one_scale() -> None:
    small = ownership(("exam", 100, "exam"))
    large = ownership(
        ("exam", 300, "exam"), ("dues", 100, "dues"), ("recert", 50, "recertification")
    )
    chart = charts.cost_chart("c", [("A", small), ("B", large)])
    assert chart is not None
    (a,), (b_exam, b_dues, b_recert) = (lane.segments for lane in chart.lanes)
    assert b_exam.width == pytest.approx(3 * a.width) and b_dues.width == pytest.approx(a.width)
    assert b_recert.x + b_recert.width <= charts.WIDTH
    assert [t.label for t in chart.ticks] == ["$0", "$200", "$400", "$600"]
    assert chart.ticks[1].x == pytest.approx(2 * a.width)  # $200 is two $100 bars
    assert {item.style for item in chart.legend} == {"exam", "dues", "recertification"}


def test_a_plan_on_a_time_line_waits_for_an_age_beside_the_rest() -> None:
    steps = [
        {"step": 1, "kind": "hours", "text": "x" * 80, "months": 6, "duration": "about 6 months"},
        {"step": 2, "kind": "age", "text": "turn 18", "months": 12, "duration": "about 12 months"},
        {"step": 3, "kind": "exam", "text": "pass the CSCS exam", "months": None, "duration": None},
    ]
    chart = charts.plan_chart("p", steps)
    assert chart is not None
    (hours,), (age,), (exam,) = (lane.segments for lane in chart.lanes)
    assert age.x == hours.x == 0 and age.width == pytest.approx(2 * hours.width)
    assert exam.x == pytest.approx(hours.width) and not exam.known  # study time not known
    assert chart.lanes[0].label == "1. supervised hours: about 6 months"  # its kind's words
    assert chart.lanes[2].label == "3. pass the CSCS exam: time not known"
    assert [t.label for t in chart.ticks] == ["now", "3 mo", "6 mo", "9 mo", "1 y"]


def test_later_entries_put_waiting_on_a_thin_track() -> None:
    entry = {
        "id": "ACSM-CPT",
        "time": "about 12 months + study",
        "steps": [
            {"kind": "age", "text": "turn 18", "months": 12, "duration": "about 12 months"},
            {"kind": "exam", "text": "pass the exam", "months": None, "duration": None},
        ],
    }
    chart = charts.later_chart("l", [entry])
    assert chart is not None
    lane = chart.lanes[0]
    assert [s.style for s in lane.thin] == ["waiting"] and not lane.segments[0].known
    assert lane.label == "ACSM-CPT · about 12 months + study"


def test_renewal_deadlines_fall_on_their_month() -> None:
    chart = charts.renewals_chart("r", "2026-11-26", RENEWALS["renewals"])
    assert chart is not None
    lapsed, soon, later, beyond = chart.markers
    assert lapsed.x == 0 and beyond.x == charts.WIDTH
    assert 0 < soon.x < later.x < charts.WIDTH
    days = (charts.dt.date(2027, 1, 1) - charts.dt.date(2026, 11, 26)).days
    january = next(t for t in chart.ticks if t.label == "2027")
    strip = (charts.dt.date(2028, 12, 1) - charts.dt.date(2026, 11, 26)).days  # 24 months on
    assert january.x == pytest.approx(days * charts.WIDTH / strip)
    assert (lapsed.style, soon.style, later.style) == ("lapsed", "expiring", "active")


def test_side_by_side_marks_the_facts_that_differ() -> None:
    figures = [
        {"fact": "Exam cost", "values": {"A": 100, "B": None}, "texts": {}, "differs": True},
        {"fact": "Questions", "values": {"A": 5, "B": 5}, "texts": {}, "differs": False},
    ]
    chart = charts.side_by_side_chart("s", figures)
    assert chart is not None
    assert [h.mark for h in chart.headings] == ["differs", "same"]
    a, b = chart.lanes[0].segments[0], chart.lanes[1].segments[0]
    assert a.known and not b.known and b.width == charts.UNKNOWN_W
    assert "Exam cost (they differ): A: $100, B: ?" in chart.description


def test_part_kinds_name_what_each_part_pays_for(cli: Runner) -> None:
    parts = [
        p
        for args in (
            ("CSCS",),
            ("CSCS", "--member", "NSCA"),
            ("NASM-PES",),
            ("TSAC-F", "-H", "CSCS"),
        )
        for p in cli("path", *args, "-f", "json").json()["ownership"]["parts"]
    ]
    kinds = {p["label"]: p["kind"] for p in parts}
    assert kinds["exam (non-member)"] == "exam"
    assert kinds["study materials (starting price)"] == "study_materials"
    assert kinds["recertification fee x1"] == "recertification"
    assert kinds["continuing education (6 CEUs a cycle)"] == "recertification"
    assert any(k == "dues" for k in kinds.values()), kinds


# --------------------------------------------------------------- the engine itself


def test_the_template_engine_escapes_every_value() -> None:
    hostile = {"name": "<b>x</b>", "title": '"><script>'}
    report = Report(
        [Column("name", "Name <i>")], [hostile], None, title='"><script>', notes=["<u>n</u>"]
    )
    html = render(report)
    assert "<b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "<script>" not in html and "<i>" not in html and "<u>" not in html


def test_an_unknown_page_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="no HTML page called 'nope'"):
        render(Report([], [], {}, page=Page("nope", "x")))


def test_the_document_a_page_renders_is_the_json_one(cli: Runner) -> None:
    """The page is built from `-f json`'s document: change the document, the page follows."""
    document = json.loads(json.dumps(RENEWALS))
    document["renewals"][1]["next_step"] = "a step only this document has"
    assert "a step only this document has" in renewals_page(document)


# ------------------------------------------------------------------ the reader's currency


def test_a_british_reader_reads_the_cost_charts_in_pounds(cli: Runner) -> None:
    page = page_html(cli, "recommend-gb")
    chart = page.split('id="holding-chart"')[1].split("</figure>")[0]
    ticks = re.findall(r'text-anchor="(?:start|middle|end)">([^<]*)</text>', chart)
    assert ticks and all(t.startswith("£") for t in ticks), ticks  # £0, £100, ...: no $ axis
    titles = re.findall(r"<title>([^<]*)</title>", chart)
    assert "exam (member) £300" in titles  # priced in pounds: as stated, not ≈
    assert "recertification fee x1 $85 (≈ £63)" in titles  # in dollars: both, ≈ said
    assert "never counted as £0" in chart and "converted at the 2025-10 rate" in chart
    doc = cli(*COMMANDS["recommend-gb"], "-f", "json").json()
    unknown = sum(
        p["usd"] is None and p["amount"] is None
        for r in doc["recommendations"]
        for p in (r["total_cost"] or {}).get("parts", ())
    )
    assert chart.count(">?</text>") == unknown > 0  # unknown parts stay unknown, never £0
    holding = page.split('class="stack holding"')[1].split("</table>")[0]
    assert "$" not in holding.split("In all")[0] and "at least ≈ £63" in holding


def test_a_reader_of_another_currency_gets_it_on_the_chart_scale() -> None:
    from certadvise.amounts import Reader

    pounds = Reader("GBP", 1.25, "2026-11")  # $1.25 a pound: $100 is £80
    own = ownership(("exam", 100, "exam"), ("study materials", None, "study_materials"))
    chart = charts.cost_chart("c", [("CSCS", own)], pounds)
    assert chart is not None
    exam, materials = chart.lanes[0].segments
    assert exam.title == "exam $100 (≈ £80)" and not materials.known
    assert [t.label for t in chart.ticks] == ["£0", "£20", "£40", "£60", "£80"]
    assert chart.ticks[-1].x == pytest.approx(exam.width)  # £80 is where the exam bar ends
    assert chart.note == "Amounts in £ marked ≈ are converted at the 2026-11 rate, approximately."
    assert chart.lanes[0].label == "CSCS · at least $100 (≈ £80)"
    breakdown = charts.cost_breakdown(own, pounds)
    assert breakdown["exam"] == "≈ £80" and breakdown["study_materials"] == "not verified"
    dollars = charts.cost_chart("c", [("CSCS", own)])
    assert dollars is not None and dollars.note == "" and dollars.ticks[1].label == "$50"


def test_a_british_cohort_reads_the_spread_of_costs_in_pounds(cli: Runner) -> None:
    cohort = "person,goals,country,budget\nAna,personal-training,GB,£600\nBo,athletes,GB,£900\n"
    page = cli("recommend", "--batch", "-", "-q", "-f", "html", stdin=cohort).out
    summary = page.split('class="stack advised"')[1].split("</table>")[0]
    cells = re.findall(r'data-label="(?:Lowest|Median|Highest)" class="num">([^<]*)<', summary)
    assert cells and all(c.startswith(("≈ £", "£")) or c == "not verified" for c in cells), cells
    assert "never as £0" in summary
    table = cli("recommend", "--batch", "-", "-q", stdin=cohort).out
    assert "≈ £" in table and "$" not in table.split("People")[0]
    mixed = cohort + "Cy,athletes,US,600\n"  # several currencies: the arithmetic's dollars
    summary = cli("recommend", "--batch", "-", "-q", "-f", "html", stdin=mixed).out
    assert (
        '<td data-label="Lowest" class="num">$' in summary
        and "≈ £" not in summary.split('class="stack people"')[0]
    )


def test_a_british_reader_reads_renewal_fees_in_pounds_beside_the_dollars(cli: Runner) -> None:
    args = ("renewals", "--no-profile", "-H", "CSCS@2026-12", "--country", "GB", "-q")
    fee = cli(*args, "-f", "json").json()["renewals"][0]["fee"]
    assert fee == "$65 (≈ £48) member / $90 (≈ £67)"
    page = cli(*args, "-f", "html").out
    assert f'<td data-label="Fees">{fee}</td>' in page
    us = cli("renewals", "--no-profile", "-H", "CSCS@2026-12", "-q", "-f", "json").json()
    assert us["renewals"][0]["fee"] == "$65 member / $90"


def test_a_degree_wait_runs_beside_the_study_as_the_plans_months_count_it(cli: Runner) -> None:
    args = ("path", "CSCS", "--studying", "bachelor", "--graduating", "2027-12", "-f", "json")
    doc = cli(*args, "-q").json()
    assert doc["steps"][0]["kind"] == "degree" and doc["steps"][0]["waits"]
    chart = charts.plan_chart("p", doc["steps"])
    assert chart is not None
    degree, *rest = (lane.segments[0] for lane in chart.lanes)
    assert degree.x == 0 and rest[0].x == 0  # the course is taken while the final year comes
    end = max(s.x + s.width for s in (degree, *rest))
    months_per_unit = chart.ticks[1].x / float(chart.ticks[1].label.split()[0])
    assert end / months_per_unit == pytest.approx(doc["months"], abs=0.1)


def test_a_long_chart_label_goes_on_to_a_second_line_keeping_its_amount(cli: Runner) -> None:
    page = page_html(cli, "recommend-gb")
    chart = page.split('id="holding-chart"')[1].split("</figure>")[0]
    labels = re.findall(r'stroke-width="3">([^<]*)</text>', chart)
    assert "plus $85 of known fees (≈ £63)" in labels and not any("…" in t for t in labels)
    from certadvise.amounts import Reader

    pounds = Reader("GBP", 1.35, "2025-10")  # $85 is £63
    own = ownership(("exam", None, "exam"), ("recertification fee x1", 85, "recertification"))
    own["text"] = "exam price not verified, plus $85 of known fees"
    drawn = charts.cost_chart("c", [("NCSF-CSC", own), ("CSCS", own)], pounds)
    assert drawn is not None
    first, second = drawn.lanes
    assert first.lines == ("NCSF-CSC · exam price not verified,", "plus $85 of known fees (≈ £63)")
    assert first.bar_y == first.y + 2 * charts.TEXT_H  # the bar under both lines
    assert second.y == first.bar_y + charts.BAR_H + charts.LANE_GAP
    assert charts.wrap("a" * 70) == (charts.fit("a" * 70),)  # no space: cut, as before
