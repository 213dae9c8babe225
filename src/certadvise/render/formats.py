"""The output formats every command offers (kept light: --help lists them)."""

from enum import StrEnum


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"
    MARKDOWN = "markdown"
    IDS = "ids"
    HTML = "html"


class RenewalsFormat(StrEnum):
    """Every output format, and a calendar (`ics`): `renewals` alone offers it. The
    formats are OutputFormat's, copied in, so a format added there is offered here too."""

    _ignore_ = "members each"  # the loop's names, not members
    members = vars()
    for each in OutputFormat:
        members[each.name] = each.value
    ICS = "ics"

    def as_output(self) -> OutputFormat:
        """The output format it is (every one but ics)."""
        return OutputFormat(self.value)
