"""What ingestion keeps of a record for understanding later: the abbreviations it defines."""

from __future__ import annotations

from medcite.records import AbbreviationDefinition, Record
from medcite.understand.abbreviations import find_definitions
from medcite.words import term_key


def abbreviation_definitions(record: Record) -> tuple[AbbreviationDefinition, ...]:
    """The short forms the record's title and abstract define, each once."""
    found: dict[tuple[str, str], AbbreviationDefinition] = {}
    for text in (record.title, *(section.text for section in record.sections)):
        for definition in find_definitions(text):
            key = term_key(definition.long_form)
            if key:
                found.setdefault(
                    (definition.short_form, key),
                    AbbreviationDefinition(definition.short_form, definition.long_form, key),
                )
    return tuple(found.values())
