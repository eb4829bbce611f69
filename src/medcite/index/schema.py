"""What the lexical index holds of a record: its schema and each record's document.

The index holds only what search needs: the record id (stored, to name hits and to
delete by) and the analysed text of the title, abstract, MeSH terms and keywords, the
MeSH descriptor ids, major-topic ids and publication types as whole tokens, and the year
as a fast field for filters. Change any of it only together with
``manifest.FORMAT_VERSION``.
"""

from __future__ import annotations

import tantivy

from medcite.index.query import MAJOR_MESH_IDS, MESH_IDS, PUBLICATION_TYPES
from medcite.records import MeshHeading, Record
from medcite.settings import IndexSettings

ID_FIELD = "id"
TEXT_FIELDS = ("title", "abstract", "mesh", "keywords")
YEAR_FIELD = "year"


def build_schema() -> tantivy.Schema:
    """The index schema; change it only together with ``manifest.FORMAT_VERSION``."""
    builder = tantivy.SchemaBuilder()
    builder.add_text_field(ID_FIELD, stored=True, tokenizer_name="raw", index_option="basic")
    for name in TEXT_FIELDS:
        # Positions are indexed so that quoted phrases can be searched.
        builder.add_text_field(name, tokenizer_name="en_stem", index_option="position")
    # Descriptor ids and publication types as whole tokens: a concept found in MeSH
    # whatever words the record uses, and guidelines found by their type.
    for name in (MESH_IDS, MAJOR_MESH_IDS, PUBLICATION_TYPES):
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field(YEAR_FIELD, indexed=True, fast=True)
    return builder.build()


def field_boosts(settings: IndexSettings) -> dict[str, float]:
    """BM25 boost of each text field, from the settings."""
    return {
        "title": settings.title_boost,
        "abstract": settings.abstract_boost,
        "mesh": settings.mesh_boost,
        "keywords": settings.keywords_boost,
    }


def record_document(record: Record) -> tantivy.Document:
    """The index document of a record: its id and the text search looks at.

    Built with keyword arguments in one call, the fastest of tantivy's document
    builders when measured (adding documents dominates the cost of indexing).
    """
    mesh = [heading.name for heading in record.mesh_headings]
    mesh.extend(chemical.name for chemical in record.chemicals)
    fields: dict[str, object] = {
        ID_FIELD: record.id,
        "title": record.title,
        "abstract": record.abstract,
        "mesh": mesh,
        "keywords": list(record.keywords),
        MESH_IDS: [heading.descriptor_id for heading in record.mesh_headings],
        MAJOR_MESH_IDS: [h.descriptor_id for h in record.mesh_headings if is_major(h)],
        PUBLICATION_TYPES: list(record.publication_types),
    }
    if record.year is not None:
        fields[YEAR_FIELD] = record.year
    return tantivy.Document(**fields)


def is_major(heading: MeshHeading) -> bool:
    """A major topic of the record: the descriptor, or one of its qualifiers, starred by NLM."""
    return heading.major_topic or any(q.major_topic for q in heading.qualifiers)
