"""Bounds of plausible input: profiles (files and options) and the files certadvise reads."""

MIN_AGE, MAX_AGE = 10, 100
MAX_BUDGET_USD = 1_000_000
MAX_HOURS = 100_000
MAX_YEARS = 80
MAX_FILE_BYTES = 8 * 1024 * 1024  # a profile or catalog file; bigger ones are refused
