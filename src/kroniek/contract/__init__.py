"""The output contract `kroniek.document/1` (a copy of ../shared/contract, shipped in the package)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    return json.loads(files(__package__).joinpath("document.schema.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def load_taxonomy() -> dict[str, Any]:
    return json.loads(files(__package__).joinpath("acled_taxonomy.json").read_text("utf-8"))


def validation_errors(document: dict[str, Any]) -> list[str]:
    """Messages for every way ``document`` breaks the contract (empty when it is valid)."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(load_schema())
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in validator.iter_errors(document)]
