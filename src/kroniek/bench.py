"""`kroniek bench`: throughput and memory of extraction over the sample corpus (or given inputs)."""

from __future__ import annotations

import resource
import sys
import time
from dataclasses import dataclass, field

from .errors import KroniekError
from .ingest import RawDocument
from .pipeline import Pipeline


@dataclass
class BenchResult:
    articles: int
    words: int
    characters: int
    seconds: float
    peak_rss_mb: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    failures: int = 0
    place_mentions: int = 0
    gazetteer_lookup_us: float = 0.0  # mean time of one gazetteer lookup of a place mention's name

    @property
    def place_stage_us_per_mention(self) -> float:
        """Time of the places stage (finding, looking up, disambiguating) per place mention found."""
        seconds = sum(v for k, v in self.stage_seconds.items() if k.startswith("places."))
        return 1e6 * seconds / self.place_mentions if self.place_mentions else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_benchmark(pipeline: Pipeline, articles: list[RawDocument], repeat: int = 1, warmup: bool = True) -> BenchResult:
    """Extract every article ``repeat`` times; the first article of each language is processed once
    before timing (that loads the models and language data, a one-time cost per process)."""
    if warmup:
        for first in _first_per_language(pipeline, articles):
            pipeline.process(first)
    timings: dict[str, float] = {}
    result = BenchResult(0, 0, 0, 0.0, 0.0)
    started = time.perf_counter()
    surfaces: list[str] = []
    for _ in range(repeat):
        for raw in articles:
            try:
                doc = pipeline.process(raw, timings)
            except KroniekError:
                result.failures += 1
                continue
            result.place_mentions += len(doc.places)
            surfaces += [p.text for p in doc.places]
            result.articles += 1
            result.words += len(raw.text.split())
            result.characters += len(raw.text)
    result.seconds = time.perf_counter() - started
    result.peak_rss_mb = peak_rss_mb()
    result.stage_seconds = timings
    result.gazetteer_lookup_us = gazetteer_lookup_us(surfaces)
    return result


def _first_per_language(pipeline: Pipeline, articles: list[RawDocument]) -> list[RawDocument]:
    """One article per language the pipeline finds among ``articles`` (their first)."""
    seen: dict[str, RawDocument] = {}
    for raw in articles:
        try:
            lang = raw.lang or pipeline.process(raw).lang
        except KroniekError:
            continue
        seen.setdefault(lang, raw)
    return list(seen.values())


def gazetteer_lookup_us(names: list[str], rounds: int = 20) -> float:
    """Mean microseconds of one exact-name gazetteer lookup over ``names`` (the mentions' surfaces)."""
    if not names:
        return 0.0
    from .places import load_gazetteer

    gazetteer = load_gazetteer()
    started = time.perf_counter()
    for _ in range(rounds):
        for name in names:
            gazetteer.lookup(name)
    return 1e6 * (time.perf_counter() - started) / (rounds * len(names))
