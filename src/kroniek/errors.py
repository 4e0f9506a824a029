"""Typed, coded errors. The library raises these; only the edges (CLI, API) translate them."""

from __future__ import annotations


class KroniekError(Exception):
    """Base class. ``code`` is a stable machine-readable identifier."""

    code = "kroniek_error"
    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source  # the input (file, file:line, URL) the error is about

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message

    def to_json(self) -> dict[str, str | None]:
        return {"code": self.code, "message": self.message, "source": self.source}


class ConfigError(KroniekError):
    code = "config_error"
    exit_code = 2


class InputError(KroniekError):
    """An input that cannot be read as an article (binary, empty, too large, undecodable...)."""

    code = "input_error"
    exit_code = 3


class UnsupportedLanguageError(KroniekError):
    code = "unsupported_language"
    exit_code = 3


class StageError(KroniekError):
    """A pipeline stage failed on one document."""

    code = "stage_error"
    exit_code = 4


class UnknownStageError(ConfigError):
    code = "unknown_stage"


class StoreError(KroniekError):
    code = "store_error"
    exit_code = 5


class GoldFormatError(KroniekError):
    code = "gold_format_error"
    exit_code = 3


class NotFoundError(StoreError):
    """A document (or other record) asked for by id is not in the chronicle."""

    code = "not_found"
    exit_code = 6
