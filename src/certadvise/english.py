"""A little English the advice writes: the indefinite article before a word or an acronym,
a sentence of the catalog as a clause of a longer one, and a number of years."""

from __future__ import annotations

# Letters whose names begin with a vowel sound, for acronyms read letter by letter:
# "an AU credential", "an NZ one", "an MS"; but "a US credential", "a GB one", "a BLS card".
VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")


def with_article(phrase: str) -> str:
    """`phrase` after 'a' or 'an', as it is read aloud: 'an AU credential', 'a US credential',
    'a CPR/AED card', 'an exam'. An acronym (a first word in capitals) is read by its
    letters; any other word by its first letter."""
    first = phrase.lstrip()[:2]
    acronym = len(first) == 2 and first.isalpha() and first.isupper()
    vowel = first[:1] in VOWEL_SOUND_LETTERS if acronym else first[:1].lower() in "aeiou"
    return f"{'an' if vowel else 'a'} {phrase}"


def as_clause(sentence: str) -> str:
    """A catalog sentence as one clause among others joined by commas: without its final
    full stop, and its first word in lower case unless it is a name or an acronym
    ('No CE count of its own.' -> 'no CE count of its own'; 'NASM-approved CEUs' stays)."""
    text = sentence.strip().removesuffix(".")
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower():
        return text[:1].lower() + text[1:]
    return text


def years(count: float) -> str:
    """'1 year', '3 years', '1.5 years'."""
    return f"{count:g} year{'' if count == 1 else 's'}"


def every(count: float) -> str:
    """'every year', 'every 3 years'."""
    return "every year" if count == 1 else f"every {years(count)}"
