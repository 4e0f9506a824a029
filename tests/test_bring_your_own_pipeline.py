"""A user's own spaCy pipeline, selected by path in the settings, feeds the entities stage."""

import pytest

from kroniek.ingest import RawDocument
from kroniek.pipeline import Pipeline
from kroniek.settings import load_settings


@pytest.fixture(scope="module")
def own_pipeline(tmp_path_factory):
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PER", "pattern": [{"TEXT": "Jordan"}, {"TEXT": "Peterson"}]},
        {"label": "ORG", "pattern": "Stichting Vrede"},
        {"label": "LOC", "pattern": "Kaboel"},
    ])
    path = tmp_path_factory.mktemp("own") / "nl_own"
    nlp.to_disk(path)
    return path


def test_settings_select_a_pipeline_by_path_and_its_entities_are_used(own_pipeline):
    settings = load_settings(lang="nl", nlp={"pipeline": str(own_pipeline)})
    doc = Pipeline(settings).process(RawDocument(
        text="Jordan Peterson sprak in Kaboel met de Stichting Vrede. Daarna sprak Jordan.", origin="t"))
    entities = {(e.text, e.label, e.canonical) for e in doc.entities}
    assert ("Jordan Peterson", "PER", "Jordan Peterson") in entities
    assert ("Stichting Vrede", "ORG", "Stichting Vrede") in entities
    assert ("Kaboel", "LOC", "Kabul") in entities  # the gazetteer's canonical name wins
    assert [s.text for s in doc.sentences][0].startswith("Jordan Peterson")


def test_a_missing_pipeline_is_a_config_error(tmp_path):
    from kroniek.errors import ConfigError

    settings = load_settings(lang="nl", nlp={"pipeline": str(tmp_path / "nope")})
    with pytest.raises(ConfigError, match="cannot load spaCy pipeline"):
        Pipeline(settings).process(RawDocument(text="Tekst.", origin="t"))
