"""The pipeline: the stages named in the settings, run in order over one document at a time."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .document import Document
from .errors import KroniekError, StageError
from .ingest import RawDocument
from .registry import Stage, create_stage
from .resources import Resources
from .settings import Settings


def content_id(text: str) -> str:
    """Stable id of an article without a URL: a hash of its whitespace-normalised text."""
    normalised = " ".join(text.split()).casefold()
    return "sha256:" + hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:32]


def new_document(raw: RawDocument) -> Document:
    return Document(
        id=raw.url or content_id(raw.text),
        text=raw.text,
        lang=raw.lang or "und",
        title=raw.title,
        published=raw.published,
        source=raw.source,
        url=raw.url,
    )


@dataclass(slots=True)
class Outcome:
    """What became of one input: a document, or the error that stopped it."""

    origin: str
    document: Document | None = None
    error: KroniekError | None = None


class Pipeline:
    def __init__(self, settings: Settings | None = None, resources: Resources | None = None) -> None:
        self.resources = resources or Resources(settings)
        self.settings = self.resources.settings
        self.stages: list[Stage] = [create_stage(name, self.resources) for name in self.settings.stages]

    @property
    def stage_names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def run(self, doc: Document, timings: dict[str, float] | None = None) -> Document:
        """Run every stage over ``doc``; add each stage's seconds to ``timings`` when given."""
        for stage in self.stages:
            started = time.perf_counter()
            try:
                stage(doc)
            except KroniekError as exc:
                exc.source = exc.source or doc.id
                raise
            except Exception as exc:  # a bug in one stage must not end a batch
                raise StageError(f"stage {stage.name} failed: {type(exc).__name__}: {exc}", source=doc.id) from exc
            if timings is not None:
                timings[stage.name] = timings.get(stage.name, 0.0) + time.perf_counter() - started
        doc.analysis = None
        return doc

    def process(self, raw: RawDocument, timings: dict[str, float] | None = None) -> Document:
        return self.run(new_document(raw), timings)

    def process_all(self, items: Iterable[RawDocument | KroniekError]) -> Iterator[Outcome]:
        """Each input's outcome, in order; a failing input yields its error and the batch goes on."""
        for item in items:
            if isinstance(item, KroniekError):
                yield Outcome(item.source or "?", error=item)
                continue
            try:
                yield Outcome(item.origin, document=self.process(item))
            except KroniekError as exc:
                exc.source = item.origin
                yield Outcome(item.origin, error=exc)
