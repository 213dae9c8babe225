"""The command-line shell: argv in, one report out, every ending mapped to its exit code."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run certadvise with `argv`; return the exit code (the README's "Exit codes")."""
    from certadvise.cli import quick

    args = list(sys.argv[1:] if argv is None else argv)
    text = quick.answer(args, os.environ)
    if text is not None:  # the root help or the version: neither typer nor the core
        from certadvise.cli.exits import EXIT_CODES, Outcome

        try:
            sys.stdout.write(text)
        except BaseException as exc:
            from certadvise.cli.settings import debug_wanted

            return _ended(exc, args, debug_wanted(args, os.environ))
        return EXIT_CODES[Outcome.SUCCESS]
    from certadvise.cli.app import for_args
    from certadvise.cli.exits import EXIT_CODES, Outcome, outcome_of
    from certadvise.cli.settings import Run, debug_wanted

    app = for_args(args, os.environ)
    run = Run(debug=debug_wanted(args, os.environ))
    try:
        result = app(args=args, prog_name="certadvise", standalone_mode=False, obj=run)
    except BaseException as exc:
        return _ended(exc, args, run.debug)
    return EXIT_CODES[outcome_of(result) or Outcome.SUCCESS]


def _ended(exc: BaseException, args: list[str], debug: bool) -> int:
    """The exit code of a run that ended with `exc`, said on stderr (re-raised when it is
    not certadvise's to end, or for its traceback with --debug)."""
    from certadvise.cli.exits import EXIT_CODES, Outcome, outcome_of

    outcome = outcome_of(exc)
    if outcome is None:
        raise exc
    if debug and outcome in (Outcome.INTERNAL_ERROR, Outcome.NOT_WRITTEN):
        raise exc
    _tell(outcome, exc, args)
    return EXIT_CODES[outcome]


def _tell(outcome: object, exc: BaseException, args: list[str]) -> None:
    """Say on stderr how the run ended: one line (a broken catalog: every problem first)."""
    import typer

    from certadvise.cli.exits import Outcome
    from certadvise.cli.settings import DEBUG_VAR
    from certadvise.cli.streams import stderr_line
    from certadvise.errors import CatalogError

    if outcome is Outcome.SUCCESS and isinstance(exc, typer.TyperException):  # bare certadvise
        sys.stdout.write(exc.format_message() + "\n")
    elif isinstance(exc, CatalogError):
        for problem in exc.problems:
            stderr_line(problem)
        stderr_line(f"certadvise: error: {exc}")
    elif outcome is Outcome.NO_ANSWER or outcome is Outcome.CLOSED_PIPE:
        pass  # the wizard said it on the terminal; a closed pipe is silent
    elif isinstance(exc, typer.TyperException):
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        stderr_line(f"certadvise: error: {_usage_message(exc, args)}{hint}")
    elif outcome is Outcome.INTERRUPTED:
        stderr_line("certadvise: aborted")
    elif outcome is Outcome.NOT_WRITTEN and isinstance(exc, OSError):
        where = f"{exc.filename}" if exc.filename else "cannot write the output"
        stderr_line(f"certadvise: error: {where}: {exc.strerror or exc}")
    elif outcome is Outcome.INTERNAL_ERROR:
        stderr_line(
            f"certadvise: internal error: {type(exc).__name__}: {exc} "
            f"(rerun with --debug or {DEBUG_VAR}=1 for the traceback, and report it)"
        )
    else:
        stderr_line(f"certadvise: error: {exc}")


def _usage_message(exc: Exception, args: list[str]) -> str:
    """A usage error in certadvise's words: the option, what it takes, what it got."""
    from certadvise.cli.options import EXPECTED

    opts = list(getattr(getattr(exc, "param", None), "opts", None) or ())
    name = max(opts, key=len) if opts else ""
    choices = _choices(exc)
    if not name or (name not in EXPECTED and choices is None):
        return str(exc.format_message())  # type: ignore[attr-defined]
    given = None
    for index, arg in enumerate(args):
        if arg in opts and index + 1 < len(args):
            given = args[index + 1]
        elif arg.startswith(f"{name}="):
            given = arg.partition("=")[2]
    got = f", got {given!r}" if given is not None else ""
    return f"{name}: expected {choices or EXPECTED[name]}{got}"


def _choices(exc: Exception) -> str | None:
    """'one of table, json, ...': the values of the option's own choices (renewals' --format
    takes ics too), read through typer's type seam; None where it has none."""
    from enum import Enum

    descriptor = getattr(getattr(exc, "param", None), "type_descriptor", None)
    choices = getattr(descriptor, "annotation", None)
    if isinstance(choices, type) and issubclass(choices, Enum):
        return "one of " + ", ".join(str(choice.value) for choice in choices)
    return None


def run() -> None:
    """Console-script entry point: safe streams, the run, its last flush, the exit code."""
    from certadvise.cli import streams
    from certadvise.cli.exits import EXIT_CODES, Outcome, outcome_of

    streams.prepare()
    code = main()
    closed, not_written = EXIT_CODES[Outcome.CLOSED_PIPE], EXIT_CODES[Outcome.NOT_WRITTEN]
    if code != closed:
        try:
            sys.stdout.flush()
        except Exception as exc:  # the last of the output could not be written
            outcome = outcome_of(exc) or Outcome.NOT_WRITTEN
            if outcome is Outcome.NOT_WRITTEN and code != not_written:  # not said yet
                reason = exc.strerror if isinstance(exc, OSError) else exc
                streams.stderr_line(f"certadvise: error: cannot write the output: {reason}")
            code = EXIT_CODES[outcome]
    if code in (closed, not_written):
        streams.silence_stdout()  # nothing more may be written to a closed or failing stdout
    _leave(code)


def _leave(code: int) -> None:
    """End the process with `code` once stderr is flushed, without tearing the interpreter
    down: freeing every object one by one (a batch's answers and caches, hundreds of
    thousands) took a fifth of a second, and certadvise registers nothing to run at exit
    and writes every file before it returns."""
    with contextlib.suppress(Exception):
        sys.stderr.flush()
    os._exit(code)
