"""Registered, versioned pipeline stages.

A stage is any callable object with a ``name`` attribute that takes a :class:`Document` and adds
to it. Stages are made by factories registered under versioned names (``times.rules.v1``), in the
manner of spaCy's ``@Language.factory``; the settings list which names make up the pipeline.
Third-party stages register through the ``kroniek.stages`` entry-point group.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Protocol

from .errors import UnknownStageError

if TYPE_CHECKING:
    from .document import Document
    from .resources import Resources

BUILTIN_STAGE_MODULES = (
    "kroniek.clean",
    "kroniek.lang",
    "kroniek.nlp",
    "kroniek.entities",
    "kroniek.places",
    "kroniek.times",
    "kroniek.quantities",
    "kroniek.events",
    "kroniek.claims",
)

_MODULE_OF_PREFIX = {"language": "lang"}


class Stage(Protocol):
    name: str

    def __call__(self, doc: Document) -> None: ...


StageFactory = Callable[["Resources"], Stage]


@dataclass(frozen=True, slots=True)
class RegisteredStage:
    name: str
    factory: StageFactory
    description: str


_REGISTRY: dict[str, RegisteredStage] = {}
_loaded = False


def register_stage(name: str, description: str = "") -> Callable[[StageFactory], StageFactory]:
    """Decorator: register ``factory`` under the versioned ``name`` (``<stage>.<impl>.v<N>``)."""
    _check_name(name)

    def decorate(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = RegisteredStage(name, factory, description or (factory.__doc__ or "").strip())
        return factory

    return decorate


def _check_name(name: str) -> None:
    version = name.rsplit(".", 1)[-1]
    if not (version.startswith("v") and version[1:].isdigit()):
        raise ValueError(f"stage name must end in a version such as '.v1': {name!r}")


def load_builtin_stages() -> None:
    global _loaded
    if _loaded:
        return
    for module in BUILTIN_STAGE_MODULES:
        importlib.import_module(module)
    for entry in entry_points(group="kroniek.stages"):
        entry.load()
    _loaded = True


def registered_stages() -> dict[str, RegisteredStage]:
    load_builtin_stages()
    return dict(_REGISTRY)


def _import_stage_module(name: str) -> None:
    """Import only the built-in module that registers ``name`` (``times.rules.v1`` → kroniek.times)."""
    prefix = name.split(".", 1)[0]
    module = f"kroniek.{_MODULE_OF_PREFIX.get(prefix, prefix)}"
    if module in BUILTIN_STAGE_MODULES:
        importlib.import_module(module)


def create_stage(name: str, resources: Resources) -> Stage:
    if name not in _REGISTRY:
        _import_stage_module(name)
    if name not in _REGISTRY:
        stages = registered_stages()
        if name not in stages:
            known = ", ".join(sorted(stages))
            raise UnknownStageError(f"no stage registered as {name!r}; known: {known}", source="settings.stages")
    return _REGISTRY[name].factory(resources)
