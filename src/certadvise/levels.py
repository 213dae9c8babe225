"""Education levels, kept free of heavy imports: the command line needs them for --help."""

from __future__ import annotations

from enum import StrEnum


class DegreeLevel(StrEnum):
    """Highest education, in increasing order."""

    NONE = "none"
    HIGH_SCHOOL = "high-school"
    ASSOCIATE = "associate"
    BACHELOR = "bachelor"
    MASTER = "master"
    DOCTORATE = "doctorate"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @property
    def phrase(self) -> str:
        return _PHRASES[self]


_RANKS = {level: index for index, level in enumerate(DegreeLevel)}
_PHRASES = {
    DegreeLevel.NONE: "no diploma",
    DegreeLevel.HIGH_SCHOOL: "a high-school diploma",
    DegreeLevel.ASSOCIATE: "an associate's degree",
    DegreeLevel.BACHELOR: "a bachelor's degree",
    DegreeLevel.MASTER: "a master's degree",
    DegreeLevel.DOCTORATE: "a doctorate",
}
