"""Shared fixtures. Stage tests build their own small documents; these give the full pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from kroniek.ingest import RawDocument
from kroniek.pipeline import Pipeline
from kroniek.settings import load_settings


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(load_settings())


@pytest.fixture(scope="session")
def extract(pipeline: Pipeline):
    """extract(text, lang=None, published=None) -> Document, through the whole default pipeline."""

    def run(text: str, lang: str | None = None, published: date | str | None = None):
        if isinstance(published, str):
            published = date.fromisoformat(published)
        return pipeline.process(RawDocument(text=text, origin="<test>", lang=lang, published=published))

    return run
