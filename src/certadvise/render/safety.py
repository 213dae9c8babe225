"""Output safe to open anywhere: one set of characters no format lets through, and the
neutralising each format needs (spreadsheet formulas, Markdown's HTML and links).

Catalog text and profile values are data. Terminal controls (ANSI and OSC escapes),
direction changes (bidi overrides and isolates) and invisible characters (zero-width
spaces and joiners, line and paragraph separators, the byte-order mark) could make one
name look like another or act on the reader's terminal, so every format strips them.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL and C1 controls, the soft hyphen, the Arabic
# letter mark, the Mongolian vowel separator, zero-width spaces, joiners and direction
# marks (U+200B-200F), line and paragraph separators (U+2028-2029), bidi embeddings and
# overrides (U+202A-202E), word joiner and invisible operators (U+2060-2064), bidi
# isolates (U+2066-2069), deprecated format characters (U+206A-206F), the byte-order mark
# (U+FEFF) and interlinear annotation marks (U+FFF9-FFFB).
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
_UNSAFE_OR_TAB_OR_NEWLINE = re.compile(UNSAFE.pattern[:-1] + "\t\n]")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP: what a spreadsheet may run
_MARKDOWN_SPECIAL = re.compile(r"([\\\[\]|])")


def strip_unsafe(text: str) -> str:
    """`text` without the unsafe characters; tabs and newlines stay."""
    return UNSAFE.sub("", text)


def visible(text: str) -> str:
    """`text` with every unsafe character (and tab and newline) written as an escape.

    For error lines, which must stay one line and must show a strange path as it is.
    """
    return _UNSAFE_OR_TAB_OR_NEWLINE.sub(lambda m: _escape(m.group()), text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def spreadsheet_cell(text: str) -> str:
    """A CSV/TSV cell no spreadsheet runs as a formula (OWASP: a leading single quote).

    Every cell starting with = + - @, a tab or a carriage return is prefixed, negative
    numbers too: OWASP's rule has no exception for them (certadvise writes none of its own).
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def markdown_text(text: str) -> str:
    """Text for a Markdown table cell: no HTML, no links or images, no cell breaks."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def strip_unsafe_in(value: object) -> object:
    """Every string in a JSON-like value (keys too) without the unsafe characters."""
    if isinstance(value, str):
        return strip_unsafe(value)
    if isinstance(value, dict):
        return {strip_unsafe_in(k): strip_unsafe_in(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [strip_unsafe_in(item) for item in value]
    return value
