"""The `kroniek` command line. Library errors become messages on stderr and exit codes here only."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from . import __version__
from .errors import ConfigError, KroniekError

app = typer.Typer(
    name="kroniek",
    help="Turn news reports about armed conflict into a sourced, queryable chronicle.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

LangOption = Annotated[Optional[str], typer.Option("--lang", help="auto, nl or en (default: settings, auto)")]
DbOption = Annotated[Optional[str], typer.Option("--db", help="SQLite file or SQLAlchemy URL (default: kroniek.db)")]


def _stderr() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _stdout() -> Any:
    from rich.console import Console

    console = Console(highlight=False)
    console.width = max(console.width, 120)  # tables stay readable in pipes and CI logs
    return console


def report_error(error: KroniekError) -> None:
    from rich.markup import escape

    _stderr().print(f"[red]error[/red] {escape(f'[{error.code}] {error}')}", markup=True, soft_wrap=True)


def at_the_edge(command: Callable[..., Any]) -> Callable[..., Any]:
    """Translate library errors into a one-line message and the error's exit code."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except KroniekError as error:
            report_error(error)
            raise typer.Exit(error.exit_code) from None

    return run


@app.callback()
def main_options(
    config: Annotated[Optional[Path], typer.Option("--config", help="TOML settings file (else $KRONIEK_CONFIG, else ./kroniek.toml)")] = None,
    version: Annotated[bool, typer.Option("--version", help="print the version and exit")] = False,
) -> None:
    if version:
        typer.echo(f"kroniek {__version__}")
        raise typer.Exit(0)
    if config is not None:
        os.environ["KRONIEK_CONFIG"] = str(config)


def _settings(**overrides: Any) -> Any:
    from .settings import load_settings

    return load_settings(**overrides)


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option} must be a date YYYY-MM-DD, not {value!r}", source=option) from None


def _inputs(paths: list[str], settings: Any) -> Iterator[Any]:
    from .ingest import iter_inputs

    return iter_inputs(paths, max_bytes=settings.max_bytes, stdin=sys.stdin)


def _with_metadata(items: Iterable[Any], **metadata: Any) -> Iterator[Any]:
    """Apply CLI metadata (--published, --title, ...) to every read article; errors pass through."""
    given = {k: v for k, v in metadata.items() if v is not None}
    for item in items:
        if not isinstance(item, KroniekError):
            for key, value in given.items():
                setattr(item, key, value)
        yield item


@app.command()
@at_the_edge
def extract(
    path: Annotated[str, typer.Argument(help="an article file, a directory, or - for stdin")],
    lang: LangOption = None,
    published: Annotated[Optional[str], typer.Option(help="publication date YYYY-MM-DD, the anchor for relative dates")] = None,
    title: Annotated[Optional[str], typer.Option(help="article title")] = None,
    url: Annotated[Optional[str], typer.Option(help="article URL (becomes its id)")] = None,
    source: Annotated[Optional[str], typer.Option(help="outlet or feed name")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="always print one compact JSON object per line")] = False,
) -> None:
    """Print the kroniek.document/1 JSON of an article (JSON Lines when the input holds several)."""
    from .pipeline import Pipeline

    settings = _settings(lang=lang)
    pipeline = Pipeline(settings)
    items = _with_metadata(_inputs([path], settings), published=_parse_date(published, "--published"), title=title, url=url, source=source)
    printed, failed = _print_documents(pipeline.process_all(items), jsonl)
    if not printed:
        raise typer.Exit(failed and 3 or 1)


def _print_documents(outcomes: Iterable[Any], jsonl: bool) -> tuple[int, int]:
    held: dict[str, Any] | None = None
    printed = failed = 0
    for outcome in outcomes:
        if outcome.error is not None:
            report_error(outcome.error)
            failed += 1
            continue
        document = outcome.document.to_contract()
        if held is not None or jsonl or printed:
            for item in ([held] if held is not None else []) + [document]:
                sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
            held = None
        else:
            held = document
        printed += 1
    if held is not None:
        sys.stdout.write(json.dumps(held, ensure_ascii=False, indent=2) + "\n")
    return printed, failed


