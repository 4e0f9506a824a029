"""The Dutch spaCy pipeline shipped in ``src/kroniek/models/nl`` (built by scripts/nlp/build_pipeline.sh)."""

from __future__ import annotations

from pathlib import Path

import pytest

MODEL_DIR = Path(__file__).resolve().parents[1] / "src" / "kroniek" / "models" / "nl"
MAX_BYTES = 30 * 1024 * 1024
EXPECTED_PIPES = ["tok2vec", "morphologizer", "trainable_lemmatizer", "ner", "parser"]
SENTENCE = "Bij een bomaanslag in Kaboel vielen gisteren zeker twaalf doden, meldt de Afghaanse regering."

pytestmark = pytest.mark.skipif(
    not (MODEL_DIR / "config.cfg").is_file(), reason="Dutch pipeline not built (run scripts/nlp/build_pipeline.sh)"
)


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load(MODEL_DIR)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(SENTENCE)


def test_model_is_small_enough():
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size <= MAX_BYTES


def test_model_has_expected_components_and_meta(nlp):
    assert nlp.lang == "nl"
    assert nlp.pipe_names == EXPECTED_PIPES
    assert nlp.meta["name"] == "kroniek_nl"
    assert nlp.meta["version"] == "0.1.0"
    assert (MODEL_DIR / "MODEL_CARD.md").is_file()


def test_ner_has_its_own_tok2vec(nlp):
    """NER does not listen to the shared tok2vec (it was trained with a different one)."""
    listening = nlp.get_pipe("tok2vec").listening_components
    assert "ner" not in listening
    assert {"morphologizer", "trainable_lemmatizer", "parser"} <= set(listening)


def test_entities_use_the_conll_labels(nlp, doc):
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC", "MISC"}
    assert doc.ents and all(ent.label_ in {"PER", "ORG", "LOC", "MISC"} for ent in doc.ents)


@pytest.mark.xfail(reason="model 0.1.0 (NER F1 0.74 on ned.testb) tags Kaboel as PER here; see MODEL_CARD.md", strict=False)
def test_kaboel_is_a_location(doc):
    assert ("Kaboel", "LOC") in {(ent.text, ent.label_) for ent in doc.ents}


def test_tags_and_lemmas(doc):
    by_text = {token.text: token for token in doc}
    assert by_text["bomaanslag"].pos_ == "NOUN"
    assert by_text["Kaboel"].pos_ == "PROPN"
    assert by_text["regering"].pos_ == "NOUN"
    assert by_text["de"].pos_ == "DET"
    assert by_text["bomaanslag"].lemma_ == "bomaanslag"
    assert by_text["regering"].morph.get("Number") == ["Sing"]


def test_parse_is_a_tree(doc):
    roots = [token for token in doc if token.dep_ == "ROOT"]
    assert len(roots) == len(list(doc.sents)) >= 1
    by_text = {token.text: token for token in doc}
    assert by_text["de"].head.text == "regering"
    assert by_text["de"].dep_ == "det"


def test_sentences_are_split(nlp):
    doc = nlp("Het leger meldde drie doden. De regering ontkent dat.")
    assert len(list(doc.sents)) == 2
