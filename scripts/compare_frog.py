"""Run Frog and Kroniek side by side on CoNLL-2002 Dutch NER (``ned.testb``).

Frog (https://languagemachines.github.io/frog/) is the mature Dutch NLP suite and the baseline.
This script installs nothing. When ``frog`` is not on PATH it prints how to install it
(``sudo apt-get install frog frogdata`` on Debian/Ubuntu) and exits 2; ``--skip-frog`` runs Kroniek
alone.

Systems measured, all on the same gold tokens:

* ``frog ner-only``: ``frog -n --skip=tacmp``: one sentence per line, no tokeniser (``t``: the gold
  tokens are kept exactly), no morphology (``a``), chunker (``c``), multi-word units (``m``) or
  dependency parser (``p``); the tagger, lemmatiser and NER run;
* ``frog full``: ``frog -n --skip=t``: everything but the tokeniser. Multi-word units come back joined
  with ``_`` (``J._van_der_Berg`` with NER ``B-PER_I-PER_I-PER_I-PER``) and are split again here;
* ``kroniek``: in a subprocess (so its peak RSS is its own, with ``OMP_NUM_THREADS=1``):
  ``evaluate_ner`` with ``Resources().spacy_pipeline("nl")`` (NER is n/a while that pipeline has no
  ``ner`` component), the speed of ``nlp.pipe`` over the sentence texts, and the speed of the full
  Kroniek extract (``kroniek.pipeline.Pipeline``) over documents of ``--doc-sentences`` sentences.

Frog's PRO (products) and EVE (events) are scored as MISC (``--no-map`` keeps them). Entities are
exact spans with their label, as conlleval counts them (``kroniek.evaluation_conll``). A sentence whose
Frog tokens do not match the gold tokens is skipped and counted.

Speeds: ``words/s`` counts gold tokens. For Frog, ``wall`` includes loading its models (about 15 s)
and ``proc`` uses Frog's own "Frogging in total took" time; for Kroniek, model loading is excluded
(one warm-up call first). Peak RSS is the process's maximum resident set size from ``wait4``.

Data: ``data/conll2002-nl/ned.testb`` under ``../shared`` next to the repository, or ``$KRONIEK_SHARED``
(``--conll PATH`` to use another file).

Run: ``.venv/bin/python scripts/compare_frog.py [--limit N] [--skip-frog] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "src"))  # run from a checkout without installing

from kroniek.evaluation_conll import ConllSentence, NerReport, iob_spans, read_conll

INSTALL_HINT = "sudo apt-get install frog frogdata"
FROG_LABEL_MAP = {"PRO": "MISC", "EVE": "MISC"}
REPORT_LABELS = ["PER", "LOC", "ORG", "MISC"]
FROG_MODES = {"frog ner-only": "--skip=tacmp", "frog full": "--skip=t"}
NER_COLUMN = 6
MWU_JOINER = "_"
FROG_TOTAL = re.compile(r"Frogging in total took:\s*(\d+) seconds?, (\d+) milliseconds? and (\d+) microseconds?")


def shared_dir() -> Path:
    """``$KRONIEK_SHARED``, else ``../shared`` next to the repository root."""
    return Path(os.environ.get("KRONIEK_SHARED") or REPO_ROOT.parent / "shared")


def default_conll() -> Path:
    return shared_dir() / "data" / "conll2002-nl" / "ned.testb"


# ------------------------------------------------------------------ Frog output


@dataclass(slots=True)
class FrogToken:
    """One gold-sized token of Frog's output: its word and its IOB tag (Frog's labels)."""

    word: str
    tag: str


def expand_multiword(word: str, tag: str) -> list[FrogToken]:
    """Split a multi-word unit (``a_b`` with tags ``B-X_I-X``) back into tokens.

    When the parts do not pair up (a word with ``_`` of its own), the token is kept whole.
    """
    words, tags = word.split(MWU_JOINER), tag.split(MWU_JOINER)
    if len(words) > 1 and len(words) == len(tags):
        return [FrogToken(w, t) for w, t in zip(words, tags)]
    return [FrogToken(word, tags[0] if len(tags) > 1 and len(set(tags)) == 1 else tag)]


def parse_frog_line(line: str) -> list[FrogToken]:
    """The tokens of one tab-separated Frog output line (index, word, lemma, morph, POS, conf, NER, ...)."""
    columns = line.rstrip("\n").split("\t")
    if len(columns) <= NER_COLUMN:
        raise ValueError(f"Frog line with {len(columns)} columns, expected at least {NER_COLUMN + 1}: {line!r}")
    return expand_multiword(columns[1], columns[NER_COLUMN].strip() or "O")


def parse_frog_output(text: str) -> list[list[FrogToken]]:
    """Frog's tab-separated output as sentences (blank lines end sentences)."""
    sentences: list[list[FrogToken]] = []
    current: list[FrogToken] = []
    for line in text.splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        current.extend(parse_frog_line(line))
    if current:
        sentences.append(current)
    return sentences


