"""The engine: one data directory's store, index and vocabularies, and what users run on them.

Every shell (CLI, HTTP API, web pages, evaluation harness) calls :class:`Engine`; only
this package knows all the stages.
"""

from medcite.engine.conversations import CONVERSATIONS_FILE, new_conversation_id
from medcite.engine.core import (
    INDEX_DIR,
    STORE_FILE,
    Engine,
    Progress,
    Stats,
    normalise_record_id,
)
from medcite.engine.vocabularies import VOCABULARY_FILE
from medcite.retrieve import Retrieval

__all__ = [
    "CONVERSATIONS_FILE",
    "INDEX_DIR",
    "STORE_FILE",
    "VOCABULARY_FILE",
    "Engine",
    "Progress",
    "Retrieval",
    "Stats",
    "new_conversation_id",
    "normalise_record_id",
]