@app.command()
@at_the_edge
def ingest(
    paths: Annotated[Optional[list[str]], typer.Argument(help="files, directories, or - for stdin")] = None,
    db: DbOption = None,
    lang: LangOption = None,
    samples: Annotated[bool, typer.Option("--samples", help="also ingest the bundled sample corpus")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
) -> None:
    """Extract articles and store them in the chronicle; the same article is updated, never duplicated."""
    settings = _settings(db=db, lang=lang)
    all_paths = list(paths or []) + (_sample_paths() if samples else [])
    if not all_paths:
        raise ConfigError("nothing to ingest: give PATH arguments or --samples")
    summary = ingest_paths(all_paths, settings, progress=not quiet)
    _print_ingest_summary(summary, settings.db)
    if summary["processed"] == 0:
        raise typer.Exit(3 if summary["failed"] else 1)


def _sample_paths() -> list[str]:
    from .samples import sample_paths

    return [str(p) for p in sample_paths()]


def ingest_paths(paths: list[str], settings: Any, progress: bool = True) -> dict[str, int]:
    """Run the pipeline over ``paths`` into the chronicle; returns counts by outcome."""
    from .pipeline import Pipeline
    from .store import Chronicle

    pipeline = Pipeline(settings)
    summary = {"created": 0, "updated": 0, "unchanged": 0, "failed": 0, "processed": 0}
    with Chronicle.open(settings.db) as chronicle, _progress(progress) as bar:
        task = bar.add_task("ingesting", total=None)
        for outcome in pipeline.process_all(_inputs(paths, settings)):
            _store_outcome(chronicle, pipeline, outcome, summary)
            bar.advance(task)
    return summary


def _store_outcome(chronicle: Any, pipeline: Any, outcome: Any, summary: dict[str, int]) -> None:
    if outcome.error is not None:
        report_error(outcome.error)
        chronicle.record_failure(outcome.origin, outcome.error)
        summary["failed"] += 1
        return
    try:
        result = chronicle.save(outcome.document, pipeline.stage_names, outcome.origin)
    except KroniekError as error:
        error.source = error.source or outcome.origin
        report_error(error)
        summary["failed"] += 1
        return
    summary[result.status] += 1
    summary["processed"] += 1


def _progress(enabled: bool) -> Any:
    from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} docs/s" if speed else "… docs/s")

    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} docs"),
        RateColumn(),
        TimeElapsedColumn(),
        console=_stderr(),
        disable=not enabled or not sys.stderr.isatty(),
    )


def _print_ingest_summary(summary: dict[str, int], db: str) -> None:
    parts = ", ".join(f"{summary[k]} {k}" for k in ("created", "updated", "unchanged", "failed"))
    _stderr().print(f"ingested into {db}: {parts}")


@app.command()
@at_the_edge
def stats(db: DbOption = None) -> None:
    """Print the summary table of the chronicle: documents, places, events, claims, failures."""
    from .store import Chronicle

    settings = _settings(db=db)
    with Chronicle.open(settings.db) as chronicle:
        _stdout().print(stats_table(chronicle.stats(), settings.db))


def stats_table(store_stats: Any, db: str) -> Any:
    from rich.table import Table

    table = Table(title=f"Kroniek chronicle: {db}")
    table.add_column("what")
    table.add_column("count", justify="right")
    for name, value in _stat_rows(store_stats):
        table.add_row(name, f"{value:,}")
    return table


def _stat_rows(store_stats: Any) -> Iterator[tuple[str, int]]:
    items = [(f.name, getattr(store_stats, f.name)) for f in fields(store_stats)] if is_dataclass(store_stats) else list(store_stats.items())
    for name, value in items:
        label = name.replace("_", " ")
        if isinstance(value, dict):
            yield label, sum(value.values())
            for key, count in sorted(value.items(), key=lambda kv: (-kv[1], str(kv[0]))):
                yield f"  {key}", count
        elif isinstance(value, int):
            yield label, value


@app.command()
@at_the_edge
def demo(db: DbOption = None) -> None:
    """Ingest the bundled sample corpus and print the chronicle's summary."""
    settings = _settings(db=db)
    summary = ingest_paths(_sample_paths(), settings)
    _print_ingest_summary(summary, settings.db)
    stats(db=settings.db)


