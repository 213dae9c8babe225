"""The standard streams at the edge of the process, made safe once before a run.

- A closed descriptor (`>&-`, `2>&-`, `<&-`) is reopened on /dev/null, so no file the run
  opens can take its number. A closed standard output then refuses every write with one
  clear error (exit 74); a closed standard error discards what is said on it, as
  `2>/dev/null` would; a closed standard input stays `None` (nothing to read, nobody to ask).
- A stream whose encoding cannot carry every character (ASCII, Latin-1, cp1252 under
  `PYTHONIOENCODING` or `LC_ALL=C`) transliterates what it cannot encode (`render.charset`).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys

from certadvise.render import charset


class ClosedStream(io.TextIOBase):
    """Standard output that was closed before the run: every write is an OSError."""

    def __init__(self, name: str) -> None:
        self.name = name

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, f"{self.name} is closed")

    def isatty(self) -> bool:
        return False

    def writable(self) -> bool:
        return True


def prepare() -> None:
    """Make the standard streams safe to use (the console script calls this first)."""
    _reopen_closed_descriptors()
    if sys.stdout is None:
        sys.stdout = ClosedStream("standard output")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115, PTH123 (the run's; no pathlib)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and not charset.carries_all(stream.encoding):
            with contextlib.suppress(ValueError):
                stream.reconfigure(errors=charset.ERROR_HANDLER)


def _reopen_closed_descriptors() -> None:
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)


def stderr_line(line: str) -> None:
    """One line on stderr, control characters made visible (paths can hold them).

    A failing stderr is not reported: there is nowhere left to say it.
    """
    from certadvise.render.safety import visible

    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(visible(line) + "\n")
        sys.stderr.flush()


def silence_stdout() -> None:
    """Point standard output at /dev/null: after a closed pipe or a failed write, nothing
    more (not even the interpreter's last flush) may be written to it."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
