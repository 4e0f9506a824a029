// Build-time only: copy Leaflet + Leaflet.markercluster dist files and write an offline
// Natural Earth basemap (GeoJSON) into src/kroniek/web/static/vendor/, with MANIFEST.json
// recording each file's sha256, npm package, version and licence.
//
//   cd web && npm ci && node build.mjs          (or: scripts/build_web_assets.sh)
//   KRONIEK_BASEMAP=50m node build.mjs           (finer coastlines, ~3x larger)
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "..", "src", "kroniek", "web", "static", "vendor");
const resolution = process.env.KRONIEK_BASEMAP || "110m";
const DECIMALS = 2; // ~1 km at the equator: plenty for a country outline

function pkg(name) {
  const meta = JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8"));
  return { package: name, version: meta.version, license: meta.license };
}

/** Files copied verbatim: [npm package, path inside the package, path inside vendor/]. */
const COPIES = [
  ["leaflet", "dist/leaflet.js", "leaflet/leaflet.js"],
  ["leaflet", "dist/leaflet.css", "leaflet/leaflet.css"],
  ["leaflet", "dist/images/layers.png", "leaflet/images/layers.png"],
  ["leaflet", "dist/images/layers-2x.png", "leaflet/images/layers-2x.png"],
  ["leaflet", "dist/images/marker-icon.png", "leaflet/images/marker-icon.png"],
  ["leaflet", "dist/images/marker-icon-2x.png", "leaflet/images/marker-icon-2x.png"],
  ["leaflet", "dist/images/marker-shadow.png", "leaflet/images/marker-shadow.png"],
  ["leaflet.markercluster", "dist/leaflet.markercluster.js", "markercluster/leaflet.markercluster.js"],
  ["leaflet.markercluster", "dist/MarkerCluster.css", "markercluster/MarkerCluster.css"],
  ["leaflet.markercluster", "dist/MarkerCluster.Default.css", "markercluster/MarkerCluster.Default.css"],
];

function round(value) {
  const factor = 10 ** DECIMALS;
  return Math.round(value * factor) / factor;
}

/** Round every coordinate and drop consecutive duplicate points. */
function roundRing(ring) {
  const out = [];
  for (const [lon, lat] of ring) {
    const point = [round(lon), round(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}

/**
 * Make a ring drawable on a flat map: Natural Earth rings that cross the antimeridian (Fiji, Russia)
 * jump from +180 to -180, which a planar renderer draws as a line across the world. Rings with an
 * even number of jumps are unwrapped (longitudes past 180); a ring around the pole (Antarctica, one
 * jump) is closed along the pole instead.
 */
function flatRing(ring) {
  const jumps = ring.slice(1).filter((point, i) => Math.abs(point[0] - ring[i][0]) > 180).length;
  if (!jumps) return ring;
  const out = [ring[0]];
  let shift = 0;
  for (let i = 1; i < ring.length; i++) {
    const [prev, point] = [ring[i - 1], ring[i]];
    const jump = point[0] - prev[0];
    if (Math.abs(jump) > 180 && jumps % 2 === 1) {
      const side = Math.sign(prev[0]) * 180;
      const pole = Math.sign(prev[1]) * 90;
      out.push([side + shift, prev[1]], [side + shift, pole], [-side + shift, pole], [-side + shift, point[1]]);
    } else if (Math.abs(jump) > 180) {
      shift -= Math.sign(jump) * 360;
    }
    out.push([point[0] + shift, point[1]]);
  }
  return out;
}

function cleanRing(ring) {
  return flatRing(roundRing(ring));
}

function roundGeometry(geometry) {
  if (!geometry) return geometry;
  if (geometry.type === "Polygon") {
    return { type: "Polygon", coordinates: geometry.coordinates.map(cleanRing) };
  }
  if (geometry.type === "MultiPolygon") {
    return { type: "MultiPolygon", coordinates: geometry.coordinates.map((p) => p.map(cleanRing)) };
  }
  return geometry;
}

function basemap() {
  const topo = JSON.parse(readFileSync(join(modules, "world-atlas", `countries-${resolution}.json`), "utf8"));
  const collection = feature(topo, topo.objects.countries);
  const features = collection.features.map((f) => ({
    type: "Feature",
    id: f.id,
    properties: { name: f.properties.name },
    geometry: roundGeometry(f.geometry),
  }));
  return JSON.stringify({ type: "FeatureCollection", features });
}

function sha256(path) {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

function record(manifest, target, source) {
  const path = join(vendor, target);
  manifest.files[target] = { sha256: sha256(path), bytes: readFileSync(path).length, ...source };
}

function main() {
  rmSync(join(vendor, "leaflet"), { recursive: true, force: true });
  rmSync(join(vendor, "markercluster"), { recursive: true, force: true });
  const manifest = { generated_by: "web/build.mjs", files: {} };
  for (const [name, from, to] of COPIES) {
    mkdirSync(dirname(join(vendor, to)), { recursive: true });
    copyFileSync(join(modules, name, from), join(vendor, to));
    record(manifest, to, { ...pkg(name), from });
  }
  const target = "basemap/countries.geojson";
  mkdirSync(join(vendor, "basemap"), { recursive: true });
  for (const old of readdirSync(join(vendor, "basemap"))) rmSync(join(vendor, "basemap", old));
  writeFileSync(join(vendor, target), basemap());
  record(manifest, target, {
    ...pkg("world-atlas"),
    from: `countries-${resolution}.json (converted with topojson-client ${pkg("topojson-client").version}, ${DECIMALS} decimals)`,
    data_license: "Public domain (Natural Earth)",
  });
  writeFileSync(join(vendor, "MANIFEST.json"), JSON.stringify(manifest, null, 2) + "\n");
  const total = Object.values(manifest.files).reduce((sum, f) => sum + f.bytes, 0);
  console.log(`wrote ${Object.keys(manifest.files).length} files (${total} bytes) to ${relative(process.cwd(), vendor)}`);
}

main();
