"""The command-line shell: argv in, one report out, errors mapped to exit codes."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence

DEBUG_VAR = "CERTADVISE_DEBUG"
INTERNAL_ERROR = 70  # EX_SOFTWARE: a bug in certadvise, not bad input
IO_ERROR = 74  # EX_IOERR: output could not be written (a full disk, a failing device)
CLOSED_PIPE = 141  # 128 + SIGPIPE, as a shell reports a command killed by a closed pipe

_debug = False


class ClosedOutput(Exception):
    """The reader of standard output went away (`certadvise list | head -1`)."""


def debugging() -> bool:
    """Whether this run shows tracebacks and the reasons a cache was not used."""
    return _debug


def debug_note(text: str) -> None:
    """A note for `--debug` runs, on stderr."""
    _say(f"certadvise: debug: {text}")


def _say(line: str) -> None:
    """One line on stderr, with control characters made visible (paths can hold them)."""
    from certadvise.render.safety import visible

    if sys.stderr is not None:
        sys.stderr.write(visible(line) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run certadvise with `argv`; return the exit code (see CLI.md)."""
    import typer

    from certadvise.cli import runtime
    from certadvise.cli.app import app
    from certadvise.errors import CatalogError, CertadviseError

    global _debug
    runtime.configure()  # each run starts from the defaults; the output options change them

    args = list(sys.argv[1:] if argv is None else argv)
    debug = _debug = "--debug" in args or bool(os.environ.get(DEBUG_VAR))
    try:
        result = app(
            args=args,
            prog_name="certadvise",
            standalone_mode=False,
        )
    except CatalogError as exc:
        for problem in exc.problems:
            _say(problem)
        _say(f"certadvise: error: {exc}")
        return exc.exit_code
    except CertadviseError as exc:
        _say(f"certadvise: error: {exc}")
        return exc.exit_code
    except typer.TyperException as exc:  # usage errors: bad options, missing arguments
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `certadvise`: help, not an error
            sys.stdout.write(exc.format_message() + "\n")
            return 0
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        _say(f"certadvise: error: {_usage_message(exc, args)}{hint}")
        return 2 if exc.exit_code == 1 else exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        _say("certadvise: aborted")
        return 130
    except (BrokenPipeError, ClosedOutput):
        raise  # handled by run(): the reader went away
    except SystemExit as exc:  # click's own answer to a closed pipe is exit 1: ours is 141
        cause = exc.__context__
        if isinstance(cause, OSError) and cause.errno == errno.EPIPE:
            raise ClosedOutput from exc
        raise
    except OSError as exc:  # writing the output failed: a full disk, a failing device
        if debug:
            raise
        where = f"{exc.filename}" if exc.filename else "cannot write the output"
        _say(f"certadvise: error: {where}: {exc.strerror or exc}")
        return IO_ERROR
    except Exception as exc:
        if debug:
            raise
        _say(
            f"certadvise: internal error: {type(exc).__name__}: {exc} "
            f"(rerun with --debug or {DEBUG_VAR}=1 for the traceback, and report it)"
        )
        return INTERNAL_ERROR
    return result if isinstance(result, int) else 0


def _usage_message(exc: Exception, args: list[str]) -> str:
    """A usage error in certadvise's words: the option, what it takes, what it got."""
    from certadvise.cli.options import EXPECTED

    opts = list(getattr(getattr(exc, "param", None), "opts", None) or ())
    name = max(opts, key=len) if opts else ""
    if name not in EXPECTED:
        return str(exc.format_message())  # type: ignore[attr-defined]
    given = None
    for index, arg in enumerate(args):
        if arg in opts and index + 1 < len(args):
            given = args[index + 1]
        elif arg.startswith(f"{name}="):
            given = arg.partition("=")[2]
    got = f", got {given!r}" if given is not None else ""
    return f"{name}: expected {EXPECTED[name]}{got}"


def run() -> None:
    """Console-script entry point."""
    try:
        code = main()
        if sys.stdout is not None:
            sys.stdout.flush()
    except (BrokenPipeError, ClosedOutput):
        # The reader went away (`certadvise list | head -1`): stop quietly, as a program
        # killed by SIGPIPE would, and let nothing more be written to the closed pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = CLOSED_PIPE
    except OSError as exc:  # the last of the output could not be written
        _say(f"certadvise: error: cannot write the output: {exc.strerror or exc}")
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = IO_ERROR
    sys.exit(code)
