"""The evaluation gate: extraction quality on the gold sets must stay above the floors in gold/floors.toml."""

import tomllib
from pathlib import Path

import pytest

from kroniek.evaluation import evaluate
from kroniek.pipeline import Pipeline
from kroniek.settings import load_settings

GOLD = Path(__file__).resolve().parents[1] / "gold"
FLOORS = tomllib.loads((GOLD / "floors.toml").read_text("utf-8"))


@pytest.fixture(scope="module")
def evaluation_pipeline():
    settings = load_settings()
    settings.stages = [s for s in settings.stages if not s.startswith("clean.")]
    return Pipeline(settings)


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_value_f1_stays_above_its_floor(evaluation_pipeline, split):
    report = evaluate(GOLD / split, evaluation_pipeline)
    for key, floor in FLOORS[split].items():
        component, _, accuracy = key.partition(".")
        if accuracy:  # "places.exact", "entities.linked": an accuracy over the gold mentions
            score = report.components[component].accuracies[accuracy]
        else:
            score = report.components[component].value.f1
        assert score is not None and score >= floor, f"{split}/{key}: {score} fell below its floor {floor}"
