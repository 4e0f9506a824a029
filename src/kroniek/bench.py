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
    """Extract every article ``repeat`` times; the first article is processed once before timing."""
    if warmup and articles:
        pipeline.process(articles[0])  # loads models and language data
    timings: dict[str, float] = {}
    result = BenchResult(0, 0, 0, 0.0, 0.0)
    started = time.perf_counter()
    for _ in range(repeat):
        for raw in articles:
            try:
                pipeline.process(raw, timings)
            except KroniekError:
                result.failures += 1
                continue
            result.articles += 1
            result.words += len(raw.text.split())
            result.characters += len(raw.text)
    result.seconds = time.perf_counter() - started
    result.peak_rss_mb = peak_rss_mb()
    result.stage_seconds = timings
    return result
