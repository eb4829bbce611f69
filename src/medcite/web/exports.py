"""The seam for reference exports (RIS, BibTeX, CSL-JSON) of an answer's references.

The exporters themselves belong to ``medcite.render`` (written elsewhere); the web app only
serves them at ``/answers/{id}/export.{ris,bib,json}``. :data:`DEFAULT_EXPORTERS` is where
they are plugged in; until then those URLs answer 501 ``export_unavailable``. Whatever an
exporter returns is served as a download (attachment, ``nosniff``), never as a page, so
record text in it cannot run in a browser.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from medcite.records import Reference


@dataclass(frozen=True, slots=True)
class Exporter:
    """One export format: its media type and the function writing the references."""

    media_type: str
    write: Callable[[Sequence[Reference]], str]


EXPORT_FORMATS = {"ris": "RIS", "bib": "BibTeX", "json": "CSL-JSON"}
"""File extension → the name links show, in the order they are offered."""

DEFAULT_EXPORTERS: dict[str, Exporter] = {}
# e.g. {"ris": Exporter("application/x-research-info-systems", references_to_ris),
#       "bib": Exporter("application/x-bibtex", references_to_bibtex),
#       "json": Exporter("application/vnd.citationstyles.csl+json", references_to_csl_json)}
