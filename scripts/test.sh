#!/usr/bin/env bash
# The whole test suite: the fast stage, then the slow stage (tests marked 'slow').
# Extra arguments go to both pytest runs (e.g. -x, -k times).
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"
make_venv
install_kroniek dev
cd "$ROOT"
export PYTHONHASHSEED=0 HF_HUB_OFFLINE=1
workers=$("$VENV/bin/python" -c 'import os; print(max(1, min(4, os.cpu_count() or 1)))')

# A real PostgreSQL server for the store tests that need one (skipped with KRONIEK_NO_POSTGRES=1).
if [ -z "${KRONIEK_TEST_POSTGRES_URL:-}" ] && [ "${KRONIEK_NO_POSTGRES:-0}" != 1 ]; then
  if pg=$(bash "$ROOT/scripts/pg_test_server.sh"); then
    export KRONIEK_TEST_POSTGRES_URL="${pg%% *}"
    trap 'bash "$ROOT/scripts/pg_test_server.sh" stop "${pg##* }"' EXIT
  else
    echo "warning: no PostgreSQL server; the PostgreSQL store tests will be skipped" >&2
  fi
fi

# Debian's Chromium for the browser tests (tests/web/test_browser.py; skipped without it, or with KRONIEK_NO_BROWSER=1).
if [ ! -x /usr/bin/chromium ] && [ "${KRONIEK_NO_BROWSER:-0}" != 1 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) >&2 \
      || echo "warning: could not install chromium; the browser tests will be skipped" >&2
  else
    echo "warning: /usr/bin/chromium missing; the browser tests will be skipped" >&2
  fi
fi

echo "== fast tests"
"$VENV/bin/python" -m pytest -q -n "$workers" -p no:cacheprovider "$@"

echo "== slow tests"
set +e
"$VENV/bin/python" -m pytest -q -m slow -p no:cacheprovider "$@"
rc=$?
set -e
# pytest exits 5 when no test is marked slow: that is not a failure
if [ "$rc" -ne 0 ] && [ "$rc" -ne 5 ]; then exit "$rc"; fi
