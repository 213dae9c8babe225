"""The wizard: every question the rules use, one validation path, a summary, saving."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from certadvise.cli import interview

from .conftest import Runner

#: Answers by the words of the question, in order; any other question takes its default,
#: so a catalog that needs a new kind of hours does not shift the answers.
ANSWERS = {
    "What do you want to do": [
        "?",  # help on the goal question
        "juggling",  # refused, asked again
        "coach college football",
    ],
    "Highest education": ["bach"],  # bachelor
    "Field of that degree": ["kinesiology"],
    "Certifications you already hold": [
        "NASM",  # an organization: which of its certifications?
        "nasm-cpt",
    ],
    "CPR/AED": ["yes"],
    "Organizations you are a member of": ["NSCA"],
    "studying for a degree": ["no"],
    "The most you will spend": ["nan", "1e9", "$1,000"],  # two refused
    "country": ["uk"],  # GB
    "default profile": ["yes"],
}


class Scripted(interview.Terminal):
    """A terminal that answers each question from `answers`, by the question's words."""

    def __init__(self, answers: dict[str, list[str]], written: io.StringIO) -> None:
        super().__init__(io.StringIO(), written)
        self.answers = {key: list(values) for key, values in answers.items()}
        self.question = ""

    def say(self, text: str = "") -> None:
        if text and not text.startswith(" "):
            self.question = text
        super().say(text)

    def ask(self, prompt: str) -> str:
        self.writer.write(prompt)
        for key, values in self.answers.items():
            if key in self.question and values:
                answer = values.pop(0)
                self.writer.write(answer + "\n")
                return answer
        if any(key in self.question for key in self.answers):
            raise AssertionError(f"asked again: {self.question}")
        self.writer.write("\n")
        return ""


def scripted(monkeypatch: pytest.MonkeyPatch, answers: dict[str, list[str]]) -> io.StringIO:
    """Make the wizard talk to a Scripted terminal; returns what it wrote."""
    written = io.StringIO()
    monkeypatch.setattr(
        interview.Terminal, "open", classmethod(lambda cls: Scripted(answers, written))
    )
    return written


