"""Reference exports (RIS, BibTeX, CSL-JSON) of an answer's references, as downloads.

The exporters belong to ``medcite.render``; the web app serves them at
``/answers/{id}/export.{ris,bib,json}`` (an app built without one answers 501
``export_unavailable`` for it). Whatever an exporter returns is served as a download
(attachment, ``nosniff``), never as a page, so record text in it cannot run in a browser.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from medcite.records import Reference
from medcite.render import references_to_bibtex, references_to_csl_json, references_to_ris


@dataclass(frozen=True, slots=True)
class Exporter:
    """One export format: its media type and the function writing the references."""

    media_type: str
    write: Callable[[Sequence[Reference]], str]


EXPORT_FORMATS = {"ris": "RIS", "bib": "BibTeX", "json": "CSL-JSON"}
"""File extension → the name links show, in the order they are offered."""

DEFAULT_EXPORTERS: dict[str, Exporter] = {
    "ris": Exporter("application/x-research-info-systems", references_to_ris),
    "bib": Exporter("application/x-bibtex", references_to_bibtex),
    "json": Exporter("application/vnd.citationstyles.csl+json", references_to_csl_json),
}
