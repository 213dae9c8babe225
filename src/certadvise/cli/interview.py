"""The wizard (`recommend --interactive`, or a bare `recommend` on a terminal).

It asks for everything the rules use, in an order that makes sense, says why each question
matters, shows its default and answers `?` with help. Every answer goes through the same
checks as the options and profile files (`advice.profile_checks`, then the catalog's
names), so what the wizard accepts, a command line accepts too. It talks to the terminal
itself (/dev/tty), so it works with stdout or stderr redirected.
"""

from __future__ import annotations

import dataclasses
import io
import os
import shlex
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import typer

from certadvise.errors import CertadviseError, InputError, NoAnswer
from certadvise.levels import DegreeLevel

if TYPE_CHECKING:
    from certadvise.catalog.index import Catalog

ATTEMPTS = 3
LEVELS = [level.value for level in DegreeLevel]


class Terminal:
    """Questions out, answers in: /dev/tty, or standard input and error when there is none."""

    def __init__(self, reader: IO[str], writer: IO[str]) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    def open(cls) -> Terminal:
        """The terminal standard input comes from; an error when input is not a terminal
        (or is closed)."""
        if sys.stdin is None or not sys.stdin.isatty():
            raise InputError(
                "the questions need a terminal; give profile options or --profile instead"
            )
        tty = Path("/dev/tty")
        # Bytes that are not UTF-8 are read as U+FFFD, which `ask` refuses: never a crash,
        # never the rest of the input lost with the bad line.
        try:  # two streams: a terminal cannot seek, so "r+" cannot be buffered
            reader = tty.open(encoding="utf-8", errors="replace")
        except OSError:
            if isinstance(sys.stdin, io.TextIOWrapper):
                sys.stdin.reconfigure(errors="replace")
            return cls(sys.stdin, sys.stderr)
        return cls(reader, tty.open("w", encoding="utf-8"))

    @property
    def width(self) -> int:
        """The terminal's width (80 when it cannot tell), for wrapping questions."""
        try:
            columns = os.get_terminal_size(self.writer.fileno()).columns
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            return 80
        return columns if columns >= 20 else 80  # 0: a terminal that does not say

    def say(self, text: str = "") -> None:
        self.writer.write(text + "\n")
        self.writer.flush()

    def say_wrapped(self, text: str, indent: str = "") -> None:
        """A line of prose, wrapped between words to the terminal's width."""
        lines = textwrap.wrap(
            text,
            self.width - 1,
            initial_indent=indent,
            subsequent_indent=indent + " ",
            break_long_words=False,
            break_on_hyphens=False,
        )
        for line in lines or [indent]:
            self.say(line)

    def ask(self, prompt: str) -> str:
        """One answer; EOF (Ctrl-D) ends the wizard (NoAnswer: exit 1), Ctrl-C with 130.

        An answer that is not UTF-8 text (Latin-1 bytes from a terminal set up for another
        encoding: `open` decodes them as U+FFFD) is refused in words, as a wrong answer
        is, and asked again.
        """
        self.writer.write(prompt)
        self.writer.flush()
        try:
            line = self.reader.readline()
        except KeyboardInterrupt:
            self.say()
            raise typer.Abort() from None
        if not line:
            self.say()
            self.say("certadvise: no answer (end of input): nothing was recommended")
            raise NoAnswer()
        if "\ufffd" in line:
            raise NotText()
        return line.strip()


class NotText(InputError):
    """An answer whose bytes are not UTF-8 text."""

    def __init__(self) -> None:
        super().__init__(
            "that answer is not UTF-8 text (is the terminal set to another encoding?); "
            "type it again"
        )


@dataclasses.dataclass
class Question:
    """One question: the words, why it matters, its default, `?` help, and its check."""

    key: str
    text: str
    why: str
    check: Callable[[str], Any]
    default: str = ""
    help: str = ""


def _level(answer: str) -> str:
    """An education level as typed: a prefix of a level id ('bach'), or everyday words
    ('bachelors', 'BSc'), which the checks read."""
    found = [level for level in LEVELS if level.startswith(answer.lower())]
    return found[0] if len(found) == 1 else answer


def _split(answer: str) -> list[str]:
    return [part.strip() for part in answer.replace(";", ",").split(",") if part.strip()]


