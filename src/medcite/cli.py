"""The ``medcite`` command line: a thin shell over :class:`medcite.engine.Engine`.

Each command parses its options, makes one engine call and renders the result. Errors
are mapped to exit codes here, once (``EXIT_CODES``); nothing below calls ``sys.exit``.
A command imports what it needs when it runs (the engine, the renderers, the web app):
``medcite --help`` loads none of them (``bench/cli_startup.py`` measures it).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import click
import typer

from medcite import __version__
from medcite.cli_data import TextOrJson, check, opened_engine, settings_of, stats
from medcite.cli_web import db_app, recheck_approved, review_app, serve, users_app
from medcite.console import err, out, print_error, print_json, write_document
from medcite.errors import (
    AccessError,
    BusyError,
    ConfigError,
    FetchError,
    IndexStateError,
    MedciteError,
    NotFoundError,
    QuestionError,
    SourceError,
    StoreError,
    WorkflowError,
    storage_error,
)
from medcite.evaluate import Dataset, Split
from medcite.records import Audience
from medcite.render import AnswerFormat, render

if TYPE_CHECKING:
    from medcite.records import IngestSummary, SyncReport

EXIT_OK = 0
EXIT_REJECTED = 3
"""Ingest finished, but some inputs were rejected (each is listed with its reason)."""
EXIT_BROKEN_PIPE = 141
"""The output's reader closed it (128 + SIGPIPE, what a shell reports for such a command)."""

EXIT_CODES: dict[type[MedciteError], int] = {
    MedciteError: 1,
    ConfigError: 4,
    SourceError: 5,
    QuestionError: 6,
    NotFoundError: 7,
    StoreError: 8,
    IndexStateError: 9,
    FetchError: 10,
    AccessError: 11,
    WorkflowError: 12,
    BusyError: 13,
}

app = typer.Typer(
    name="medcite",
    help="Grounded, citable answers to clinical questions from a local literature index.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
fetch_app = typer.Typer(help="Fetch records from online sources (NCBI E-utilities).")
index_app = typer.Typer(help="Maintain the full-text index.")
export_app = typer.Typer(help="Export stored records.")
dense_app = typer.Typer(help="Optional dense retrieval (needs the 'dense' extra).")
vocab_app = typer.Typer(help="Load and inspect controlled vocabularies (MeSH, Disease Ontology).")
app.add_typer(fetch_app, name="fetch")
app.add_typer(index_app, name="index")
app.add_typer(export_app, name="export")
app.add_typer(vocab_app, name="vocab")
app.add_typer(dense_app, name="dense")
sync_app = typer.Typer(help="Mirror NLM's PubMed files and apply them in order.")
app.add_typer(sync_app, name="sync")
train_app = typer.Typer(help="Fit the models medcite ships (needs the 'train' extra).")
app.add_typer(train_app, name="train")
app.add_typer(users_app, name="users")
app.add_typer(db_app, name="db")
app.add_typer(review_app, name="review")
app.command()(serve)
app.command()(stats)
app.command()(check)

CLUSTER_OPTION = typer.Option(
    "--cluster",
    metavar="ADDRESS",
    help="Run the heavy work on a Ray cluster: local:N (N workers here) or a cluster's "
    "address (ray://head:10001, auto). Needs the 'cluster' extra.",
)


@contextmanager
def _cluster(address: str | None) -> Iterator[Executor | None]:
    """The cluster's executor for the command (imported only when one is named)."""
    if address is None:
        yield None
        return
    from medcite.engine.cluster import cluster_executor

    with cluster_executor(address) as executor:
        yield executor


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="Data directory (store, index, medcite.toml). Default: $MEDCITE_HOME or "
            "the platform's user data directory.",
        ),
    ] = None,
    version: Annotated[bool, typer.Option("--version", help="Show the version.")] = False,
) -> None:
    """Options that apply to every command."""
    if version:
        out().print(f"medcite {__version__}")
        raise typer.Exit()
    ctx.obj = data_dir


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or directories to read.")
    ] = None,
    demo: Annotated[
        bool,
        typer.Option("--demo", help="Also read the offline demo corpus (needs the 'demo' extra)."),
    ] = False,
    cluster: Annotated[str | None, CLUSTER_OPTION] = None,
) -> None:
    """Read PubMed XML, MEDLINE text, JSONL or text files into the store and index."""
    from medcite.ingest import demo_corpus_paths

    sources = [*(demo_corpus_paths() if demo else ()), *(paths or ())]
    if not sources:
        raise click.UsageError("give files or directories to ingest, or --demo")
    with (
        opened_engine(ctx) as engine,
        _cluster(cluster) as executor,
        _progress("ingesting") as advance,
    ):
        summary = engine.ingest_paths(sources, advance, executor)
    _finish_ingest(summary)


