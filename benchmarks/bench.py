"""Time certadvise as a user runs it: whole processes, side by side with their floors.

    python benchmarks/bench.py                    # everything, 1k/10k/100k-entry catalogs
    python benchmarks/bench.py --sizes 1000,10000 --runs 5 --json

Floors: `python -c pass` and a minimal typer app of certadvise's shape
(benchmarks/minimal_app.py). Then certadvise's commands on the built-in catalog (warm
cache), `recommend --batch` of synthetic people (1,000, all different) against one single
`recommend`, and `recommend`/`compare` on synthetic catalogs, cold (no cache) and warm, with the
time a plain libyaml parse of the same files takes. Peak memory is the child's max RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import write_catalog  # noqa: E402

PROFILE = [
    "--goal",
    "collegiate-athletes",
    "--degree",
    "bachelor",
    "--field",
    "kinesiology",
    "--have",
    "CPR-AED",
    "--budget",
    "600",
    "--age",
    "24",
    "--member",
    "NSCA",
]


GOALS = [
    "athletes",
    "personal-training",
    "collegiate-athletes",
    "tactical",
    "clinical",
    "nutrition",
    "special-populations",
    "group-fitness",
    "corrective-exercise",
    "weight-loss",
    "wellness",
    "sport-science",
]
DEGREES = [None, "high-school", "associate", "bachelor", "master"]
FIELDS = [None, "kinesiology", "exercise science", "business", "nutrition", "psychology"]
HELD = [[], ["CPR-AED"], ["NASM-CPT"], ["CPR-AED", "ACE-CPT"], ["CSCS", "CPR-AED"]]


def write_people(path: Path, count: int) -> Path:
    """`count` synthetic people as JSON lines, each a different profile (a fixed seed):
    one or two goals, a degree and field or none, credentials, a budget, sometimes an age."""
    import random

    rng = random.Random(7)
    lines = []
    for number in range(count):
        person: dict[str, object] = {
            "person": f"Student {number + 1}",
            "goals": rng.sample(GOALS, rng.choice([1, 1, 2])),
        }
        degree, field, held = rng.choice(DEGREES), rng.choice(FIELDS), rng.choice(HELD)
        budget = rng.choice([None, 300, 600, 1000, 2000])
        if degree:
            person["degree"] = degree
        if field and degree in ("associate", "bachelor", "master"):
            person["field"] = field
        if held:
            person["have"] = held
        if budget:
            person["budget_usd"] = budget + number % 100  # no two people quite alike
        if rng.random() < 0.3:
            person["age"] = rng.randrange(17, 45)
        lines.append(json.dumps(person))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass
class Timing:
    name: str
    seconds: list[float]
    peak_mib: float
    cpu: list[float]  # user + system seconds of the child: steadier than wall time under load

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)


def certadvise() -> list[str]:
    script = Path(sys.executable).with_name("certadvise")
    return [str(script)] if script.exists() else [sys.executable, "-m", "certadvise"]


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MiB) and CPU seconds of one run of `command`."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def measure(name: str, command: list[str], env: dict[str, str], runs: int) -> Timing:
    samples = [run_once(command, env) for _ in range(runs)]
    return Timing(
        name, [s for s, _, _ in samples], max(m for _, m, _ in samples), [c for _, _, c in samples]
    )


def yaml_parse_command(folder: Path) -> list[str]:
    code = (
        "import pathlib, yaml\n"
        f"for p in sorted(pathlib.Path({str(folder)!r}).rglob('*.yaml')):\n"
        "    yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
    )
    return [sys.executable, "-c", code]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each small command")
    parser.add_argument("--sizes", default="1000,10000,100000", help="synthetic catalog sizes")
    parser.add_argument("--json", action="store_true", help="print a JSON summary instead")
    parser.add_argument("--keep", type=Path, help="keep synthetic catalogs in this folder")
    parser.add_argument("--people", type=int, default=1000, help="people in the --batch row")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="certadvise-bench-"))
    cache = work / "cache"
    env = {**os.environ, "NO_COLOR": "1", "CERTADVISE_CACHE_DIR": str(cache)}
    env.pop("CERTADVISE_CATALOG", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure as installed: with .pyc files
    tool = certadvise()
    timings: dict[str, Timing] = {}
    try:
        floors = [
            ("python -c pass", [sys.executable, "-c", "pass"]),
            (
                "minimal typer app: list",
                [sys.executable, str(HERE / "minimal_app.py"), "list", "--org", "X"],
            ),
            ("minimal typer app: --help", [sys.executable, str(HERE / "minimal_app.py"), "--help"]),
        ]
        run_once([*tool, "list"], env)  # build the built-in catalog's cache
        commands = [
            ("certadvise --help", [*tool, "--help"]),
            ("certadvise list", [*tool, "list"]),
            ("certadvise show CSCS", [*tool, "show", "CSCS"]),
            ("certadvise compare CSCS NASM-PES", [*tool, "compare", "CSCS", "NASM-PES"]),
            ("certadvise recommend (full profile)", [*tool, "recommend", *PROFILE]),
        ]
        people = write_people(work / "people.jsonl", args.people)
        batch = f"recommend --batch, {args.people:,} people"
        batch_command = [*tool, "recommend", "--batch", str(people), "-f", "jsonl", "-q"]
        for _ in range(2):  # interleave rounds, so both sides see the same machine load
            for name, command in [*floors, *commands, (batch, batch_command)]:
                runs = 1 if name == batch else max(1, args.runs // 2)
                timing = measure(name, command, env, runs)
                previous = timings.get(name)
                if previous:
                    timing.seconds += previous.seconds
                    timing.cpu += previous.cpu
                    timing.peak_mib = max(timing.peak_mib, previous.peak_mib)
                timings[name] = timing

        for size in [int(s) for s in args.sizes.split(",") if s]:
            folder = (args.keep or work) / f"synthetic-{size}"
            if not (folder / "bucket000").exists():
                write_catalog(folder, size)
            heavy = 3 if size <= 10_000 else 2
            timings[f"yaml parse, {size:,} entries"] = measure(
                f"yaml parse, {size:,} entries", yaml_parse_command(folder), env, heavy - 1
            )
            for verb, extra in (("recommend", PROFILE), ("compare", ["CSCS", "NASM-PES"])):
                command = [*tool, verb, *extra, "--catalog", str(folder)]
                shutil.rmtree(cache, ignore_errors=True)
                timings[f"{verb} {size:,} cold"] = measure(f"{verb} {size:,} cold", command, env, 1)
                timings[f"{verb} {size:,} warm"] = measure(
                    f"{verb} {size:,} warm", command, env, heavy
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)

    report(timings, args.json)


#: Issue 20's start-up targets, against the minimal typer app doing its work.
RECOMMEND_LIMIT = 1.2
HELP_LIMIT = 0.6
#: Issue 20's cold target: a cold run of a catalog of 10,000 entries (or more) in at most
#: 0.9 times a bare libyaml parse of its files; smaller catalogs are reported, unjudged.
COLD_LIMIT = 0.9
COLD_FROM = 10_000


def ratio(timings: dict[str, Timing], top: str, bottom: str, cpu: bool = False) -> float | None:
    if top in timings and bottom in timings:
        if cpu:
            return timings[top].cpu_median / timings[bottom].cpu_median
        return timings[top].median / timings[bottom].median
    return None


def report(timings: dict[str, Timing], as_json: bool) -> None:
    checks: list[tuple[str, float | None, float | None]] = [
        (
            "recommend / minimal app",
            ratio(timings, "certadvise recommend (full profile)", "minimal typer app: list"),
            RECOMMEND_LIMIT,
        ),
        (
            "--help / minimal app --help",
            ratio(timings, "certadvise --help", "minimal typer app: --help"),
            HELP_LIMIT,
        ),
        (  # the same ratios in CPU time: what a busy machine's scheduling does not blur
            "recommend / minimal app (CPU time)",
            ratio(timings, "certadvise recommend (full profile)", "minimal typer app: list", True),
            RECOMMEND_LIMIT,
        ),
        (
            "--help / minimal app --help (CPU time)",
            ratio(timings, "certadvise --help", "minimal typer app: --help", True),
            HELP_LIMIT,
        ),
    ]
    for name in list(timings):
        if name.startswith("recommend --batch, "):
            single = "certadvise recommend (full profile)"
            checks.append(
                (
                    f"{name.removeprefix('recommend ')} / one recommend",
                    ratio(timings, name, single),
                    10.0,
                )
            )
        if name.startswith("yaml parse, "):
            size = name.removeprefix("yaml parse, ").removesuffix(" entries")
            checks.append(
                (
                    f"recommend cold / yaml parse ({size})",
                    ratio(timings, f"recommend {size} cold", name),
                    # issue 20's limit is for 10,000 entries (and holds for more); below
                    # that the start-up a cold run shares with a warm one weighs more
                    COLD_LIMIT if int(size.replace(",", "")) >= COLD_FROM else None,
                )
            )
            warm = timings.get(f"recommend {size} warm")
            limit = {"10,000": 0.5, "100,000": 5.0}.get(size)
            if warm and limit:
                checks.append((f"recommend warm {size} (seconds)", warm.median, limit))
            for run in ("warm", "cold"):  # issue 20's 1 GiB is for the warm run
                peak = timings.get(f"recommend {size} {run}")
                if peak and size == "100,000":
                    label = f"recommend 100,000 {run} peak memory (GiB)"
                    checks.append((label, peak.peak_mib / 1024, 1.0))
    cores = f"{os.cpu_count()} cores"
    machine = (
        f"{platform.machine()}, {cores}, Python {platform.python_version()}, {platform.system()}"
    )
    if as_json:
        print(
            json.dumps(
                {
                    "machine": machine,
                    "timings": {
                        n: {
                            "best_s": round(t.best, 4),
                            "median_s": round(t.median, 4),
                            "cpu_median_s": round(t.cpu_median, 4),
                            "runs": len(t.seconds),
                            "peak_mib": round(t.peak_mib, 1),
                        }
                        for n, t in timings.items()
                    },
                    "checks": [
                        {
                            "check": n,
                            "value": None if v is None else round(v, 3),
                            "limit": lim,
                            "ok": None if lim is None else v is not None and v <= lim,
                        }
                        for n, v, lim in checks
                    ],
                },
                indent=2,
            )
        )
        return
    print(f"machine: {machine}")
    print(f"{'command':44} {'best':>8} {'median':>8} {'cpu':>6} {'runs':>5} {'peak MiB':>9}")
    for t in timings.values():
        print(
            f"{t.name:44} {t.best:8.3f} {t.median:8.3f} {t.cpu_median:6.3f} "
            f"{len(t.seconds):5d} {t.peak_mib:9.1f}"
        )
    print()
    for name, value, limit in checks:
        shown = "n/a" if value is None else f"{value:.2f}"
        if limit is None:  # reported, with no target of its own
            print(f"{name:44} {shown:>8}  (no limit)")
            continue
        verdict = "n/a" if value is None else ("ok" if value <= limit else "OVER")
        print(f"{name:44} {shown:>8}  limit {limit:<5} {verdict}")


if __name__ == "__main__":
    main()