def _yes(answer: str) -> bool:
    if answer.lower() in ("y", "yes"):
        return True
    if answer.lower() in ("", "n", "no"):
        return False
    raise InputError(f"answer yes or no, not {answer!r}")


class Wizard:
    """Asks, checks and collects the answers as profile options."""

    def __init__(self, catalog: Catalog, terminal: Terminal) -> None:
        self.catalog, self.term = catalog, terminal

    # one validation path: the same checks as options and profile files
    def checked(self, **data: Any) -> Any:
        from certadvise.advice.profile import normalise
        from certadvise.advice.profile_checks import check, typed
        from certadvise.cli import runtime

        raw = check(typed(data), lambda problem: "not accepted", shown=data)
        return normalise(raw, self.catalog, runtime.today())[0]

    def ask(self, question: Question) -> Any:
        shown = f" [{question.default}]" if question.default else ""
        self.term.say()
        self.term.say_wrapped(question.text)
        self.term.say_wrapped(f"({question.why})", "  ")
        for _attempt in range(ATTEMPTS * 3):
            try:
                answer = self.term.ask(f"> {shown.strip()} " if shown else "> ")
                if answer == "?":
                    self.term.say(question.help or f"  {question.why}")
                    continue
                return question.check(answer or question.default)
            except NoAnswer:
                raise
            except CertadviseError as exc:
                self.term.say(f"  {exc} (? for help)")
        raise InputError(f"no valid answer to: {question.text}")

    def not_an_organization(self, name: str) -> None:
        """'NASM' names an organization, not a certification: ask which, CPTs first."""
        org = next((o for o in self.catalog.organizations if o.lower() == name.lower()), None)
        if org is None or name.upper() in self.catalog.summaries:
            return
        theirs = [s for s in self.catalog.summaries.values() if s.organization == org]
        theirs.sort(key=lambda s: (s.category != "foundational-cpt", s.id))
        ids = ", ".join(s.id for s in theirs)
        raise InputError(f"{org} is an organization; which of its certifications? {ids}")

    # ------------------------------------------------------------------ the questions

    def goals(self) -> list[str]:
        def check(answer: str) -> list[str]:
            phrases = _split(answer)
            self.checked(goals=phrases)
            return phrases

        lines = [
            f"  {goal.id:<20} {', '.join(goal.synonyms[:4])}"
            for goal in self.catalog.goals.values()
        ]
        return list(
            self.ask(
                Question(
                    "goal",
                    "What do you want to do? Goals or your own words, comma-separated "
                    "(e.g. coach college athletes, personal training, cardiac rehab).",
                    "certifications are ranked by how well they serve your goals; "
                    "Enter: rank everything you are eligible for",
                    check,
                    help="  Goals, and some of the words each understands:\n" + "\n".join(lines),
                )
            )
        )

    def degree(self) -> DegreeLevel:
        def check(answer: str) -> DegreeLevel:
            return DegreeLevel(self.checked(degree=_level(answer)).degree)

        return DegreeLevel(
            self.ask(
                Question(
                    "degree",
                    f"Highest education you have completed ({', '.join(LEVELS)}; "
                    "bachelors, BSc, master's and the like are understood).",
                    "CSCS, ACSM-EP and others require a degree",
                    check,
                    default="high-school",
                )
            )
        )

    def field(self) -> str | None:
        def check(answer: str) -> str | None:
            return self.checked(field=answer).field if answer else None

        fields = ", ".join(t.id for t in self.catalog.vocabulary.degree_fields)
        value = self.ask(
            Question(
                "field",
                "Field of that degree (e.g. kinesiology, exercise science, business).",
                "some routes need exercise science or a related field; Enter: skip",
                check,
                help=f"  Fields: {fields}",
            )
        )
        return str(value) if value else None

    def credentials(self) -> list[str]:
        def check(answer: str) -> list[str]:
            for name in _split(answer):
                self.not_an_organization(name)
            return list(self.checked(have=_split(answer)).have) if answer else []

        ids = ", ".join(s for s in self.catalog.summaries if s != "CPR-AED")
        return list(
            self.ask(
                Question(
                    "have",
                    "Certifications you already hold, comma-separated (e.g. NASM-CPT).",
                    "specialist certifications build on a personal-trainer certification; "
                    "Enter: none",
                    check,
                    help=f"  Ids: {ids}",
                )
            )
        )

    def expiry(self, cert_id: str) -> str | None:
        """The date on a credential's card it is good through; Enter skips."""

        def check(answer: str) -> str | None:
            if not answer:
                return None
            self.checked(have=[f"{cert_id}@{answer}"])
            return answer

        value = self.ask(
            Question(
                "expires",
                f"{cert_id}: good through which date? (the date on the card, YYYY-MM)",
                "a credential past its date has lapsed: its way back is planned; "
                "Enter: skip (taken as current)",
                check,
            )
        )
        return str(value) if value else None

    def cpr(self) -> bool:
        return bool(
            self.ask(
                Question(
                    "cpr",
                    "Do you hold a current CPR/AED certificate? (yes/no)",
                    "almost every exam requires it, some only after the exam",
                    _yes,
                    default="no",
                )
            )
        )

    def age(self) -> str | None:
        def check(answer: str) -> str | None:
            if answer:
                self.checked(age=answer)
            return answer or None

        value = self.ask(
            Question(
                "age",
                "Your age in years.",
                "most exams require candidates to be 18 or older; Enter: assume 18 or older",
                check,
            )
        )
        return str(value) if value else None

    def members(self) -> list[str]:
        def check(answer: str) -> list[str]:
            return list(self.checked(member=_split(answer)).member) if answer else []

        return list(
            self.ask(
                Question(
                    "member",
                    "Organizations you are a member of, comma-separated (e.g. NSCA, ACSM).",
                    "members pay less for some exams; Enter: none",
                    check,
                    help=f"  Organizations: {', '.join(self.catalog.organizations)}",
                )
            )
        )

    def studying(self) -> str | None:
        def check(answer: str) -> str | None:
            if answer.lower() in ("", "n", "no"):
                return None
            return str(self.checked(studying=_level(answer)).studying)

        value = self.ask(
            Question(
                "studying",
                "Are you studying for a degree now? (no, or its level: bachelor, master, …)",
                "NSCA and ACSM let final-year students sit some exams; students pay student dues",
                check,
                default="no",
            )
        )
        return str(value) if value else None

    def graduating(self) -> str | None:
        def check(answer: str) -> str | None:
            if answer:
                self.checked(studying="bachelor", graduating=answer)
            return answer or None

        value = self.ask(
            Question(
                "graduating",
                "When do you graduate? (YYYY-MM)",
                "final-year status starts a year before; plans count the months to it; Enter: skip",
                check,
            )
        )
        return str(value) if value else None

    def experience(self, goals: list[str]) -> tuple[list[str], list[str]]:
        """Hours and years, asked only for the kinds that certifications for `goals` need."""
        from certadvise.advice.gaps import experience_asked
        from certadvise.advice.profile_checks import unit

        wanted = tuple(dict.fromkeys(self.catalog.resolve_goal(g).id for g in goals))
        needed = experience_asked(self.catalog, wanted)
        hours: list[str] = []
        years: list[str] = []
        for term in self.catalog.vocabulary.hour_kinds:
            if term.id not in needed:
                continue
            in_years = unit(self.catalog, term.id) == "years"
            amount = "years" if in_years else "hours"
            key = "experience" if in_years else "hours"

            def check(answer: str, kind: str = term.id, key: str = key) -> str:
                self.checked(**{key: {kind: answer or "0"}})
                return answer or "0"

            certs = ", ".join(sorted(set(needed[term.id])))
            value = self.ask(
                Question(
                    key,
                    f"{term.name.split(' (')[0]}: how many {amount}?",
                    f"{certs} can require it",
                    check,
                    default="0",
                )
            )
            if value != "0":
                (years if in_years else hours).append(f"{term.id}={value}")
        return hours, years

    def budget(self, country: str | None) -> str | None:
        from certadvise.advice.money import country_currency
        from certadvise.advice.profile import DEFAULT_COUNTRY

        def check(answer: str) -> str | None:
            cleaned = answer.strip()
            if cleaned:
                self.checked(budget=cleaned, country=country)
            return cleaned or None

        code = self.checked(country=country).market if country else DEFAULT_COUNTRY
        currency = country_currency(code)
        value = self.ask(
            Question(
                "budget",
                f"The most you will spend now, in {currency} (or name another: 400 USD, £400).",
                "certifications that cost more are left out; Enter: no limit",
                check,
            )
        )
        return str(value) if value else None

    def country(self) -> str | None:
        def check(answer: str) -> str | None:
            if answer:
                self.checked(country=answer)
            return answer or None

        value = self.ask(
            Question(
                "country",
                "The country where you will work, as a two-letter code (US, GB, CA, AU, ...).",
                "each country has its own standard credentials, and your budget is in its currency",
                check,
                default="US",
            )
        )
        return str(value) if value else None


