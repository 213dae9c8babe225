"""`python -m certadvise`."""

from certadvise.cli import run

run()
