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
    assert GAZETTEER.stat().st_size < 10_000_000
    with GAZETTEER.open(encoding="utf-8") as handle:
        assert handle.readline().startswith("#") and handle.readline().startswith("geonames_id\t")


@pytest.mark.skipif(not (SHARED / "data" / "geonames").is_dir(), reason="no ../shared/data/geonames")
def test_gazetteer_matches_its_sources() -> None:
    script = REPO / "scripts" / "build_gazetteer.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