@pytest.fixture
def transcript(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """The terminal the wizard talks to: ANSWERS in, its questions out."""
    return scripted(monkeypatch, ANSWERS)


def test_wizard_asks_everything_and_validates_like_the_options(
    cli: Runner, transcript: io.StringIO
) -> None:
    result = cli("recommend", "-i", "-f", "json")
    said = transcript.getvalue()
    assert result.code == 0, result.err + said
    profile = result.json()["profile"]
    assert profile == {
        "goals": ["collegiate-athletes"],
        "degree": "bachelor",
        "field": "kinesiology",
        "have": ["NASM-CPT", "CPR-AED"],
        "budget_usd": 1000,  # "$1,000" in GB: US dollars
        "budget": {"amount": 1000, "currency": "USD"},
        "credentials": [
            {"id": "NASM-CPT", "expires": None, "state": "active"},
            {"id": "CPR-AED", "expires": None, "state": "active"},
        ],
        "member": ["NSCA"],
        "country": "GB",
    }
    assert "sport-science" in said  # the ? help lists the goals
    assert "unknown goal 'juggling'" in said
    assert "NASM is an organization; which of its certifications? NASM-CPT, " in said
    assert said.count("not accepted: expected an amount from 0 to 1,000,000") == 2
    assert "CPR/AED" in said and "members pay less" in said and "studying for a degree" in said
    assert said.index("country where you will work") < said.index("What do you want to do")
    assert "[high-school]" in said  # defaults are shown
    assert (
        "certadvise recommend --country uk --goal 'coach college football' --degree bachelor "
        "--field kinesiology --have NASM-CPT --have CPR-AED --member NSCA --budget '$1,000'" in said
    )
    assert result.out.startswith("{")  # the questions never reach stdout
    saved = Path(os.environ["CERTADVISE_CONFIG_DIR"]) / "profile.yaml"
    assert "collegiate-athletes" in saved.read_text(encoding="utf-8")


def test_hours_are_asked_only_when_the_goals_need_them(
    cli: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = scripted(
        monkeypatch, {"What do you want to do": ["personal training"], "default profile": ["no"]}
    )
    result = cli("recommend", "-i", "-q")
    assert result.code == 0, written.getvalue()
    assert "how many hours" not in written.getvalue()
    assert "how many years" not in written.getvalue()


def test_options_given_are_not_asked_again(cli: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    written = scripted(monkeypatch, {"default profile": ["no"]})
    result = cli("recommend", "-i", "-g", "group fitness", "--degree", "high-school", "-q")
    assert result.code == 0, written.getvalue()
    assert "What do you want to do?" not in written.getvalue()
    assert "Highest education" not in written.getvalue()


def test_end_of_input_ends_the_wizard_with_exit_1(
    cli: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = io.StringIO()
    monkeypatch.setattr(
        interview.Terminal,
        "open",
        classmethod(lambda cls: cls(io.StringIO("\nathletes\n"), written)),
    )
    result = cli("recommend", "-i")
    assert result.code == 1
    assert result.out == ""
    assert "> [high-school] \ncertadvise: no answer (end of input)" in written.getvalue()


def test_no_input_never_asks(cli: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)

    def refuse(cls: type[interview.Terminal]) -> interview.Terminal:
        raise AssertionError("asked a question")

    monkeypatch.setattr(interview.Terminal, "open", classmethod(refuse))
    assert cli("recommend", "--no-input", "-q").code == 0
    both = cli("recommend", "-i", "--no-input")
    assert both.code == 2
    assert "--no-input" in both.err


def test_the_wizard_needs_a_terminal(cli: Runner) -> None:
    result = cli("recommend", "-i")
    assert result.code == 2
    assert "the questions need a terminal" in result.err


@pytest.mark.parametrize(
    ("phrase", "goal"),
    [
        ("strength and conditioning", "athletes"),
        ("trainer", "personal-training"),
        ("rehab", "clinical"),
        ("football", "athletes"),
        ("coach college football", "collegiate-athletes"),
        ("yoga", "yoga"),
        ("pilates teacher", "pilates"),
        ("yoga and pilates", "mind-body"),
        ("navy", "tactical"),
    ],
)
def test_goal_phrases_people_type(cli: Runner, phrase: str, goal: str) -> None:
    result = cli("recommend", "-g", phrase, "-f", "json", "-q")
    assert result.json()["profile"]["goals"] == [goal]


def test_questions_wrap_between_words_at_the_terminal_width(
    cli: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = scripted(monkeypatch, {"default profile": ["no"]})
    monkeypatch.setattr(interview.Terminal, "width", property(lambda self: 40))
    cli("recommend", "-i", "-f", "json")
    questions = [
        line for line in written.getvalue().splitlines() if line and not line.startswith(">")
    ]
    prose = [line for line in questions if not line.startswith("  ") or line.startswith("  (")]
    assert prose and all(len(line) <= 40 for line in prose), [x for x in prose if len(x) > 40]
    asked = " ".join(line.strip() for line in prose)
    assert "coach college athletes" in asked  # wrapped between words, never inside one


def test_the_wizard_asks_until_when_each_credential_is_good_and_for_a_degree_in_progress(
    cli: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = scripted(
        monkeypatch,
        {
            "country": ["GB"],
            "What do you want to do": ["personal training"],
            "Certifications you already hold": ["ACE-CPT"],
            "ACE-CPT: good through": ["2026-09"],
            "CPR/AED": ["yes"],
            "CPR-AED: good through": [""],
            "studying for a degree": ["bachelors"],
            "When do you graduate": ["2028-05"],
            "The most you will spend": ["500"],
            "default profile": ["no"],
        },
    )
    doc = cli("recommend", "-i", "-f", "json").json()
    profile = doc["profile"]
    assert {"id": "ACE-CPT", "expires": "2026-09-30", "state": "lapsed"} in profile["credentials"]
    assert (profile["studying"], profile["graduating"]) == ("bachelor", "2028-05-31")
    assert profile["budget"] == {"amount": 500, "currency": "GBP"}  # asked in GBP: GB first
    text = said.getvalue()
    assert "The most you will spend now, in GBP" in text
    assert "--have ACE-CPT@2026-09" in text and "--studying bachelor" in text
