"""The HTML report: one self-contained HTML5 page (styles inline, no script, nothing
fetched), rendered by Jinja2 with autoescape from the command's JSON document and a small
page context (`report.Page`).

A page never reaches into the core: it reads what `-f json` prints (and, for the generic
page of a command without a page of its own, the rows `-f csv` prints). Every string is
escaped by the template engine; nothing here builds markup by hand. Links are made only
of web addresses (http and https): anything else a catalog calls a source stays text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import jinja2

from certadvise import __version__, amounts
from certadvise.amounts import US_READER
from certadvise.render import charts
from certadvise.render.report import Column, Report
from certadvise.render.safety import strip_unsafe_in
from certadvise.render.text import human

if TYPE_CHECKING:
    from certadvise.render.report import Page

TEMPLATES = Path(__file__).with_name("templates")
PAGES = ("recommend", "path", "compare", "show", "renewals", "batch")  # the rest: the generic page

#: The colours of text and what it stands on; tests hold every pair to a contrast of 4.5:1.
PALETTE = {
    "text": "#1b1b1b",
    "muted": "#4d4d4d",
    "link": "#0b4fa8",
    "page": "#ffffff",
    "band": "#f1f1f1",  # table headers, the profile box
    "rule": "#8c8c8c",
    "warn_text": "#6b3a00",
    "warn_band": "#fff4e0",
    "mark_text": "#7a1f1f",
    "mark_band": "#fdecec",
}
CONTRAST_PAIRS = (
    ("text", "page"),
    ("muted", "page"),
    ("link", "page"),
    ("text", "band"),
    ("muted", "band"),
    ("link", "band"),
    ("warn_text", "warn_band"),
    ("mark_text", "mark_band"),
    ("mark_text", "page"),
)

#: What the profile's keys are called on a page; other keys show as they are.
PROFILE_LABELS = {
    "goals": "Goals",
    "degree": "Education",
    "field": "Field",
    "final_year": "In the final year of",
    "have": "Holds",
    "credentials": "Credentials",
    "hours": "Supervised hours",
    "experience": "Experience (years)",
    "age": "Age",
    "budget_usd": "Budget (USD)",
    "budget": "Budget",
    "member": "Member of",
    "country": "Country",
    "studying": "Studying",
    "graduating": "Graduating",
}

_WEB_ADDRESS = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)


def is_web_address(value: object) -> bool:
    """Only http(s) addresses become links: never `javascript:`, `data:` or a seed file."""
    return isinstance(value, str) and bool(_WEB_ADDRESS.match(value))


def money(usd: object) -> str:
    """$475, $1,598; 'not verified' for an unknown amount (never $0)."""
    if isinstance(usd, bool) or not isinstance(usd, (int, float)):
        return "not verified"
    return amounts.money(float(usd))


def plain(value: Any) -> str:
    """Any value of a document in words: lists joined, mappings as 'key: value', and a
    mapping with an id as that id first ('CSCS (expires 2026-12-31, state active)')."""
    if isinstance(value, Mapping) and "id" in value:
        rest = [f"{k} {plain(v)}" for k, v in value.items() if k != "id" and v is not None]
        return human(value["id"]) + (f" ({', '.join(rest)})" if rest else "")
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {plain(v)}" for k, v in value.items()) or "none"
    if isinstance(value, (list, tuple)):
        return ", ".join(plain(v) for v in value) or "none"
    return human(value)


def profile_label(key: str) -> str:
    return PROFILE_LABELS.get(key, key.replace("_", " "))


def step_details(step: Mapping[str, Any]) -> str:
    """A step's time, cost and note: 'about 4 years; cost not verified; tuition not counted'."""
    cost = step.get("cost_usd")
    note = str(step.get("note") or "")
    said = [
        step.get("duration") or "time not known",
        "included"
        if step.get("included")
        else ("cost not verified" if cost is None else ("no cost" if cost == 0 else money(cost))),
    ]
    return "; ".join([*(s for s in said if s not in note), *([note] if note else [])])


def pairs(items: Sequence[Mapping[str, Any]], key: str) -> list[tuple[str, Any]]:
    """(id, item[key]) for each item: what the charts and the holding table take."""
    return [(str(item["id"]), item.get(key)) for item in items]


def sourced(
    items: Sequence[Mapping[str, Any]], id_key: str = "id"
) -> list[tuple[str, Mapping[str, Any]]]:
    """(id, source) for every source of every item, in order."""
    return [(str(item[id_key]), s) for item in items for s in item.get("sources", ())]


@cache
def environment() -> jinja2.Environment:
    """Templates from the package, autoescaped, strict about names they do not know."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        money=money, plain=plain, profile_label=profile_label, step_details=step_details
    )
    env.tests["web_address"] = is_web_address
    env.globals.update(
        charts=charts,
        pairs=pairs,
        sourced=sourced,
        styles=charts.STYLES,
        palette=PALETTE,
        version=__version__,
    )
    return env


def _tables(report: Report) -> list[dict[str, Any]]:
    """The tables people see, as text (the generic page), as the Markdown renderer has them."""

    def cells(row: Mapping[str, Any], columns: list[Column]) -> list[str]:
        return [(c.human or human)(row.get(c.key)) for c in columns]

    parts = [p for p in (report, *report.extra) if p.rows or p is report]
    return [
        {
            "title": part.title,
            "columns": [c.title for c in part.people_columns],
            "rows": [cells(row, part.people_columns) for row in part.rows],
        }
        for part in parts
    ]


def page_context(report: Report) -> dict[str, Any]:
    """What a template is given: the page, the JSON document, the rows, made safe."""
    page: Page | None = report.page
    if page is None:
        return {
            "page": {
                "name": "tables",
                "title": report.title or "certadvise",
                "today": None,
                "catalog_as_of": None,
            },
            "tables": strip_unsafe_in(_tables(report)),
            "preface": strip_unsafe_in(list(report.preface)),
            "footer": strip_unsafe_in(list(report.footer)),
            "notes": strip_unsafe_in(list(report.notes)),
        }
    return {
        "page": strip_unsafe_in(
            {
                "name": page.name,
                "title": page.title,
                "today": page.today,
                "catalog_as_of": page.catalog_as_of,
                "profile": dict(page.profile) if page.profile is not None else None,
                "assumptions": list(page.assumptions),
            }
        ),
        "doc": strip_unsafe_in(report.json_document()),
        "rows": strip_unsafe_in([dict(row) for row in report.rows]),
        "reader": page.reader,
        "people": [_person(own) for own in page.people],
    }


def _person(page: Page | None) -> dict[str, Any]:
    """What a batch's section of one person is given: their profile as they gave it (None
    for a line not answered) and the currency they read amounts in."""
    if page is None:
        return {"profile": None, "reader": US_READER}
    profile = dict(page.profile) if page.profile is not None else None
    return {"profile": strip_unsafe_in(profile), "reader": page.reader}


def render(report: Report) -> str:
    """The whole page as text."""
    name = report.page.name if report.page is not None else "tables"
    if name not in PAGES and name != "tables":
        raise ValueError(f"no HTML page called {name!r}")  # a programming error
    return environment().get_template(f"{name}.html.j2").render(**page_context(report))


def write_html(report: Report, out: TextIO) -> None:
    out.write(render(report))
