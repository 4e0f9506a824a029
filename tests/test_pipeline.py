from datetime import date

from hypothesis import HealthCheck, given, settings, strategies as st

from kroniek.contract import validation_errors
from kroniek.errors import InputError, StageError
from kroniek.ingest import RawDocument
from kroniek.pipeline import Pipeline, content_id
from kroniek.registry import register_stage
from kroniek.settings import load_settings

DUTCH = (
    "Bij een bomaanslag in Kaboel vielen gisteren zeker twaalf doden. Volgens de VN zijn ruim 3.000 "
    "mensen gevlucht. Tientallen strijders zouden zijn opgepakt. In 2016 heroverde het leger de stad."
)
ENGLISH = (
    "At least 12 people were killed in an airstrike on Tuesday, officials said. More than 100,000 "
    "refugees have fled to Turkey since 2014, according to the UN."
)


def test_dutch_and_english_documents_validate(extract):
    for text, lang in ((DUTCH, "nl"), (ENGLISH, "en")):
        doc = extract(text, published="2019-03-14")
        assert doc.lang == lang
        assert validation_errors(doc.to_contract()) == []
        assert doc.sentences and all(doc.text[s.start : s.end] == s.text for s in doc.sentences)


def test_every_span_points_at_its_text(extract):
    contract = extract(DUTCH, published="2019-03-14").to_contract()
    for kind in ("entities", "places", "times", "quantities"):
        for item in contract[kind]:
            assert contract["text"][item["start"] : item["end"]] == item["text"], (kind, item)


def test_id_is_url_else_content_hash(pipeline):
    with_url = pipeline.process(RawDocument(text=ENGLISH, origin="t", url="https://example.org/a"))
    assert with_url.id == "https://example.org/a"
    without = pipeline.process(RawDocument(text=ENGLISH, origin="t"))
    assert without.id == content_id(ENGLISH) == content_id("  " + ENGLISH.upper())


def test_a_failing_stage_is_reported_and_the_batch_goes_on():
    class Fragile:
        name = "test.fragile.v1"

        def __call__(self, doc):
            if "boom" in doc.text:
                raise RuntimeError("kaboom")

    register_stage("test.fragile.v1")(lambda resources: Fragile())
    pipeline = Pipeline(load_settings(stages=["clean.v1", "test.fragile.v1"]))
    items = [RawDocument(text="boom", origin="a.txt"), InputError("empty file", source="b.txt"), RawDocument(text="fine", origin="c.txt")]
    outcomes = list(pipeline.process_all(items))
    assert [o.origin for o in outcomes] == ["a.txt", "b.txt", "c.txt"]
    assert isinstance(outcomes[0].error, StageError) and "kaboom" in str(outcomes[0].error)
    assert outcomes[2].document is not None and outcomes[2].document.text == "fine"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=300), lang=st.sampled_from(["nl", "en"]))
def test_any_text_gives_a_valid_document(pipeline, text, lang):
    doc = pipeline.process(RawDocument(text=text, origin="h", lang=lang, published=date(2020, 1, 1)))
    assert validation_errors(doc.to_contract()) == []


def test_line_breaks_end_sentences(extract):
    doc = extract("Aanslag in Kaboel\n\nBij een aanslag vielen doden. Dat meldt de VN.\nRegel zonder punt", lang="nl")
    assert [s.text for s in doc.sentences] == ["Aanslag in Kaboel", "Bij een aanslag vielen doden.", "Dat meldt de VN.", "Regel zonder punt"]
