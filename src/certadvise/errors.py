"""Typed errors with messages written for the user; the shell says each in one line on
stderr, and `cli/exits.py` maps each kind to its exit code (the README's "Exit codes")."""

from __future__ import annotations

from collections.abc import Sequence


class CertadviseError(Exception):
    """An error written for the user: one line on stderr."""


class InputError(CertadviseError):
    """Bad input: an option value, a profile file, a name (exit 2)."""


class UnknownNameError(InputError):
    """A certification, goal or other name that is not in the vocabulary."""

    def __init__(
        self, kind: str, name: str, suggestions: Sequence[str] = (), choices: Sequence[str] = ()
    ) -> None:
        hint = f"; did you mean {_or_list(suggestions)}?" if suggestions else ""
        if not suggestions and choices:
            hint = f"; choose from: {', '.join(choices)}"
        super().__init__(f"unknown {kind} {name!r}{hint}")
        self.kind = kind
        self.name = name
        self.suggestions = tuple(suggestions)


class AmbiguousNameError(InputError):
    """A name that several catalog entries answer to (e.g. CPT)."""

    def __init__(self, kind: str, name: str, matches: Sequence[str]) -> None:
        super().__init__(
            f"{kind} {name!r} is ambiguous: it could be {_or_list(matches)}; use one of those ids"
        )
        self.kind = kind
        self.name = name
        self.matches = tuple(matches)


class CatalogError(CertadviseError):
    """The catalog is invalid; carries every problem found (exit 3)."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = self.problems[0] if self.problems else "invalid catalog"
        more = f" (and {count - 1} more problem{'s' if count > 2 else ''})" if count > 1 else ""
        super().__init__(f"invalid catalog: {head}{more}")


class NoAnswer(CertadviseError):
    """The wizard's questions got no answer (end of input, Ctrl-D): exit 1, said on the
    terminal, so the message is empty."""

    def __init__(self) -> None:
        super().__init__("")


def _or_list(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]