@fetch_app.command("pubmed")
def fetch_pubmed(
    ctx: typer.Context,
    query: Annotated[str, typer.Option("--query", help="A PubMed search, as on pubmed.gov.")],
    max_records: Annotated[int, typer.Option("--max", min=1, help="Most records to fetch.")] = 100,
) -> None:
    """Search PubMed online (esearch → efetch) and ingest the records found."""
    with opened_engine(ctx) as engine, _progress("fetching") as advance:
        summary = engine.fetch_pubmed(query, max_records, advance)
    _finish_ingest(summary)


@sync_app.command("pubmed")
def sync_pubmed(
    ctx: typer.Context,
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="A mirror laid out as NLM's pubmed/ (default: NLM's)."),
    ] = None,
    from_year: Annotated[int | None, typer.Option("--from-year", help="Oldest year kept.")] = None,
    to_year: Annotated[int | None, typer.Option("--to-year", help="Newest year kept.")] = None,
    mesh: Annotated[
        list[str] | None,
        typer.Option("--mesh", help="Keep records under this MeSH descriptor id or narrower."),
    ] = None,
    journal: Annotated[
        list[str] | None, typer.Option("--journal", help="Keep this journal (title or ISO).")
    ] = None,
    journals_file: Annotated[
        Path | None, typer.Option("--journals-file", help="Journals to keep, one a line.")
    ] = None,
    publication_type: Annotated[
        list[str] | None,
        typer.Option("--publication-type", help="Keep this publication type (NLM's name)."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would be downloaded and applied.")
    ] = False,
) -> None:
    """Mirror NLM's baseline/ and updatefiles/ (.md5 verified) and apply new files in order."""
    from medcite.ingest import RecordSlice

    journals = [*(journal or ()), *(_lines(journals_file) if journals_file else ())]
    record_slice = RecordSlice(
        from_year=from_year,
        to_year=to_year,
        journals=frozenset(journals),
        publication_types=frozenset(publication_type or ()),
    )
    with opened_engine(ctx) as engine, _progress("syncing") as advance:
        report = engine.sync_pubmed(
            record_slice, mesh=mesh or (), base_url=base_url, dry_run=dry_run, progress=advance
        )
    _finish_sync(report)


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return [line.strip() for line in text.splitlines() if line.strip()]


def _finish_sync(report: SyncReport) -> None:
    verb = "would apply" if report.dry_run else "applied"
    for synced in report.files:
        line = f"{verb} {synced.path}"
        if report.dry_run:
            line += " (in the mirror)" if synced.downloaded else " (to download)"
        elif synced.summary is not None:
            found = synced.summary
            line += (
                f": {found.read} read, {found.added} added, {found.updated} updated, "
                f"{found.unchanged} unchanged, {found.deleted} deleted, {found.rejected} rejected"
            )
        err().print(line, markup=False, highlight=False)
    err().print(
        f"{len(report.files)} file(s) {verb}, {report.already_applied} applied before "
        f"({report.slice})",
        markup=False,
        highlight=False,
    )
    rejections = [r for f in report.files if f.summary for r in f.summary.rejections]
    for rejection in rejections:
        err().print(f"rejected: {rejection}", markup=False, highlight=False)
    if rejections:
        raise typer.Exit(EXIT_REJECTED)


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words to search for; quotes make phrases.")],
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000)] = 10,
    output: Annotated[TextOrJson, typer.Option("--format")] = TextOrJson.text,
) -> None:
    """Full-text (BM25) search of the index."""
    from medcite.render import search_view

    with opened_engine(ctx) as engine:
        results = engine.search(query, limit)
    if output is TextOrJson.json:
        print_json(
            [
                {"rank": hit.rank, "score": hit.score, "record_id": hit.record_id}
                | {"title": record.title, "year": record.year, "pmid": record.pmid}
                for hit, record in results
            ]
        )
    else:
        out().print(search_view(results))


