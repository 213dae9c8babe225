"""Every `$ certadvise ...` example in the README runs and prints what the README shows."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import REPO, TODAY

UPDATE_VAR = "CERTADVISE_UPDATE_GOLDEN"  # the same switch as the golden tables
UPDATE = bool(os.environ.get(UPDATE_VAR))  # read before the fixtures clear CERTADVISE_*
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)


def examples() -> list[tuple[str, str]]:
    found = []
    for block in BLOCK.findall((REPO / "README.md").read_text(encoding="utf-8")):
        command, output = None, []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command:
                    found.append((command, "\n".join(output)))
                command, output = line[2:], []
            else:
                output.append(line)
        if command:
            found.append((command, "\n".join(output)))
    runnable = ("certadvise ", "COLUMNS=")
    return [(c, o) for c, o in found if c.startswith(runnable) and "--install-completion" not in c]


@pytest.mark.parametrize(("command", "expected"), examples(), ids=lambda v: v[:40])
def test_readme_example(command: str, expected: str, tmp_path: Path) -> None:
    if "| jq" in command and shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    bin_dir = Path(sys.executable).parent
    env = {k: v for k, v in os.environ.items() if not k.startswith("CERTADVISE_")}
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
        NO_COLOR="1",
        CERTADVISE_TODAY=TODAY,  # the README's examples are true on this day
        CERTADVISE_CACHE_DIR=str(tmp_path / "cache"),
    )
    env.pop("COLUMNS", None)
    env["CERTADVISE_CONFIG_DIR"] = str(tmp_path / "config")  # never the user's saved profile
    done = subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
        check=False,
    )
    shown = (done.stdout + done.stderr).rstrip("\n")
    if UPDATE and shown != expected.rstrip("\n"):
        readme = REPO / "README.md"
        old = f"$ {command}\n{expected.rstrip(chr(10))}\n"
        text = readme.read_text(encoding="utf-8")
        assert old in text, f"cannot find the example of {command!r} to update"
        readme.write_text(text.replace(old, f"$ {command}\n{shown}\n", 1), encoding="utf-8")
        return
    assert shown == expected.rstrip("\n"), (
        f"the README's example differs; if the change is intended: {UPDATE_VAR}=1 python -m "
        "pytest tests/test_readme.py tests/test_output.py"
    )


def test_readme_has_examples_of_every_command() -> None:
    commands = {c.split()[1] for c, _ in examples()}
    assert {"recommend", "compare", "path", "list", "show"} <= commands


COVERAGE = re.compile(r"<!-- coverage: begin -->\n.*?<!-- coverage: end -->", re.DOTALL)
MARKETS = [("US", "US"), ("CA", "Canada"), ("GB", "UK"), ("AU", "Australia")]


def active_entries() -> list[Any]:
    """The built-in catalog's active entries, by id."""
    from certadvise.catalog.index import catalog_dirs
    from certadvise.catalog.loading import load_catalog

    catalog = load_catalog(catalog_dirs(environ={}))
    return sorted(
        (e for e in catalog.certifications if e.status.value == "active"), key=lambda e: e.id
    )


def price_year(entry: Any) -> int:
    """The latest year any of an entry's price sources states (0: no amount, or undated)."""
    from certadvise.catalog.freshness import price_source, source_year

    cost = entry.cost
    if cost is None or not cost.amounts():
        return 0
    sources = [price_source(entry), *(price_source(entry, t) for t in cost.tiers)]
    return max((source_year(s.as_of) or 0 for s in sources if s), default=0)


def timed(entry: Any) -> bool:
    """A study time, a stage with months, or a route whose degree is the qualification
    itself, with its years (ESSA's accredited courses)."""
    routes = entry.prerequisites.routes if entry.prerequisites else ()
    return (
        entry.study_hours is not None
        or any(s.months_low or s.months_high for s in entry.stages)
        or any(r.degree_years for r in routes)
    )


