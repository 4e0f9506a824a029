# Shared by setup.sh and test.sh: make ./.venv with Kroniek installed (editable) and its dev tools.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${KRONIEK_VENV:-$ROOT/.venv}"
PY="${PYTHON:-python3}"

make_venv() {
  if [ -x "$VENV/bin/python" ]; then return; fi
  if ! "$PY" -m venv "$VENV" 2>/dev/null; then
    # Debian ships venv separately; install it when we may, else say what is missing.
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
      rm -rf "$VENV"; "$PY" -m venv "$VENV"
    else
      echo "error: '$PY -m venv' failed; install python3-venv (Debian) and run again" >&2; exit 1
    fi
  fi
}

install_kroniek() {
  local extras="$1"
  local stamp="$VENV/.kroniek-installed-$extras"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$ROOT/pyproject.toml" ]; then return; fi
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip 2>/dev/null || true
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$ROOT[$extras]"
  touch "$stamp"
}
