"""Conversations: each turn's question as understood, kept in the data directory.

A follow-up ("and how is it treated?") is read in the light of the conversation's last
question, so it inherits the condition and population asked about before. Turns are
kept whole (the understood ``Question`` as JSON), so a conversation can be replayed and
shown; ids are the caller's or fresh random ones.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import msgspec

from medcite.records import Question
from medcite.sqlitefiles import is_read_only, open_sqlite, sqlite_failures

CONVERSATIONS_FILE = "conversations.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS turns (
    conversation TEXT NOT NULL,
    turn INTEGER NOT NULL,
    question BLOB NOT NULL,
    asked_at TEXT NOT NULL,
    PRIMARY KEY (conversation, turn)
);
"""
_decode = msgspec.json.Decoder(Question).decode


def new_conversation_id() -> str:
    """A fresh, unguessable conversation id."""
    return secrets.token_urlsafe(12)


class Conversations:
    """The turns of every conversation of one data directory, opened on first use."""

    def __init__(self, data_dir: Path) -> None:
        self._path = data_dir / CONVERSATIONS_FILE
        self._db: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = open_sqlite(self._path, _SCHEMA, "the conversations")
        return self._db

    def close(self) -> None:
        """Close the connection if it was opened."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def last_question(self, conversation: str) -> Question | None:
        """The conversation's latest understood question, or None for a new conversation."""
        if self._db is None and not self._path.exists():
            return None
        row = (
            self._connection()
            .execute(
                "SELECT question FROM turns WHERE conversation = ? ORDER BY turn DESC LIMIT 1",
                (conversation,),
            )
            .fetchone()
        )
        return _decode(row[0]) if row else None

    def append(self, conversation: str, question: Question) -> int:
        """Add a turn; returns its number (1 for the first), or 0 when the data directory
        is read-only and keeps no conversations."""
        if self._db is None and not os.access(self._path.parent, os.W_OK):
            return 0  # a read-only data directory keeps no conversation
        db = self._connection()
        if is_read_only(db):
            return 0
        with sqlite_failures(self._path, "keeping the conversation"):
            return self._append(db, conversation, question)

    def _append(self, db: sqlite3.Connection, conversation: str, question: Question) -> int:
        db.execute("BEGIN IMMEDIATE")
        try:
            (latest,) = db.execute(
                "SELECT COALESCE(MAX(turn), 0) FROM turns WHERE conversation = ?", (conversation,)
            ).fetchone()
            db.execute(
                "INSERT INTO turns VALUES (?, ?, ?, ?)",
                (
                    conversation,
                    latest + 1,
                    msgspec.json.encode(question),
                    datetime.now(UTC).isoformat(),
                ),
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return int(latest) + 1
