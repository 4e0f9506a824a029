"""Text clean-up before any offsets are taken: the cleaned text is what every span refers to."""

from __future__ import annotations

import re
import unicodedata

from .document import Document
from .registry import register_stage
from .resources import Resources

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_TRAILING = re.compile(r" +\n")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """NFC, unified newlines, no control characters, single spaces, at most one blank line."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _TRAILING.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


class CleanStage:
    name = "clean.v1"

    def __call__(self, doc: Document) -> None:
        doc.text = clean_text(doc.text)


@register_stage("clean.v1", "Unicode NFC, whitespace and control-character clean-up")
def make_clean_stage(resources: Resources) -> CleanStage:
    return CleanStage()
