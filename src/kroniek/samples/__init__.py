"""The bundled sample corpus: English Wikinews articles (CC BY 2.5) and Dutch example articles (CC0).

Each ``*.jsonl`` file holds one article per line with the keys ``text``, ``title``, ``published``
(YYYY-MM-DD), ``url``, ``source``, ``lang``, ``licence`` and ``attribution``. See ``README.md`` in
this folder for the licences and how to rebuild the English file.
"""

from __future__ import annotations

import pathlib
from importlib import resources


def sample_paths() -> list[pathlib.Path]:
    """The shipped sample ``.jsonl`` files, sorted by name."""
    root = resources.files(__name__)
    names = sorted(entry.name for entry in root.iterdir() if entry.name.endswith(".jsonl") and entry.is_file())
    return [pathlib.Path(str(root.joinpath(name))) for name in names]