# ------------------------------------------------------------------ alignment and scoring


@dataclass
class FrogScore:
    """Frog's NER report over the sentences that aligned, and how many did not."""

    report: NerReport = field(default_factory=NerReport)
    skipped: int = 0


def tokens_match(gold: ConllSentence, predicted: list[FrogToken]) -> bool:
    return len(gold.words) == len(predicted) and all(g == p.word for g, p in zip(gold.words, predicted))


def score_frog(gold: list[ConllSentence], predicted: list[list[FrogToken]], label_map: dict[str, str] | None) -> FrogScore:
    """Score Frog sentence by sentence; a sentence whose tokens differ (or is missing) is skipped."""
    score = FrogScore()
    for index, sentence in enumerate(gold):
        frog = predicted[index] if index < len(predicted) else None
        if frog is None or not tokens_match(sentence, frog):
            score.skipped += 1
            continue
        score.report.sentences += 1
        score.report.tokens += len(sentence.words)
        score.report.add(iob_spans(sentence.tags, label_map), iob_spans([t.tag for t in frog], label_map))
    return score


# ------------------------------------------------------------------ measuring a subprocess


@dataclass
class Measured:
    """A finished subprocess: exit code, wall seconds, CPU seconds, peak RSS and its output."""

    returncode: int
    wall_seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    stdout: str
    stderr: str


