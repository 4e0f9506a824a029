"""Sentences and tokens (and, with a trained pipeline, tags, parses and named entities) via spaCy.

Which spaCy pipeline is used, in order:
1. ``settings.nlp.pipeline``: any installed pipeline name or a path (bring your own);
2. the pipeline shipped in ``kroniek/models/<lang>`` when there is one;
3. a blank tokenizer for the language with a rule-based sentencizer.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

from .document import Document, Sentence
from .errors import ConfigError
from .registry import register_stage
from .resources import Resources
from .settings import NlpSettings


def bundled_model_path(code: str) -> Path | None:
    path = Path(str(files("kroniek"))) / "models" / code
    return path if (path / "config.cfg").is_file() else None


def build_spacy_pipeline(code: str, settings: NlpSettings) -> Any:
    import spacy

    if settings.pipeline:
        try:
            return spacy.load(settings.pipeline)
        except OSError as exc:
            raise ConfigError(f"cannot load spaCy pipeline {settings.pipeline!r}: {exc}", source="nlp.pipeline") from exc
    bundled = bundled_model_path(code)
    if bundled is not None:
        return spacy.load(bundled)
    nlp = spacy.blank(code)
    _register_components()
    nlp.add_pipe("kroniek_line_breaks")
    nlp.add_pipe("sentencizer")
    return nlp


def _register_components() -> None:
    """spaCy components of Kroniek's own, registered once when a pipeline is first built."""
    from spacy.language import Language

    if "kroniek_line_breaks" not in Language.factories:
        Language.component("kroniek_line_breaks", func=mark_line_breaks)


def mark_line_breaks(doc: Any) -> Any:
    """A line break ends a sentence: headlines, datelines and list items have no full stop."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


def sentences_of(analysis: Any) -> list[Sentence]:
    out = []
    for sent in analysis.sents:
        text = sent.text.rstrip()
        if text.strip():
            out.append(Sentence(sent.start_char, sent.start_char + len(text), text))
    return out


class SpacyStage:
    name = "nlp.spacy.v1"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Document) -> None:
        nlp = self.resources.spacy_pipeline(doc.lang)
        doc.analysis = nlp(doc.text)
        doc.sentences = sentences_of(doc.analysis)


@register_stage("nlp.spacy.v1", "tokens and sentences (and more, with a trained pipeline) from spaCy")
def make_spacy_stage(resources: Resources) -> SpacyStage:
    return SpacyStage(resources)
