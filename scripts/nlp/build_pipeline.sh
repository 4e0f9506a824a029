#!/usr/bin/env bash
# Build Kroniek's Dutch spaCy pipeline end to end, reproducibly (fixed seed 0):
#   convert -> train syntax + NER (in parallel, one thread each) -> assemble -> copy into
#   $KRONIEK_MODEL_TARGET -> evaluate (dev + final test) -> print scores.
#
# Usage: scripts/nlp/build_pipeline.sh [stage ...]
#   stages: convert train assemble evaluate   (default: all, in that order)
# Environment:
#   KRONIEK_SHARED     shared data folder (default: ../shared/data next to the repo)
#   KRONIEK_VENV       virtualenv with spaCy 3.8 (default: ./.venv)
#   TRAIN_TIMEOUT      safety cap in seconds per training run (default 6000; max_steps normally ends it)
#   KRONIEK_MODEL_TARGET where the assembled pipeline goes (default build/nlp/model-nl; set it to
#                      src/kroniek/models/nl to ship it in the package, once it meets its targets)
#   NER_EXTRA          "europeana" to add the Europeana NER corpus to the NER training data
#   SYNTAX_OVERRIDES / NER_OVERRIDES   extra `spacy train` overrides, e.g. "--training.max_steps 500"
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PY="${KRONIEK_VENV:-$ROOT/.venv}/bin/python"
BUILD="$ROOT/build/nlp"
CORPUS="$BUILD/corpus"
TARGET="${KRONIEK_MODEL_TARGET:-$ROOT/build/nlp/model-nl}"
TRAIN_TIMEOUT="${TRAIN_TIMEOUT:-6000}"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0
mkdir -p "$BUILD"

stage_convert() {
  "$PY" scripts/nlp/convert.py --out "$CORPUS"
}

train_one() {  # name config train-path extra-overrides...
  local name="$1" cfg="$2" train="$3"; shift 3
  rm -rf "$BUILD/$name"
  # max_steps/patience in the config end the run; the timeout only guards against a stalled machine
  # (model-best is saved at every improving evaluation, so an interrupted run still leaves a model).
  timeout --signal=INT "$TRAIN_TIMEOUT" "$PY" -m spacy train "$cfg" -o "$BUILD/$name" \
    --paths.train "$train" --paths.dev "$CORPUS/$name-dev.spacy" "$@" >"$BUILD/$name.log" 2>&1 || {
    local rc=$?; echo "training $name ended with exit code $rc (see $BUILD/$name.log)" >&2
    [ -d "$BUILD/$name/model-best" ] || return "$rc"
  }
}

stage_train() {
  local ner_train="$CORPUS/ner-train.spacy"
  if [ "${NER_EXTRA:-}" = "europeana" ]; then
    mkdir -p "$CORPUS/ner-train-plus"
    cp "$CORPUS/ner-train.spacy" "$CORPUS/ner-europeana.spacy" "$CORPUS/ner-train-plus/"
    ner_train="$CORPUS/ner-train-plus"
  fi
  echo "training syntax and NER in parallel; logs: $BUILD/syntax.log $BUILD/ner.log" >&2
  # shellcheck disable=SC2086
  train_one syntax scripts/nlp/syntax.cfg "$CORPUS/syntax-train.spacy" ${SYNTAX_OVERRIDES:-} &
  local syntax_pid=$!
  # shellcheck disable=SC2086
  train_one ner scripts/nlp/ner.cfg "$ner_train" ${NER_OVERRIDES:-} &
  local ner_pid=$!
  wait "$syntax_pid"; wait "$ner_pid"
}

stage_assemble() {
  "$PY" scripts/nlp/assemble.py --syntax "$BUILD/syntax/model-best" --ner "$BUILD/ner/model-best" \
    --out "$BUILD/assembled"
  mkdir -p "$(dirname "$TARGET")"
  rm -rf "$TARGET.tmp" && cp -r "$BUILD/assembled" "$TARGET.tmp"
  if [ -f "$TARGET/MODEL_CARD.md" ]; then cp "$TARGET/MODEL_CARD.md" "$TARGET.tmp/"; fi
  rm -rf "$TARGET" && mv "$TARGET.tmp" "$TARGET"
  du -sh "$TARGET"
}

stage_evaluate() {
  "$PY" scripts/nlp/evaluate.py --model "$TARGET" --corpus "$CORPUS" --out "$BUILD/scores.json"
}

stages=("$@")
[ ${#stages[@]} -eq 0 ] && stages=(convert train assemble evaluate)
for stage in "${stages[@]}"; do
  echo "== $stage" >&2
  "stage_$stage"
done
