"""Slow stage: the real console script over the whole sample corpus, and heavier property tests."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kroniek.contract import validation_errors
from kroniek.ingest import RawDocument
from kroniek.store import Chronicle

pytestmark = pytest.mark.slow
KRONIEK = str(Path(sys.executable).with_name("kroniek"))


def run(*args, cwd):
    return subprocess.run([KRONIEK, *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_demo_ingests_the_samples_once_and_every_document_round_trips(tmp_path):
    first = run("demo", "--db", "k.db", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "27 created" in first.stderr and "documents" in first.stdout and "claims" in first.stdout
    again = run("ingest", "--samples", "--db", "k.db", "-q", cwd=tmp_path)
    assert again.returncode == 0 and "27 unchanged" in again.stderr
    with Chronicle.open(str(tmp_path / "k.db")) as chronicle:
        summaries = chronicle.documents(limit=100, offset=0)
        assert len(summaries) == 27
        for summary in summaries:
            assert validation_errors(chronicle.load(summary.id).to_contract()) == []


def test_bench_prints_figures(tmp_path):
    result = run("bench", "--repeat", "1", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["articles"] == 27 and figures["words_per_second"] > 0 and figures["peak_rss_mb"] > 0


def test_extract_every_sample_article_validates(tmp_path):
    from kroniek.samples import sample_paths

    for path in sample_paths():
        result = run("extract", str(path), "--jsonl", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        for line in result.stdout.splitlines():
            assert validation_errors(json.loads(line)) == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    words=st.lists(
        st.sampled_from(["zeker", "twaalf", "doden", "gisteren", "3.000", "ruim", "Kaboel", "IS", "aanslag", "at", "least",
                         "12", "killed", "last", "Tuesday", "volgens", "de", "VN", ",", ".", "\n", "tussen", "en", "2014", "sinds"]),
        max_size=40,
    ),
    lang=st.sampled_from(["nl", "en"]),
)
def test_news_like_word_salad_gives_valid_documents(pipeline, words, lang):
    doc = pipeline.process(RawDocument(text=" ".join(words) or "x", origin="h", lang=lang, published=date(2020, 2, 29)))
    assert validation_errors(doc.to_contract()) == []
