from .conversations import CONVERSATIONS_FILE, new_conversation_id
from .core import (
    INDEX_DIR,
    STORE_FILE,
    Engine,
    Progress,
    Stats,
    normalise_record_id,
)
from .vocabularies import VOCABULARY_FILE

__all__ = [
    "CONVERSATIONS_FILE",
    "INDEX_DIR",
    "STORE_FILE",
    "VOCABULARY_FILE",
    "Engine",
    "Progress",
    "Stats",
    "new_conversation_id",
    "normalise_record_id",
]
