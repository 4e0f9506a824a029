"""Scoring extraction against gold documents (`kroniek eval GOLD_DIR`).

Gold files are `kroniek.document/1` objects, one per line in ``*.jsonl`` or one per ``*.json`` file,
with an ``annotated`` list naming the components that were annotated (see docs/annotation.md).
Predicted and gold items of one component are matched by overlapping spans (largest overlap first,
each item used once). For each component we report span P/R/F1 and value P/R/F1, where a value hit
must also agree on the component's normalised value.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import GoldFormatError
from .ingest import RawDocument
from .pipeline import Pipeline

Item = dict[str, Any]


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b), rel_tol=1e-3, abs_tol=1e-3)
    return a == b


def _head(what: str | None) -> str | None:
    return what.split()[-1].casefold() if what and what.split() else None


def _time_key(item: Item) -> tuple:
    return (item.get("value"), item.get("precision"))


def _quantity_key(item: Item) -> tuple:
    return (item.get("value"), item.get("low"), item.get("high"), item.get("qualifier"))


def _entity_key(item: Item) -> tuple:
    return (item.get("label"), (item.get("canonical") or "").casefold() or None)


def _place_key(item: Item) -> tuple:
    return (item.get("geonames_id") or item.get("name"), item.get("country_code"))


def _event_key(item: Item) -> tuple:
    return (item.get("type"), item.get("subtype"))


def _claim_key(item: Item) -> tuple:
    return (*_quantity_key(item.get("quantity") or {}), _head(item.get("what")))


def _span(item: Item) -> tuple[int, int]:
    return item["start"], item["end"]


def _trigger_span(item: Item) -> tuple[int, int]:
    return item["trigger"]["start"], item["trigger"]["end"]


def _claim_span(item: Item) -> tuple[int, int]:
    span = item.get("span")
    if span:
        return span["start"], span["end"]
    raise GoldFormatError(f"claim {item.get('id')} has no span")


@dataclass(frozen=True, slots=True)
class Accuracy:
    """An extra measure over matched pairs: hits / matched pairs, or hits / gold items (``of_gold``)."""

    name: str
    agrees: Callable[[Item, Item], bool]
    of_gold: bool = False


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    span_of: Callable[[Item], tuple[int, int]]
    key_of: Callable[[Item], tuple]
    accuracies: tuple[Accuracy, ...] = ()
    scored: Callable[[Item], bool] = lambda item: True  # which predicted items the gold set covers
    agrees: Callable[[Item, Item], bool] | None = None  # value agreement, when keys cannot say it


def _what_agrees(gold: Item, predicted: Item) -> bool:
    return _head(gold.get("what")) == _head(predicted.get("what"))


def _same_canonical(gold: Item, predicted: Item) -> bool:
    """Entity linking: the gold mention got the same canonical name (actor linking accuracy)."""
    return (gold.get("canonical") or "").casefold() == (predicted.get("canonical") or "").casefold() != ""


SAME_SITE_KM = 10.0  # two places without a GeoNames id this close are the same place


def _same_place(gold: Item, predicted: Item) -> bool:
    """Same GeoNames id; for places without one (supplement, cities1000, whose id schemes may differ
    between annotator and gazetteer): same supplement id, same name, or within ``SAME_SITE_KM``."""
    if gold.get("supplement_id") and gold.get("supplement_id") == predicted.get("supplement_id"):
        return True  # (a curated place may carry both ids)
    if gold.get("geonames_id") is not None:
        return gold.get("geonames_id") == predicted.get("geonames_id")
    if predicted.get("geonames_id") is not None and gold.get("supplement_id"):
        return False  # the gold place is known to lie outside GeoNames
    distance = distance_km(gold, predicted)
    return _same_name(gold.get("name"), predicted.get("name")) or (distance is not None and distance <= SAME_SITE_KM)


def _folded_name(name: str | None) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", name or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "‘’`'")
    return plain.casefold().replace("-", " ").split()


def _same_name(gold: str | None, predicted: str | None) -> bool:
    """Names alike without accents and ayn signs, or one the start of the other ("Hanau" / "Hanau am
    Main", "Borno" / "Borno State"): for gold places annotated by name only."""
    g, p = _folded_name(gold), _folded_name(predicted)
    if not g or not p:
        return False
    shorter, longer = sorted((g, p), key=len)
    return longer[: len(shorter)] == shorter


def distance_km(a: Item, b: Item) -> float | None:
    """Great-circle distance between two items with ``lat``/``lon`` (None when either lacks them)."""
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _within_161_km(gold: Item, predicted: Item) -> bool:
    """Mordecai's lenient measure: the right place, or one within 100 miles of it."""
    distance = distance_km(gold, predicted)
    return _same_place(gold, predicted) or (distance is not None and distance <= 161.0)


def _names(items: list[Any] | None) -> set[str]:
    return {str(item).casefold() for item in items or []}


def _same_event_place(gold: Item, predicted: Item) -> bool:
    g, p = gold.get("place"), predicted.get("place")
    return (g is None and p is None) or (g is not None and p is not None and _same_place(g, p))


def _same_time(gold: Item, predicted: Item) -> bool:
    g, p = gold.get("time") or {}, predicted.get("time") or {}
    return _time_key(g) == _time_key(p)


def _same_quantity(key: str) -> Callable[[Item, Item], bool]:
    return lambda gold, predicted: _quantity_key(gold.get(key) or {}) == _quantity_key(predicted.get(key) or {})


EVENT_ARGUMENTS: dict[str, Callable[[Item, Item], bool]] = {
    "actors": lambda g, p: _names(g.get("actors")) == _names(p.get("actors")),
    "targets": lambda g, p: _names(g.get("targets")) == _names(p.get("targets")),
    "place": _same_event_place,
    "time": _same_time,
    "fatalities": _same_quantity("fatalities"),
    "injured": _same_quantity("injured"),
}


def _argument_share(gold: Item, predicted: Item) -> float:
    """Argument accuracy of one matched event: the share of its six argument slots that agree."""
    return sum(agrees(gold, predicted) for agrees in EVENT_ARGUMENTS.values()) / len(EVENT_ARGUMENTS)


def _event_accuracies() -> tuple[Accuracy, ...]:
    slots = tuple(Accuracy(name, agrees) for name, agrees in EVENT_ARGUMENTS.items())
    return (
        Accuracy("type", lambda g, p: _event_key(g) == _event_key(p)),
        Accuracy("arguments", _argument_share), *slots,
        Accuracy("modality", lambda g, p: g.get("modality") == p.get("modality")),
    )


CLAIM_ACCURACIES = (
    Accuracy("quantity", _same_quantity("quantity")),
    Accuracy("qualifier", lambda g, p: (g.get("quantity") or {}).get("qualifier") == (p.get("quantity") or {}).get("qualifier")),
    Accuracy("what", _what_agrees),
    Accuracy("source", lambda g, p: (g.get("source") or "").casefold() == (p.get("source") or "").casefold()),
    Accuracy("hedged", lambda g, p: bool(g.get("hedged")) == bool(p.get("hedged"))),
)


COMPONENTS: dict[str, Component] = {
    "times": Component("times", _span, _time_key),
    "quantities": Component("quantities", _span, _quantity_key, (Accuracy("what", _what_agrees),)),
    # the gold sets annotate actors (ORG/PER) only: places and nationalities are not scored as entities
    "entities": Component(
        "entities", _span, _entity_key, (Accuracy("linked", _same_canonical, True),),
        scored=lambda item: item.get("label") in ("ORG", "PER"),
    ),
    "places": Component(
        "places", _span, _place_key, (Accuracy("exact", _same_place, True), Accuracy("161km", _within_161_km, True)),
        agrees=lambda gold, predicted: _same_place(gold, predicted) and gold.get("country_code") == predicted.get("country_code"),
    ),
    "events": Component("events", _trigger_span, _event_key, _event_accuracies()),
    "claims": Component("claims", _claim_span, _claim_key, CLAIM_ACCURACIES),
}


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    span_hits: int = 0
    value_hits: int = 0
    accuracy_hits: dict[str, float] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.span_hits += other.span_hits
        self.value_hits += other.value_hits
        for name, hits in other.accuracy_hits.items():
            self.accuracy_hits[name] = self.accuracy_hits.get(name, 0) + hits
        self.errors.extend(other.errors)


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, hits: int, predicted: int, gold: int) -> Score:
        p = hits / predicted if predicted else (1.0 if not gold else 0.0)
        r = hits / gold if gold else (1.0 if not predicted else 0.0)
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class ComponentReport:
    component: str
    counts: Counts

    @property
    def span(self) -> Score:
        return Score.of(self.counts.span_hits, self.counts.predicted, self.counts.gold)

    @property
    def value(self) -> Score:
        return Score.of(self.counts.value_hits, self.counts.predicted, self.counts.gold)

    @property
    def accuracies(self) -> dict[str, float | None]:
        """Each extra measure of the component: hits over matched pairs, or over gold items."""
        out: dict[str, float | None] = {}
        for accuracy in COMPONENTS[self.component].accuracies:
            total = self.counts.gold if accuracy.of_gold else self.counts.span_hits
            out[accuracy.name] = self.counts.accuracy_hits.get(accuracy.name, 0) / total if total else None
        return out

    def to_json(self) -> dict[str, Any]:
        out = {
            "component": self.component,
            "gold": self.counts.gold,
            "predicted": self.counts.predicted,
            "span": vars_of(self.span),
            "value": vars_of(self.value),
        }
        for name, value in self.accuracies.items():
            out[f"{name}_accuracy"] = None if value is None else round(value, 4)
        return out


