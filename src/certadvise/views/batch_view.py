"""Reports for `recommend --batch`: one answer a person (the document `recommend -f json`
prints, with the person and line in front), an error record for a bad line, and, for
people (table, markdown, html), a summary of the cohort first and a section a person."""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from certadvise.amounts import US_READER, USD, Reader
from certadvise.render.report import Column, Page, Report, Row
from certadvise.views import recommend_view
from certadvise.views.recommend_view import program_keys


@dataclasses.dataclass(frozen=True)
class Answer:
    """What a batch keeps of one line: who, where, and recommend's document and rows (or
    the error: the field at fault, None for the line as a whole, and why). A format that
    writes only rows (csv, tsv) keeps no document, one that writes only records no rows."""

    line: int
    person: str | None
    document: Mapping[str, Any] | None = None
    rows: Sequence[Row] = ()
    error_field: str | None = None
    error: str | None = None
    page: Page | None = None  # their own page: the profile as they gave it, their currency

    @property
    def failed(self) -> bool:
        return self.error is not None

    @property
    def reader(self) -> Reader:
        """The currency the person reads amounts in."""
        return self.page.reader if self.page is not None else US_READER


def answered(
    line: int,
    person: str | None,
    answer: recommend_view.Answer,
    page: Page | None,
    *,
    document: bool = True,
    rows: bool = True,
) -> Answer:
    """A person's answer: what `recommend` says to programs about them (its `document`,
    its `rows`, or both), and their own page (for the formats for people; None for the
    formats for programs)."""
    return Answer(
        line,
        person,
        answer.document() if document else None,
        answer.rows if rows else (),
        page=page,
    )


def cohort_reader(answers: Iterable[Answer]) -> Reader:
    """The currency the pages of a batch say amounts in: the one every person answered reads
    in, else US dollars (the arithmetic's: a cohort of several currencies has no other)."""
    readers = {a.reader for a in answers if not a.failed}
    return readers.pop() if len(readers) == 1 else US_READER


def failed(line: int, person: str | None, field: str | None, message: str) -> Answer:
    return Answer(line, person, error_field=field, error=message)


def for_page(answer: Answer) -> Answer:
    """What the pages for people keep of an answer: everything but the list of what was
    left out (the JSON formats have it), so a large cohort stays small in memory."""
    if answer.document is None:  # a bad line: nothing to leave out
        return answer
    doc = {k: v for k, v in answer.document.items() if k != "excluded"}
    return dataclasses.replace(answer, document=doc)


def record(answer: Answer) -> dict[str, Any]:
    """One line of `--format jsonl` (one item of `json`): the person and line, then the
    document of `recommend -f json`, or the error."""
    head: dict[str, Any] = {"person": answer.person, "line": answer.line}
    if answer.failed:
        return {**head, "error": {"field": answer.error_field, "message": answer.error}}
    assert answer.document is not None, "an answer kept for its rows has no record"
    return {**head, **answer.document}


def delimited_columns() -> list[Column]:
    """`csv`/`tsv`: person and line, recommend's columns, then the error of a bad line."""
    keys = ["person", "line", *program_keys(), "error_field", "error"]
    return [Column(key, key) for key in keys]


def delimited_rows(answer: Answer) -> list[dict[str, Any]]:
    """One row per recommendation; a person with none (or a bad line) gets one row."""
    head = {"person": answer.person, "line": answer.line}
    if answer.failed:
        return [{**head, "error_field": answer.error_field, "error": answer.error}]
    return [{**head, **row} for row in answer.rows] or [head]


# ------------------------------------------------------------------ the pages for people


def advised(answers: Sequence[Answer]) -> list[dict[str, Any]]:
    """How often each certification is recommended now, and what it costs those people:
    the lowest, median and highest verified price, in US dollars and (`min`, `median`,
    `max`) in the currency the prices are stated in, and how many prices are not verified
    (never counted as $0). Most advised first."""
    found: dict[str, dict[str, Any]] = {}
    for answer in answers:
        for rec in (answer.document or {}).get("recommendations", ()):
            item = found.setdefault(
                rec["id"],
                {
                    "id": rec["id"],
                    "name": rec["name"],
                    "organization": rec["organization"],
                    "people": 0,
                    "_prices": [],
                    "_stated": [],
                    "_currencies": set(),
                    "unknown": 0,
                },
            )
            item["people"] += 1
            usd = rec["cost"]["minimum_usd"] if rec["cost"]["verified"] else None
            if usd is None:
                item["unknown"] += 1
            else:
                item["_prices"].append(float(usd))
                price = rec["cost"].get("price") or {}
                item["_stated"].append(price.get("amount"))
                item["_currencies"].add(price.get("currency") or USD)
    people = sum(1 for a in answers if a.document is not None)
    result = []
    for item in sorted(found.values(), key=lambda i: (-i["people"], i["id"])):
        prices = item.pop("_prices")
        stated, currencies = item.pop("_stated"), item.pop("_currencies")
        item["share"] = round(item["people"] / people, 3) if people else None
        item["cost"] = {
            "min_usd": min(prices) if prices else None,
            "median_usd": statistics.median(prices) if prices else None,
            "max_usd": max(prices) if prices else None,
            "unknown": item.pop("unknown"),
            **_stated_spread(stated, currencies),
        }
        result.append(item)
    return result


def _stated_spread(stated: list[float | None], currencies: set[str]) -> dict[str, Any]:
    """The lowest, median and highest price as stated, when every one is stated in one
    currency (a certification's prices are: one catalog entry, one currency); else none."""
    if len(currencies) != 1 or None in stated:
        return {"currency": None, "min": None, "median": None, "max": None}
    amounts = [float(a) for a in stated if a is not None]
    return {
        "currency": currencies.pop(),
        "min": min(amounts),
        "median": statistics.median(amounts),
        "max": max(amounts),
    }


