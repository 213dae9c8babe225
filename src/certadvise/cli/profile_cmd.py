"""`certadvise profile save|show|clear|path`: the default profile every command starts from."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer

from certadvise.cli import saved_profile
from certadvise.cli.help import PanelledCommand
from certadvise.cli.options import CatalogOpt, FormatOpt, with_output_options
from certadvise.cli.profile_options import given, with_profile_options

app = typer.Typer(
    help="The saved default profile: save, show, clear, path.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _save(
    catalog: CatalogOpt = None,
    *,
    profile_options: dict[str, Any],
) -> None:
    """Save these profile options as the default profile (replacing the saved one).

    The answers are checked and stored as canonical ids. Options on any later command win
    over the saved profile; --no-profile ignores it.
    """
    from certadvise.cli import runtime
    from certadvise.cli.profile_options import build_profile
    from certadvise.errors import InputError

    if not given(profile_options):
        raise InputError("nothing to save: give profile options such as --goal or --profile FILE")
    profile, _ = build_profile(profile_options, runtime.load(catalog), runtime.today())
    path = saved_profile.save(profile.saved_document())
    runtime.say(f"saved the profile to {path}")


def show(fmt: FormatOpt = None) -> None:
    """Print the saved profile (YAML; -f json for JSON)."""
    from certadvise.render import OutputFormat

    path = saved_profile.profile_path()
    stored = saved_profile.load()
    if stored is None:
        from certadvise.cli import runtime

        runtime.say(f"no saved profile (it would be {path}); see 'certadvise profile save'")
        return
    if fmt is OutputFormat.JSON:
        from certadvise.catalog.models import to_jsonable

        document = {k: v for k, v in to_jsonable(stored).items() if v is not None}
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return
    sys.stdout.write(path.read_text(encoding="utf-8"))


def clear() -> None:
    """Remove the saved profile."""
    path = saved_profile.profile_path()
    said = "removed" if saved_profile.clear() else "no saved profile at"
    from certadvise.cli import runtime

    runtime.say(f"{said} {path}")


def path() -> None:
    """Print where the saved profile lives (CERTADVISE_CONFIG_DIR overrides the folder)."""
    sys.stdout.write(f"{saved_profile.profile_path()}\n")


app.command("save", cls=PanelledCommand)(
    with_output_options(with_profile_options(_save, use_saved=False))
)
app.command("show", cls=PanelledCommand)(with_output_options(show))
app.command("clear", cls=PanelledCommand)(with_output_options(clear))
app.command("path", cls=PanelledCommand)(with_output_options(path))
