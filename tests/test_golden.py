"""Golden extraction files: the whole pipeline's output for a few articles, reviewed by hand.

After an intended change, run `.venv/bin/python scripts/update_golden.py` and review the diff.
"""

import importlib.util
import json
from pathlib import Path

import pytest

from kroniek.contract import validation_errors

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
CASES = sorted(GOLDEN.glob("*.input.json"))


def _updater():
    spec = importlib.util.spec_from_file_location("update_golden", ROOT / "scripts" / "update_golden.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("case", CASES, ids=[c.name.split(".")[0] for c in CASES])
def test_extraction_matches_its_golden_file(pipeline, case):
    expected = json.loads(case.with_name(case.name.replace(".input.json", ".expected.json")).read_text("utf-8"))
    actual = json.loads(json.dumps(_updater().extract(pipeline, json.loads(case.read_text("utf-8")))))
    assert validation_errors(actual) == []
    for key in expected:
        assert actual[key] == expected[key], f"{case.name}: '{key}' differs; if intended, run scripts/update_golden.py"