def summary_document(answers: Sequence[Answer]) -> dict[str, Any]:
    """The cohort in numbers: people, answered, failed lines, and what is advised."""
    bad = [a for a in answers if a.failed]
    return {
        "people": len(answers),
        "answered": len(answers) - len(bad),
        "failed": [
            {"line": a.line, "person": a.person, "field": a.error_field, "message": a.error}
            for a in bad
        ],
        "nothing_in_reach": sum(
            1 for a in answers if a.document is not None and not a.document["recommendations"]
        ),
        "advised": advised(answers),
    }


def _spread_read(cost: Mapping[str, Any], key: str, reader: Reader) -> str:
    """The lowest, median or highest of a spread (`key`: min, median, max) as the reader
    reads it: '$340', '£300' (stated in pounds), '≈ £263' (converted)."""
    usd = cost[f"{key}_usd"]
    return reader.reads(
        usd if reader.converts or usd is None else round(usd), cost[key], cost["currency"] or USD
    )


def _spread(cost: Mapping[str, Any], reader: Reader) -> str:
    """'$340 / $475 / $600', '≈ £263 / ≈ £367 / ≈ £464', '£300 / £300 / £350'; 'not
    verified' when no price among them is."""
    if cost["min_usd"] is None:
        return "not verified"
    return " / ".join(_spread_read(cost, key, reader) for key in ("min", "median", "max"))


def who(answer: Answer) -> str:
    """A person as the pages name them: 'line 3 · Ana' (line 3 when no name was given)."""
    return f"line {answer.line}" + (f" · {answer.person}" if answer.person else "")


def _status(answer: Answer) -> str:
    if answer.document is None:  # pages keep every good line's document
        return (
            f"error: {answer.error_field}: {answer.error}"
            if answer.error_field
            else (f"error: {answer.error}")
        )
    if not answer.document["recommendations"]:
        return "nothing in reach now"
    return ""


def batch_report(
    answers: Sequence[Answer], today: dt.date, catalog_as_of: str | None, label: str
) -> Report:
    """The report for people: what is advised how often (and the spread of its costs),
    everyone in one table, then a section a person with their recommendations."""
    summary = summary_document(answers)
    reader = cohort_reader(answers)
    rows = [
        {
            "id": item["id"],
            "name": item["name"],
            "people": item["people"],
            "spread": _spread(item["cost"], reader),
            "unknown": item["cost"]["unknown"],
        }
        for item in summary["advised"]
    ]
    columns = [
        Column("id", "ID", no_wrap=True),
        Column("name", "Name", optional=True),
        Column("people", "People", no_wrap=True),
        Column("spread", "Cost now: lowest / median / highest"),
        Column("unknown", "Not verified", no_wrap=True),
    ]
    people = Report(
        [
            Column("line", "Line", no_wrap=True),
            Column("person", "Person"),
            Column("now", "Recommended now"),
            Column("later", "Later, first", optional=True),
            Column("note", "Note", optional=True, keep=1),
        ],
        [
            {
                "line": a.line,
                "person": a.person or "",
                "now": ", ".join(r["id"] for r in (a.document or {}).get("recommendations", ())),
                "later": next((x["id"] for x in (a.document or {}).get("later", ())), ""),
                "note": _status(a),
            }
            for a in answers
        ],
        None,
        title="People",
    )
    sections = [_person_report(a) for a in answers if a.rows]
    failed_count = len(summary["failed"])
    preface = [
        f"{summary['people']:,} people in {label}: {summary['answered']:,} answered"
        + (f", {failed_count:,} with errors" if failed_count else "")
        + (
            f"; {summary['nothing_in_reach']:,} with nothing in reach now"
            if summary["nothing_in_reach"]
            else ""
        )
    ]
    page = Page(
        "batch",
        f"Certification advice for {summary['people']:,} people",
        today=today.isoformat(),
        catalog_as_of=catalog_as_of,
        reader=reader,
        people=tuple(a.page for a in answers),
    )
    document = {**summary, "answers": [record(a) for a in answers], "sources": _sources(answers)}
    return Report(
        columns,
        rows,
        document,
        title="Advised now, by certification: how many people, and the cost now",
        preface=preface,
        extra=[people, *sections],
        page=page,
    )


def _person_report(answer: Answer) -> Report:
    any_to_do = any(row.get("to_do") for row in answer.rows)
    columns = [
        Column("rank", "#", no_wrap=True),
        Column("id", "ID", no_wrap=True),
        Column("name", "Name", optional=True),
        Column("cost_now", "Cost now"),
        *([Column("to_do", "To do first", optional=True, keep=1)] if any_to_do else []),
        Column("why", "Why", optional=True),
    ]
    return Report(columns, answer.rows, None, title=f"{who(answer)}: recommended now")


def _sources(answers: Sequence[Answer]) -> list[dict[str, Any]]:
    """Every certification on the pages with its sources, once each, in id order."""
    found: dict[str, list[Any]] = {}
    for a in answers:
        for key in ("recommendations", "later"):
            for item in (a.document or {}).get(key, ()):
                found.setdefault(item["id"], item.get("sources", []))
    return [{"id": cert, "sources": found[cert]} for cert in sorted(found)]


def entry_ids(answers: Iterable[Answer]) -> set[str]:
    """Every certification the pages show (recommended now, or later), for their dates."""
    return {
        item["id"]
        for a in answers
        for key in ("recommendations", "later")
        for item in (a.document or {}).get(key, ())
    }
