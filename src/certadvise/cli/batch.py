"""`recommend --batch FILE`: a cohort in one process, the catalog read once, one
Judgement a person, every line answered or refused on its own.

Each line is one whole person: the saved profile is not read. The profile options given
on the command line (and a --profile file) are defaults that a line's own fields
override. Formats for programs are written as each person is answered; the formats for
people (table, markdown, html) need the whole cohort for their summary first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from certadvise.cli import runtime
from certadvise.cli.exits import Outcome
from certadvise.errors import InputError
from certadvise.render import OutputFormat

if TYPE_CHECKING:
    from certadvise.advice.planner import PlanBooks
    from certadvise.advice.profile import RawProfile
    from certadvise.catalog.index import Catalog
    from certadvise.cli.batch_input import Line
    from certadvise.cli.settings import Run
    from certadvise.render.stream import Stream
    from certadvise.views.batch_view import Answer

PROGRESS_FROM = 50  # people: a smaller batch is done before a bar would say anything
ERRORS_SAID = 10  # bad lines said one by one on stderr; the rest in one line
FORMATS = (
    OutputFormat.TABLE,
    OutputFormat.JSON,
    OutputFormat.JSONL,
    OutputFormat.CSV,
    OutputFormat.TSV,
    OutputFormat.MARKDOWN,
    OutputFormat.HTML,
)


def defaults(profile_options: dict[str, Any]) -> RawProfile:
    """What every line starts from: a --profile file, then the options (never the saved
    profile: a batch line is a whole person)."""
    from certadvise.advice import profile_checks
    from certadvise.advice.profile import RawProfile
    from certadvise.cli.profile_files import read_profile

    base = RawProfile()
    if profile_options["profile_file"]:
        base = read_profile(profile_options["profile_file"])
    return base.overridden_by(profile_checks.from_options(profile_options))


def run_batch(
    run: Run,
    cat: Catalog,
    source: str,
    profile_options: dict[str, Any],
    top: int | None,
    years: int | None,
    fmt: OutputFormat | None,
) -> Outcome:
    """Answer every person of `source`; SOME_LINES_FAILED when any line was refused."""
    from certadvise.cli.batch_input import parse_batch, read_batch

    chosen = runtime.format_among(fmt, FORMATS, "recommend --batch")
    if source == "-" and profile_options["profile_file"] == "-":
        raise InputError("--batch - and --profile - both read standard input: give one a file")
    base = defaults(profile_options)
    label, text = read_batch(source)
    gc.freeze()  # what is loaded lives as long as the run: the collector need not walk it
    try:
        lines = parse_batch(source, label, text)
        today = runtime.today()
        ctx = runtime.context(run)
        answers: list[Answer] = []
        bad = 0
        from certadvise.render.charset import carries_all
        from certadvise.render.stream import STREAMED, Stream
        from certadvise.views import batch_view

        stream = (
            Stream(chosen, ctx.out, batch_view.delimited_columns(), not carries_all(ctx.charset))
            if chosen in STREAMED
            else None
        )
        from certadvise.advice.planner import PlanBooks

        books = PlanBooks()  # people in the same situation share their plans
        with _progress(run, len(lines)) as advance:
            for line in lines:
                answer = _answer(cat, base, line, today, top, years, books, stream)
                if answer.failed:
                    bad += 1
                    _say_error(label, answer, bad)
                if stream is not None:
                    _write(stream, answer)
                else:
                    answers.append(batch_view.for_page(answer))
                advance()
    finally:
        gc.unfreeze()
    if bad > ERRORS_SAID:
        _stderr(
            f"certadvise: error: {label}: {bad - ERRORS_SAID:,} more bad lines (see their records)"
        )
    if stream is not None:
        _write_end(stream)
    else:
        from certadvise.views import sources_dated

        entries = (cat.entries[i] for i in sorted(batch_view.entry_ids(answers)))
        report = batch_view.batch_report(answers, today, sources_dated(entries), label)
        runtime.output(run, report, chosen)
    if not run.quiet:
        done = len(lines) - bad
        _stderr(
            f"answered {done:,} of {len(lines):,} people"
            + (f"; {bad:,} {'line' if bad == 1 else 'lines'} failed" if bad else "")
        )
    return Outcome.SOME_LINES_FAILED if bad else Outcome.SUCCESS


def _answer(
    cat: Catalog,
    base: RawProfile,
    line: Line,
    today: dt.date,
    top: int | None,
    years: int | None,
    books: PlanBooks,
    stream: Stream | None,
) -> Answer:
    """One person judged on their own (their own Judgement, sharing `books` with the
    others): what `stream` writes of them (a record, or rows), or with no stream their own
    page too (table, markdown, html); or the line's error."""
    from certadvise.advice import profile_checks
    from certadvise.advice.judgement import Judgement
    from certadvise.advice.profile import normalise
    from certadvise.advice.ranking import advise
    from certadvise.cli.batch_input import line_error
    from certadvise.views import batch_view
    from certadvise.views.recommend_view import recommend_answer, recommend_page

    if line.profile is None:
        assert line.error is not None
        return batch_view.failed(line.number, line.person, line.error.field, line.error.message)
    try:
        profile, assumptions = normalise(base.overridden_by(line.profile), cat, today)
        profile_checks.check_units(profile, cat)
    except InputError as exc:
        error = line_error(exc)
        return batch_view.failed(line.number, line.person, error.field, error.message)
    judged = Judgement(cat, profile, today, books=books, **({"years": years} if years else {}))
    result = advise(judged, assumptions)
    answer = recommend_answer(result, top)
    if stream is not None:
        rows = stream.writes_rows
        return batch_view.answered(
            line.number, line.person, answer, None, document=not rows, rows=rows
        )
    page = recommend_page(result, answer.shown, top is None)
    return batch_view.answered(line.number, line.person, answer, page)


def _say_error(label: str, answer: Answer, count: int) -> None:
    """A bad line on stderr, as a profile file's problem is said: file:line: field: why."""
    if count > ERRORS_SAID:
        return
    field = f" {answer.error_field}:" if answer.error_field else ""
    _stderr(f"certadvise: error: {label}:{answer.line}:{field} {answer.error}")


def _stderr(line: str) -> None:
    from certadvise.cli.streams import stderr_line

    stderr_line(line)


def _write(stream: Stream, answer: Answer) -> None:
    from certadvise.cli.exits import ClosedOutput
    from certadvise.views import batch_view

    try:
        if stream.writes_rows:
            stream.add_rows(batch_view.delimited_rows(answer))
        else:
            stream.add_record(batch_view.record(answer))
    except BrokenPipeError as exc:
        raise ClosedOutput from exc


def _write_end(stream: Stream) -> None:
    from certadvise.cli.exits import ClosedOutput

    try:
        stream.close()
        sys.stdout.flush()
    except BrokenPipeError as exc:
        raise ClosedOutput from exc


def wants_progress(run: Run, people: int, stderr: Any) -> bool:
    """A progress bar only for a large batch, on a terminal, and not with --quiet."""
    if run.quiet or people < PROGRESS_FROM:
        return False
    try:
        return bool(stderr.isatty())
    except (AttributeError, ValueError):
        return False


@contextlib.contextmanager
def _progress(run: Run, people: int) -> Iterator[Any]:
    """A function to call after each person: a rich progress bar on stderr, or nothing."""
    if not wants_progress(run, people, sys.stderr):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    console = Console(file=sys.stderr)  # rich reads NO_COLOR itself
    with Progress(console=console, transient=True, redirect_stdout=False) as progress:
        task = progress.add_task("people", total=people)
        yield lambda: progress.advance(task)
