import pytest

from kroniek.errors import UnknownStageError
from kroniek.registry import create_stage, register_stage, registered_stages
from kroniek.resources import Resources
from kroniek.settings import DEFAULT_STAGES, load_settings


def test_every_default_stage_is_registered_with_its_versioned_name():
    stages = registered_stages()
    resources = Resources(load_settings())
    for name in DEFAULT_STAGES:
        assert name in stages
        assert create_stage(name, resources).name == name


def test_unknown_stage_names_the_known_ones():
    with pytest.raises(UnknownStageError, match="times.rules.v1"):
        create_stage("times.nope.v9", Resources(load_settings()))


def test_names_must_carry_a_version():
    with pytest.raises(ValueError):
        register_stage("times.rules")


def test_a_custom_stage_can_join_the_pipeline():
    from kroniek.ingest import RawDocument
    from kroniek.pipeline import Pipeline

    class Shout:
        name = "test.shout.v1"

        def __call__(self, doc):
            doc.title = doc.text.upper()

    register_stage("test.shout.v1")(lambda resources: Shout())
    settings = load_settings(stages=["clean.v1", "test.shout.v1"])
    doc = Pipeline(settings).process(RawDocument(text="  hallo  ", origin="t"))
    assert doc.title == "HALLO"
