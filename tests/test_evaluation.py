import json

import pytest

from kroniek.errors import GoldFormatError
from kroniek.evaluation import COMPONENTS, Score, match_items, read_gold, score_component


def t(start, end, value, precision="day"):
    return {"start": start, "end": end, "value": value, "precision": precision}


def test_match_prefers_largest_overlap_one_to_one():
    gold = [t(0, 10, "a"), t(12, 20, "b")]
    predicted = [t(5, 15, "x"), t(0, 9, "a")]
    assert sorted(match_items(gold, predicted, COMPONENTS["times"].span_of)) == [(0, 1), (1, 0)]


def test_score_counts_span_and_value_hits():
    gold = [t(0, 10, "2019-03-12"), t(20, 25, "2019")]
    predicted = [t(0, 10, "2019-03-12"), t(20, 25, "2018", "year"), t(30, 35, "2020")]
    counts = score_component(COMPONENTS["times"], gold, predicted)
    assert (counts.gold, counts.predicted, counts.span_hits, counts.value_hits) == (2, 3, 2, 1)
    assert {e["kind"] for e in counts.errors} == {"wrong_value", "spurious"}


def test_quantity_values_compare_with_tolerance_and_what_head():
    gold = [{"start": 0, "end": 5, "value": 0.3333, "low": None, "high": None, "qualifier": "exact", "what": "de bevolking"}]
    predicted = [{"start": 0, "end": 5, "value": 1 / 3, "low": None, "high": None, "qualifier": "exact", "what": "bevolking"}]
    counts = score_component(COMPONENTS["quantities"], gold, predicted)
    assert counts.value_hits == 1 and counts.accuracy_hits == {"what": 1}


def test_score_of_empty_sets_is_perfect_and_f1_is_harmonic_mean():
    assert Score.of(0, 0, 0).f1 == 1.0
    score = Score.of(1, 2, 4)
    assert score.precision == 0.5 and score.recall == 0.25
    assert score.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_read_gold_reports_file_and_line(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"text": "x"}) + "\n{bad\n", encoding="utf-8")
    with pytest.raises(GoldFormatError) as caught:
        list(read_gold(tmp_path))
    assert str(caught.value).startswith(f"{path}:2:")


def test_read_gold_needs_files(tmp_path):
    with pytest.raises(GoldFormatError):
        list(read_gold(tmp_path))


def test_place_accuracy_exact_and_within_161_km_over_gold():
    from kroniek.evaluation import ComponentReport, distance_km

    gold = [
        {"start": 0, "end": 5, "name": "Kabul", "geonames_id": 1138958, "lat": 34.53, "lon": 69.17, "country_code": "AF"},
        {"start": 10, "end": 15, "name": "Mosul", "geonames_id": 99072, "lat": 36.34, "lon": 43.13, "country_code": "IQ"},
        {"start": 20, "end": 25, "name": "Al-Hol camp", "geonames_id": None, "lat": 36.38, "lon": 41.15, "country_code": "SY"},
    ]
    predicted = [
        {"start": 0, "end": 5, "name": "Kabul", "geonames_id": 1138958, "lat": 34.53, "lon": 69.17, "country_code": "AF"},
        {"start": 10, "end": 15, "name": "Nineveh", "geonames_id": 1, "lat": 36.36, "lon": 43.15, "country_code": "IQ"},
    ]
    report = ComponentReport("places", score_component(COMPONENTS["places"], gold, predicted))
    assert report.accuracies == {"exact": pytest.approx(1 / 3), "161km": pytest.approx(2 / 3)}
    assert distance_km(gold[0], gold[1]) == pytest.approx(2330, rel=0.02)


def test_entity_linking_accuracy_over_gold():
    from kroniek.evaluation import ComponentReport

    gold = [{"start": 0, "end": 2, "label": "ORG", "canonical": "Islamic State"},
            {"start": 5, "end": 12, "label": "ORG", "canonical": "Taliban"}]
    predicted = [{"start": 0, "end": 2, "label": "ORG", "canonical": "islamic state"},
                 {"start": 20, "end": 25, "label": "LOC", "canonical": "Kabul"}]
    report = ComponentReport("entities", score_component(COMPONENTS["entities"], gold, predicted))
    assert report.accuracies == {"linked": 0.5}
