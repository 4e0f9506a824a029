"""Time expressions normalised against the publication date. (Placeholder.)"""

from __future__ import annotations

from .document import Document
from .registry import register_stage
from .resources import Resources


class TimesStage:
    name = "times.rules.v1"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Document) -> None:
        doc.times = []


@register_stage("times.rules.v1", "time expressions: language-data rules + dateparser, anchored on the publication date")
def make_times_stage(resources: Resources) -> TimesStage:
    return TimesStage(resources)
