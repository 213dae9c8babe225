"""The command-line shell: argv in, one report out, errors mapped to exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

DEBUG_VAR = "CERTADVISE_DEBUG"
INTERNAL_ERROR = 70  # EX_SOFTWARE: a bug in certadvise, not bad input


def main(argv: Sequence[str] | None = None) -> int:
    """Run certadvise with `argv`; return the exit code (see CLI.md)."""
    import typer

    from certadvise.cli import shell
    from certadvise.cli.app import app
    from certadvise.errors import CatalogError, CertadviseError

    shell.configure()  # each run starts from the defaults; the output options change them

    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or bool(os.environ.get(DEBUG_VAR))
    try:
        result = app(
            args=args,
            prog_name="certadvise",
            standalone_mode=False,
        )
    except CatalogError as exc:
        for problem in exc.problems:
            sys.stderr.write(problem + "\n")
        sys.stderr.write(f"certadvise: error: {exc}\n")
        return exc.exit_code
    except CertadviseError as exc:
        sys.stderr.write(f"certadvise: error: {exc}\n")
        return exc.exit_code
    except typer.TyperException as exc:  # usage errors: bad options, missing arguments
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `certadvise`: help, not an error
            sys.stdout.write(exc.format_message() + "\n")
            return 0
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        sys.stderr.write(f"certadvise: error: {_usage_message(exc, args)}{hint}\n")
        return 2 if exc.exit_code == 1 else exc.exit_code
    except typer.Abort:
        sys.stderr.write("certadvise: aborted\n")
        return 130
    except BrokenPipeError:
        raise  # handled by run(): the reader went away
    except Exception as exc:
        if debug:
            raise
        sys.stderr.write(
            f"certadvise: internal error: {type(exc).__name__}: {exc} "
            f"(rerun with --debug or {DEBUG_VAR}=1 for the traceback, and report it)\n"
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
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`certadvise list | head -1`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 0
    sys.exit(code)
