"""entities stage. (Placeholder.)"""

from __future__ import annotations

from .document import Document
from .registry import register_stage
from .resources import Resources


class EntitiesStage:
    name = "entities.lexicon.v1"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Document) -> None:
        doc.entities = []


@register_stage("entities.lexicon.v1")
def make_stage(resources: Resources) -> EntitiesStage:
    return EntitiesStage(resources)
