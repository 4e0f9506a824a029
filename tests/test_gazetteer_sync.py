"""The shipped gazetteer equals what scripts/build_gazetteer.py makes from ../shared/data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KRONIEK_SHARED") or REPO.parent / "shared")
GAZETTEER = REPO / "src" / "kroniek" / "data" / "gazetteer.tsv"


def test_gazetteer_is_small_and_has_a_header() -> None:
    assert GAZETTEER.stat().st_size < 15_000_000
    with GAZETTEER.open(encoding="utf-8") as handle:
        assert handle.readline().startswith("#") and handle.readline().startswith("geonames_id\t")


def test_gazetteer_holds_small_towns_and_the_supplement() -> None:
    with GAZETTEER.open(encoding="utf-8") as handle:
        handle.readline()
        header = handle.readline().rstrip("\n").split("\t")
        rows = [line.rstrip("\n").split("\t") for line in handle]
    sid = header.index("supplement_id")
    small = [r for r in rows if r[sid].startswith("c1000:")]
    admin2 = [r for r in rows if r[sid].startswith("adm2:")]  # US and English counties from cities1000
    curated = [r for r in rows if r[sid] and not r[sid].startswith(("c1000:", "adm2:"))]
    assert len(small) > 100_000 and len(curated) >= 300 and len(admin2) > 3_000
    assert all(r[header.index("geonames_id")] == "" for r in small + admin2)
    assert all(r[header.index("kind")] == "admin" for r in admin2)
    twins = [r for r in curated if r[header.index("geonames_id")]]  # curated rows that name a GeoNames place
    assert len(twins) < 30
    assert len({r[sid] for r in small + curated + admin2}) == len(small) + len(curated) + len(admin2)


@pytest.mark.skipif(not (SHARED / "data" / "geonames").is_dir(), reason="no ../shared/data/geonames")
def test_gazetteer_matches_its_sources() -> None:
    script = REPO / "scripts" / "build_gazetteer.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
