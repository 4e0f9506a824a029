#!/usr/bin/env bash
# Rebuild the vendored web assets (Leaflet, Leaflet.markercluster, the Natural Earth basemap) into
# src/kroniek/web/static/vendor/ with MANIFEST.json. Build time only: needs node, npm and the npm
# registry. The outputs are committed, so serving and testing Kroniek never needs npm or a network.
#   KRONIEK_BASEMAP=50m scripts/build_web_assets.sh   for finer coastlines (~1.5 MB instead of ~170 kB)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/web"
command -v npm >/dev/null || { echo "error: npm is needed to rebuild the web assets" >&2; exit 1; }
npm ci --no-audit --no-fund
node build.mjs
