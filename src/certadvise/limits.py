"""Bounds of a plausible profile, shared by profile files and command-line options."""

MIN_AGE, MAX_AGE = 10, 100
MAX_BUDGET_USD = 1_000_000
MAX_HOURS = 100_000
MAX_YEARS = 80