def vars_of(score: Score) -> dict[str, float]:
    return {"precision": round(score.precision, 4), "recall": round(score.recall, 4), "f1": round(score.f1, 4)}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_items(gold: list[Item], predicted: list[Item], span_of: Callable[[Item], tuple[int, int]]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index) of overlapping items, largest overlap first, one-to-one."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = _overlap(span_of(g), span_of(p))
            if overlap:
                candidates.append((overlap, gi, pi))
    used_gold, used_predicted, pairs = set(), set(), []
    for _, gi, pi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            pairs.append((gi, pi))
    return pairs


def _keys_agree(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))


def _values_agree(component: Component, gold: Item, predicted: Item) -> bool:
    if component.agrees is not None:
        return component.agrees(gold, predicted)
    return _keys_agree(component.key_of(gold), component.key_of(predicted))


def score_component(component: Component, gold: list[Item], predicted: list[Item], doc_id: str = "") -> Counts:
    predicted = [item for item in predicted if component.scored(item)]
    counts = Counts(gold=len(gold), predicted=len(predicted))
    pairs = match_items(gold, predicted, component.span_of)
    for gi, pi in pairs:
        counts.span_hits += 1
        if _values_agree(component, gold[gi], predicted[pi]):
            counts.value_hits += 1
        else:
            counts.errors.append({"doc": doc_id, "kind": "wrong_value", "gold": gold[gi], "predicted": predicted[pi]})
        for accuracy in component.accuracies:  # agrees: True/False, or a share (pooled argument slots)
            score = float(accuracy.agrees(gold[gi], predicted[pi]))
            counts.accuracy_hits[accuracy.name] = counts.accuracy_hits.get(accuracy.name, 0) + score
    matched_gold = {gi for gi, _ in pairs}
    matched_predicted = {pi for _, pi in pairs}
    counts.errors += [{"doc": doc_id, "kind": "missed", "gold": g} for i, g in enumerate(gold) if i not in matched_gold]
    counts.errors += [{"doc": doc_id, "kind": "spurious", "predicted": p} for i, p in enumerate(predicted) if i not in matched_predicted]
    return counts