@app.command()
def show(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(help="Record id, e.g. pmid:12345 or 12345.")],
    output: Annotated[TextOrJson, typer.Option("--format")] = TextOrJson.text,
) -> None:
    """Show one stored record."""
    import msgspec

    with opened_engine(ctx) as engine:
        record = engine.show(record_id)
    if output is TextOrJson.json:
        print_json(msgspec.to_builtins(record))
    else:
        from medcite.render import record_view  # the terminal renderer: text output only

        out().print(record_view(record))


@app.command()
def ask(
    ctx: typer.Context,
    question: Annotated[
        str,
        typer.Argument(help="A clinical question, in plain words; - reads it from standard input."),
    ],
    output: Annotated[AnswerFormat, typer.Option("--format")] = AnswerFormat.TEXT,
    audience: Annotated[
        Audience, typer.Option("--audience", help="Who the answer is written for.")
    ] = Audience.CLINICIAN,
    conversation: Annotated[
        str | None,
        typer.Option(
            "--conversation",
            metavar="ID",
            help="Keep this question as a turn of conversation ID, read in the light of its "
            "last question; `new` starts one. Without it, nothing is kept.",
        ),
    ] = None,
) -> None:
    """Answer a question with sentences of cited records and numbered references."""
    if question == "-":
        question = _read_stdin()
    if conversation == "new":
        from medcite.engine import new_conversation_id

        conversation = new_conversation_id()
    with opened_engine(ctx) as engine:
        answer = engine.ask(question, audience=audience, conversation=conversation)
    if answer.conversation:
        err().print(
            f"conversation {answer.conversation} (continue it with "
            f"--conversation {answer.conversation})"
        )
    _show(render(answer, output))


@app.command()
def understand(
    ctx: typer.Context,
    question: Annotated[str, typer.Argument(help="A clinical question, in plain words.")],
    output: Annotated[TextOrJson, typer.Option("--format")] = TextOrJson.text,
) -> None:
    """Show how medcite reads a question: concepts, roles, kinds and facets."""
    from medcite.render import question_to_json, question_view

    with opened_engine(ctx) as engine:
        understood = engine.understand(question)
    if output is TextOrJson.json:
        print_json(question_to_json(understood))
    else:
        out().print(question_view(understood))


@vocab_app.command("import")
def vocab_import(
    ctx: typer.Context,
    paths: Annotated[
        list[Path], typer.Argument(help="MeSH ASCII (dYYYY.bin), MeSH XML or OBO files.")
    ],
) -> None:
    """Load vocabulary files; each replaces the whole of its vocabulary."""
    with opened_engine(ctx) as engine:
        for path in paths:
            imported = engine.import_vocabulary(path)
            err().print(f"{imported.vocabulary}: {imported.concepts} concepts from {path}")


@vocab_app.command("list")
def vocab_list(
    ctx: typer.Context,
    output: Annotated[TextOrJson, typer.Option("--format")] = TextOrJson.text,
) -> None:
    """The vocabularies loaded in the data directory."""
    with opened_engine(ctx) as engine:
        imports = engine.vocabularies()
    rows = [
        {
            "vocabulary": i.vocabulary.value,
            "concepts": i.concepts,
            "source": i.source,
            "sha256": i.sha256,
            "imported_at": i.imported_at,
        }
        for i in imports
    ]
    if output is TextOrJson.json:
        print_json(rows)
    elif not rows:
        out().print("no vocabularies loaded; run `medcite vocab import FILE`")
    else:
        for row in rows:
            out().print(f"{row['vocabulary']:>6}  {row['concepts']:>7} concepts  {row['source']}")