@app.command(name="eval")
@at_the_edge
def evaluate_command(
    gold: Annotated[Path, typer.Argument(help="gold directory or file (.jsonl / .json documents), or 'ner' with --conll")],
    component: Annotated[Optional[list[str]], typer.Option("--component", "-c", help="score only these components")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
    errors: Annotated[int, typer.Option("--errors", help="print up to N errors per component")] = 0,
    conll: Annotated[Optional[Path], typer.Option("--conll", help="with 'ner': a CoNLL NER file (word ... IOB tag)")] = None,
    label_map: Annotated[Optional[list[str]], typer.Option("--map", help="with 'ner': relabel FROM=TO, e.g. PRO=MISC")] = None,
    lang: Annotated[str, typer.Option("--lang", help="with 'ner': the language of the CoNLL file")] = "nl",
) -> None:
    """Score extraction against gold documents (span and value P/R/F1 per component), or NER on CoNLL."""
    if str(gold) == "ner":
        _evaluate_ner(conll, lang, _parse_label_map(label_map or []))
        return
    from .evaluation import evaluate
    from .pipeline import Pipeline

    if not gold.exists():
        raise ConfigError("gold path does not exist", source=str(gold))
    settings = _settings()
    settings.stages = [s for s in settings.stages if not s.startswith("clean.")]
    report = evaluate(gold, Pipeline(settings), only=component)
    if as_json:
        sys.stdout.write(json.dumps(report.to_json(), indent=2) + "\n")
        return
    _stdout().print(evaluation_table(report, str(gold)))
    _print_errors(report, errors)


def _parse_label_map(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        source, sep, target = pair.partition("=")
        if not sep or not source or not target:
            raise ConfigError(f"--map takes FROM=TO, not {pair!r}", source="--map")
        mapping[source] = target
    return mapping


def _evaluate_ner(conll: Path | None, lang: str, label_map: dict[str, str]) -> None:
    from .evaluation_conll import evaluate_ner, read_conll
    from .resources import Resources

    if conll is None or not conll.is_file():
        raise ConfigError("'kroniek eval ner' needs --conll PATH to an existing CoNLL file", source=str(conll or "--conll"))
    nlp = Resources(_settings()).spacy_pipeline(lang)
    if "ner" not in nlp.pipe_names:
        raise ConfigError(f"the {lang} spaCy pipeline has no 'ner' component (pipes: {', '.join(nlp.pipe_names)})", source="nlp.pipeline")
    report = evaluate_ner(nlp, read_conll(conll), label_map)
    for line in report.lines():
        typer.echo(line)


def evaluation_table(report: Any, gold: str) -> Any:
    from rich.table import Table

    table = Table(title=f"{gold}: {report.documents} documents")
    for column in ("component", "gold", "pred", "span P", "span R", "span F1", "value P", "value R", "value F1", "extra"):
        table.add_column(column, justify="left" if column == "component" else "right")
    for name, part in report.components.items():
        row = [name, str(part.counts.gold), str(part.counts.predicted)]
        row += [f"{x:.3f}" for x in (part.span.precision, part.span.recall, part.span.f1)]
        row += [f"{x:.3f}" for x in (part.value.precision, part.value.recall, part.value.f1)]
        row.append(" ".join(f"{name} {value:.3f}" for name, value in part.accuracies.items() if value is not None))
        table.add_row(*row)
    return table


def _print_errors(report: Any, limit: int) -> None:
    out = _stdout()
    for name, part in report.components.items():
        for error in part.counts.errors[:limit]:
            out.print(f"{name} {error['kind']} {error['doc']}: {json.dumps({k: v for k, v in error.items() if k not in ('kind', 'doc')}, ensure_ascii=False)}", markup=False)


@app.command()
@at_the_edge
def bench(
    paths: Annotated[Optional[list[str]], typer.Argument(help="inputs (default: the bundled sample corpus)")] = None,
    repeat: Annotated[int, typer.Option(help="passes over the inputs", min=1)] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="print the figures as JSON")] = False,
) -> None:
    """Measure extraction: words/s, articles/s, peak RSS and seconds per stage."""
    from .bench import run_benchmark
    from .pipeline import Pipeline

    settings = _settings()
    articles = [item for item in _inputs(paths or _sample_paths(), settings) if not isinstance(item, KroniekError)]
    result = run_benchmark(Pipeline(settings), articles, repeat=repeat)
    if as_json:
        sys.stdout.write(json.dumps(_bench_json(result), indent=2) + "\n")
    else:
        _stdout().print(bench_table(result))


def _bench_json(result: Any) -> dict[str, Any]:
    return {
        "articles": result.articles,
        "words": result.words,
        "seconds": round(result.seconds, 3),
        "words_per_second": round(result.words_per_second, 1),
        "articles_per_second": round(result.articles_per_second, 2),
        "peak_rss_mb": round(result.peak_rss_mb, 1),
        "stage_seconds": {k: round(v, 4) for k, v in result.stage_seconds.items()},
        "place_mentions": result.place_mentions,
        "places_stage_us_per_mention": round(result.place_stage_us_per_mention, 1),
        "gazetteer_lookup_us": round(result.gazetteer_lookup_us, 2),
    }


