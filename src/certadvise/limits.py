"""Bounds of plausible input (profiles, files, the environment) and the defaults they
fall back on. Light: no imports, read by --help."""

HOLDING_YEARS = 3  # the default --years: how long holding a certification is costed over

MIN_AGE, MAX_AGE = 10, 100
MAX_BUDGET_USD = 1_000_000
MAX_HOURS = 100_000
MAX_YEARS = 80
MAX_LIST_ITEMS = 100  # goals, credentials, memberships, kinds of hours or experience
MAX_BATCH_PEOPLE = 10_000  # lines of a `recommend --batch` (its file is MAX_FILE_BYTES at most)
MAX_BATCH_LINE_CHARS = 16_384  # one person's line: a long profile is a few hundred
MAX_FILE_BYTES = 8 * 1024 * 1024  # a profile or catalog file; bigger ones are refused
MAX_SCREEN_SIZE = 100_000  # COLUMNS or LINES above this count as this
FIRST_YEAR, LAST_YEAR = 1900, 9000  # of $CERTADVISE_TODAY: plans decades ahead stay in range
