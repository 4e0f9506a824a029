"""places stage. (Placeholder.)"""

from __future__ import annotations

from .document import Document
from .registry import register_stage
from .resources import Resources


class PlacesStage:
    name = "places.gazetteer.v1"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Document) -> None:
        doc.places = []


@register_stage("places.gazetteer.v1")
def make_stage(resources: Resources) -> PlacesStage:
    return PlacesStage(resources)
