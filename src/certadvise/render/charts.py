"""The pictures of the HTML report, as geometry: lanes of labelled bars, axis ticks and a
legend, in SVG user units, built from the command's JSON document.

Drawing is the templates' job (`templates/charts.html.j2`), so every word on a chart
passes through the template engine's escaping. An unknown amount or duration is never a
length: it is a fixed, hatched block marked "?", named in words in the chart's description
and in the table beside it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from certadvise import amounts, timeline
from certadvise.amounts import US_READER, USD, Reader, amount_text

WIDTH = 420.0  # every chart's viewBox width; it scales to the page
BAR_H = 16.0
TEXT_H = 15.0  # a label line above each bar
LANE_GAP = 9.0
HEADING_H = 20.0
AXIS_H = 18.0
LEGEND_H = 17.0
UNKNOWN_W = 30.0  # the width of an unknown part, whatever its amount
MIN_W = 3.0  # a known part too small to see (a day in four years) still shows
FONT_SIZE = 12.0
CHAR_W = 6.6  # rough width of a character at that size: legends and labels fit the width

Doc = Mapping[str, Any]


@dataclass(frozen=True)
class Style:
    """How one kind of segment looks: its fill colour and a pattern, so that the kinds stay
    apart without colour (in grey print, for colour-blind readers)."""

    label: str  # the legend's words
    colour: str
    pattern: str  # the id of a pattern in templates/charts.html.j2, or "" for solid


UNKNOWN = "unknown"
STYLES: dict[str, Style] = {
    # the cost of holding a credential (ownership parts)
    "exam": Style("exam and fees", "#1d4f91", ""),
    "study_materials": Style("study materials", "#8a3b12", "dots"),
    "dues": Style("membership dues", "#2e6b30", "stripes"),
    "recertification": Style("recertification", "#6b2d7a", "grid"),
    # the steps of a plan
    "waiting": Style("waiting to be old enough", "#5c5c5c", "stripes"),
    "education": Style("education", "#1d4f91", ""),
    "credential": Style("another credential first", "#8a3b12", "dots"),
    "experience": Style("supervised hours, experience", "#2e6b30", "stripes"),
    "short": Style("a short step (a day)", "#6b2d7a", "grid"),
    "study": Style("study for the exam", "#0f5e68", ""),
    # renewals
    "active": Style("active", "#2e6b30", ""),
    "expiring": Style("expiring", "#8a3b12", "stripes"),
    "lapsed": Style("lapsed", "#a01c1c", "grid"),
    # a value side by side (compare)
    "value": Style("value", "#1d4f91", ""),
    UNKNOWN: Style("not verified (?)", "#ffffff", "hatch"),
}

STATE_STYLE = {"due soon": "expiring", "overdue": "expiring"}  # renewals: past or near
STEP_STYLE = {
    "age": "waiting",
    "degree": "education",
    "degree-field": "education",
    "credential": "credential",
    "hours": "experience",
    "years": "experience",
    "cpr-aed": "short",
    "membership": "short",
    "exam": "study",
}
STEP_WORDS = {  # a step's few words where its own text is too long for a chart's line
    "age": "wait to be old enough",
    "degree": "earn the degree",
    "degree-field": "a degree in the field",
    "hours": "supervised hours",
    "years": "years of experience",
    "cpr-aed": "CPR/AED course",
}
LABEL_CHARS = 44  # a step's own text up to this length labels its bar


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    style: str  # a key of STYLES
    title: str  # what it is, in words (the SVG <title> of the segment)
    known: bool = True


LABEL_LINES = 2  # a label too long for one line goes on to a second, never a third


def fit(text: str, width: float = WIDTH) -> str:
    """`text` cut (with an ellipsis) to what a line of `width` holds."""
    most = int(width // CHAR_W)
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def wrap(text: str, lines: int = LABEL_LINES, width: float = WIDTH) -> tuple[str, ...]:
    """`text` on as few lines of `width` as it needs, at most `lines`: broken after a comma
    where one lets the first line fit ('ISSA-SCC · exam price not verified,' / 'plus $99 of
    known fees (≈ £74)'), else between words; only what the last line cannot hold is cut."""
    most = int(width // CHAR_W)
    if len(text) <= most or lines <= 1:
        return (fit(text, width),)
    head = text[: most + 1]
    cut = head.rfind(", ") + 1 or head.rfind(" ")
    if cut <= 0:
        return (fit(text, width),)
    return (text[:cut].rstrip(), *wrap(text[cut:].lstrip(), lines - 1, width))


@dataclass(frozen=True)
class Lane:
    """One labelled bar: the label's lines from `y`, the bar below them."""

    y: float
    label: str
    segments: tuple[Segment, ...]
    thin: tuple[Segment, ...] = ()  # a second, thin track under the bar (waiting for age)

    @property
    def lines(self) -> tuple[str, ...]:
        """The label as drawn: whole, on one line or two."""
        return wrap(self.label)

    @property
    def bar_y(self) -> float:
        return self.y + TEXT_H * len(self.lines)


@dataclass(frozen=True)
class Heading:
    y: float
    text: str
    mark: str = ""  # "differs": the values under it are not all the same


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Marker:
    """A point on a time strip (renewals): a deadline."""

    x: float
    y: float
    style: str
    title: str


@dataclass(frozen=True)
class LegendItem:
    x: float
    y: float
    style: str
    label: str


@dataclass(frozen=True)
class Chart:
    """One picture: its accessible title and description (what it shows, in words)."""

    key: str  # unique on the page: the SVG's title and description ids
    title: str
    description: str
    height: float
    lanes: tuple[Lane, ...] = ()
    headings: tuple[Heading, ...] = ()
    ticks: tuple[Tick, ...] = ()
    axis_y: float | None = None  # where the tick labels go; None: no axis
    markers: tuple[Marker, ...] = ()
    legend: tuple[LegendItem, ...] = ()
    width: float = WIDTH
    strip: tuple[float, float] | None = None  # the y and height of a time strip (renewals)
    note: str = ""  # said under the picture too: how its amounts were converted

    @property
    def styles(self) -> list[Style]:
        return list(STYLES.values())


# --------------------------------------------------------------------------- helpers


def money(usd: float | None) -> str:
    """$475, $1,598, $49.50; '?' for unknown."""
    return "?" if usd is None else amounts.money(usd)


def nice_step(top: float, ticks: int = 4) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about `ticks` ticks up to `top`."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def month_step(top: float) -> float:
    """Ticks every 3 months up to a year, then 6, then yearly, then every 2 or 5 years."""
    return next((s for s in (3, 6, 12, 24, 60) if top / s <= 6), 120)


def months_label(months: float) -> str:
    if months == 0:
        return "now"
    if months % 12 == 0:
        return f"{months / 12:g} y"
    return f"{months:g} mo"


def _legend(styles: Sequence[str], y: float) -> tuple[tuple[LegendItem, ...], float]:
    """The legend's items in rows that fit the width; and the y below them."""
    items, x = [], 0.0
    y += LEGEND_H  # the baseline of the first row
    for style in dict.fromkeys(styles):
        label = STYLES[style].label
        width = 16 + len(label) * CHAR_W + 14
        if x and x + width > WIDTH:
            x, y = 0.0, y + LEGEND_H
        items.append(LegendItem(x, y, style, label))
        x += width
    return tuple(items), y + 6


def _ticks(top: float, scale: float, step: float, label: Any) -> tuple[Tick, ...]:
    count = int(top // step) if step else 0
    return tuple(Tick(i * step * scale, label(i * step)) for i in range(count + 1))


def _row(
    x: float, parts: Sequence[tuple[str, float | None, str]], scale: float
) -> tuple[list[Segment], float]:
    """Segments side by side from `x`: each part (style, amount, words) known or not."""
    segments = []
    for style, value, words in parts:
        if value is None:
            title = words if "not known" in words else f"{words}: not known"
            segments.append(Segment(x, UNKNOWN_W, UNKNOWN, title, known=False))
            x += UNKNOWN_W
        elif value > 0:
            width = max(MIN_W, value * scale)
            segments.append(Segment(x, width, style, words))
            x += width
    return segments, x


# ------------------------------------------------------------------- cost of holding


COST_KINDS = ("exam", "study_materials", "dues", "recertification")


def part_kind(part: Doc) -> str:
    """The kind of a part of the cost of holding (`exam` when the document does not say)."""
    kind = part.get("kind")
    return kind if isinstance(kind, str) and kind in COST_KINDS else "exam"


def _read_parts(ownership: Doc, reader: Reader) -> list[tuple[Doc, float | None, str]]:
    """Each part of a cost of holding with its amount in the reader's units (None: not
    known) and in words as they read it ('exam (member) £300', 'recertification fee x1 $85
    (≈ £63)'; for a reader of US dollars, the US dollars: 'exam (member) $403.59')."""
    currency = str(ownership.get("currency") or USD)
    found = []
    for part in ownership.get("parts", ()):
        usd, amount = part.get("usd"), part.get("amount")
        currency = str(part.get("currency") or ownership.get("currency") or USD)
        value = reader.value(usd, amount, currency)
        words = (
            part["label"]
            if value is None
            else f"{part['label']} " + reader.beside(usd, amount, currency)
        )
        found.append((part, value, words))
    return found


def cost_breakdown(ownership: Doc, reader: Reader = US_READER) -> dict[str, str]:
    """The cost of holding by kind, as the reader reads it: '$475', 'at least ≈ £268',
    'not verified', or 'none' for a kind with no part (no dues for someone who joins
    nothing)."""
    read = _read_parts(ownership, reader)
    cells = {}
    for kind in COST_KINDS:
        parts = [(p, value) for p, value, _ in read if part_kind(p) == kind]
        known = [p for p, value in parts if value is not None]
        if not parts:
            cells[kind] = "none"
        elif not known:
            cells[kind] = "not verified"
        else:
            usd = sum(p["usd"] for p in known if p.get("usd") is not None)
            amount = sum(p.get("amount") or 0 for p in known)
            currencies = {str(p.get("currency") or ownership.get("currency") or USD) for p in known}
            unknown = len(known) < len(parts)
            said = (
                reader.reads(usd, amount, currencies.pop())
                if len(currencies) == 1
                else reader.approximately(usd)
            )
            cells[kind] = ("at least " if unknown else "") + said
    return cells


def holding_text(ownership: Doc, reader: Reader, *, per_year: bool = False) -> str:
    """The total (or a year's) as the document says it, in its own currency, and roughly in
    the reader's when that is another: 'at least $85 (≈ £63)'; a total of several
    currencies (`currency` null), converted: 'at least ≈ CA$906'."""
    text = str(ownership["per_year_text" if per_year else "text"])
    usd = ownership.get("per_year_usd" if per_year else "known_usd")
    if "currency" in ownership and ownership["currency"] is None and isinstance(usd, float | int):
        return ("" if ownership.get("complete") else "at least ") + reader.approximately(usd)
    currency = str(ownership.get("currency") or USD)
    return reader.after(text, usd, currency)


def cost_chart(
    key: str, items: Sequence[tuple[str, Doc | None]], reader: Reader = US_READER
) -> Chart | None:
    """What holding each credential costs over the years, its parts stacked, in the reader's
    currency (converted from US dollars, and said so, where it is another).

    `items` are (id, ownership document: `{years, text, currency, parts: [{kind, label,
    usd, amount}]}`).
    """
    shown = [
        (name, own, _read_parts(own, reader)) for name, own in items if own and own.get("parts")
    ]
    if not shown:
        return None
    years = shown[0][1]["years"]
    known_top = max(sum(v for _, v, _ in read if v is not None) for _, _, read in shown)
    unknowns = max(sum(v is None for _, v, _ in read) for _, _, read in shown)
    room = WIDTH - unknowns * UNKNOWN_W
    step = nice_step(known_top)
    top = math.ceil(known_top / step) * step if known_top else step
    scale = room / top
    lanes, words, used = [], [], set[str]()
    y = 0.0
    for name, own, read in shown:
        parts = [(part_kind(p), value, said) for p, value, said in read]
        segments, _ = _row(0.0, parts, scale)
        used.update(s.style for s in segments)
        text = holding_text(own, reader)
        over = "" if text != own["text"] else f" over {own['years']} years"  # room for ≈
        lane = Lane(y, f"{name} · {text}{over}", tuple(segments))
        lanes.append(lane)
        described = ", ".join(
            f"{p['label']} not known" if value is None else said for p, value, said in read
        )
        words.append(f"{name}: {text} ({described})")
        y = lane.bar_y + BAR_H + LANE_GAP
    ticks: tuple[Tick, ...] = ()
    axis_y = None  # nothing known: no scale to draw (an axis from 0 to 1 would mean nothing)
    if known_top:
        ticks = _ticks(top, scale, step, lambda value: amount_text(value, reader.currency))
        axis_y = y + 4
    order = [s for s in STYLES if s in used]
    legend, height = _legend(order, y + 4 + (AXIS_H if known_top else 0))
    return Chart(
        key,
        f"Cost of holding each over {years} years",
        "; ".join(words)
        + ". Parts marked ? are not known and are not counted."
        + (f" {reader.note}" if reader.note else ""),
        height,
        tuple(lanes),
        ticks=ticks,
        axis_y=axis_y,
        legend=legend,
        note=reader.note,
    )


# ------------------------------------------------------------------------- timelines


def step_label(step: Doc) -> str:
    """A step in a few words: its own text when short ('earn NSCA-CPT'), else its kind's."""
    text = str(step.get("text") or "")
    if len(text) <= LABEL_CHARS:
        return text
    return STEP_WORDS.get(str(step.get("kind")), text[: LABEL_CHARS - 1] + "…")


def _step_words(step: Doc) -> str:
    return f"{step_label(step)}: {step.get('duration') or 'time not known'}"


def waits(step: Doc) -> bool:
    """A step that only waits for time to pass (an age, the final year of a degree): it
    starts today and runs beside the rest, as the plan's months count it."""
    return bool(step.get("waits", step.get("kind") == "age"))


def plan_chart(key: str, steps: Sequence[Doc]) -> Chart | None:
    """`path`'s steps on a time line, one lane each, in order: what only waits (an age, the
    final year of a degree) runs from the start beside the rest, hours of practice inside
    the years of practice beside them, every other step starts when the one before it ends
    (`timeline.starts`); so the line ends where the plan's months say."""
    if not steps:
        return None
    starts = timeline.starts((str(s.get("kind")), s.get("months"), waits(s)) for s in steps)
    ends = [s + (step.get("months") or 0) for s, step in zip(starts, steps, strict=True)]
    top_known = max([*ends, 1.0])
    step_size = month_step(top_known)
    top = math.ceil(top_known / step_size) * step_size
    unknowns = sum(step.get("months") is None for step in steps)
    scale = (WIDTH - min(unknowns, 3) * UNKNOWN_W) / top
    lanes, words, used = [], [], []
    y = 0.0
    for number, (start, step) in enumerate(zip(starts, steps, strict=True), start=1):
        style = STEP_STYLE.get(str(step.get("kind")), "education")
        segments, _ = _row(start * scale, [(style, step.get("months"), _step_words(step))], scale)
        used += [s.style for s in segments]
        label = f"{step.get('step', number)}. {_step_words(step)}"
        lane = Lane(y, label, tuple(segments))
        lanes.append(lane)
        words.append(label)
        y = lane.bar_y + BAR_H + LANE_GAP
    ticks = _ticks(top, scale, step_size, months_label)
    legend, height = _legend([s for s in STYLES if s in used], y + 4 + AXIS_H)
    return Chart(
        key,
        "The steps on a time line",
        "; ".join(words) + ". Steps marked ? take a time nobody can say (often study).",
        height,
        tuple(lanes),
        ticks=ticks,
        axis_y=y + 4,
        legend=legend,
    )


def later_chart(key: str, entries: Sequence[Doc]) -> Chart | None:
    """Each later certification's steps end to end (what only waits, an age or the final
    year, on a thin track beside them), the nearest first."""
    if not entries:
        return None
    tops = []
    for entry in entries:
        doing = sum(s.get("months") or 0 for s in entry["steps"] if not waits(s))
        waiting = sum(s.get("months") or 0 for s in entry["steps"] if waits(s))
        tops.append(max(doing, waiting))
    top_known = max([*tops, 1.0])
    step_size = month_step(top_known)
    top = math.ceil(top_known / step_size) * step_size
    unknowns = max(
        sum(s.get("months") is None for s in e["steps"] if not waits(s)) for e in entries
    )
    scale = (WIDTH - min(unknowns, 3) * UNKNOWN_W) / top
    lanes, words, used = [], [], []
    y = 0.0
    for entry in entries:
        doing = [s for s in entry["steps"] if not waits(s)]
        waiting = [s for s in entry["steps"] if waits(s)]
        parts = [
            (STEP_STYLE.get(str(s.get("kind")), "education"), s.get("months"), _step_words(s))
            for s in doing
        ]
        segments, _ = _row(0.0, parts, scale)
        thin, _ = _row(0.0, [("waiting", s.get("months"), _step_words(s)) for s in waiting], scale)
        used += [s.style for s in (*segments, *thin)]
        label = f"{entry['id']} · {entry.get('time') or 'time not known'}"
        lane = Lane(y, label, tuple(segments), tuple(thin))
        lanes.append(lane)
        words.append(f"{label}: " + "; then ".join(_step_words(s) for s in entry["steps"]))
        y = lane.bar_y + BAR_H + LANE_GAP + (5 if thin else 0)
    ticks = _ticks(top, scale, step_size, months_label)
    legend, height = _legend([s for s in STYLES if s in used], y + 4 + AXIS_H)
    return Chart(
        key,
        "Time to each later certification",
        "; ".join(words) + ". Parts marked ? take a time nobody can say (often study).",
        height,
        tuple(lanes),
        ticks=ticks,
        axis_y=y + 4,
        legend=legend,
    )


# ---------------------------------------------------------------------- side by side


def side_by_side_chart(key: str, numbers: Sequence[Doc]) -> Chart | None:
    """Figures of several certifications side by side, one group per fact, each with its
    own scale; a group whose values differ is marked "differs".

    `numbers` are `{fact, values: {id: number or None}, texts: {id: words}, differs}`.
    """
    groups = [n for n in numbers if n.get("values")]
    if not groups:
        return None
    lanes, headings, words = [], [], []
    y, any_unknown = 0.0, False
    for group in groups:
        headings.append(Heading(y, str(group["fact"]), "differs" if group["differs"] else "same"))
        y += HEADING_H
        known = [v for v in group["values"].values() if v is not None]
        top = max([*known, 0.0]) or 1.0
        scale = (WIDTH - UNKNOWN_W) / top
        for cert_id, value in group["values"].items():
            text = group["texts"].get(cert_id) or money(value)
            segments, _ = _row(0.0, [("value", value, f"{cert_id}: {text}")], scale)
            any_unknown = any_unknown or value is None
            lane = Lane(y, f"{cert_id} · {text}", tuple(segments))
            lanes.append(lane)
            y = lane.bar_y + BAR_H + 4
        words.append(
            f"{group['fact']} ({'they differ' if group['differs'] else 'the same'}): "
            + ", ".join(
                f"{c}: {group['texts'].get(c) or money(v)}" for c, v in group["values"].items()
            )
        )
        y += LANE_GAP
    legend, height = _legend(["value", *([UNKNOWN] if any_unknown else [])], y)
    return Chart(
        key,
        "Figures side by side",
        "; ".join(words) + ".",
        height,
        tuple(lanes),
        headings=tuple(headings),
        legend=legend,
    )


# -------------------------------------------------------------------------- renewals

STRIP_MONTHS = 24


def _month_start(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


def renewals_chart(key: str, today: str, renewals: Sequence[Doc]) -> Chart | None:
    """The renewal deadlines on a 24-month strip from today: a lane per credential with
    its marker; a deadline past is drawn at the start (lapsed), one beyond the strip at
    its end, with an arrow, and every one is said in words on its lane."""
    if not renewals:
        return None
    start = dt.date.fromisoformat(today)
    end = _month_start(start, STRIP_MONTHS + 1)
    days = (end - start).days
    scale = WIDTH / days
    ticks = []
    for i in range(1, STRIP_MONTHS + 1):
        first = _month_start(start, i)
        if first.month in (1, 4, 7, 10):
            label = str(first.year) if first.month == 1 else first.strftime("%b")  # fits a quarter
            ticks.append(Tick((first - start).days * scale, label))
    lanes, markers, words = [], [], []
    y = 0.0
    for item in renewals:
        expires = item.get("expires")
        state = str(item.get("state") or "active")
        style = STATE_STYLE.get(state, state if state in STYLES else "active")
        when = dt.date.fromisoformat(expires) if expires else None
        if when is None:
            where, x = "expiry date not known", None
        elif when < start:
            where, x = f"lapsed on {expires}", 0.0
        elif when >= end:
            where, x = f"expires {expires} (later)", WIDTH
        else:
            where, x = f"expires {expires}", (when - start).days * scale
        label = f"{item['id']} · {where}" + ("" if state in where else f" · {state}")
        lane = Lane(y, label, ())
        lanes.append(lane)
        if x is not None:
            markers.append(Marker(x, lane.bar_y + BAR_H / 2, style, label))
        words.append(label)
        y = lane.bar_y + BAR_H + LANE_GAP
    legend, height = _legend([m.style for m in markers], y + 4 + AXIS_H)
    return Chart(
        key,
        "Renewal deadlines over the next 24 months",
        f"From {today}: " + "; ".join(words) + ".",
        height,
        tuple(lanes),
        ticks=tuple(ticks),
        axis_y=y + 4,
        markers=tuple(markers),
        legend=legend,
        strip=(0.0, y),
    )
