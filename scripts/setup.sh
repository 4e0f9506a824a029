#!/usr/bin/env bash
# One command for a newcomer: create ./.venv, install Kroniek, ingest the bundled sample corpus
# into ./kroniek.db and print the chronicle's summary table. With --serve, then serve the chronicle:
# the map, timeline and sourced articles at http://127.0.0.1:8000/ (Ctrl-C stops it).
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"
make_venv
install_kroniek dev
cd "$ROOT"
"$VENV/bin/kroniek" demo --db "${KRONIEK_DB:-kroniek.db}"
echo
echo "Kroniek is installed in $VENV. Try:  $VENV/bin/kroniek extract src/kroniek/samples/kroniek-nl.jsonl | head -50"
if [ "${1:-}" = "--serve" ]; then
  echo "Serving the chronicle: open http://127.0.0.1:${KRONIEK_PORT:-8000}/ in a browser (Ctrl-C stops it)."
  exec "$VENV/bin/kroniek" serve --db "${KRONIEK_DB:-kroniek.db}" --port "${KRONIEK_PORT:-8000}"
fi
echo "See it in a browser:  $VENV/bin/kroniek serve --db ${KRONIEK_DB:-kroniek.db}   (then open http://127.0.0.1:8000/)"
