"""Notes for people on stderr: assumptions and warnings, coloured by kind, silent with -q."""

from __future__ import annotations

from collections.abc import Iterable

from certadvise.render.context import OutputContext
from certadvise.render.text import clean

#: The colour (ANSI code) that repeats each kind of note; the word says it too.
KINDS = {"warning:": "33", "assumption:": "36", "error:": "31"}


def write_notes(notes: Iterable[str], ctx: OutputContext) -> None:
    """Each note a line on stderr (nothing with --quiet); its kind coloured on a terminal."""
    if ctx.quiet:
        return
    for note in notes:
        text = clean(note)
        head, _, rest = text.partition(" ")
        if head in KINDS and ctx.err_colour:
            text = f"\x1b[{KINDS[head]}m{head}\x1b[0m {rest}"
        ctx.err.write(text + "\n")
