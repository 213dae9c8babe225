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

    @classmethod
    def read(cls, text: str) -> DegreeLevel | str:
        """A level from the words people use ('bachelors', "master's", 'BSc', 'high school');
        text that names none is returned as it is, for the checks to refuse in words."""
        key = "".join(ch for ch in text.lower() if ch.isalnum())
        return _WORDS.get(key, text)


_RANKS = {level: index for index, level in enumerate(DegreeLevel)}
_PHRASES = {
    DegreeLevel.NONE: "no diploma",
    DegreeLevel.HIGH_SCHOOL: "a high-school diploma",
    DegreeLevel.ASSOCIATE: "an associate's degree",
    DegreeLevel.BACHELOR: "a bachelor's degree",
    DegreeLevel.MASTER: "a master's degree",
    DegreeLevel.DOCTORATE: "a doctorate",
}
_WORDS: dict[str, DegreeLevel] = {
    key: level
    for level, words in {
        DegreeLevel.NONE: ("none", "nodiploma", "nohighschool", "no"),
        DegreeLevel.HIGH_SCHOOL: (
            "highschool",
            "highschooldiploma",
            "hsdiploma",
            "hs",
            "ged",
            "diploma",
            "secondaryschool",
            "secondary",
            "alevels",
            "alevel",
            "year12",
            "grade12",
        ),
        DegreeLevel.ASSOCIATE: (
            "associate",
            "associates",
            "associatedegree",
            "associatesdegree",
            "aa",
            "as",
            "aas",
            "foundationdegree",
            "diplomaofhighereducation",
        ),
        DegreeLevel.BACHELOR: (
            "bachelor",
            "bachelors",
            "bachelorsdegree",
            "bachelordegree",
            "ba",
            "bs",
            "bsc",
            "bscs",
            "bed",
            "undergraduate",
            "undergrad",
            "degree",
            "honours",
            "hons",
        ),
        DegreeLevel.MASTER: (
            "master",
            "masters",
            "mastersdegree",
            "masterdegree",
            "ma",
            "ms",
            "msc",
            "mph",
            "med",
            "mres",
            "graduate",
            "postgraduate",
        ),
        DegreeLevel.DOCTORATE: (
            "doctorate",
            "doctoral",
            "phd",
            "dphil",
            "edd",
            "dpt",
            "md",
            "doctor",
        ),
    }.items()
    for key in words
}
