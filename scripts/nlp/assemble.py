"""Assemble Kroniek's Dutch pipeline from the trained syntax and NER pipelines.

tok2vec + morphologizer + trainable_lemmatizer + parser come from the syntax pipeline; ner comes
from the NER pipeline with its listener replaced by a private copy of its tok2vec, so the NER
component carries its own embedding layer; it runs before the parser (see ``assemble``).
The result loads with ``spacy.load(path)`` and needs nothing beyond spaCy.

Usage: ``python scripts/nlp/assemble.py --syntax DIR --ner DIR --out DIR``
"""

from __future__ import annotations

import argparse
from pathlib import Path

META = {
    "name": "kroniek_nl",
    "version": "0.1.0",
    "description": (
        "Kroniek's Dutch pipeline (CPU, no vectors): tok2vec, morphologizer (UPOS + morphology), "
        "edit-tree lemmatizer, dependency parser (UD Dutch LassySmall + Alpino) and NER "
        "(PER/ORG/LOC/MISC, CoNLL-2002 Dutch). See MODEL_CARD.md."
    ),
    "license": (
        "Mixed, see MODEL_CARD.md: NER weights derive from CoNLL-2002 Dutch (research use only); "
        "syntax weights derive from UD Dutch LassySmall and Alpino (CC BY-SA 4.0)."
    ),
    "author": "Kroniek",
    "url": "",
    "email": "",
    "sources": [
        {"name": "UD_Dutch-LassySmall (2017 train; current dev+test)", "license": "CC BY-SA 4.0"},
        {"name": "UD_Dutch-Alpino (dev, 70%)", "license": "CC BY-SA 4.0"},
        {"name": "CoNLL-2002 Dutch NER (ned.train)", "license": "research use only (CoNLL-2002 shared task terms)"},
    ],
}


def assemble(syntax_dir: Path, ner_dir: Path):
    """One pipeline: the syntax pipeline plus the NER component with its own tok2vec."""
    import spacy

    nlp = spacy.load(syntax_dir)
    ner_nlp = spacy.load(ner_dir)
    ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    # ner runs before the parser: the parser's (imperfect) sentence boundaries would otherwise
    # stop entities at them (about -1.3 F1 on ned.testa); ner has its own tok2vec, so order is free.
    nlp.add_pipe("ner", source=ner_nlp, name="ner", before="parser")
    nlp.meta.update(META)
    nlp.meta["labels"] = {name: list(pipe.labels) for name, pipe in nlp.pipeline if hasattr(pipe, "labels")}
    nlp.meta.pop("performance", None)
    return nlp


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--syntax", type=Path, required=True)
    parser.add_argument("--ner", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    nlp = assemble(args.syntax, args.ner)
    nlp.to_disk(args.out)
    print(f"assembled {nlp.pipe_names} -> {args.out}")


if __name__ == "__main__":
    main()
