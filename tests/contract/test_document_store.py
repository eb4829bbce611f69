"""The contract every document store backend passes (SQLite now; PostgreSQL later).

Idempotent upserts by id, PMID versions ordering replacements, deletions as tombstones
that reach the index through the change sequence, and all-or-nothing batches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from medcite.errors import NotFoundError
from medcite.records import Deletion, Record, Section, Sentence, Source
from medcite.store import DocumentStore, SqliteStore

StoreFactory = Callable[[Path], DocumentStore]


def _sqlite(path: Path) -> DocumentStore:
    return SqliteStore.open(path / "store.sqlite3")


@pytest.fixture(params=[_sqlite], ids=["sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DocumentStore]:
    factory: StoreFactory = request.param
    opened = factory(tmp_path)
    yield opened
    opened.close()


def record(pmid: int, *, version: int = 1, title: str = "A title") -> Record:
    return Record(
        id=f"pmid:{pmid}",
        source=Source.PUBMED_XML,
        title=title,
        pmid=str(pmid),
        version=version,
        sections=(Section("First sentence here. Second one.", "RESULTS", "RESULTS"),),
    )


def spans(item: Record) -> dict[str, list[Sentence]]:
    text = item.sections[0].text
    return {
        item.id: [
            Sentence(item.id, 0, 0, 0, 20, text[:20]),
            Sentence(item.id, 0, 1, 21, len(text), text[21:]),
        ]
    }


def test_upsert_is_idempotent(store: DocumentStore) -> None:
    first = store.write_batch([record(1), record(2)], {})
    again = store.write_batch([record(1), record(2)], {})
    assert (first.added, first.updated, first.unchanged) == (2, 0, 0)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert again.changed == ()
    assert store.counts().records == 2


def test_changed_content_updates_in_place(store: DocumentStore) -> None:
    store.write_batch([record(1, title="Old")], {})
    outcome = store.write_batch([record(1, title="New")], {})
    assert outcome.updated == 1
    assert store.get("pmid:1").title == "New"
    assert store.counts().records == 1


def test_newer_version_replaces_older_and_older_never_returns(store: DocumentStore) -> None:
    store.write_batch([record(1, version=1, title="v1")], {})
    store.write_batch([record(1, version=2, title="v2")], {})
    outcome = store.write_batch([record(1, version=1, title="v1")], {})
    assert outcome.unchanged == 1
    assert store.get("pmid:1").title == "v2"


def test_deletion_removes_and_blocks_resurrection_by_same_version(store: DocumentStore) -> None:
    store.write_batch([record(1), record(2)], {})
    outcome = store.write_batch([Deletion("pmid:1")], {})
    assert outcome.deleted == 1
    assert outcome.removed == ("pmid:1",)
    with pytest.raises(NotFoundError):
        store.get("pmid:1")
    assert store.write_batch([record(1)], {}).unchanged == 1
    assert store.counts().records == 1
    assert store.counts().deleted == 1


def test_deleting_an_unknown_id_leaves_a_tombstone_only(store: DocumentStore) -> None:
    outcome = store.write_batch([Deletion("pmid:9")], {})
    assert outcome.deleted == 0
    assert store.counts().records == 0


def test_delete_then_readd_in_one_batch_ends_as_the_store_ends(store: DocumentStore) -> None:
    store.write_batch([record(1)], {})
    outcome = store.write_batch([Deletion("pmid:1"), record(1, version=2)], {})
    assert [r.id for r in outcome.changed] == ["pmid:1"]
    assert outcome.removed == ()
    assert store.get("pmid:1").version == 2


def test_sequence_and_changes_since_replay_every_change_once(store: DocumentStore) -> None:
    first = store.write_batch([record(1), record(2)], {})
    second = store.write_batch([Deletion("pmid:1"), record(3)], {})
    assert second.sequence > first.sequence == store.write_batch([], {}).sequence - 2
    changes = list(store.changes_since(first.sequence))
    assert [(record_id, rec is None) for record_id, rec in changes] == [
        ("pmid:1", True),
        ("pmid:3", False),
    ]


def test_failed_batch_changes_nothing(store: DocumentStore) -> None:
    store.write_batch([record(1)], {})
    before = store.sequence()

    class Boom(Record):  # a record whose encoding fails half-way through the batch
        pass

    broken = Boom(id="pmid:7", source=Source.TEXT, title=object())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        store.write_batch([record(2), broken], {})
    assert store.sequence() == before
    with pytest.raises(NotFoundError):
        store.get("pmid:2")


def test_sentences_are_stored_as_spans_and_read_back_as_text(store: DocumentStore) -> None:
    item = record(1)
    store.write_batch([item], spans(item))
    sentences = store.sentences(item)
    assert [s.text for s in sentences] == ["First sentence here.", "Second one."]
    assert all(item.sections[s.section_index].text[s.start : s.end] == s.text for s in sentences)


def test_get_many_skips_missing_and_deleted(store: DocumentStore) -> None:
    store.write_batch([record(1), record(2), Deletion("pmid:2")], {})
    assert set(store.get_many(["pmid:1", "pmid:2", "pmid:3"])) == {"pmid:1"}
    assert [r.id for r in store.live_records()] == ["pmid:1"]
