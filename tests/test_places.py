"""The gazetteer and the places stage (places.gazetteer.v1)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kroniek.document import Document
from kroniek.places import Gazetteer, PlacesStage, exact_key, folded_key, load_gazetteer
from kroniek.resources import Resources


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def stage() -> PlacesStage:
    return PlacesStage(Resources())


def places(stage: PlacesStage, text: str, lang: str) -> list[tuple[str, str, str | None]]:
    doc = Document("t", text, lang=lang)
    stage(doc)
    for mention in doc.places:
        assert doc.text[mention.start : mention.end] == mention.text
    return [(m.text, m.place.name, m.place.country_code) for m in doc.places]


@pytest.mark.parametrize(
    ("name", "expected", "country"),
    [
        ("Kaboel", "Kabul", "AF"),
        ("Bagdad", "Baghdad", "IQ"),
        ("Mosoel", "Mosul", "IQ"),
        ("Aleppo", "Aleppo", "SY"),
        ("Den Haag", "The Hague", "NL"),
        ("Kiev", "Kyiv", "UA"),
        ("Kyiv", "Kyiv", "UA"),
        ("Oekraïne", "Ukraine", "UA"),
        ("Verenigde Staten", "United States", "US"),
        ("Syrië", "Syria", "SY"),
        ("syrie", "Syria", "SY"),
        ("Irak", "Iraq", "IQ"),
        ("Moskou", "Moscow", "RU"),
        ("Helmand", "Helmand", "AF"),
    ],
)
def test_lookup(gazetteer: Gazetteer, name: str, expected: str, country: str) -> None:
    entry = gazetteer.best(name)
    assert entry is not None and (entry.name, entry.country_code) == (expected, country)


def test_no_entry_for_nationality_or_person(gazetteer: Gazetteer) -> None:
    for word in ("Iraakse", "Iraaks", "Syrische", "Rutte", "Trump"):
        assert gazetteer.best(word) is None, word


def test_country_row_has_capital_coordinates(gazetteer: Gazetteer) -> None:
    iraq, baghdad = gazetteer.country("IQ"), gazetteer.best("Baghdad")
    assert iraq is not None and baghdad is not None
    assert iraq.kind == "country" and iraq.geonames_id == 99237
    assert (iraq.lat, iraq.lon) == (baghdad.lat, baghdad.lon)
    assert iraq.place().precision == 3 and baghdad.place().precision == 1


def test_homonyms_prefer_document_countries(gazetteer: Gazetteer) -> None:
    assert gazetteer.best("Tripoli").country_code == "LY"  # capital
    assert gazetteer.best("Tripoli", frozenset({"LB"})).country_code == "LB"


def test_keys() -> None:
    assert exact_key("  Den   Haag ") == "den haag"
    assert folded_key("Syrië") == "syrie" and folded_key("Ras al-Ain") == "ras al ain"


def test_lookup_speed(gazetteer: Gazetteer) -> None:
    names = ["Kaboel", "Den Haag", "Oekraïne", "Nowhere Town", "Syrie"] * 2000
    start = time.perf_counter()
    for name in names:
        gazetteer.best(name)
    assert (time.perf_counter() - start) / len(names) < 50e-6


def test_dutch_sentence(stage: PlacesStage) -> None:
    text = (
        "Bij een aanslag in Kaboel zijn twintig mensen gedood. Het Iraakse leger rukte op naar Mosoel, "
        "nabij de Syrische grens. Van de doden kwamen er drie uit Den Haag. Mark Rutte sprak over Oekraïne."
    )
    found = places(stage, text, "nl")
    assert found == [
        ("Kaboel", "Kabul", "AF"),
        ("Mosoel", "Mosul", "IQ"),
        ("Den Haag", "The Hague", "NL"),
        ("Oekraïne", "Ukraine", "UA"),
    ]


def test_english_sentence(stage: PlacesStage) -> None:
    text = (
        "A car bomb in Baghdad killed 12 people, Iraqi officials said. May was warm. "
        "Clashes were reported near Homs and in Tripoli, Lebanon. Syria's army moved on al-Bab."
    )
    doc = Document("t", text, lang="en")
    stage(doc)
    found = [(m.text, m.place.name, m.place.country_code) for m in doc.places]
    assert found == [
        ("Baghdad", "Baghdad", "IQ"),
        ("Homs", "Homs", "SY"),
        ("Tripoli", "Tripoli", "LB"),
        ("Lebanon", "Lebanon", "LB"),
        ("Syria", "Syria", "SY"),
        ("al-Bab", "Al Bāb", "SY"),
    ]
    homs = doc.places[1].place
    assert homs.precision == 2 and doc.places[0].place.precision == 1 and doc.places[3].place.precision == 3


def test_no_places_for_nationalities_stopwords_and_names(stage: PlacesStage) -> None:
    assert places(stage, "De Iraakse en Syrische troepen. Van hen is niets bekend. Na afloop.", "nl") == []
    assert places(stage, "George Washington met Paris Hilton. The New York Times reported it.", "en") == []
    assert places(stage, "Bill Clinton spoke. Later, Clinton left.", "en") == []


def test_region_prefix_and_exonym(stage: PlacesStage) -> None:
    found = places(stage, "Gevechten in Noord-Syrië en de Gazastrook.", "nl")
    assert found == [("Noord-Syrië", "Northern Syria", "SY"), ("Gazastrook", "Gaza Strip", "PS")]
    found = places(stage, "Gevechten in Noord-Libanon.", "nl")
    assert found == [("Noord-Libanon", "Lebanon", "LB")]


def test_supplement_places_have_no_geonames_id(stage: PlacesStage) -> None:
    doc = Document("t", "Women were held in al-Hol camp and in the Sahel; trucks crossed at Bab al-Hawa.", lang="en")
    stage(doc)
    found = {m.text: m.place for m in doc.places}
    assert found["al-Hol"].name == "Al-Hol camp" and found["al-Hol"].geonames_id is None
    assert found["Sahel"].kind == "region" and found["Sahel"].country_code is None and found["Sahel"].precision == 3
    assert found["Bab al-Hawa"].country_code == "SY"
    assert places(stage, "Het Tsjaadmeergebied en de Hoorn van Afrika.", "nl") == [
        ("Tsjaadmeergebied", "Lake Chad Basin", None), ("Hoorn van Afrika", "Horn of Africa", None),
    ]


def test_small_towns_need_context(stage: PlacesStage, gazetteer: Gazetteer) -> None:
    mafa = gazetteer.lookup("Mafa")
    assert any(c.entry.supplement_id == "c1000:ng:mafa" and c.entry.geonames_id is None for c in mafa)
    assert places(stage, "Boko Haram attacked Mafa.", "en") == []
    assert places(stage, "Boko Haram attacked Mafa in Nigeria.", "en") == [("Mafa", "Mafa", "NG"), ("Nigeria", "Nigeria", "NG")]
    found = places(stage, "Boko Haram fighters were seen in Mafa.", "en")  # several towns are called Mafa
    assert [(text, name) for text, name, _ in found] == [("Mafa", "Mafa")]


def test_province_and_part_of_cues(stage: PlacesStage) -> None:
    doc = Document("t", "Luchtaanvallen in de provincie Idlib en in het noorden van Syrië.", lang="nl")
    stage(doc)
    idlib, syria = doc.places
    assert idlib.place.kind == "admin" and idlib.place.geonames_id == 169387
    assert syria.place.name == "Syria" and syria.place.precision == 2
    doc = Document("t", "Clashes in northern Iraq and near Mosul.", lang="en")
    stage(doc)
    assert [(m.text, m.place.name, m.place.precision) for m in doc.places] == [
        ("northern Iraq", "Northern Iraq", 2), ("Mosul", "Mosul", 2),
    ]


def test_actor_names_and_non_place_named_entities_are_skipped(stage: PlacesStage) -> None:
    import spacy

    text = "Hezbollah en Hama. Islamitische Staat in Jordan Peterson."
    analysis = spacy.blank("nl")(text)
    analysis.ents = [analysis.char_span(13, 17, label="ORG"), analysis.char_span(41, 56, label="PER")]
    doc = Document("t", text, lang="nl", analysis=analysis)
    stage(doc)
    assert doc.places == []


def test_odd_input_and_unknown_language(stage: PlacesStage) -> None:
    for text in ("", "   ", "\x00\n", "123 456", "É" * 1000):
        doc = Document("t", text, lang="xx")
        stage(doc)
        assert isinstance(doc.places, list)


def test_spelling_variants_and_transliterations(stage: PlacesStage) -> None:
    found = places(stage, "Gevechten in Asjkelon, Koerachove en Zuid-Kivu.", "nl")
    assert [name for _, name, _ in found][:1] and len(found) == 3
    assert {code for _, _, code in found} == {"IL", "UA", "CD"}
    assert places(stage, "Fighting in Hasakah and South Darfur.", "en")[1][2] == "SD"


def test_a_place_and_the_area_it_lies_in(stage: PlacesStage) -> None:
    assert places(stage, "Trucks wait in Rafah in Egypt.", "en")[0][2] == "EG"
    assert places(stage, "Lawsuits in Texas, Georgia, Michigan and Wisconsin.", "en")[1][2] == "US"
    assert places(stage, "Soldiers left Georgia for Armenia.", "en")[0][2] == "GE"


def test_sites_in_their_frame_and_names_after_titles(stage: PlacesStage) -> None:
    assert places(stage, "Women held in the Roj camp were repatriated.", "nl")[0][1] == "Roj camp"
    assert places(stage, "Wisconsin Governor Tony Evers spoke.", "en")[0][1] == "Wisconsin"
    assert places(stage, "John Bolton left. Bolton said so.", "en") == []
    assert [p[0] for p in places(stage, "the United States-led war", "en")] == ["United States"]
    assert places(stage, "She studied at the University of California.", "en") == []


def test_small_towns_listed_after_a_supported_one(stage: PlacesStage) -> None:
    found = places(stage, "Appliances came from Dolgellau, Barmouth and Bala.", "en")
    assert [(text, code) for text, _, code in found] == [("Dolgellau", "GB"), ("Barmouth", "GB"), ("Bala", "GB")]
    assert places(stage, "Appliances came Dolgellau, Barmouth and Bala.", "en") == []


_SOUP_STAGE = PlacesStage(Resources())


@settings(max_examples=120, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Rafah", "in", "Egypt", ",", "and", "Georgia", "Texas", "U.S.", "States-led", "United", "the",
             "University", "of", "California", "kamp", "Moria", "Zuid-Kivu", "Asjkelon", "John", "Bolton", ".", "-"]
        ),
        max_size=14,
    ),
    st.sampled_from(["en", "nl"]),
)
def test_never_crashes_on_name_soup(words: list[str], lang: str) -> None:
    text = " ".join(words)
    doc = Document("t", text, lang=lang)
    _SOUP_STAGE(doc)
    assert all(doc.text[m.start : m.end] == m.text and m.start < m.end for m in doc.places)


def test_a_capitalised_article_mid_sentence_begins_a_title(stage: PlacesStage) -> None:
    assert places(stage, "Later The Atlantic reported it.", "en") == []
    assert [p[1] for p in places(stage, "They fled to The Hague.", "en")] == ["The Hague"]


def test_an_admin_word_after_a_name_supports_it_and_completes_it(stage: PlacesStage) -> None:
    assert [(p[0], p[2]) for p in places(stage, "Coalition jets struck Saada province.", "en")] == [("Saada", "YE")]
    found = places(stage, "Troops killed six militants in the Tirah Valley of Khyber district.", "en")
    assert ("Khyber", "Khyber District", "PK") in found
    assert places(stage, "Separatists attacked the Southwest Region.", "en") == [("Southwest Region", "South-West", "CM")]


def test_own_name_variants_are_own_names(stage: PlacesStage) -> None:
    assert places(stage, "Turkish-backed fighters seized Afrin after an offensive.", "en") == [("Afrin", "‘Afrīn", "SY")]


def test_a_small_town_needs_more_than_its_country(stage: PlacesStage) -> None:
    text = "In the U.S., his campaign called for CNN to fire Lockhart."
    assert [p[0] for p in places(stage, text, "en")] == ["U.S."]


def test_a_town_listed_with_a_person_is_a_surname(stage: PlacesStage) -> None:
    text = "President Donald Trump spoke. Bolton gave a different account. Trump and Bolton have been at odds."
    assert places(stage, text, "en") == []
    assert ("Bolton", "Bolton", "GB") in places(stage, "Trump and Bolton met. Later they flew to Bolton.", "en")


def test_counties_from_cities1000(stage: PlacesStage) -> None:
    found = places(stage, "A gunman opened fire in San Bernardino County, California.", "en")
    assert ("San Bernardino County", "San Bernardino County", "US") in found
    assert [(p[0], p[2]) for p in places(stage, "Police in Northamptonshire arrested two men.", "en")] == [("Northamptonshire", "GB")]