def run_measured(command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Measured:
    """Run ``command`` to the end; its own peak RSS and CPU time come from ``os.wait4``."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(process.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read(), err.read())


# ------------------------------------------------------------------ results


@dataclass
class SystemResult:
    """One system's figures; ``ner`` is None when it has no NER."""

    name: str
    words: int
    words_per_second: float | None = None
    processing_words_per_second: float | None = None
    peak_rss_mb: float | None = None
    cpu_seconds: float | None = None
    wall_seconds: float | None = None
    ner: dict[str, dict[str, float]] | None = None
    skipped_sentences: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    note: str = ""


def report_table(report: NerReport) -> dict[str, dict[str, float]]:
    """Per-label and overall P/R/F1 (and gold/predicted counts), the four CoNLL labels always present."""
    from kroniek.evaluation_conll import LabelCounts

    rows: dict[str, dict[str, float]] = {}
    names = REPORT_LABELS + sorted(set(report.labels) - set(REPORT_LABELS))
    for name in [*names, "overall"]:
        counts = report.overall if name == "overall" else report.labels.get(name, LabelCounts())
        rows[name] = {
            "precision": counts.precision,
            "recall": counts.recall,
            "f1": counts.f1,
            "gold": counts.true_positives + counts.false_negatives,
            "predicted": counts.true_positives + counts.false_positives,
        }
    return rows


def frog_processing_seconds(stderr: str) -> float | None:
    """Frog's own processing time (models loaded), from its "Frogging in total took" line."""
    match = FROG_TOTAL.search(stderr)
    if not match:
        return None
    seconds, millis, micros = (int(group) for group in match.groups())
    return seconds + millis / 1e3 + micros / 1e6


# ------------------------------------------------------------------ Frog side


def write_frog_input(sentences: list[ConllSentence], path: Path) -> None:
    """One sentence per line, tokens separated by single spaces."""
    path.write_text("".join(" ".join(s.words) + "\n" for s in sentences), encoding="utf-8")


def frog_command(frog: str, input_path: Path, output_path: Path, skip: str, threads: int | None) -> list[str]:
    command = [frog, "-t", str(input_path), "-n", skip, "-o", str(output_path)]
    return command + [f"--threads={threads}"] if threads else command


def run_frog(name: str, skip: str, sentences: list[ConllSentence], args: argparse.Namespace, workdir: Path) -> SystemResult:
    """Run Frog once over the sentences (in ``workdir``, where it leaves its debug files) and score it."""
    input_path, output_path = workdir / "input.txt", workdir / f"{skip.strip('-=')}.tsv"
    write_frog_input(sentences, input_path)
    measured = run_measured(frog_command(args.frog, input_path, output_path, skip, args.frog_threads), cwd=workdir)
    words = sum(len(s.words) for s in sentences)
    if measured.returncode != 0:
        tail = measured.stderr.strip().splitlines()[-5:]
        return SystemResult(name, words, note=f"frog exited {measured.returncode}: " + " | ".join(tail))
    score = score_frog(sentences, parse_frog_output(output_path.read_text("utf-8")), label_map(args))
    processing = frog_processing_seconds(measured.stderr)
    return SystemResult(
        name, words, words / measured.wall_seconds, words / processing if processing else None,
        measured.peak_rss_mb, measured.cpu_seconds, measured.wall_seconds, report_table(score.report),
        score.skipped, {"command": " ".join(frog_command("frog", Path("IN"), Path("OUT"), skip, args.frog_threads))},
    )


# ------------------------------------------------------------------ Kroniek side (worker subprocess)


def documents_of(sentences: list[ConllSentence], per_document: int) -> list[str]:
    """The sentences joined (tokens by spaces) into texts of ``per_document`` sentences."""
    texts = [" ".join(s.words) for s in sentences]
    return [" ".join(texts[i : i + per_document]) for i in range(0, len(texts), per_document)]


def kroniek_ner(nlp: Any, sentences: list[ConllSentence], mapping: dict[str, str] | None) -> dict[str, Any]:
    from kroniek.evaluation_conll import evaluate_ner

    if "ner" not in nlp.pipe_names:
        return {"ner": None, "note": f"Kroniek's Dutch pipeline has no ner component (pipes: {nlp.pipe_names})"}
    started = time.perf_counter()
    report = evaluate_ner(nlp, sentences, mapping)
    return {"ner": report_table(report), "ner_seconds": time.perf_counter() - started}


def kroniek_pipe_speed(nlp: Any, sentences: list[ConllSentence]) -> float:
    """Words/s of ``nlp.pipe`` over the sentence texts (tokenising included)."""
    texts = [" ".join(s.words) for s in sentences]
    list(nlp.pipe(texts[:8]))  # warm-up
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return sum(len(s.words) for s in sentences) / (time.perf_counter() - started)


def kroniek_extract_speed(sentences: list[ConllSentence], per_document: int) -> tuple[float, int]:
    """Words/s of the full Kroniek pipeline over documents of ``per_document`` sentences, and errors."""
    from kroniek.ingest import RawDocument
    from kroniek.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.process(RawDocument(text="Dit is een test in Amsterdam.", origin="warm-up", lang="nl"))
    raws = [RawDocument(text=t, origin=f"ned.testb#{i}", lang="nl") for i, t in enumerate(documents_of(sentences, per_document))]
    started = time.perf_counter()
    errors = sum(outcome.error is not None for outcome in pipeline.process_all(raws))
    return sum(len(s.words) for s in sentences) / (time.perf_counter() - started), errors


def kroniek_worker(args: argparse.Namespace) -> int:
    """Measure Kroniek in this process and print one JSON object (run by the parent as a subprocess)."""
    from kroniek.resources import Resources

    sentences = load_sentences(args)
    nlp = Resources().spacy_pipeline("nl")
    result: dict[str, Any] = {"pipes": list(nlp.pipe_names)}
    result.update(kroniek_ner(nlp, sentences, label_map(args)))
    result["pipe_words_per_second"] = kroniek_pipe_speed(nlp, sentences)
    result["extract_words_per_second"], result["extract_errors"] = kroniek_extract_speed(sentences, args.doc_sentences)
    print(json.dumps(result))
    return 0


def run_kroniek(sentences: list[ConllSentence], args: argparse.Namespace) -> SystemResult:
    """Run the worker in a subprocess with ``OMP_NUM_THREADS=1`` and collect its figures."""
    command = [sys.executable, str(Path(__file__).resolve()), "--kroniek-worker", "--conll", str(args.conll),
               "--doc-sentences", str(args.doc_sentences)]
    command += ["--limit", str(args.limit)] if args.limit else []
    command += ["--no-map"] if args.no_map else []
    measured = run_measured(command, env={**os.environ, "OMP_NUM_THREADS": "1"})
    words = sum(len(s.words) for s in sentences)
    if measured.returncode != 0:
        return SystemResult("kroniek", words, note=f"worker exited {measured.returncode}: {measured.stderr.strip()[-500:]}")
    data = json.loads(measured.stdout.strip().splitlines()[-1])
    extract = data.pop("extract_words_per_second")
    return SystemResult(
        "kroniek", words, extract, data.get("pipe_words_per_second"), measured.peak_rss_mb,
        measured.cpu_seconds, measured.wall_seconds, data.pop("ner"), 0, data, data.get("note", ""),
    )


# ------------------------------------------------------------------ output


def format_result(result: SystemResult) -> list[str]:
    lines = [f"== {result.name}  ({result.words} words)"]
    if result.note:
        lines.append(f"   note: {result.note}")
    if result.ner is None:
        lines.append("   NER: n/a")
    else:
        lines.append(f"   {'label':8} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6}")
        for name, row in result.ner.items():
            lines.append(f"   {name:8} {row['precision']:7.4f} {row['recall']:7.4f} {row['f1']:7.4f} {row['gold']:6d} {row['predicted']:6d}")
        if result.skipped_sentences:
            lines.append(f"   sentences skipped (tokens did not align): {result.skipped_sentences}")
    lines.extend(speed_lines(result))
    return lines


def speed_lines(result: SystemResult) -> list[str]:
    def number(value: float | None, digits: int = 0) -> str:
        return "n/a" if value is None else f"{value:.{digits}f}"

    if result.name == "kroniek":
        speeds = f"extract {number(result.words_per_second)} words/s, nlp.pipe {number(result.processing_words_per_second)} words/s"
    else:
        speeds = f"wall {number(result.words_per_second)} words/s, proc {number(result.processing_words_per_second)} words/s"
    cpu_share = result.cpu_seconds / result.wall_seconds if result.cpu_seconds and result.wall_seconds else None
    per_cpu_second = result.words / result.cpu_seconds if result.cpu_seconds else None
    return [
        f"   speed: {speeds}",
        (
            f"   peak RSS {number(result.peak_rss_mb)} MB; process wall {number(result.wall_seconds, 1)} s, "
            f"CPU {number(result.cpu_seconds, 1)} s (avg {number(cpu_share, 2)} cores, "
            f"{number(per_cpu_second)} words/CPU-s, loading included)"
        ),
    ]


def speed_ratio(results: list[SystemResult]) -> float | None:
    """Kroniek full-extract words/s over Frog full words/s (Frog's processing time, models loaded)."""
    by_name = {r.name: r for r in results}
    kroniek, frog = by_name.get("kroniek"), by_name.get("frog full")
    if not kroniek or not frog or not kroniek.words_per_second:
        return None
    frog_speed = frog.processing_words_per_second or frog.words_per_second
    return kroniek.words_per_second / frog_speed if frog_speed else None


# ------------------------------------------------------------------ main


def label_map(args: argparse.Namespace) -> dict[str, str] | None:
    return None if args.no_map else FROG_LABEL_MAP


def load_sentences(args: argparse.Namespace) -> list[ConllSentence]:
    sentences = list(read_conll(args.conll))
    return sentences[: args.limit] if args.limit else sentences


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conll", type=Path, default=None, help="CoNLL file (default: shared ned.testb)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N sentences")
    parser.add_argument("--skip-frog", action="store_true", help="run only Kroniek")
    parser.add_argument("--skip-kroniek", action="store_true", help="run only Frog")
    parser.add_argument("--frog-modes", default="ner-only,full", help="Frog runs, comma-separated: ner-only, full")
    parser.add_argument("--frog", default="frog", help="the frog executable")
    parser.add_argument("--frog-threads", type=int, default=None, help="Frog's --threads (default: Frog's own)")
    parser.add_argument("--doc-sentences", type=int, default=20, help="sentences per document for the extract speed")
    parser.add_argument("--no-map", action="store_true", help="keep Frog's PRO/EVE labels (no mapping to MISC)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument("--kroniek-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.conll = args.conll or default_conll()
    return args


def find_frog(args: argparse.Namespace) -> str | None:
    return shutil.which(args.frog)


def run_all(args: argparse.Namespace, sentences: list[ConllSentence]) -> list[SystemResult]:
    results: list[SystemResult] = []
    if not args.skip_frog:
        modes = [f"frog {m.strip()}" for m in args.frog_modes.split(",") if m.strip()]
        with tempfile.TemporaryDirectory(prefix="compare_frog_") as workdir:
            for name in modes:
                print(f"running {name} ...", file=sys.stderr)
                results.append(run_frog(name, FROG_MODES[name], sentences, args, Path(workdir)))
    if not args.skip_kroniek:
        print("running kroniek ...", file=sys.stderr)
        results.append(run_kroniek(sentences, args))
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.kroniek_worker:
        return kroniek_worker(args)
    if not args.skip_frog:
        found = find_frog(args)
        if found is None:
            print(f"error: '{args.frog}' not found on PATH. Install Frog (nothing is installed for you):\n"
                  f"    {INSTALL_HINT}\nor run Kroniek alone with --skip-frog.", file=sys.stderr)
            return 2
        args.frog = found
    unknown = [m for m in args.frog_modes.split(",") if m.strip() and f"frog {m.strip()}" not in FROG_MODES]
    if unknown:
        print(f"error: unknown --frog-modes {unknown}; use ner-only, full", file=sys.stderr)
        return 1
    if not args.conll.is_file():
        print(f"error: no CoNLL file at {args.conll} (set KRONIEK_SHARED to the shared/ folder or pass --conll)", file=sys.stderr)
        return 1
    sentences = load_sentences(args)
    results = run_all(args, sentences)
    ratio = speed_ratio(results)
    if args.json:
        meta = {"conll": str(args.conll), "sentences": len(sentences), "cores": os.cpu_count()}
        print(json.dumps({**meta, "systems": [asdict(r) for r in results], "kroniek_over_frog_full": ratio}, indent=2))
        return 0
    print(f"{args.conll}: {len(sentences)} sentences, {sum(len(s.words) for s in sentences)} words; {os.cpu_count()} cores")
    for result in results:
        print("\n".join(format_result(result)))
    print(f"Kroniek full extract words/s / Frog full words/s (proc): {'n/a' if ratio is None else f'{ratio:.2f}'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