@app.command("eval")
def eval_benchmark(
    ctx: typer.Context,
    dataset: Annotated[Dataset, typer.Argument(help="The benchmark to run.")],
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="The benchmark's folder. Default: under $MEDCITE_EVAL_DATA, else "
            "../shared/data beside the project checkout.",
        ),
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Only the first N questions.")
    ] = None,
    split: Annotated[
        Split,
        typer.Option(
            "--split",
            help="Which questions: the held-out report split (BioASQ 11B, PubMedQA's test "
            "split), dev, train, or all.",
        ),
    ] = Split.REPORT,
    output: Annotated[TextOrJson, typer.Option("--format")] = TextOrJson.text,
) -> None:
    """Measure medcite beside plain BM25 on a benchmark, both in the same run."""
    from medcite.evaluate import evaluate, report_view

    with _progress("evaluating") as advance:
        report = evaluate(dataset, settings_of(ctx), data, limit, advance, split)
    if output is TextOrJson.json:
        print_json(report.to_json())
    else:
        out().print(report_view(report))


@train_app.command("relevance")
def train_relevance_model(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option("--data", help="BioASQ's golden batches (default: as for `eval`)."),
    ] = None,
    model_path: Annotated[
        Path | None,
        typer.Option("--out", help="Where to write the model (default: <data dir>/models/)."),
    ] = None,
    output: Annotated[TextOrJson, typer.Option("--format")] = TextOrJson.text,
) -> None:
    """Fit the sentence-relevance model on BioASQ's training split, calibrated on dev."""
    from medcite.train import train_relevance
    from medcite.train.relevance import write_model

    settings = settings_of(ctx)
    with _progress("reading training questions") as advance:
        trained = train_relevance(settings, data, advance)
    target = model_path or settings.data_dir / "models" / "relevance.json"
    write_model(trained.model, target)
    if output is TextOrJson.json:
        print_json({"model": str(target), "version": trained.model.version} | trained.figures)
        return
    out().print(f"model {trained.model.version} written to {target}", markup=False)
    out().print(f"use it with [answer] relevance_model = {str(target)!r}", markup=False)
    for name in ("dev_average_precision", "dev_auc", "answer_threshold", "dev_answer_and_abstain"):
        out().print(f"{name}: {trained.figures[name]}", markup=False)


@train_app.command("roles")
def train_roles_command(
    model_path: Annotated[
        Path, typer.Option("--out", help="Where to write the model file.")
    ] = Path("role_model.json.gz"),
    corpus: Annotated[
        list[Path] | None,
        typer.Option("--corpus", help="PubMed XML files to learn from. Default: the demo corpus."),
    ] = None,
    compare: Annotated[
        bool, typer.Option("--compare", help="Only compare the candidate settings on dev.")
    ] = False,
) -> None:
    """Train the sentence-role model; the demo corpus reproduces the shipped file."""
    from medcite.train.roles import compare_role_settings, train_roles

    if compare:
        with _progress("reading abstracts") as advance:
            compared = compare_role_settings(corpus or (), advance)
        for training, accuracy, rows in compared:
            out().print(
                f"{training.feature_set:<17} C={training.regularization:<5} "
                f"prune={training.prune:<5} dev accuracy {accuracy:.4f}  {rows} weight rows"
            )
        return
    with _progress("reading abstracts") as advance:
        run = train_roles(model_path, corpus or (), advance=advance)
    split_sizes = ", ".join(f"{name} {n}" for name, n in run.abstracts.items())
    out().print(f"{run.path}: {run.version} (abstracts: {split_sizes})")
    for split, systems in run.figures.items():
        for system, figures in systems.items():
            out().print(f"  {split:>4} {system:<18} accuracy {figures['accuracy']:.4f}")


@index_app.command("rebuild")
def index_rebuild(ctx: typer.Context) -> None:
    """Rebuild the index from the store (after changing index settings)."""
    from medcite.engine import Engine

    with (
        Engine.open(settings_of(ctx), rebuilding=True) as engine,
        _progress("indexing") as advance,
    ):
        manifest = engine.rebuild_index(advance)
    out().print(f"index rebuilt: {manifest.record_count} records, snapshot {manifest.snapshot_id}")
    flagged = recheck_approved(settings_of(ctx), only_if_present=True)
    if flagged:
        out().print(f"{flagged} approved answer(s) flagged for re-review: their evidence changed")