def bench_table(result: Any) -> Any:
    from rich.table import Table

    table = Table(title="kroniek bench (extract, one process)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    total = sum(result.stage_seconds.values()) or 1.0
    rows = [
        ("articles", f"{result.articles:,}"),
        ("words", f"{result.words:,}"),
        ("seconds", f"{result.seconds:.2f}"),
        ("words/s", f"{result.words_per_second:,.0f}"),
        ("articles/s", f"{result.articles_per_second:,.1f}"),
        ("peak RSS (MB)", f"{result.peak_rss_mb:,.0f}"),
        ("place mentions", f"{result.place_mentions:,}"),
        ("places stage µs / mention", f"{result.place_stage_us_per_mention:,.0f}"),
        ("gazetteer lookup µs", f"{result.gazetteer_lookup_us:,.2f}"),
    ]
    rows += [(f"  {name}", f"{seconds:.3f} s ({100 * seconds / total:.1f} %)") for name, seconds in result.stage_seconds.items()]
    for name, value in rows:
        table.add_row(name, value)
    return table


@app.command()
@at_the_edge
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on", min=1, max=65535)] = 8000,
    token: Annotated[Optional[str], typer.Option(help="bearer token enabling POST /api/documents (else settings api.token)")] = None,
    workers: Annotated[int, typer.Option(help="server processes (more than one uses more cores)", min=1)] = 1,
) -> None:
    """Serve the chronicle over HTTP: the JSON API under /api and the web page at /."""
    import uvicorn

    from .api import create_app

    settings = _settings(db=db)
    if "://" not in settings.db and not Path(settings.db).is_file():
        raise ConfigError(f"no chronicle at {settings.db}: run 'kroniek ingest' or 'kroniek demo' first", source="--db")
    mode = "read-only" if not (token or settings.api.token) else "POST /api/documents enabled"
    _stderr().print(f"serving {settings.db} at http://{host}:{port}/ ({mode})")
    if workers == 1:
        uvicorn.run(create_app(settings, token=token), host=host, port=port, log_level="warning")
        return
    os.environ["KRONIEK_DB"] = settings.db  # the worker processes build the app from the settings
    if token:
        os.environ["KRONIEK_API__TOKEN"] = token
    uvicorn.run("kroniek.api.app:app_from_settings", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


@app.command(name="bench-api")
@at_the_edge
def bench_api(
    db: Annotated[Path, typer.Option("--db", help="synthetic chronicle to build or reuse")] = Path("kroniek-bench-api.db"),
    events: Annotated[int, typer.Option(help="event mentions in the synthetic chronicle", min=1)] = 100_000,
    clients: Annotated[int, typer.Option(help="concurrent clients", min=1)] = 8,
    requests: Annotated[int, typer.Option("--requests", help="requests per query", min=1)] = 50,
    workers: Annotated[int, typer.Option(help="server processes", min=1)] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="print the figures as JSON")] = False,
) -> None:
    """Load-test the HTTP API: p50/p95/max latency per query on a synthetic chronicle."""
    from .api.bench import run_api_benchmark

    figures = run_api_benchmark(db, events=events, clients=clients, per_query=requests, workers=workers).to_json()
    if as_json:
        sys.stdout.write(json.dumps(figures, indent=2) + "\n")
        return
    _stdout().print(bench_api_table(figures))


def bench_api_table(figures: dict[str, Any]) -> Any:
    from rich.table import Table

    title = (f"kroniek bench-api: {figures['event_mentions']:,} event mentions, {figures['clients']} clients, "
             f"{figures.get('workers', 1)} server process(es), "
             f"{figures['requests_per_second']:.1f} requests/s")
    table = Table(title=title)
    for column in ("query", "requests", "errors", "p50 ms", "p95 ms", "max ms"):
        table.add_column(column, justify="left" if column == "query" else "right")
    for name, row in [*figures["queries"].items(), ("overall", figures["overall"])]:
        table.add_row(name, str(row["requests"]), str(row["errors"]), f"{row['p50_ms']:.1f}", f"{row['p95_ms']:.1f}", f"{row['max_ms']:.1f}")
    return table


@app.command()
def stages() -> None:
    """List the registered pipeline stages and the ones the settings use."""
    from .registry import registered_stages

    used = _settings().stages
    for name, registered in sorted(registered_stages().items()):
        mark = "*" if name in used else " "
        typer.echo(f"{mark} {name:24} {registered.description}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
