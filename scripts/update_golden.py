"""Rewrite the golden extraction files in tests/golden/ from the current pipeline.

Each `tests/golden/<name>.input.json` holds one article (text, lang, published, title, url, source);
`<name>.expected.json` is what `kroniek extract` prints for it. Run this after an intended change in
extraction, and review the diff of the expected files before committing:

    .venv/bin/python scripts/update_golden.py
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

GOLDEN = Path(__file__).resolve().parents[1] / "tests" / "golden"


def extract(pipeline, article: dict) -> dict:
    from kroniek.ingest import RawDocument

    published = date.fromisoformat(article["published"]) if article.get("published") else None
    raw = RawDocument(text=article["text"], origin="golden", published=published, lang=article.get("lang"),
                      title=article.get("title"), url=article.get("url"), source=article.get("source"))
    return pipeline.process(raw).to_contract()


def main() -> int:
    from kroniek.pipeline import Pipeline
    from kroniek.settings import load_settings

    pipeline = Pipeline(load_settings())
    for path in sorted(GOLDEN.glob("*.input.json")):
        expected = extract(pipeline, json.loads(path.read_text("utf-8")))
        target = path.with_name(path.name.replace(".input.json", ".expected.json"))
        target.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {target.relative_to(GOLDEN.parents[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
