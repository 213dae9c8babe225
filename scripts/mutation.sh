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
# selection there (the unit tests of advice/), fastest tests first, stopping at the
# first failure. Results are kept in mutants/ between runs: a second run copies the
# tests afresh and runs only what is pending (mutants not run yet, and the survivors,
# which a new test may kill). `rm -rf mutants` starts afresh (after a change to advice/).
#
# Killing a run can leave a module's file in mutants/ cut short (the score says which):
# remove it and its .py there, and that module is run afresh.
#
# At the end it prints, per module, killed / run and the survivors by name; look at one
# with `mutmut show NAME`. The README's testing section lists the score and the survivors
# judged equivalent (a change no user could notice).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v mutmut >/dev/null; then
    echo "mutation.sh: mutmut is not installed: pip install -e '.[test,mutation]'" >&2
    exit 2
fi

modules=("$@")
for module in "${modules[@]}"; do
    if [[ ! -f "src/certadvise/advice/${module%.py}.py" ]]; then
        echo "mutation.sh: no module src/certadvise/advice/${module%.py}.py" >&2
        exit 2
    fi
done
children="${MAX_CHILDREN:-$(nproc)}"

if [[ ! -d mutants/src ]]; then  # the first run: every mutant of these modules
    patterns=()
    for module in "${modules[@]:-*}"; do
        patterns+=("certadvise.advice.${module%.py}.*")
    done
    mutmut run --max-children "$children" "${patterns[@]}" || true
fi
# The tests as they are now (mutmut copies them once), then only what is pending: the
# mutants not run yet and the survivors, which a new test may kill. Killed ones stand.
cp -r tests/. mutants/tests/
mapfile -t pending < <(python3 scripts/mutation_score.py --pending "${modules[@]}")
if ((${#pending[@]})); then
    mutmut run --max-children "$children" "${pending[@]}" || true
fi

python3 scripts/mutation_score.py "${modules[@]}"
