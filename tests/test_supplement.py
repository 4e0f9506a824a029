"""The curated gazetteer supplement (src/kroniek/data/supplement.tsv): every row is well-formed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kroniek.places import load_gazetteer

REPO = Path(__file__).resolve().parents[1]
SUPPLEMENT = REPO / "src" / "kroniek" / "data" / "supplement.tsv"
COLUMNS = ["id", "name", "names", "kind", "country_code", "lat", "lon", "precision_hint", "coord_source"]
KINDS = {"country", "admin", "city", "locality", "region", "other"}
SOURCES = re.compile(r"^(geonames-cities1000|geonames-cities15000|approx:editor|centroid:(countries|admin1):[A-Z0-9.,]+)$")


def rows() -> list[dict[str, str]]:
    lines = [line for line in SUPPLEMENT.read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")]
    assert lines[0].split("\t") == COLUMNS
    return [dict(zip(COLUMNS, line.split("\t"))) for line in lines[1:]]


@pytest.fixture(scope="module")
def supplement() -> list[dict[str, str]]:
    return rows()


def test_enough_rows_with_unique_slug_ids(supplement: list[dict[str, str]]) -> None:
    assert len(supplement) >= 300
    ids = [row["id"] for row in supplement]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def test_every_row_is_well_formed(supplement: list[dict[str, str]]) -> None:
    countries = {e.country_code for e in load_gazetteer().entries if e.kind == "country"}
    for row in supplement:
        assert len(row) == len(COLUMNS) and row["name"].strip(), row
        assert row["kind"] in KINDS, row
        assert row["country_code"] == "" or row["country_code"] in countries, row
        assert row["precision_hint"] in ("1", "2", "3"), row
        assert SOURCES.match(row["coord_source"]), row
        assert all(n.strip() == n and n for n in row["names"].split("|") if row["names"]), row
        if row["coord_source"].startswith("centroid:"):
            assert row["lat"] == row["lon"] == "", row
        else:
            assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row
        if row["coord_source"] == "approx:editor":
            assert row["precision_hint"] in ("2", "3"), row


def test_every_row_is_in_the_gazetteer_with_coordinates(supplement: list[dict[str, str]]) -> None:
    gazetteer = load_gazetteer()
    for row in supplement:
        entry = gazetteer.by_supplement_id(row["id"])
        assert entry is not None, row["id"]
        twin = entry.geonames_id is not None  # the curated row names a GeoNames place: it carries both ids
        assert not twin or gazetteer.by_id(entry.geonames_id) is entry, row["id"]
        assert entry.name == row["name"] and entry.lat is not None and -90 <= entry.lat <= 90, row["id"]
        assert entry.lon is not None and -180 <= entry.lon <= 180, row["id"]
        place = entry.place()
        assert place.geonames_id == entry.geonames_id and place.precision == int(row["precision_hint"])


def test_a_curated_row_naming_a_geonames_place_takes_its_id() -> None:
    gazetteer = load_gazetteer()
    zuwara = gazetteer.by_supplement_id("loc-zuwara")
    assert zuwara is not None and zuwara.geonames_id == 2208425
    assert [c.entry for c in gazetteer.lookup("Zuwarah")] == [zuwara]  # one row, not two
    camp = gazetteer.by_supplement_id("camp-bureij")  # a camp is not the town beside it
    assert camp is not None and camp.geonames_id is None
