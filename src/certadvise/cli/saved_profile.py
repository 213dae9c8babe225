"""The saved profile: one YAML file in the user config folder, read by every profile command.

`certadvise profile save` writes it; `recommend`, `compare`, `path` and `show` start from
it (options and --profile FILE win, --no-profile ignores it). It is read through the same
checks as any profile file, so a broken one is an error naming the file and line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from certadvise.advice.profile import RawProfile

DIR_VAR = "CERTADVISE_CONFIG_DIR"
FILE_NAME = "profile.yaml"
HEADER = "# certadvise's saved profile: `certadvise profile save` rewrites this file.\n"


def config_dir() -> Path:
    """$CERTADVISE_CONFIG_DIR, or the platform's user config folder."""
    if os.environ.get(DIR_VAR):
        return Path(os.environ[DIR_VAR])
    from platformdirs import user_config_dir

    return Path(user_config_dir("certadvise", appauthor=False))


def profile_path() -> Path:
    """Where the saved profile lives (it may not exist)."""
    return config_dir() / FILE_NAME


def load() -> RawProfile | None:
    """The saved profile, or None when there is none; InputError (file:line) when broken."""
    from certadvise.cli.profile_files import read_profile

    path = profile_path()
    if not path.is_file():
        return None
    return read_profile(str(path))


def assumption(path: Path) -> str:
    """The line every command that used the saved profile says."""
    return f"using the saved profile {path} (--no-profile ignores it)"


def save(document: dict[str, Any]) -> Path:
    """Write `document` (a normalised profile) as the saved profile, atomically."""
    import yaml

    path = profile_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    whole = {
        k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in document.items()
    }
    text = HEADER + yaml.safe_dump(whole, sort_keys=False, allow_unicode=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
    return path


def clear() -> bool:
    """Remove the saved profile; False when there was none."""
    try:
        profile_path().unlink()
    except FileNotFoundError:
        return False
    return True
