"""The saved profile: one YAML file in the user config folder, read by every profile command.

`certadvise profile save` writes it; `recommend`, `compare`, `path` and `show` start from
it (options and --profile FILE win, --no-profile ignores it). It is read through the same
checks as any profile file, so a broken one is an error naming the file and line, and a
config folder that cannot be entered, or a profile.yaml that is not a file, is bad input
(exit 2) naming the path: never "no profile", never a half-written file left behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from certadvise.errors import InputError

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


def _exists(path: Path) -> bool:
    """Whether there is a saved profile at `path`: a regular file (or a link to one).

    Bad input (InputError) when something else is there, or the folder cannot be entered.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    except NotADirectoryError as exc:
        raise InputError(f"{path}: {path.parent} is not a folder (see {DIR_VAR})") from exc
    except OSError as exc:  # Permission denied, a loop of links, a name too long
        raise InputError(f"{path}: cannot read the saved profile: {exc.strerror}") from exc
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise InputError(f"{path}: the saved profile is {kind}; remove it or set {DIR_VAR}")
    return True


def read_saved() -> RawProfile | None:
    """The saved profile, or None when there is none; InputError (file:line) when broken."""
    path = profile_path()
    if not _exists(path):
        return None
    from certadvise.cli.profile_files import read_profile  # YAML: only when there is one

    return read_profile(str(path))


def saved_text() -> str | None:
    """The saved profile's text as it is on disk, or None when there is none."""
    from certadvise.catalog import yamlsource

    path = profile_path()
    if not _exists(path):
        return None
    try:
        return yamlsource.read_text(path)  # bounded, a regular file only, as every profile
    except yamlsource.YamlProblem as exc:
        raise InputError(f"{path}: {exc.message}") from exc


def assumption(path: Path) -> str:
    """The line every command that used the saved profile says."""
    return f"using the saved profile {path} (--no-profile ignores it)"


#: What makes the config folder bad input rather than a failed write (a full disk: 74).
_NOT_WRITABLE_THERE = (PermissionError, NotADirectoryError, IsADirectoryError, FileExistsError)


def save(document: dict[str, Any]) -> Path:
    """Write `document` (a normalised profile) as the saved profile, atomically: a temporary
    file of its own (private: mode 0600) in the same folder, then a rename, so concurrent
    saves all succeed and the last one wins."""
    import yaml

    path = profile_path()
    _exists(path)  # a folder or a socket named profile.yaml: refused before writing
    whole = {
        k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in document.items()
    }
    text = HEADER + yaml.safe_dump(whole, sort_keys=False, allow_unicode=True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(prefix=f".{FILE_NAME}.", dir=path.parent)
    except _NOT_WRITABLE_THERE as exc:
        raise InputError(f"{path.parent}: cannot save the profile there: {exc.strerror}") from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        Path(partial).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(partial).unlink()
        raise
    return path


def clear() -> bool:
    """Remove the saved profile; False when there was none."""
    path = profile_path()
    if not _exists(path):
        return False
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except _NOT_WRITABLE_THERE as exc:
        raise InputError(f"{path}: cannot remove the saved profile: {exc.strerror}") from exc
    return True
