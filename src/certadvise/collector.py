"""The cyclic garbage collector, kept out of the way of what certadvise builds in bulk.

A catalog's entries and one person's plans and verdicts form no reference cycles, and
they outlive the code that builds them (the report reads them): the collector's passes over
them would only cost time (a tenth of a warm `recommend` on 10,000 entries). Reference
counting still frees each of them when it is no longer used (a cohort, person by person).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def without_gc() -> Iterator[None]:
    """Build many objects without the collector, which then leaves them alone."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # built to last the run: later passes skip them
        if was_enabled:
            gc.enable()
