from kroniek.nlp import build_spacy_pipeline, sentences_of, special_cases_of
from kroniek.settings import NlpSettings


def tokens(text, code="nl"):
    return [t.text for t in build_spacy_pipeline(code, NlpSettings())(text)]


def test_dutch_apostrophe_words_stay_whole_with_either_apostrophe():
    assert tokens("Zo'n twintig vluchtten 's nachts naar 's-Hertogenbosch.")[:2] == ["Zo'n", "twintig"]
    assert tokens("Zo’n twintig vluchtten ’s nachts naar ’s-Hertogenbosch.") == [
        "Zo’n", "twintig", "vluchtten", "’s", "nachts", "naar", "’s-Hertogenbosch", "."]


def test_hyphenated_compounds_with_an_entity_stay_one_token():
    assert tokens("VN-troepen en IS-strijders bij de NAVO-top")[:3] == ["VN-troepen", "en", "IS-strijders"]


def test_special_cases_come_from_language_data():
    forms = special_cases_of("nl")
    assert {"zo'n", "Zo'n", "zo’n", "Zo’n", "'s-Hertogenbosch"} <= set(forms)
    assert special_cases_of("en") == []


def test_sentences_skip_blank_lines():
    nlp = build_spacy_pipeline("nl", NlpSettings())
    assert [s.text for s in sentences_of(nlp("Kop\n\nEerste zin. Tweede zin.\n"))] == ["Kop", "Eerste zin.", "Tweede zin."]
