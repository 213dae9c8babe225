#!/usr/bin/env bash
# Mutation testing of src/certadvise/advice/ with mutmut 3 (slow: not part of CI).
#
#   pip install -e '.[test,mutation]'
#   scripts/mutation.sh                    # every module of advice/ (about an hour)
#   scripts/mutation.sh planner ranking    # only these modules (advice/planner.py, ...)
#   MAX_CHILDREN=4 scripts/mutation.sh gaps
#
# The settings are in pyproject.toml ([tool.mutmut]): the whole of src/ is copied into
# mutants/ (git-ignored) and only advice/ is mutated; each mutant runs the focused test
# selection there (the unit tests and the people tables), fastest tests first, stopping
# at the first failure. Results are kept in mutants/ between runs: a second run only
# tests mutants whose code changed. `rm -rf mutants` starts afresh.
#
# At the end it prints, per module, killed / all and the survivors by name; look at one
# with `mutmut show NAME`. The README's testing section lists the score and the survivors
# judged equivalent (a change no user could notice).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v mutmut >/dev/null; then
    echo "mutation.sh: mutmut is not installed: pip install -e '.[test,mutation]'" >&2
    exit 2
fi

modules=("$@")
patterns=()
for module in "${modules[@]}"; do
    module="${module%.py}"
    if [[ ! -f "src/certadvise/advice/$module.py" ]]; then
        echo "mutation.sh: no module src/certadvise/advice/$module.py" >&2
        exit 2
    fi
    patterns+=("certadvise.advice.$module.*")
done

mutmut run --max-children "${MAX_CHILDREN:-$(nproc)}" "${patterns[@]}" || true

mutmut results --all true | python3 scripts/mutation_score.py "${modules[@]}"