@dense_app.command("distill")
def dense_distill(ctx: typer.Context) -> None:
    """Distill the static encoder offline from the local transformer weights."""
    with opened_engine(ctx) as engine:
        folder = engine.distill_static_model()
    out().print(f"static model written to {folder}; now run `medcite dense build`")


@dense_app.command("build")
def dense_build(ctx: typer.Context, cluster: Annotated[str | None, CLUSTER_OPTION] = None) -> None:
    """(Re)build the record vector index from the store with the configured encoder."""
    with (
        opened_engine(ctx) as engine,
        _cluster(cluster) as executor,
        _progress("embedding") as advance,
    ):
        manifest = engine.build_vectors(advance, executor)
    out().print(
        f"vector index built: {manifest.record_count} records, {manifest.dimension} "
        f"dimensions, {manifest.structure}, encoder {manifest.encoder_name}"
    )


@export_app.command("jsonl")
def export_jsonl(
    ctx: typer.Context,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (default: stdout).")
    ] = None,
) -> None:
    """Write every stored record as JSONL (the schema of docs/records.md)."""
    with opened_engine(ctx) as engine:
        if output is None:
            count = engine.export_jsonl(sys.stdout.buffer)
        else:
            try:
                with output.open("wb") as sink:
                    count = engine.export_jsonl(sink)
            except OSError as exc:  # a full disk names the export, not "a file"
                raise storage_error(exc, output, "writing the export") from exc
    err().print(f"exported {count} records")


STDIN_LIMIT = 1_000_000
"""Bytes of standard input read for ``ask -``; a question is refused long before this."""


def _read_stdin() -> str:
    """Standard input as text; bytes that are not UTF-8 become U+FFFD, never a traceback."""
    binary = getattr(sys.stdin, "buffer", None)
    if binary is None:  # replaced by a text stream (tests)
        return sys.stdin.read(STDIN_LIMIT)
    data: bytes = binary.read(STDIN_LIMIT)
    return data.decode("utf-8", "replace")


def _show(rendered: Any) -> None:
    """Print what a renderer gave: data as JSON, a document as is, a view through rich."""
    if isinstance(rendered, dict | list):
        print_json(rendered)
    elif isinstance(rendered, str):
        write_document(rendered)
    else:
        out().print(rendered)


def _finish_ingest(summary: IngestSummary) -> None:
    from medcite.render import ingest_summary_view

    err().print(ingest_summary_view(summary))
    if summary.rejected:
        raise typer.Exit(EXIT_REJECTED)


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int], None]]:
    """A rich progress display on a terminal; silent when output is redirected."""
    if not err().is_terminal:
        yield lambda _n: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err(), transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda n: bar.advance(task, n)


USAGE_ERRORS: tuple[type[Exception], ...] = tuple(
    {click.ClickException}
    | {kind for kind in typer.BadParameter.__mro__ if kind.__name__ == "ClickException"}
)
"""Bad options and arguments: typer 0.2x raises its vendored copy of click's exceptions."""
ABORTS: tuple[type[BaseException], ...] = tuple({click.exceptions.Abort, typer.Abort})


def run(argv: list[str]) -> int:
    """Run the command line on ``argv`` and return its exit status (tests call this)."""
    try:
        status = app(args=argv, prog_name="medcite", standalone_mode=False)
    except MedciteError as exc:
        print_error(str(exc))
        return _exit_code(exc)
    except USAGE_ERRORS as exc:
        usage = cast(click.ClickException, exc)  # click's, or the same class vendored by typer
        usage.show()
        return usage.exit_code
    except ABORTS:
        err().print("aborted")
        return 130
    except BrokenPipeError:  # the reader of our output went away (``| head``): nothing to say
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # a file the command writes or reads outside the stores (-o FILE)
        failure = storage_error(exc, exc.filename or "", "reading or writing a file")
        print_error(str(failure))
        return _exit_code(failure)
    return status if isinstance(status, int) else EXIT_OK


def main() -> None:
    """Entry point of the ``medcite`` console script."""
    raise SystemExit(run(sys.argv[1:]))


def _exit_code(exc: MedciteError) -> int:
    for kind in type(exc).__mro__:
        code = EXIT_CODES.get(cast(type[MedciteError], kind))
        if code is not None:
            return code
    return 1
