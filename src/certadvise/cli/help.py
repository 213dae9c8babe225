"""Help that stays quick: options in panels (profile / output / catalog), examples from the
README, and the built-in vocabularies listed without importing the core or a YAML parser."""

from __future__ import annotations

import re
from typing import Any

from typer.core import TyperCommand

#: Examples shown by each command's --help; every one is in the README and is run by a test.
EXAMPLES: dict[str, list[str]] = {
    "recommend": [
        "certadvise recommend --goal collegiate-athletes --degree bachelor --field kinesiology "
        "--have CPR-AED --budget 600",
        "certadvise recommend --have NASM-CPT --goal athletes --budget 1000 --top 1",
        "certadvise recommend --have NASM-CPT --goal athletes --why CSCS",
    ],
    "compare": [
        "certadvise compare CSCS NASM-PES --rows cost.exam,cost.study_materials,"
        "prerequisites.required,exam.length,exam.passing_score,pass_rate",
    ],
    "path": ["certadvise path CSPS --have CPR-AED"],
    "renewals": [
        "certadvise renewals --no-profile --have CSCS@2026-12 --have CPR-AED@2026-12-15 "
        "--format ics"
    ],
    "list": ["certadvise list --org NSCA"],
    "show": ["certadvise show CSCS --format csv"],
    "goals": ["certadvise goals --format ids"],
    "fields": ["certadvise fields --format ids"],
    "profile save": ["certadvise profile save --goal athletes --have NASM-CPT --budget 1000"],
    "profile show": ["certadvise profile show"],
    "profile clear": ["certadvise profile clear"],
    "profile path": ["certadvise profile path"],
    "catalog validate": ["certadvise catalog validate"],
    "catalog schema": ["certadvise catalog schema --quiet"],
    "catalog stale": ["certadvise catalog stale --older-than 5"],
}

PANELS = ("Options", "Profile", "Output", "Catalog")


def builtin_ids(section: str) -> list[str]:
    """The ids of a built-in vocabulary (`categories`, `organizations`, `goals`), read by
    pattern: --help must not import a YAML parser. The catalog's tests keep it true."""
    from importlib.resources import files

    name = {"categories": "vocabulary.yaml", "organizations": "organizations.yaml"}.get(
        section, f"{section}.yaml"
    )
    text = files("certadvise.builtin_catalog").joinpath(name).read_text(encoding="utf-8")
    body = re.search(rf"^{section}:\n(.*?)(?=^\S|\Z)", text, re.MULTILINE | re.DOTALL)
    return re.findall(r"^  - (?:\{)?id: ([^,}\s]+)", body.group(1), re.MULTILINE) if body else []


def _filled(text: str) -> str:
    for section in ("categories", "organizations", "goals"):
        token = "{" + section + "}"
        if token in text:
            text = text.replace(token, ", ".join(builtin_ids(section)))
    return text


_RANGE = re.compile(r"(\d+<=)?x(<=|>=|<|>)\d+")


def _words(text: str) -> str:
    """Help without the parser's range notation (`[x>=0]`): the help says it in words."""
    text = _RANGE.sub("", text).replace("; ]", "]").replace("[]", "")
    return re.sub(r"\s+$", "", text)


def _help_of(param: Any) -> str:
    return str(getattr(param, "help", None) or "")


class PanelledCommand(TyperCommand):
    """Plain help (no rich: quick, the same in a pipe) with options grouped by panel, words
    for metavars, and the command's examples; each value coerced only when given."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from certadvise.cli.coercion import defer

        defer(self.get_params(ctx))  # with the --help option typer adds
        result: list[str] = super().parse_args(ctx, args)
        return result

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = ["[OPTIONS]"]
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                many = "..." if param.nargs == -1 else ""
                pieces.append(f"{param.metavar or str(param.name).upper()}{many}")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments: list[tuple[str, str]] = []
        panels: dict[str, list[tuple[str, str]]] = {}
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                arguments.append((param.metavar or str(param.name).upper(), _help_of(param)))
                continue
            record = param.get_help_record(ctx)
            if record is not None:
                panel = getattr(param, "rich_help_panel", None) or "Options"
                panels.setdefault(panel, []).append((record[0], _words(_filled(record[1]))))
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        for panel in sorted(panels, key=lambda p: PANELS.index(p) if p in PANELS else 0):
            with formatter.section(panel if panel == "Options" else f"{panel} options"):
                formatter.write_dl(panels[panel])

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        path = ctx.command_path.removeprefix(ctx.find_root().info_name or "").strip()
        examples = EXAMPLES.get(path)
        if examples:
            formatter.write_paragraph()
            formatter.write("Examples:\n")
            for example in examples:
                formatter.write(f"  $ {example}\n")
