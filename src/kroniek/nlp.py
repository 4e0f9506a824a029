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
    """The spaCy pipeline for ``code``, with Kroniek's tokenizer additions and line-break sentences."""
    nlp = _load_spacy_pipeline(code, settings)
    add_special_cases(nlp, special_cases_of(code))
    _register_components()
    if "kroniek_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("kroniek_line_breaks", first=True)
    if not _sets_sentences(nlp):
        nlp.add_pipe("sentencizer")
    return nlp


def _load_spacy_pipeline(code: str, settings: NlpSettings) -> Any:
    import spacy

    if settings.pipeline:
        try:
            return spacy.load(settings.pipeline)
        except OSError as exc:
            raise ConfigError(f"cannot load spaCy pipeline {settings.pipeline!r}: {exc}", source="nlp.pipeline") from exc
    bundled = bundled_model_path(code)
    return spacy.load(bundled) if bundled is not None else spacy.blank(code)


def _sets_sentences(nlp: Any) -> bool:
    return any(name in nlp.pipe_names for name in ("parser", "senter", "sentencizer"))


def special_cases_of(code: str) -> list[str]:
    """The language's special cases, each also with ’ for ' and with a capital first letter."""
    from .lang import load_language_data

    forms: list[str] = []
    for case in load_language_data(code).section("tokenizer").get("special_cases", []):
        for form in (case, case.replace("'", "’")):
            forms += [form, form[:1].upper() + form[1:]] if form[:1].isalpha() else [form]
    return list(dict.fromkeys(forms))


def add_special_cases(nlp: Any, forms: list[str]) -> None:
    from spacy.symbols import ORTH

    for form in forms:
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])


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
