#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on loopback for the tests that need one, installing Debian's
# postgresql package first when it is missing (as root, with apt-get). Prints the SQLAlchemy URL
# on stdout; `scripts/pg_test_server.sh stop DIR` stops it. Used by scripts/test.sh.
set -euo pipefail
PORT="${KRONIEK_PG_PORT:-54329}"

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

if [ "${1:-}" = "stop" ]; then
  bin=$(find_bin) && runuser -u postgres -- "$bin/pg_ctl" -D "$2" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$2"; exit 0
fi

if ! bin=$(find_bin); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2
    bin=$(find_bin)
  else
    echo "postgresql is not installed and cannot be installed here" >&2; exit 1
  fi
fi

data=$(mktemp -d /tmp/kroniek-pg.XXXXXX)
chown postgres "$data"
runuser -u postgres -- "$bin/initdb" -D "$data" -U kroniek --auth=trust -E UTF8 >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$data" -w -l "$data/log" \
  -o "-p $PORT -k $data -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U kroniek kroniek_test
echo "postgresql+psycopg://kroniek@127.0.0.1:$PORT/kroniek_test $data"
