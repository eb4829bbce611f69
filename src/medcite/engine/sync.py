"""``medcite sync pubmed``: NLM's files mirrored, verified and applied in order, each once.

The mirror (``ingest.nlm_mirror``) lists and downloads; the rules of what is pending and
what a slice keeps are ``ingest.nlm_sync``'s; the store records each applied file with
its MD5 and the slice it was applied under. A file is recorded only after its last batch
is stored, so a run stopped anywhere re-applies at most the file it was in — and
applying a file again changes nothing (upserts are idempotent, deletions too).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from medcite import ingest
from medcite.errors import ConfigError
from medcite.records import IngestSummary, SyncedFile, SyncReport
from medcite.settings import SyncSettings
from medcite.store import SqliteStore
from medcite.vocab import VocabularyStore

if TYPE_CHECKING:  # ingest's readers are imported when a sync runs, not when a command starts
    Apply = Callable[[Iterable[ingest.PreparedItem]], IngestSummary]
    ReadPrepared = Callable[[Sequence[Path]], Iterable[ingest.PreparedItem]]


def widen_mesh(descriptors: Iterable[str], vocabulary: VocabularyStore) -> frozenset[str]:
    """The descriptors with every narrower descriptor (MeSH tree); needs MeSH loaded."""
    wanted = tuple(dict.fromkeys(descriptors))
    if not wanted:
        return frozenset()
    found: set[str] = set()
    for descriptor in wanted:
        concept = vocabulary.get(descriptor)
        if concept is None:
            raise ConfigError(
                f"--mesh {descriptor}: not a descriptor of the loaded vocabularies; load MeSH "
                "with `medcite vocab import dYYYY.bin` so its narrower terms are known"
            )
        found.add(descriptor)
        found.update(vocabulary.narrower(concept, limit=1_000_000))
    return frozenset(found)


def sync_pubmed(
    settings: SyncSettings,
    data_dir: Path,
    store: SqliteStore,
    record_slice: ingest.RecordSlice,
    read: ReadPrepared,
    apply: Apply,
    *,
    base_url: str | None = None,
    dry_run: bool = False,
) -> SyncReport:
    """Bring the store up to NLM's latest file; see the module docstring."""
    applied = store.applied_files()
    described = record_slice.describe()
    others = {used for _, used in applied.values() if used != described}
    if others:
        raise ConfigError(
            f"{data_dir}: was synced with the slice {sorted(others)[0]!r}, not {described!r}; "
            "use the same slice, or a fresh data directory for another"
        )
    with ingest.NlmMirror(
        base_url or settings.base_url,
        settings.mirror_path(data_dir),
        max_retries=settings.max_retries,
        backoff_seconds=settings.backoff_seconds,
        timeout_seconds=settings.timeout_seconds,
    ) as mirror:
        todo = ingest.pending_files(
            mirror.list_files(), {name: md5 for name, (md5, _) in applied.items()}
        )
        if dry_run:
            files = tuple(
                SyncedFile(f.path, downloaded=mirror.local_path(f).is_file()) for f in todo
            )
            return SyncReport(files, True, len(applied), described)
        done: list[SyncedFile] = []
        for nlm_file in todo:
            md5 = mirror.checksum(nlm_file)
            was_there = mirror.local_path(nlm_file).is_file()
            path = mirror.fetch(nlm_file, md5)
            summary = apply(record_slice.keep(read([path])))
            store.record_applied(nlm_file.name, md5, described)
            done.append(SyncedFile(nlm_file.path, md5, summary, was_there))
    return SyncReport(tuple(done), False, len(applied), described)
