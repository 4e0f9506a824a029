"""The bundled sample corpus: files present, well-formed, bilingual, and the English file up to date."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from kroniek.samples import sample_paths

REPO_ROOT = Path(__file__).resolve().parent.parent
BUILD_SCRIPT = REPO_ROOT / "scripts" / "build_samples.py"
REQUIRED_KEYS = {"text", "title", "published", "url", "source", "lang", "licence", "attribution"}


def _articles() -> list[dict]:
    rows = []
    for path in sample_paths():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            assert line.strip(), f"{path.name}:{number} is empty"
            rows.append(json.loads(line))
    return rows


def _shared_data() -> Path:
    shared = os.environ.get("KRONIEK_SHARED")
    root = Path(shared) if shared else REPO_ROOT.parent / "shared"
    return root / "data" / "wikinews-en"


def test_sample_files_exist() -> None:
    names = {path.name for path in sample_paths()}
    assert {"wikinews-en.jsonl", "kroniek-nl.jsonl"} <= names
    assert all(path.is_file() for path in sample_paths())


def test_every_article_has_required_keys() -> None:
    for article in _articles():
        assert REQUIRED_KEYS <= article.keys(), article.get("title")
        assert isinstance(article["text"], str) and len(article["text"].split()) >= 100
        assert article["title"].strip() == article["title"] != ""
        date.fromisoformat(article["published"])


def test_corpus_size_and_languages() -> None:
    counts = Counter(article["lang"] for article in _articles())
    assert sum(counts.values()) >= 24
    assert set(counts) == {"en", "nl"}
    assert min(counts.values()) >= 12


def test_english_articles_are_attributed_wikinews() -> None:
    english = [a for a in _articles() if a["lang"] == "en"]
    urls = [a["url"] for a in english]
    assert len(set(urls)) == len(urls)
    for article in english:
        assert article["source"] == "Wikinews" and article["licence"] == "CC BY 2.5"
        assert article["url"].startswith("https://en.wikinews.org/wiki/")
        assert "Wikinews contributors" in article["attribution"] and article["url"] in article["attribution"]


def test_dutch_articles_are_marked_as_written_for_kroniek() -> None:
    dutch = [a for a in _articles() if a["lang"] == "nl"]
    for article in dutch:
        assert article["source"] == "Kroniek (voorbeeldartikel)" and article["licence"] == "CC0"
        assert article["written_for_kroniek"] is True and article["url"] is None
        assert 2019 <= date.fromisoformat(article["published"]).year <= 2024
        assert 150 <= len(article["text"].split()) <= 400


def test_dateline_is_not_left_at_the_top() -> None:
    for article in _articles():
        first_line = article["text"].splitlines()[0]
        assert not first_line.rstrip("\u00a0 ").endswith(article["published"][:4]), first_line


@pytest.mark.skipif(not _shared_data().is_dir(), reason="shared Wikinews data not available")
def test_build_script_check_mode_passes() -> None:
    result = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--check"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not _shared_data().is_dir(), reason="shared Wikinews data not available")
def test_build_script_check_mode_detects_a_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "wikinews-en.jsonl"
    stale.write_text("{}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--check", "--output", str(stale)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