def interview(
    catalog: Catalog, given: dict[str, Any], terminal: Terminal | None = None
) -> dict[str, Any]:
    """Ask for what the options left out; return all of it as profile options."""
    term = terminal or Terminal.open()
    wizard = Wizard(catalog, term)
    answers = dict(given)
    term.say_wrapped("A few questions about you. Enter takes the [default]; ? explains a question.")
    if not answers.get("country"):  # first: the standards, the currency, what to ask
        answers["country"] = wizard.country()
    if not answers.get("goal"):
        answers["goal"] = wizard.goals() or None
    if not answers.get("degree"):
        answers["degree"] = wizard.degree().value
    if not answers.get("field") and DegreeLevel(answers["degree"]).rank >= 2:
        answers["field"] = wizard.field()
    if not answers.get("studying") and not answers.get("final_year"):
        answers["studying"] = wizard.studying()
        if answers["studying"] and not answers.get("graduating"):
            answers["graduating"] = wizard.graduating()
    if not answers.get("have"):
        have = wizard.credentials()
        if "CPR-AED" not in have and "BLS" not in have and wizard.cpr():
            have.append("CPR-AED")
        answers["have"] = [
            f"{cert_id}@{date}" if (date := wizard.expiry(cert_id)) else cert_id for cert_id in have
        ] or None
    if not answers.get("age"):
        answers["age"] = wizard.age()
    if not answers.get("member"):
        answers["member"] = wizard.members() or None
    if not answers.get("hours") and not answers.get("experience"):
        hours, years = wizard.experience(list(answers.get("goal") or []))
        answers["hours"], answers["experience"] = hours or None, years or None
    if not answers.get("budget"):
        answers["budget"] = wizard.budget(answers.get("country"))
    _summarise(term, answers)
    _offer_to_save(wizard, answers)
    return answers


