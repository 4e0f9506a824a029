"""The command line, end to end (in-process through Typer's runner)."""

import json

import pytest
from typer.testing import CliRunner

from kroniek.cli import app
from kroniek.contract import validation_errors

DUTCH = "Bij een bomaanslag in Kaboel vielen gisteren zeker twaalf doden. Volgens de VN zijn ruim 3.000 mensen gevlucht.\n"


@pytest.fixture()
def runner(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    for key in ("KRONIEK_DB", "KRONIEK_CONFIG", "KRONIEK_STAGES", "KRONIEK_LANG"):
        monkeypatch.delenv(key, raising=False)
    return CliRunner()


def test_extract_stdin_prints_one_valid_document(runner):
    result = runner.invoke(app, ["extract", "-", "--published", "2019-03-14", "--title", "Aanslag"], input=DUTCH)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert validation_errors(document) == []
    assert (document["lang"], document["title"], document["published"]) == ("nl", "Aanslag", "2019-03-14")
    assert {"value": "2019-03-13", "precision": "day"}.items() <= document["times"][0].items()


def test_extract_without_published_leaves_relative_dates_unresolved(runner):
    result = runner.invoke(app, ["extract", "-", "--lang", "nl"], input=DUTCH)
    times = json.loads(result.stdout)["times"]
    assert times and times[0]["value"] is None and times[0]["precision"] == "day"


def test_extract_jsonl_prints_json_lines_and_reports_bad_lines(runner, tmp_path):
    path = tmp_path / "in.jsonl"
    good = json.dumps({"text": "Yesterday at least 12 people were killed in Kabul.", "published": "2020-01-02", "url": "https://x.org/1"})
    path.write_text(good + "\n{broken\n" + good.replace("/1", "/2") + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in lines] == ["https://x.org/1", "https://x.org/2"]
    assert f"{path}:2" in result.stderr and "JSON" in result.stderr


def test_extract_fails_when_nothing_could_be_read(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["extract", str(empty)])
    assert result.exit_code != 0
    assert str(empty) in result.stderr


def test_bad_published_date_is_a_clear_error(runner):
    result = runner.invoke(app, ["extract", "-", "--published", "14-03-2019"], input=DUTCH)
    assert result.exit_code == 2 and "--published" in result.stderr


def test_ingest_is_idempotent_and_survives_bad_files(runner, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(DUTCH, encoding="utf-8")
    (corpus / "b.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (corpus / "c.jsonl").write_text(json.dumps({"text": "Protesters clashed with police in Hong Kong on Sunday.", "url": "https://x.org/hk"}) + "\nnot json\n")
    first = runner.invoke(app, ["ingest", str(corpus), "--db", "k.db", "-q"])
    assert first.exit_code == 0, first.output
    assert "2 created" in first.stderr and "2 failed" in first.stderr
    second = runner.invoke(app, ["ingest", str(corpus), "--db", "k.db", "-q"])
    assert "2 unchanged" in second.stderr and "0 created" in second.stderr
    stats = runner.invoke(app, ["stats", "--db", "k.db"])
    assert stats.exit_code == 0
    assert "documents" in stats.stdout


def test_ingest_exits_non_zero_when_nothing_is_processed(runner, tmp_path):
    (tmp_path / "x.bin").write_bytes(b"\x00\x01\x02" * 10)
    result = runner.invoke(app, ["ingest", str(tmp_path / "x.bin"), "--db", "k.db", "-q"])
    assert result.exit_code != 0 and "x.bin" in result.stderr


def test_eval_prints_scores(runner, tmp_path):
    gold = tmp_path / "gold.jsonl"
    text = "Gisteren vielen twaalf doden."
    document = {
        "text": text, "lang": "nl", "published": "2019-03-14", "annotated": ["times", "quantities"],
        "times": [{"start": 0, "end": 8, "text": "Gisteren", "value": "2019-03-13", "precision": "day"}],
        "quantities": [{"start": 16, "end": 22, "text": "twaalf", "value": 12, "low": None, "high": None, "qualifier": "exact", "what": "doden"}],
    }
    gold.write_text(json.dumps(document) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = {c["component"]: c["value"]["f1"] for c in json.loads(result.stdout)["components"]}
    assert scores == {"quantities": 1.0, "times": 1.0}


def test_stages_lists_the_pipeline(runner):
    result = runner.invoke(app, ["stages"])
    assert "* times.rules.v1" in result.stdout


def test_errors_name_their_code_and_input(runner, tmp_path):
    (tmp_path / "x.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    result = runner.invoke(app, ["extract", str(tmp_path / "x.bin")])
    assert f"[input_error] {tmp_path / 'x.bin'}:" in result.stderr
