"""Read `mutmut results --all true` on stdin; print killed / all per advice module.

    mutmut results --all true | python3 scripts/mutation_score.py [module ...]

Killed counts mutants the tests caught (a failure or a timeout); survivors are listed by
name (`mutmut show NAME` prints the change). Mutants no test reaches count as survivors.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict

LINE = re.compile(r"^\s*(certadvise\.advice\.(\w+)\.\S+):\s*(.+?)\s*$")
KILLED = {"killed", "timeout"}
SKIPPED = {"not checked", "skipped"}


def main(argv: list[str]) -> int:
    wanted = {m.removesuffix(".py") for m in argv}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    survivors: dict[str, list[str]] = defaultdict(list)
    for line in sys.stdin:
        found = LINE.match(line)
        if found is None:
            continue
        name, module, status = found.groups()
        if (wanted and module not in wanted) or status in SKIPPED:
            continue
        counts[module][1] += 1
        if status in KILLED:
            counts[module][0] += 1
        else:
            survivors[module].append(f"{name} ({status})")
    if not counts:
        print("no results: run scripts/mutation.sh first", file=sys.stderr)
        return 1
    for module in sorted(counts):
        killed, total = counts[module]
        print(f"{module + '.py':<16} {killed:>5} / {total:<5} {killed / total:6.1%}")
    killed = sum(c[0] for c in counts.values())
    total = sum(c[1] for c in counts.values())
    print(f"{'all':<16} {killed:>5} / {total:<5} {killed / total:6.1%}")
    for module in sorted(survivors):
        print(f"\nsurvivors in {module}.py:")
        print("\n".join(f"  {name}" for name in survivors[module]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
