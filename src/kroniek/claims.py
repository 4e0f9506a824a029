"""claims stage. (Placeholder.)"""

from __future__ import annotations

from .document import Document
from .registry import register_stage
from .resources import Resources


class ClaimsStage:
    name = "claims.rules.v1"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Document) -> None:
        doc.claims = []


@register_stage("claims.rules.v1")
def make_stage(resources: Resources) -> ClaimsStage:
    return ClaimsStage(resources)
