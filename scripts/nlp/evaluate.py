"""Evaluate Kroniek's assembled Dutch pipeline: accuracy on dev/test DocBins, speed and peak RSS.

Accuracy uses spaCy's own scorer (as ``spacy evaluate`` does): UPOS / morph / lemma accuracy,
UAS / LAS (punctuation excluded, as spaCy does) on the UD sets; NER precision / recall / F1 with
exact span match (conlleval-style), overall and per label, on CoNLL-2002.

Speed: ``nlp.pipe`` over the Alpino test texts (batch 64, one thread) in a fresh subprocess,
which also reports its peak RSS (model loaded + processing).

Usage: ``python scripts/nlp/evaluate.py --model DIR --corpus DIR [--out scores.json] [--sets ...]``
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

SETS = {
    "syntax-dev": "Alpino dev, last 30%",
    "syntax-test": "Alpino test",
    "ner-dev": "CoNLL-2002 ned.testa",
    "ner-test": "CoNLL-2002 ned.testb",
}
SYNTAX_KEYS = ("pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f")
NER_KEYS = ("ents_p", "ents_r", "ents_f")


def score_set(nlp, path: Path) -> dict:
    """spaCy scores of the pipeline on one DocBin (raw text re-tokenized and aligned, as in training)."""
    from spacy.training import Corpus

    examples = list(Corpus(str(path))(nlp))
    scores = nlp.evaluate(examples)
    keys = NER_KEYS if path.name.startswith("ner") else SYNTAX_KEYS
    out = {k: scores.get(k) for k in keys}
    if path.name.startswith("ner"):
        out["ents_per_type"] = scores.get("ents_per_type")
    out["tokens"] = sum(len(eg.reference) for eg in examples)
    return out


def texts_of(path: Path) -> list[str]:
    """The raw texts of a DocBin's documents."""
    import spacy
    from spacy.tokens import DocBin

    return [doc.text for doc in DocBin().from_disk(path).get_docs(spacy.blank("nl").vocab)]


def measure_speed(model: Path, corpus: Path, repeat: int = 3) -> dict:
    """Words/s of ``nlp.pipe`` over Alpino test (one thread): batch 64 and one text at a time; peak RSS."""
    import spacy

    nlp = spacy.load(model)
    texts = texts_of(corpus / "syntax-test.spacy")
    list(nlp.pipe(texts[:5]))  # warm-up
    words, best = _best_time(nlp, texts, 64, repeat)
    _, best_single = _best_time(nlp, texts, 1, repeat)
    return {"words": words, "seconds": round(best, 3), "words_per_second": round(words / best),
            "words_per_second_batch1": round(words / best_single), "peak_rss_mb": round(peak_rss_mb(), 1)}


def peak_rss_mb() -> float:
    """Peak RSS of this process image in MB: VmHWM (ru_maxrss would include the parent's peak from fork)."""
    import resource

    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _best_time(nlp, texts: list[str], batch_size: int, repeat: int) -> tuple[int, float]:
    import time

    best, words = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
        best = min(best, time.perf_counter() - started)
    return words, best


def speed_in_subprocess(model: Path, corpus: Path) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [sys.executable, __file__, "--model", str(model), "--corpus", str(corpus), "--speed-only"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def markdown(results: dict) -> str:
    """Scores as Markdown tables (for MODEL_CARD.md)."""
    lines = ["| set | tokens | UPOS | morph | lemma | UAS | LAS | sent F |", "|---|---|---|---|---|---|---|---|"]
    for name in ("syntax-dev", "syntax-test"):
        if name in results:
            r = results[name]
            vals = " | ".join(_pct(r[k]) for k in SYNTAX_KEYS)
            lines.append(f"| {SETS[name]} | {r['tokens']} | {vals} |")
    lines += ["", "| set | label | P | R | F1 |", "|---|---|---|---|---|"]
    for name in ("ner-dev", "ner-test"):
        if name in results:
            r = results[name]
            lines.append(f"| {SETS[name]} | **all** | {_pct(r['ents_p'])} | {_pct(r['ents_r'])} | {_pct(r['ents_f'])} |")
            for label, s in sorted((r.get("ents_per_type") or {}).items()):
                lines.append(f"| {SETS[name]} | {label} | {_pct(s['p'])} | {_pct(s['r'])} | {_pct(s['f'])} |")
    if "speed" in results:
        s = results["speed"]
        lines += ["", f"Speed (one thread, best of 3, {s['words']} tokens of Alpino test in ~10-sentence texts): "
                  f"{s['words_per_second']} words/s with batch 64, {s['words_per_second_batch1']} words/s one text at a time; "
                  f"peak RSS {s['peak_rss_mb']} MB"]
    return "\n".join(lines)


def _pct(value) -> str:
    return "-" if value is None else f"{100 * value:.2f}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--sets", nargs="*", default=list(SETS), help=f"any of {list(SETS)}")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--speed-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.speed_only:
        print(json.dumps(measure_speed(args.model, args.corpus)))
        return
    import spacy

    nlp = spacy.load(args.model)
    results: dict = {name: score_set(nlp, args.corpus / f"{name}.spacy") for name in args.sets}
    if not args.no_speed:
        results["speed"] = speed_in_subprocess(args.model, args.corpus)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2))
        args.out.with_suffix(".md").write_text(markdown(results) + "\n")
    print(markdown(results))


if __name__ == "__main__":
    main()
