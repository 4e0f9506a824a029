#!/usr/bin/env bash
# The whole test suite: the fast stage, then the slow stage (tests marked 'slow').
# Extra arguments go to both pytest runs (e.g. -x, -k times).
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"
make_venv
install_kroniek dev
cd "$ROOT"
export PYTHONHASHSEED=0 HF_HUB_OFFLINE=1
workers=$("$VENV/bin/python" -c 'import os; print(max(1, min(4, os.cpu_count() or 1)))')

echo "== fast tests"
"$VENV/bin/python" -m pytest -q -n "$workers" -p no:cacheprovider "$@"

echo "== slow tests"
set +e
"$VENV/bin/python" -m pytest -q -m slow -p no:cacheprovider "$@"
rc=$?
set -e
# pytest exits 5 when no test is marked slow: that is not a failure
if [ "$rc" -ne 0 ] && [ "$rc" -ne 5 ]; then exit "$rc"; fi
