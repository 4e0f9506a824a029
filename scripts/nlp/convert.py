"""Convert Kroniek's Dutch training data into spaCy DocBin files.

Inputs (read-only) live in the shared data folder: ``$KRONIEK_SHARED`` or ``../shared/data``
relative to the repository root. Outputs go to ``build/nlp/corpus/`` (or ``--out``):

* ``syntax-train.spacy``: LassySmall 2017 train + current LassySmall dev + test + first 70% of Alpino dev
* ``syntax-dev.spacy``:   last 30% of Alpino dev
* ``syntax-test.spacy``:  Alpino test (final report only)
* ``ner-train.spacy`` / ``ner-dev.spacy`` / ``ner-test.spacy``: CoNLL-2002 ned.train / testa / testb
* ``ner-europeana.spacy``: Europeana Newspapers NER (Dutch, KB), optional extra NER training data

Usage: ``python scripts/nlp/convert.py [--out DIR] [--sents-per-doc 10]``
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ALPINO_TRAIN_SHARE = 0.7
# Labels renamed between the 2017 UD release of LassySmall and the current guidelines.
DEP_RENAMES_2017 = {"flat:name": "flat"}


def shared_data_dir() -> Path:
    """The shared data folder: ``$KRONIEK_SHARED`` or ``../shared/data`` next to the repository."""
    env = os.environ.get("KRONIEK_SHARED")
    return Path(env) if env else (ROOT.parent / "shared" / "data").resolve()


@dataclass
class UdToken:
    """One surface token of a CoNLL-U sentence (multi-word tokens already merged)."""

    form: str
    lemma: str
    upos: str
    feats: str
    head: int  # 1-based index into the sentence's surface tokens, 0 = root
    dep: str
    space_after: bool = True


@dataclass
class UdSentence:
    """A CoNLL-U sentence as surface tokens."""

    tokens: list[UdToken] = field(default_factory=list)


@dataclass
class _RawLine:
    """One syntactic word line of CoNLL-U (before multi-word tokens are merged)."""

    idx: int
    cols: list[str]


def read_conllu(path: Path, dep_renames: dict[str, str] | None = None) -> list[UdSentence]:
    """Read a CoNLL-U file; skip empty nodes, merge multi-word tokens into their surface form."""
    sentences = []
    for block in _conllu_blocks(path):
        sentences.append(_block_to_sentence(block, dep_renames or {}))
    return [s for s in sentences if s.tokens]


def _conllu_blocks(path: Path) -> Iterator[list[str]]:
    block: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if block:
                yield block
            block = []
        elif not line.startswith("#"):
            block.append(line)
    if block:
        yield block


def _block_to_sentence(lines: list[str], dep_renames: dict[str, str]) -> UdSentence:
    """Words to surface tokens: a multi-word token keeps the annotation of its syntactic head word."""
    words: list[_RawLine] = []
    ranges: list[tuple[int, int, str, str]] = []
    for line in lines:
        cols = line.split("\t")
        if "." in cols[0]:
            continue  # empty node (enhanced dependencies)
        if "-" in cols[0]:
            start, end = (int(x) for x in cols[0].split("-"))
            ranges.append((start, end, cols[1], cols[9]))
        else:
            words.append(_RawLine(int(cols[0]), cols))
    word_to_surface = _surface_map(words, ranges)
    return UdSentence([_surface_token(group, word_to_surface, dep_renames) for group in _groups(words, ranges)])


def _surface_map(words: list[_RawLine], ranges: list[tuple[int, int, str, str]]) -> dict[int, int]:
    mapping: dict[int, int] = {}
    surface = 0
    covered = {i: r for r in ranges for i in range(r[0], r[1] + 1)}
    for word in words:
        rng = covered.get(word.idx)
        if rng is None or word.idx == rng[0]:
            surface += 1
        mapping[word.idx] = surface
    return mapping


def _groups(words: list[_RawLine], ranges: list[tuple[int, int, str, str]]) -> Iterator[tuple[list[_RawLine], str | None, str | None]]:
    """Yield (words, merged form, merged misc) per surface token."""
    by_start = {r[0]: r for r in ranges}
    i = 0
    while i < len(words):
        rng = by_start.get(words[i].idx)
        if rng is None:
            yield [words[i]], None, None
            i += 1
            continue
        group = [w for w in words[i:] if rng[0] <= w.idx <= rng[1]]
        yield group, rng[2], rng[3]
        i += len(group)


def _surface_token(group: tuple[list[_RawLine], str | None, str | None], mapping: dict[int, int], dep_renames: dict[str, str]) -> UdToken:
    words, form, misc = group
    ids = {w.idx for w in words}
    # the word whose head lies outside the group carries the token's syntax
    main = next((w for w in words if int(w.cols[6]) not in ids), words[0])
    cols = main.cols
    head_word = int(cols[6])
    head = mapping[head_word] if head_word else 0
    dep = dep_renames.get(cols[7], cols[7])
    if form is not None:
        lemma = "".join(w.cols[2] for w in words)  # approximation for merged tokens
        return UdToken(form, lemma, cols[3], cols[5], head, dep, "SpaceAfter=No" not in (misc or ""))
    return UdToken(cols[1], cols[2], cols[3], cols[5], head, dep, "SpaceAfter=No" not in cols[9])


def ud_doc(nlp, sentences: list[UdSentence]):
    """One spaCy Doc (with POS, morph, lemma, heads, deps, sentence starts) from UD sentences."""
    from spacy.tokens import Doc

    words, spaces, pos, morphs, lemmas, heads, deps, starts = [], [], [], [], [], [], [], []
    for sent in sentences:
        offset = len(words)
        for i, tok in enumerate(sent.tokens):
            words.append(tok.form)
            spaces.append(tok.space_after)
            pos.append(tok.upos)
            morphs.append("" if tok.feats == "_" else tok.feats)
            lemmas.append(tok.lemma)
            heads.append(offset + tok.head - 1 if tok.head else offset + i)
            deps.append("ROOT" if tok.head == 0 else tok.dep)
            starts.append(i == 0)
        if spaces:
            spaces[-1] = True
    return Doc(nlp.vocab, words=words, spaces=spaces, pos=pos, morphs=morphs, lemmas=lemmas,
               heads=heads, deps=deps, sent_starts=starts)


def chunks(items: list, size: int) -> Iterator[list]:
    """Consecutive chunks of ``size`` items."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def save_docbin(docs: Iterable, path: Path) -> int:
    """Write docs to a DocBin file; return the number of tokens."""
    from spacy.tokens import DocBin

    docs = list(docs)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    n_tokens = sum(len(d) for d in docs)
    print(f"  {path.name}: {len(docs)} docs, {n_tokens} tokens", file=sys.stderr)
    return n_tokens