def read_gold(path: Path) -> Iterator[tuple[str, Item]]:
    """(origin, gold document) for every document in a gold file or directory (recursively)."""
    files = sorted(p for p in path.rglob("*") if p.suffix in (".json", ".jsonl")) if path.is_dir() else [path]
    if not files:
        raise GoldFormatError("no .json or .jsonl gold files", source=str(path))
    for file in files:
        yield from _read_gold_file(file)


def _read_gold_file(file: Path) -> Iterator[tuple[str, Item]]:
    if file.suffix == ".json":
        yield str(file), _parse_gold(file.read_text("utf-8"), str(file))
        return
    for number, line in enumerate(file.read_text("utf-8").splitlines(), start=1):
        if line.strip():
            yield f"{file}:{number}", _parse_gold(line, f"{file}:{number}")


def _parse_gold(text: str, origin: str) -> Item:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"not valid JSON ({exc})", source=origin) from exc
    if not isinstance(document, dict) or not isinstance(document.get("text"), str):
        raise GoldFormatError("a gold document must be an object with a 'text' string", source=origin)
    return document


@dataclass
class EvaluationReport:
    documents: int
    components: dict[str, ComponentReport]

    def to_json(self) -> dict[str, Any]:
        return {"documents": self.documents, "components": [c.to_json() for c in self.components.values()]}


def _gold_raw(document: Item, origin: str) -> RawDocument:
    published = document.get("published")
    return RawDocument(
        text=document["text"],
        origin=origin,
        lang=document.get("lang"),
        published=date.fromisoformat(published) if published else None,
        title=document.get("title"),
        url=document.get("url"),
    )


def evaluate(gold_path: Path, pipeline: Pipeline, only: list[str] | None = None) -> EvaluationReport:
    """Run ``pipeline`` over every gold document and score the annotated components."""
    totals: dict[str, Counts] = {}
    documents = 0
    for origin, gold in read_gold(gold_path):
        documents += 1
        predicted = pipeline.process(_gold_raw(gold, origin)).to_contract()
        if predicted["text"] != gold["text"]:
            raise GoldFormatError("the pipeline changed the text; evaluate without the clean stage", source=origin)
        for name in _annotated(gold, origin, only):
            counts = score_component(COMPONENTS[name], gold.get(name, []), predicted.get(name, []), gold.get("id", origin))
            totals.setdefault(name, Counts()).add(counts)
    reports = {name: ComponentReport(name, counts) for name, counts in sorted(totals.items())}
    return EvaluationReport(documents, reports)


def _annotated(gold: Item, origin: str, only: list[str] | None) -> list[str]:
    names = gold.get("annotated", [])
    unknown = [n for n in names if n not in COMPONENTS]
    if unknown:
        raise GoldFormatError(f"unknown annotated component(s): {', '.join(unknown)}", source=origin)
    return [n for n in names if only is None or n in only]
