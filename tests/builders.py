"""Hand-made documents for stage tests: the items a stage reads, without running earlier stages."""

from __future__ import annotations

import re

from kroniek.document import (
    Document,
    Entity,
    PlaceMention,
    QuantityMention,
    Sentence,
    Span,
    TimeMention,
)

_SENTENCE = re.compile(r"\S.*?(?:[.!?](?=\s+[A-Z\"]|\s*$)|$)")


def span_of(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def make_doc(text: str, lang: str, quantities=(), times=(), places=(), entities=()) -> Document:
    """A document with hand-made mentions: quantities (text, QuantityValue, what), times (text,
    TimeValue), places (text, Place), entities (text, label, canonical[, actor_type]); ORG/PER
    entities are known actors unless an actor_type of None is given. Quantities are looked up
    in order, each after the previous one."""
    doc = Document(id="test", text=text, lang=lang)
    doc.sentences = [Sentence(m.start(), m.end(), m.group()) for m in _SENTENCE.finditer(text)]
    after = 0
    for part, value, what in quantities:
        start, end = span_of(text, part, after)
        what_span = Span(*span_of(text, what, end), what) if what else None
        doc.quantities.append(QuantityMention(start, end, part, quantity=value, what=what, what_span=what_span))
        after = end
    for part, value in times:
        doc.times.append(TimeMention(*span_of(text, part), part, time=value))
    for part, place in places:
        doc.places.append(PlaceMention(*span_of(text, part), part, place=place))
    for number, (part, label, canonical, *kind) in enumerate(entities):
        actor_type = kind[0] if kind else ("rebel_group" if label in ("ORG", "PER") else None)  # a known actor
        doc.entities.append(
            Entity(*span_of(text, part), part, id=f"e{number}", label=label, canonical=canonical, actor_type=actor_type)
        )
    return doc
