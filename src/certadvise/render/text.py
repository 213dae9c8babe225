"""Turning values into safe text: catalog text is data, never markup or terminal control."""

from __future__ import annotations

import re
from typing import Any

from certadvise.render.safety import strip_unsafe

_C1_AND_DEL = re.compile(r"[\x7f-\x9f]")


def clean(text: str) -> str:
    """Drop control, direction-changing and invisible characters; keep newlines and tabs."""
    return strip_unsafe(text)


def number(value: float) -> str:
    """475.0 -> '475', 49.3 -> '49.3', 1500000.0 -> '1500000' (never exponent notation)."""
    return str(int(value)) if value.is_integer() else repr(value)


def human(value: Any) -> str:
    """A value as people read it; unknown is 'not verified', never blank or 0."""
    if value is None:
        return "not verified"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return number(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(human(v) for v in value) or "none"
    return clean(str(value))


def raw(value: Any) -> str:
    """A value for CSV/TSV: empty for unknown, lists joined with '; '."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return number(value)
    if isinstance(value, (list, tuple)):
        return "; ".join(raw(v) for v in value)
    return clean(str(value))


def escape_json_controls(text: str) -> str:
    """json.dumps leaves DEL and C1 controls raw; escape them so no terminal acts on them."""
    if text.isascii() and "\x7f" not in text:  # neither is there: no regex over it all
        return text
    return _C1_AND_DEL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
