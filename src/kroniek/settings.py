"""One validated settings object.

Precedence, lowest to highest:

1. defaults in this class;
2. the config file: ``$KRONIEK_CONFIG`` if set, else ``./kroniek.toml`` if present;
3. environment variables ``KRONIEK_<FIELD>`` (nested with ``__``, e.g. ``KRONIEK_NLP__PIPELINE``);
4. CLI flags (passed as keyword arguments to :func:`load_settings`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from .errors import ConfigError

DEFAULT_STAGES = [
    "clean.v1",
    "language.v1",
    "nlp.spacy.v1",
    "places.gazetteer.v1",
    "entities.lexicon.v1",
    "times.rules.v1",
    "quantities.rules.v1",
    "events.lexicon.v1",
    "claims.rules.v1",
]


class NlpSettings(BaseModel):
    pipeline: str | None = Field(
        default=None,
        description="Installed spaCy pipeline name or path to use instead of Kroniek's own; "
        "None uses the bundled pipeline for the language (a blank tokenizer + sentencizer until one ships).",
    )
    batch_size: int = Field(default=32, ge=1)


class ApiSettings(BaseModel):
    token: str | None = Field(
        default=None,
        description="bearer token that enables POST /api/documents; None keeps the API read-only",
    )
    max_body_bytes: int = Field(default=5_000_000, ge=1, description="larger request bodies are refused (413)")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KRONIEK_", env_nested_delimiter="__", extra="forbid")

    db: str = Field(default="kroniek.db", description="SQLite file path or SQLAlchemy URL of the chronicle")
    lang: Literal["auto", "nl", "en"] = Field(default="auto", description="language of input; auto detects")
    languages: list[str] = Field(default=["nl", "en"], description="languages with data in kroniek/lang/")
    fallback_lang: str = Field(default="en", description="used when detection is unsure")
    stages: list[str] = Field(default_factory=lambda: list(DEFAULT_STAGES))
    max_bytes: int = Field(default=20_000_000, ge=1, description="larger inputs are refused")
    nlp: NlpSettings = Field(default_factory=NlpSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        config_file = _config_file()
        if config_file is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=config_file))
        return tuple(sources)


def _config_file() -> Path | None:
    explicit = os.environ.get("KRONIEK_CONFIG")
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"config file not found: {path}", source="KRONIEK_CONFIG")
        return path
    local = Path("kroniek.toml")
    return local if local.is_file() else None


def load_settings(**overrides: Any) -> Settings:
    """Settings from all sources; ``overrides`` (CLI flags) win. None values are ignored."""
    given = {k: v for k, v in overrides.items() if v is not None}
    try:
        return Settings(**given)
    except ValidationError as exc:
        raise ConfigError(_describe(exc)) from exc


def _describe(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"]) or "settings"
        parts.append(f"{where}: {error['msg']}")
    return "invalid settings: " + "; ".join(parts)
