"""Output safe to open anywhere: one set of characters no format lets through, and the
neutralising each format needs (spreadsheet formulas, Markdown's HTML and links).

Catalog text and profile values are data. Terminal controls (ANSI and OSC escapes),
direction changes (bidi overrides and isolates) and invisible characters (zero-width
spaces and joiners, fillers, tags, variation selectors, line and paragraph separators,
the byte-order mark) could make one name look like another, hide text inside it, or act
on the reader's terminal, so every format strips them.
"""

from __future__ import annotations

import functools
import re

# Controls: C0 except tab and newline, DEL, C1; line and paragraph separators
# (U+2028-2029); interlinear annotation marks (U+FFF9-FFFB).
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufff9-\ufffb"
# Unicode's Default_Ignorable_Code_Point, whole (characters a renderer shows as nothing):
# the soft hyphen, the combining grapheme joiner U+034F, the Arabic letter mark, the
# Hangul fillers U+115F-1160, U+3164 and U+FFA0, the Khmer inherent vowels U+17B4-17B5,
# the Mongolian variation selectors and vowel separator U+180B-180F, zero-width spaces,
# joiners and direction marks U+200B-200F, bidi embeddings and overrides U+202A-202E,
# the word joiner, invisible operators, bidi isolates and deprecated format characters
# U+2060-206F, variation selectors U+FE00-FE0F and U+E0100-E01EF, the byte-order mark,
# U+FFF0-FFF8, shorthand format controls U+1BCA0-1BCA3, musical formatting U+1D173-1D17A,
# and the tags U+E0000-E0FFF (hidden ASCII: "CSCS" followed by invisible words).
_IGNORABLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
UNSAFE = re.compile(f"[{_CONTROLS}{_IGNORABLE}]")
_UNSAFE_OR_TAB_OR_NEWLINE = re.compile(UNSAFE.pattern[:-1] + "\t\n]")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP: what a spreadsheet may run
_MARKDOWN_SPECIAL = re.compile(r"([\\\[\]|])")


@functools.lru_cache(maxsize=1 << 16)  # the same catalog words recur in every answer of a batch
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
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


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
