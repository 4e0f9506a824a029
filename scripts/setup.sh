#!/usr/bin/env bash
# One command for a newcomer: create ./.venv, install Kroniek, ingest the bundled sample corpus
# into ./kroniek.db and print the chronicle's summary table.
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"
make_venv
install_kroniek dev
cd "$ROOT"
"$VENV/bin/kroniek" demo --db "${KRONIEK_DB:-kroniek.db}"
echo
echo "Kroniek is installed in $VENV. Try:  $VENV/bin/kroniek extract src/kroniek/samples/kroniek-nl.jsonl | head -50"
