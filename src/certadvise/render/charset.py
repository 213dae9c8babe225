"""Text a stream can carry: what an ASCII, Latin-1 or cp1252 stream cannot encode is
transliterated (a pound sign before 300 becomes "GBP 300", an e with an acute accent
becomes "e"), and what has no transliteration becomes "?". Never an encoding error,
never half an output.
"""

from __future__ import annotations

import codecs
import functools
import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from certadvise.render.report import Report

ERROR_HANDLER = "certadvise-transliterate"  # the codec error handler `register` installs

#: Characters certadvise writes whose ASCII spelling is not their decomposition.
SPELLED = {
    "\N{POUND SIGN}": "GBP ",
    "\N{EURO SIGN}": "EUR ",
    "\N{YEN SIGN}": "JPY ",
    "\N{EN DASH}": "-",
    "\N{EM DASH}": "-",
    "\N{LEFT SINGLE QUOTATION MARK}": "'",
    "\N{RIGHT SINGLE QUOTATION MARK}": "'",
    "\N{LEFT DOUBLE QUOTATION MARK}": '"',
    "\N{RIGHT DOUBLE QUOTATION MARK}": '"',
    "\N{HORIZONTAL ELLIPSIS}": "...",
    "\N{BULLET}": "*",
    "\N{MIDDLE DOT}": "*",
    "\N{MULTIPLICATION SIGN}": "x",
    "\N{LESS-THAN OR EQUAL TO}": "<=",
    "\N{GREATER-THAN OR EQUAL TO}": ">=",
    "\N{RIGHTWARDS ARROW}": "->",
    "\N{PLUS-MINUS SIGN}": "+/-",
    "\N{COPYRIGHT SIGN}": "(C)",
    "\N{REGISTERED SIGN}": "(R)",
}


@functools.lru_cache(maxsize=16)
def carries_all(charset: str | None) -> bool:
    """Whether a stream in `charset` can carry any text (UTF-8, UTF-16, UTF-32, GB 18030)."""
    try:
        name = codecs.lookup(charset or "utf-8").name
    except LookupError:
        return False
    return name.startswith("utf") or name == "gb18030"


def fit(text: str, charset: str | None) -> str:
    """`text` as `charset` can carry it: unchanged when it can, else transliterated."""
    if carries_all(charset):
        return text
    try:
        text.encode(charset or "ascii")
    except (UnicodeEncodeError, LookupError):
        return "".join(_spelled(char, charset or "ascii") for char in text)
    return text


def fitted(report: Report, charset: str | None) -> Report:
    """`report` with every text people read (titles, cells, lines, notes) fitted to
    `charset` before it is laid out, so columns line up with what is written."""
    import dataclasses

    from certadvise.render.text import human

    def text(value: str) -> str:
        return fit(value, charset)

    def cell(formatter: Any) -> Any:
        return lambda value: fit(formatter(value), charset)

    columns = [
        dataclasses.replace(c, title=text(c.title), human=cell(c.human or human))
        for c in report.columns
    ]
    return dataclasses.replace(
        report,
        columns=columns,
        title=text(report.title) if report.title else report.title,
        notes=[text(n) for n in report.notes],
        preface=[text(line) for line in report.preface],
        footer=[text(line) for line in report.footer],
        extra=[fitted(part, charset) for part in report.extra],
    )


def _spelled(char: str, charset: str) -> str:
    if _encodes(char, charset):
        return char
    if char in SPELLED:
        return SPELLED[char]
    kept = "".join(c for c in unicodedata.normalize("NFKD", char) if _encodes(c, charset))
    return kept or "?"


def _encodes(char: str, charset: str) -> bool:
    try:
        char.encode(charset)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _transliterate(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler: the unencodable part, spelled as `fit` spells it."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    part = error.object[error.start : error.end]
    return "".join(_spelled(char, error.encoding) for char in part), error.end


codecs.register_error(ERROR_HANDLER, _transliterate)  # known to every codec from import on
