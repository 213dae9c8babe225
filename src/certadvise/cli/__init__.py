"""The command-line shell: argv in, one report out, errors mapped to exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run certadvise with `argv`; return the exit code (see CLI.md)."""
    import typer

    from certadvise.cli.app import app
    from certadvise.errors import CatalogError, CertadviseError

    try:
        result = app(
            args=list(argv) if argv is not None else None,
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
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        sys.stderr.write(f"certadvise: error: {exc.format_message()}{hint}\n")
        return 2 if exc.exit_code == 1 else exc.exit_code
    except typer.Abort:
        sys.stderr.write("certadvise: aborted\n")
        return 130
    return result if isinstance(result, int) else 0


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
