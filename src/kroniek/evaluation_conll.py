"""Named-entity evaluation on CoNLL-style files (`kroniek eval ner --conll PATH`).

The file has one token per line, the word in the first column and its IOB tag (IOB2, or IOB1 as in
CoNLL-2003) in the last; blank lines end sentences; ``-DOCSTART-`` lines are skipped. The pipeline
tags the gold tokens (no re-tokenisation), and entities are compared as exact spans with their label,
as conlleval does: per-label and overall precision, recall and F1.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GoldFormatError

EntitySpan = tuple[int, int, str]  # token start, token end (exclusive), label


@dataclass(slots=True)
class ConllSentence:
    words: list[str]
    tags: list[str]


def read_conll(path: Path) -> Iterator[ConllSentence]:
    """Every sentence of a CoNLL NER file; errors name the file and line."""
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, start=1):
            columns = line.split()
            if not columns or columns[0] == "-DOCSTART-":
                if words:
                    yield ConllSentence(words, tags)
                words, tags = [], []
                continue
            if len(columns) < 2:
                raise GoldFormatError("expected a word and a tag", source=f"{path}:{number}")
            words.append(columns[0])
            tags.append(columns[-1])
    if words:
        yield ConllSentence(words, tags)


def iob_spans(tags: list[str], label_map: dict[str, str] | None = None) -> set[EntitySpan]:
    """Entity spans from IOB1 or IOB2 tags (an I- after O or after another label starts an entity)."""
    spans: set[EntitySpan] = set()
    start, label = None, None
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        continues = prefix == "I" and name == label
        if start is not None and not continues:
            spans.add((start, index, label))
            start, label = None, None
        if prefix in ("B", "I") and not continues:
            start, label = index, name
    if label_map:
        spans = {(s, e, label_map.get(lab, lab)) for s, e, lab in spans}
    return spans


@dataclass
class LabelCounts:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class NerReport:
    labels: dict[str, LabelCounts] = field(default_factory=dict)
    sentences: int = 0
    tokens: int = 0

    @property
    def overall(self) -> LabelCounts:
        total = LabelCounts()
        for counts in self.labels.values():
            total.true_positives += counts.true_positives
            total.false_positives += counts.false_positives
            total.false_negatives += counts.false_negatives
        return total

    def add(self, gold: set[EntitySpan], predicted: set[EntitySpan]) -> None:
        for span in gold | predicted:
            counts = self.labels.setdefault(span[2], LabelCounts())
            if span in gold and span in predicted:
                counts.true_positives += 1
            elif span in predicted:
                counts.false_positives += 1
            else:
                counts.false_negatives += 1

    def lines(self) -> list[str]:
        """A conlleval-like table; the last line is ``F1 0.xxxx``."""
        rows = [f"{'label':8} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6}"]
        for name, counts in sorted(self.labels.items()) + [("overall", self.overall)]:
            gold = counts.true_positives + counts.false_negatives
            predicted = counts.true_positives + counts.false_positives
            rows.append(f"{name:8} {counts.precision:7.4f} {counts.recall:7.4f} {counts.f1:7.4f} {gold:6d} {predicted:6d}")
        rows.append(f"F1 {self.overall.f1:.4f}")
        return rows


def predicted_spans(doc: Any, label_map: dict[str, str] | None = None) -> set[EntitySpan]:
    return {(ent.start, ent.end, (label_map or {}).get(ent.label_, ent.label_)) for ent in doc.ents}


def evaluate_ner(nlp: Any, sentences: Iterable[ConllSentence], label_map: dict[str, str] | None = None, batch_size: int = 64) -> NerReport:
    """Tag the gold tokens with ``nlp`` (a spaCy pipeline with an ``ner`` component) and score."""
    from spacy.tokens import Doc

    report = NerReport()
    sentences = list(sentences)
    docs = (Doc(nlp.vocab, words=s.words) for s in sentences)
    for sentence, doc in zip(sentences, nlp.pipe(docs, batch_size=batch_size)):
        report.sentences += 1
        report.tokens += len(sentence.words)
        report.add(iob_spans(sentence.tags, label_map), predicted_spans(doc, label_map))
    return report
