"""The quick paths past pydantic take exactly what pydantic (or typer, through it) would
take, and leave every other value to it: a profile from options, an option's value."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param

from certadvise.advice.profile import PROFILE_KEYS, RawProfile
from certadvise.catalog.validation import already_valid
from certadvise.cli import coercion
from certadvise.cli.app import app

PYDANTIC = TypeAdapter(RawProfile)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-10, 200)
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from(["bachelor", "master", "BSc", "none", "600", "£400", "2028-06", "x"])
    | st.text(max_size=8)
)
values = (
    scalars
    | st.lists(scalars, max_size=3)
    | st.tuples(scalars, scalars)
    | st.dictionaries(st.sampled_from(["clinical", "strength", ""]), scalars, max_size=2)
)
profiles = st.dictionaries(st.sampled_from([*PROFILE_KEYS, "colour"]), values, max_size=4)


@settings(max_examples=1500, deadline=None)
@given(profiles)
@example({"hours": {"strength": True}})  # a bool is no number
@example({"experience": {"clinical": 2}})  # an int where a float is asked: that float
@example({"budget_usd": 2**53 + 1})  # an int no float holds exactly: pydantic's
@example({"age": 24, "degree": "master", "goals": ("athletes",)})
def test_a_profile_taken_as_it_is_is_what_pydantic_makes_of_it(data: dict[str, Any]) -> None:
    taken = already_valid(RawProfile, data)
    if taken is None:
        return  # pydantic's to judge
    made = PYDANTIC.validate_python(data)
    assert taken == made
    assert [type(v) for v in vars(taken).values()] == [type(v) for v in vars(made).values()]


def test_a_batch_line_with_a_whole_number_budget_is_taken_as_it_is() -> None:
    """JSON writes 301 for a budget of $301: the float pydantic would make, without it."""
    taken = already_valid(RawProfile, {"budget_usd": 301, "experience": {"clinical": 2}})
    assert taken is not None
    assert type(taken.budget_usd) is float and taken.budget_usd == 301.0
    assert taken.experience == {"clinical": 2.0}


def test_a_profile_from_options_is_taken_as_it_is() -> None:
    data = {"goals": ["athletes"], "degree": "bachelor", "age": 24, "budget": "600"}
    assert already_valid(RawProfile, data) == PYDANTIC.validate_python(data)
    for refused in ({"age": True}, {"age": 9}, {"age": "24"}, {"colour": "red"}, {"budget": "x"}):
        assert already_valid(RawProfile, refused) is None, refused  # pydantic words it
        with pytest.raises(ValidationError):
            PYDANTIC.validate_python(refused)


COMMAND = typer.main.get_command(app).commands["recommend"]  # type: ignore[attr-defined]
PARAMS = [p for p in COMMAND.params if getattr(p, "type_descriptor", None) is not None]


def typers(param: Any, value: Any) -> Any:
    """What typer's own coercion makes of `value` (its refusal as the exception)."""
    ctx = COMMAND.make_context("recommend", [], resilient_parsing=True)
    try:
        return build_runtime_param(param.type_descriptor)._coerce_value(value, param, ctx)
    except (BadParameter, ValueError) as exc:
        return type(exc)


option_values = st.text(max_size=6) | st.sampled_from(
    ["5", "0", "+3", " 3", "007", "³", "1" * 30, "json", "JSON", "csv", "auto", "-", ""]
)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PARAMS), option_values | st.lists(option_values, max_size=2))
def test_an_option_taken_as_given_is_what_typer_makes_of_it(param: Any, value: Any) -> None:
    ctx = COMMAND.make_context("recommend", [], resilient_parsing=True)
    try:
        quick = coercion.plain_value(param.type_descriptor, value, param, ctx)
    except coercion._Typers:
        return  # typer's to take or refuse, in its words
    expected = typers(param, value)
    assert quick == expected and type(quick) is type(expected), (param.name, value)


def test_the_quick_path_takes_the_common_values() -> None:
    by_name = {p.name: p for p in PARAMS}
    ctx = COMMAND.make_context("recommend", [], resilient_parsing=True)
    for name, value, wanted in (
        ("top", "3", 3),
        ("goal", ["athletes", "tactical"], ["athletes", "tactical"]),
        ("budget", "£400", "£400"),
    ):
        param = by_name[name]
        assert coercion.plain_value(param.type_descriptor, value, param, ctx) == wanted
    for name, value in (("top", "0"), ("top", "+3"), ("top", "³"), ("fmt", "yaml")):
        param = by_name[name]
        with pytest.raises(coercion._Typers):
            coercion.plain_value(param.type_descriptor, value, param, ctx)
