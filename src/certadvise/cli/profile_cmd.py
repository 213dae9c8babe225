"""`certadvise profile save|show|clear|path`: the default profile every command starts from."""

from __future__ import annotations

import os
import sys
from typing import Any

import typer

from certadvise.cli import runtime, saved_profile
from certadvise.cli.help import PanelledCommand
from certadvise.cli.options import CatalogOpt, FormatOpt, with_output_options
from certadvise.cli.profile_options import given, with_profile_options
from certadvise.cli.settings import Run
from certadvise.render.formats import OutputFormat

app = typer.Typer(
    help="The saved default profile: save, show, clear, path.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

AS_TEXT_OR_JSON = (OutputFormat.TABLE, OutputFormat.JSON)


def _save(
    catalog: CatalogOpt = None,
    *,
    profile_options: dict[str, Any],
    run: Run,
) -> None:
    """Save these profile options as the default profile (replacing the saved one).

    The answers are checked and stored as canonical ids. Options on any later command win
    over the saved profile; --no-profile ignores it.
    """
    from certadvise.cli.profile_options import build_profile
    from certadvise.errors import InputError

    if not given(profile_options):
        raise InputError("nothing to save: give profile options such as --goal or --profile FILE")
    profile, _ = build_profile(profile_options, runtime.read_catalog(run, catalog), runtime.today())
    path = saved_profile.save(profile.saved_document())
    runtime.say(run, f"saved the profile to {path}")


def show(fmt: FormatOpt = None, *, run: Run) -> None:
    """Print the saved profile (YAML as saved; -f json for JSON)."""
    from certadvise.render.safety import strip_unsafe

    chosen = runtime.format_among(fmt, AS_TEXT_OR_JSON, "profile show")
    path = saved_profile.profile_path()
    stored = saved_profile.read_saved()  # checked first: a broken file is an error, not text
    if stored is None:
        runtime.say(run, f"no saved profile (it would be {path}); see 'certadvise profile save'")
        return
    if chosen is OutputFormat.JSON:
        from certadvise.catalog.models import to_jsonable

        runtime.write_json(run, {k: v for k, v in to_jsonable(stored).items() if v is not None})
        return
    sys.stdout.write(strip_unsafe(saved_profile.saved_text() or ""))


def clear(*, run: Run) -> None:
    """Remove the saved profile."""
    path = saved_profile.profile_path()
    said = "removed" if saved_profile.clear() else "no saved profile at"
    runtime.say(run, f"{said} {path}")


def path(fmt: FormatOpt = None, *, run: Run) -> None:
    """Print where the saved profile lives (CERTADVISE_CONFIG_DIR overrides the folder)."""
    from certadvise.render.safety import strip_unsafe

    where = saved_profile.profile_path()
    if runtime.format_among(fmt, AS_TEXT_OR_JSON, "profile path") is OutputFormat.JSON:
        runtime.write_json(run, {"path": str(where), "exists": os.path.isfile(where)})  # noqa: PTH113 (never raises)
        return
    sys.stdout.write(f"{strip_unsafe(str(where))}\n")


app.command("save", cls=PanelledCommand)(
    with_output_options(with_profile_options(_save, use_saved=False))
)
app.command("show", cls=PanelledCommand)(with_output_options(show))
app.command("clear", cls=PanelledCommand)(with_output_options(clear))
app.command("path", cls=PanelledCommand)(with_output_options(path))
