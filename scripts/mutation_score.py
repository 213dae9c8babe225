"""Mutation results of advice/ from mutmut's files in mutants/ (scripts/mutation.sh).

    python3 scripts/mutation_score.py [module ...]            # killed / all, survivors
    python3 scripts/mutation_score.py --pending [module ...]  # names to (re)run

Killed counts mutants the tests caught (a failure or a timeout); survivors are listed by
name (`mutmut show NAME` prints the change); mutants no test reaches count as survivors.
Pending are the mutants not yet run and the survivors, which a new test may now kill.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ADVICE = Path("mutants/src/certadvise/advice")
KILLED = {1, 3, 24, 36, 152, -24}  # a test failed, or timed out (mutmut's exit codes)
SURVIVED = {0, 5, 33}  # every test passed, no test collected, no test reaches it
INTERRUPTED = 2  # counted as not run


def results(modules: list[str]) -> dict[str, dict[str, int | None]]:
    """Each module's mutants by name, with mutmut's exit code (None: not run yet)."""
    found = {}
    for meta in sorted(ADVICE.glob("*.py.meta")):
        module = meta.name.removesuffix(".py.meta")
        if modules and module not in modules:
            continue
        try:
            codes = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
        except ValueError:  # cut short by an interrupted run: that module starts afresh
            print(f"unreadable {meta}: rm it and its .py to run it again", file=sys.stderr)
            continue
        if codes:
            found[module] = codes
    return found


def main(argv: list[str]) -> int:
    pending = "--pending" in argv
    modules = [m.removesuffix(".py") for m in argv if m != "--pending"]
    by_module = results(modules)
    if pending:
        for codes in by_module.values():
            for name, code in codes.items():
                if code is None or code == INTERRUPTED or code in SURVIVED:
                    print(name)
        return 0
    if not by_module:
        print("no results: run scripts/mutation.sh first", file=sys.stderr)
        return 1
    killed_all = total_all = 0
    survivors: list[str] = []
    for module, codes in by_module.items():
        run = {n: c for n, c in codes.items() if c not in (None, INTERRUPTED)}
        killed = sum(c in KILLED for c in run.values())
        survivors += [n for n, c in run.items() if c in SURVIVED]
        killed_all, total_all = killed_all + killed, total_all + len(run)
        share = f"{killed / len(run):6.1%}" if run else "   n/a"
        print(f"{module + '.py':<16} {killed:>5} / {len(run):<5} {share}   ({len(codes)} mutants)")
    if total_all:
        print(f"{'all':<16} {killed_all:>5} / {total_all:<5} {killed_all / total_all:6.1%}")
    if survivors:
        print("\nsurvivors (mutmut show NAME):")
        print("\n".join(f"  {name}" for name in survivors))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
