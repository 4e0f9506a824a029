"""The web page's static files: vendored assets match their manifest, and nothing loads from the network."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from kroniek.web import index_html, static_dir

STATIC = static_dir()
VENDOR = STATIC / "vendor"
REPO = Path(__file__).resolve().parents[2]
OWN_FILES = sorted(p for p in STATIC.rglob("*") if p.is_file() and VENDOR not in p.parents)
OWN_JS = [p for p in OWN_FILES if p.suffix == ".js"]
HTML_SINKS = re.compile(r"\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser")


def manifest() -> dict:
    return json.loads((VENDOR / "MANIFEST.json").read_text(encoding="utf-8"))


def test_static_dir_holds_the_page() -> None:
    assert index_html().is_file()
    assert index_html().parent == STATIC


@pytest.mark.parametrize("name", sorted(manifest()["files"]))
def test_vendored_file_matches_manifest(name: str) -> None:
    entry = manifest()["files"][name]
    path = VENDOR / name
    assert path.is_file(), f"{name} is in MANIFEST.json but missing"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], f"{name} changed: rebuild with scripts/build_web_assets.sh"
    assert entry["package"] and entry["version"] and entry["license"]


def test_every_vendored_file_is_in_the_manifest() -> None:
    listed = set(manifest()["files"])
    on_disk = {p.relative_to(VENDOR).as_posix() for p in VENDOR.rglob("*") if p.is_file()}
    assert on_disk - listed == {"MANIFEST.json", "LICENSES.md"}


def test_manifest_versions_are_the_pinned_ones() -> None:
    pinned = json.loads((REPO / "web" / "package.json").read_text())["devDependencies"]
    for name, entry in manifest()["files"].items():
        assert pinned[entry["package"]] == entry["version"], name


def test_vendored_assets_stay_small() -> None:
    total = sum(p.stat().st_size for p in VENDOR.rglob("*") if p.is_file())
    assert total <= 1_000_000, f"vendor/ is {total} bytes"


def test_licences_are_recorded() -> None:
    text = (VENDOR / "LICENSES.md").read_text(encoding="utf-8")
    for needle in ("Leaflet", "BSD", "markercluster", "MIT", "Natural Earth", "public domain", "world-atlas", "ISC"):
        assert needle in text, needle


def test_index_references_only_local_assets() -> None:
    html = index_html().read_text(encoding="utf-8")
    refs = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert refs, "no assets referenced"
    for ref in refs:
        assert ref.startswith(("/static/", "#", "data:")), ref
        if ref.startswith("/static/"):
            assert (STATIC / ref[len("/static/"):]).is_file(), f"{ref} does not exist"


@pytest.mark.parametrize("path", OWN_FILES, ids=lambda p: p.relative_to(STATIC).as_posix())
def test_own_files_load_nothing_from_the_network(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"https?://", text), f"{path.name} names a network URL"
    assert "//cdn" not in text and "@import" not in text


def test_vendored_css_loads_nothing_from_the_network() -> None:
    for path in VENDOR.rglob("*.css"):
        for url in re.findall(r"url\(([^)]*)\)", path.read_text(encoding="utf-8")):
            assert not re.match(r"['\"]?(https?:)?//", url), f"{path.name}: {url}"


@pytest.mark.parametrize("path", OWN_JS, ids=lambda p: p.name)
def test_javascript_never_writes_html(path: Path) -> None:
    """Article text and every other piece of data go in as text nodes, never as HTML."""
    code = path.read_text(encoding="utf-8")
    assert not HTML_SINKS.search(code), f"{path.name} uses an HTML sink"


def test_article_view_inserts_text_only() -> None:
    code = "".join((STATIC / "js" / name).read_text(encoding="utf-8") for name in ("article.js", "highlight.js", "dom.js"))
    assert "createTextNode" in code
    assert not HTML_SINKS.search(code)
    assert "html:" not in code  # no Leaflet-style html options either


@pytest.mark.parametrize("path", OWN_JS, ids=lambda p: p.name)
def test_module_imports_resolve(path: Path) -> None:
    for target in re.findall(r'from "(\./[^"]+)"', path.read_text(encoding="utf-8")):
        assert (path.parent / target).is_file(), f"{path.name} imports missing {target}"


@pytest.mark.parametrize("path", OWN_FILES, ids=lambda p: p.relative_to(STATIC).as_posix())
def test_files_stay_readable(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 300


def test_basemap_draws_flat() -> None:
    """Country outlines never jump across the map (antimeridian rings are unwrapped at build time)."""
    geojson = json.loads((VENDOR / "basemap" / "countries.geojson").read_text(encoding="utf-8"))
    assert geojson["type"] == "FeatureCollection" and len(geojson["features"]) >= 150
    names = {f["properties"]["name"] for f in geojson["features"]}
    assert {"Netherlands", "Afghanistan", "Russia", "Fiji"} <= names
    for feature in geojson["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for ring in (ring for polygon in polygons for ring in polygon):
            jumps = [(a, b) for a, b in zip(ring, ring[1:]) if abs(a[0] - b[0]) > 180]
            assert all(abs(a[1]) == 90 == abs(b[1]) for a, b in jumps), feature["properties"]["name"]