OPTION_NAMES = {
    "country": "--country",
    "goal": "--goal",
    "degree": "--degree",
    "field": "--field",
    "studying": "--studying",
    "graduating": "--graduating",
    "final_year": "--final-year",
    "have": "--have",
    "age": "--age",
    "member": "--member",
    "hours": "--hours",
    "experience": "--experience",
    "budget": "--budget",
}


def command_line(answers: dict[str, Any]) -> str:
    """The `certadvise recommend` command line that gives the same answers."""
    words = ["certadvise", "recommend"]
    for key, option in OPTION_NAMES.items():
        value = answers.get(key)
        for item in value if isinstance(value, list) else [value] if value else []:
            words += [option, str(item)]
    return shlex.join(words)


def _summarise(term: Terminal, answers: dict[str, Any]) -> None:
    term.say()
    term.say("Your answers:")
    for key, option in OPTION_NAMES.items():
        value = answers.get(key)
        shown = ", ".join(map(str, value)) if isinstance(value, list) else value
        term.say(f"  {option.removeprefix('--'):<12} {shown or '(not given)'}")
    term.say("The same from the command line:")
    term.say(f"  {command_line(answers)}")


def _offer_to_save(wizard: Wizard, answers: dict[str, Any]) -> None:
    from certadvise.cli import saved_profile
    from certadvise.cli.profile_options import build_profile

    save = wizard.ask(
        Question(
            "save",
            "Save these answers as your default profile? (yes/no)",
            "recommend, compare, path and show then start from them "
            f"({saved_profile.profile_path()})",
            _yes,
            default="no",
        )
    )
    if save:
        options = {**answers, "profile_file": None, "use_saved": False}
        from certadvise.cli import runtime

        profile, _ = build_profile(options, wizard.catalog, runtime.today())
        wizard.term.say(f"saved to {saved_profile.save(profile.saved_document())}")
