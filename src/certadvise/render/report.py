"""The format-neutral result every command hands to a renderer."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from certadvise.amounts import US_READER, Reader

Row = Mapping[str, Any]


class SharedDocument(dict[str, Any]):
    """A sub-document built once and shared by many documents (a batch's people), never
    changed after: a renderer may keep in `made` what it makes of it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.made: dict[Any, str] = {}


class SharedList(list[Any]):
    """A list of `SharedDocument`'s kind: built once, shared, never changed."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.made: dict[Any, str] = {}


@dataclass(frozen=True)
class Column:
    """A column of the tabular view: `key` in each row, `title` for people."""

    key: str
    title: str
    human: Callable[[Any], str] | None = None  # how people read the value; default: text.human
    no_wrap: bool = False
    for_people: bool = True  # shown in table and markdown
    for_programs: bool = True  # written to csv and tsv
    optional: bool = False  # dropped first when a table is too narrow for every word whole
    keep: int = 0  # among optional columns, the higher is dropped later


@dataclass(frozen=True)
class Page:
    """What an HTML page holds besides the command's JSON document: which page it is, and
    for whom, on what day, from facts of what age. Plain data, like the document."""

    name: str  # the page's template: recommend, path, compare, show, renewals
    title: str
    today: str | None = None  # the day of the run, YYYY-MM-DD
    catalog_as_of: str | None = None  # how old the facts on the page are, in words
    profile: Mapping[str, Any] | None = None  # the profile as `recommend -f json` shows it
    assumptions: Sequence[str] = ()
    reader: Reader = US_READER  # the currency the person reads amounts in, and its rate
    people: Sequence[Page | None] = ()  # a batch: each answer's own page, in the order of
    # the document's answers (None for a line not answered)


@dataclass(frozen=True)
class Report:
    """Columns and rows (table, csv, tsv, markdown, ids), a JSON document, and notes.

    `notes` are the assumptions and warnings said to people; renderers of tables print
    them to stderr, and commands put them into `document` too.
    """

    columns: Sequence[Column]
    rows: Sequence[Row]
    document: Any  # the JSON document, or a function that builds it (when it is costly)
    records: Sequence[Any] | None = None  # one JSON object a line for jsonl; default: rows
    title: str | None = None
    notes: Sequence[str] = ()
    preface: Sequence[str] = ()  # lines for people printed before the tables, on stdout
    id_key: str = "id"
    extra: Sequence[Report] = field(default_factory=tuple)  # further tables (people only)
    pipe_width: int | None = None  # wrap at this width in a pipe; None: one row a line
    footer: Sequence[str] = ()  # data for people after the table, on stdout (a plan's total)
    more_rows: Sequence[Row] = ()  # further rows for csv and tsv only (people see `extra`)
    ids: Sequence[str] | None = None  # what -f ids prints when rows are not certifications
    page: Page | None = None  # the HTML page; None: the tables, on a plain page

    def json_document(self) -> Any:
        return self.document() if callable(self.document) else self.document

    @property
    def people_columns(self) -> list[Column]:
        return [c for c in self.columns if c.for_people]

    @property
    def program_columns(self) -> list[Column]:
        return [c for c in self.columns if c.for_programs]
