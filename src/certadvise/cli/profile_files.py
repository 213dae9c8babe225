"""Profile files and standard input: read, parse and check, naming the file and line.

The advice half never reads a file: it receives the checked `RawProfile` from here.
"""

from __future__ import annotations

import sys
from pathlib import Path

from certadvise.advice.profile import PROFILE_KEYS, RawProfile
from certadvise.advice.profile_checks import check, in_file, typed
from certadvise.catalog import yamlsource
from certadvise.errors import InputError

LIST_FIELDS = ("goals", "have", "member")  # a single value is as good as a list of one


def read_profile(source: str) -> RawProfile:
    """Read a YAML or JSON profile from a file, or from standard input with '-'."""
    label = "<stdin>" if source == "-" else source
    try:
        text = _read_stdin() if source == "-" else yamlsource.read_text(Path(source))
        if not text.strip():
            raise InputError(f"{label}: the profile is empty")
        doc = (
            yamlsource.parse_json(text)
            if _looks_like_json(source, text)
            else yamlsource.parse(text)
        )
    except yamlsource.YamlProblem as exc:
        where = (
            label + (f":{exc.line}" if exc.line else "") + (f":{exc.column}" if exc.column else "")
        )
        raise InputError(f"{where}: {exc.message}") from exc
    if doc.data is None:
        raise InputError(f"{label}: the profile is empty")
    if not isinstance(doc.data, dict):
        raise InputError(f"{label}:1: a profile is a mapping of fields ({', '.join(PROFILE_KEYS)})")
    data = {("goals" if k == "goal" else k): v for k, v in doc.data.items()}
    for key in LIST_FIELDS:
        if isinstance(data.get(key), str):
            data[key] = [data[key]]
    return check(typed(data), in_file(label, doc.line_of))


def _read_stdin() -> str:
    if sys.stdin is None:  # closed (`<&-`)
        raise yamlsource.YamlProblem("standard input is closed")
    try:
        if not hasattr(sys.stdin, "buffer"):  # a text-only stream (tests)
            return sys.stdin.read(yamlsource.MAX_BYTES + 1)
        raw = yamlsource.read_bounded(sys.stdin.buffer.fileno(), yamlsource.MAX_BYTES + 1)
    except OSError as exc:
        raise yamlsource.YamlProblem(f"cannot read standard input: {exc.strerror or exc}") from exc
    return yamlsource.decode(raw)


def _looks_like_json(source: str, text: str) -> bool:
    """JSON profiles are parsed as strict JSON, so a trailing comma is an error."""
    return source.endswith(".json") or text.lstrip().startswith("{")
