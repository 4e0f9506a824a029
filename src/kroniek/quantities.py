"""Quantities with their qualifiers. (Placeholder.)"""

from __future__ import annotations

from .document import Document
from .registry import register_stage
from .resources import Resources


class QuantitiesStage:
    name = "quantities.rules.v1"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Document) -> None:
        doc.quantities = []


@register_stage("quantities.rules.v1", "numbers, number words and vague counts with qualifiers and the counted noun")
def make_quantities_stage(resources: Resources) -> QuantitiesStage:
    return QuantitiesStage(resources)