def ud_docs(nlp, sentences: list[UdSentence], per_doc: int) -> list:
    return [ud_doc(nlp, group) for group in chunks(sentences, per_doc)]


def convert_syntax(nlp, data: Path, out: Path, per_doc: int) -> None:
    """UD Dutch: LassySmall (2017 train, current dev/test) + Alpino dev (70/30) and Alpino test."""
    train = read_conllu(data / "ud-dutch-lassysmall-2017" / "nl_lassysmall-ud-train.conllu", DEP_RENAMES_2017)
    for part in ("dev", "test"):
        train += read_conllu(data / "ud-dutch-lassysmall" / f"nl_lassysmall-ud-{part}.conllu")
    alpino_dev = read_conllu(data / "ud-dutch-alpino" / "nl_alpino-ud-dev.conllu")
    cut = int(len(alpino_dev) * ALPINO_TRAIN_SHARE)
    train += alpino_dev[:cut]
    save_docbin(ud_docs(nlp, train, per_doc), out / "syntax-train.spacy")
    save_docbin(ud_docs(nlp, alpino_dev[cut:], per_doc), out / "syntax-dev.spacy")
    test = read_conllu(data / "ud-dutch-alpino" / "nl_alpino-ud-test.conllu")
    save_docbin(ud_docs(nlp, test, per_doc), out / "syntax-test.spacy")


