"""How a run ends, and the one table of exit codes (the README's "Exit codes").

A command returns an Outcome (or nothing: success); errors are typed exceptions.
`outcome_of` names the ending of either, EXIT_CODES gives its code, and nothing else in
certadvise picks an exit code (black's `Report.return_code` is the model).
"""

from __future__ import annotations

import enum
import errno


class Outcome(enum.Enum):
    SUCCESS = "success"
    NOTHING_IN_REACH = "recommend ran, but nothing is in reach now"
    NO_ANSWER = "the wizard got no answer (end of input)"
    SOME_LINES_FAILED = "recommend --batch answered every good line; some lines were refused"
    BAD_INPUT = "bad input: an option, a profile, a name, the environment, a config folder"
    BAD_CATALOG = "the catalog is invalid"
    INTERNAL_ERROR = "a bug in certadvise"
    NOT_WRITTEN = "the output could not be written"
    INTERRUPTED = "interrupted (Ctrl-C)"
    CLOSED_PIPE = "standard output was closed by its reader"


EXIT_CODES: dict[Outcome, int] = {
    Outcome.SUCCESS: 0,
    Outcome.NOTHING_IN_REACH: 1,
    Outcome.NO_ANSWER: 1,
    Outcome.BAD_INPUT: 2,
    Outcome.BAD_CATALOG: 3,
    Outcome.SOME_LINES_FAILED: 65,  # EX_DATAERR: part of the input data was bad
    Outcome.INTERNAL_ERROR: 70,  # EX_SOFTWARE
    Outcome.NOT_WRITTEN: 74,  # EX_IOERR
    Outcome.INTERRUPTED: 130,  # 128 + SIGINT
    Outcome.CLOSED_PIPE: 141,  # 128 + SIGPIPE, as a shell reports a program a pipe stopped
}


class ClosedOutput(Exception):
    """The reader of standard output went away (`certadvise list | head -1`)."""


def outcome_of(ending: object) -> Outcome | None:
    """The outcome of a command's return value, or of the exception that ended the run.

    None for an exception that is not an ending of certadvise's own (a SystemExit that
    click did not raise for a closed pipe): the caller lets it through.
    """
    import typer

    from certadvise.errors import CatalogError, CertadviseError, NoAnswer

    if ending is None:
        return Outcome.SUCCESS
    if isinstance(ending, Outcome):
        return ending
    if isinstance(ending, int):  # typer's own exits: 0 (--version, --help), 130 (Ctrl-C)
        known = [outcome for outcome, code in EXIT_CODES.items() if code == ending]
        return known[0] if known else Outcome.BAD_INPUT
    if isinstance(ending, NoAnswer):
        return Outcome.NO_ANSWER
    if isinstance(ending, CatalogError):
        return Outcome.BAD_CATALOG
    if isinstance(ending, CertadviseError):
        return Outcome.BAD_INPUT
    if isinstance(ending, (typer.Abort, KeyboardInterrupt)):
        return Outcome.INTERRUPTED
    if type(ending).__name__ == "NoArgsIsHelpError":  # bare `certadvise`: help, not an error
        return Outcome.SUCCESS
    if isinstance(ending, typer.TyperException):  # usage errors: bad options, arguments
        return Outcome.BAD_INPUT
    if isinstance(ending, (BrokenPipeError, ClosedOutput)):
        return Outcome.CLOSED_PIPE
    if isinstance(ending, SystemExit):  # click's own answer to a closed pipe is exit 1
        cause = ending.__context__
        closed = isinstance(cause, OSError) and cause.errno == errno.EPIPE
        return Outcome.CLOSED_PIPE if closed else None
    if isinstance(ending, OSError):  # writing the output failed: a full disk, a bad device
        return Outcome.NOT_WRITTEN
    return Outcome.INTERNAL_ERROR