def coverage_table() -> str:
    """The README's coverage table, from the catalog."""
    today = int(TODAY[:4])
    active = active_entries()

    def priced(entry: Any) -> bool:
        return entry.cost is not None and (bool(entry.cost.amounts()) or entry.cost.not_published)

    def recent(entry: Any) -> bool:
        return price_year(entry) >= today - 2

    rows = ["| market | credentials | priced | price from the last two years | study time |"]
    rows.append("|---|---|---|---|---|")
    groups = [
        (f"{name} (`{code}`)", [e for e in active if code in e.markets]) for code, name in MARKETS
    ]
    groups.append(("international", [e for e in active if "international" in e.markets]))
    groups.append(("all", active))
    for label, entries in groups:
        ids = ", ".join(e.id for e in entries) if label != "all" else f"{len(entries)} in all"
        counts = [sum(f(e) for e in entries) for f in (priced, recent, timed)]
        share = [f"{n} ({n / len(entries):.0%})" if entries else "0" for n in counts]
        rows.append(f"| {label} | {ids} | {' | '.join(share)} |")
    return "<!-- coverage: begin -->\n" + "\n".join(rows) + "\n<!-- coverage: end -->"


UNVERIFIED = re.compile(r"<!-- unverified: begin -->\n.*?<!-- unverified: end -->", re.DOTALL)


def unverified_list() -> str:
    """The README's "could not verify" list, from the catalog: what each active entry lacks."""
    from certadvise.catalog.freshness import price_source

    today = int(TODAY[:4])
    lines = []
    for entry in active_entries():
        cost, gaps = entry.cost, []
        year = price_year(entry)
        if cost is not None and cost.not_published:
            source = price_source(entry)
            where = f" (looked: {source.url}, {source.as_of})" if source else ""
            gaps.append(f"no published price{where}")
        elif cost is None or not cost.amounts():
            gaps.append("price")
        elif year and year < today - 2:
            gaps.append(f"the price found dates from {year}")
        if not timed(entry):
            gaps.append("study time")
        if gaps:
            lines.append(f"- `{entry.id}`: {'; '.join(gaps)}")
    return "<!-- unverified: begin -->\n" + "\n".join(lines) + "\n<!-- unverified: end -->"


def test_the_could_not_verify_list_is_made_from_the_catalog() -> None:
    readme = REPO / "README.md"
    text = readme.read_text(encoding="utf-8")
    listed = unverified_list()
    if UPDATE:
        readme.write_text(UNVERIFIED.sub(lambda _: listed, text), encoding="utf-8")
        return
    found = UNVERIFIED.search(text)
    assert found and found.group(0) == listed, (
        f"the README's could-not-verify list differs from the catalog: {UPDATE_VAR}=1 python -m "
        "pytest tests/test_readme.py"
    )


def test_the_coverage_table_is_made_from_the_catalog() -> None:
    readme = REPO / "README.md"
    text = readme.read_text(encoding="utf-8")
    table = coverage_table()
    if UPDATE:
        readme.write_text(COVERAGE.sub(lambda _: table, text), encoding="utf-8")
        return
    assert COVERAGE.search(text) and COVERAGE.search(text).group(0) == table, (  # type: ignore[union-attr]
        f"the README's coverage table differs from the catalog: {UPDATE_VAR}=1 python -m pytest "
        "tests/test_readme.py"
    )


def test_the_opening_counts_are_the_catalogs() -> None:
    """The README's first paragraph says how many credentials of each kind the catalog holds."""
    from certadvise.catalog.index import catalog_dirs
    from certadvise.catalog.loading import load_catalog

    catalog = load_catalog(catalog_dirs(environ={}))
    active = [e for e in catalog.certifications if e.status.value == "active"]
    certifications = sum(e.kind in ("certification", "designation") for e in active)
    licences = sorted(e.id for e in active if e.kind == "licence")
    opening = " ".join(
        (REPO / "README.md").read_text(encoding="utf-8").split("## Quick start")[0].split()
    )
    assert f"catalog of {certifications} certifications and designations" in opening
    assert f"the {len(licences)} licences and registrations" in opening