@dataclass
class IobSentence:
    """A sentence of an IOB2 file: words and their entity tags."""

    words: list[str]
    tags: list[str]


def read_conll2002(path: Path) -> list[list[IobSentence]]:
    """Articles (split at -DOCSTART-) of sentences from a CoNLL-2002 file (word POS tag)."""
    articles: list[list[IobSentence]] = [[]]
    sent = IobSentence([], [])
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        cols = line.split()
        if cols and cols[0] == "-DOCSTART-":
            articles.append([])
            continue
        if not cols:
            if sent.words:
                articles[-1].append(sent)
            sent = IobSentence([], [])
            continue
        sent.words.append(cols[0])
        sent.tags.append(cols[-1])
    return [a for a in articles if a]


def iob_doc(nlp, sentences: list[IobSentence]):
    """A Doc with entities (and sentence starts) from IOB2-tagged sentences."""
    from spacy.tokens import Doc
    from spacy.training import biluo_tags_to_spans, iob_to_biluo

    words = [w for s in sentences for w in s.words]
    tags = [t for s in sentences for t in _clean_iob(s.tags)]
    starts = [i == 0 for s in sentences for i in range(len(s.words))]
    doc = Doc(nlp.vocab, words=words, sent_starts=starts)
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
    return doc


def _clean_iob(tags: list[str]) -> list[str]:
    """Repair invalid IOB2 (an I- tag not continuing the same type becomes B-)."""
    out = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and (i == 0 or out[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out


def convert_ner(nlp, data: Path, out: Path, per_doc: int) -> None:
    """CoNLL-2002 Dutch: ~``per_doc`` sentences per Doc, never across article boundaries."""
    for name, split in (("ned.train", "train"), ("ned.testa", "dev"), ("ned.testb", "test")):
        articles = read_conll2002(data / "conll2002-nl" / name)
        docs = [iob_doc(nlp, group) for article in articles for group in chunks(article, per_doc)]
        save_docbin(docs, out / f"ner-{split}.spacy")


def read_europeana(path: Path, max_len: int = 60) -> list[IobSentence]:
    """Pseudo-sentences from the Europeana BIO file (no boundaries in it): split after full stops."""
    sentences, sent = [], IobSentence([], [])
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if len(cols) < 2:
            continue
        sent.words.append(cols[0])
        sent.tags.append(cols[-1])
        at_end = cols[0] in {".", "!", "?"} and cols[-1] == "O"
        if at_end or (len(sent.words) >= max_len and cols[-1] == "O"):
            sentences.append(sent)
            sent = IobSentence([], [])
    if sent.words:
        sentences.append(sent)
    return sentences


def convert_europeana(nlp, data: Path, out: Path, per_doc: int) -> None:
    path = data / "europeana-ner-nl" / "enp_NL.kb.bio"
    if path.is_file():
        sentences = read_europeana(path)
        save_docbin((iob_doc(nlp, group) for group in chunks(sentences, per_doc)), out / "ner-europeana.spacy")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "nlp" / "corpus")
    parser.add_argument("--data", type=Path, default=None, help="shared data folder (default: $KRONIEK_SHARED or ../shared/data)")
    parser.add_argument("--sents-per-doc", type=int, default=10)
    args = parser.parse_args(argv)
    import spacy

    data = args.data or shared_data_dir()
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("nl")
    print(f"converting from {data} to {args.out}", file=sys.stderr)
    convert_syntax(nlp, data, args.out, args.sents_per_doc)
    convert_ner(nlp, data, args.out, args.sents_per_doc)
    convert_europeana(nlp, data, args.out, args.sents_per_doc)


if __name__ == "__main__":
    main()
