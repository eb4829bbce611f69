"""Read PMC's bulk packages: ``.tar.gz`` archives of JATS articles, without unpacking them.

PMC's Open Access bulk files (``oa_comm_xml.PMC000xxxxxx.baseline.YYYY-MM-DD.tar.gz``)
hold thousands of ``PMCnnn.xml`` articles in folders; its per-article packages
(``PMCnnn.tar.gz``) hold one ``.nxml`` beside its figures and PDF. Every member whose name
ends in ``.nxml`` or ``.xml`` is read as JATS, in archive order, straight from the stream
(``tarfile`` in streaming mode: one member in memory at a time, nothing written to disk).

A member whose path leaves the archive's folder (absolute, or with ``..``) or that is a
link is not read, and is reported by name: PMC never ships such members, so one means the
archive is not what it claims. A damaged archive keeps every article read before the
damage and ends with one rejection naming it.
"""

from __future__ import annotations

import tarfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from medcite.ingest.jats import read_jats
from medcite.records import Rejection, SourceItem

ARTICLE_SUFFIXES = (".nxml", ".xml")
MAX_MEMBER_BYTES = 64 * 1024 * 1024
"""Larger members are refused: no JATS article comes near it (the largest are a few MB)."""


def read_pmc_package(path: Path) -> Iterator[SourceItem]:
    """Yield the record (or rejection) of every JATS article in a PMC ``.tar.gz`` package."""
    where = str(path)
    try:
        with tarfile.open(path, mode="r|*") as archive:
            for member in archive:
                if not member.name.lower().endswith(ARTICLE_SUFFIXES):
                    continue
                location = f"{where}!{member.name}"
                problem = unsafe_member(member)
                if problem:
                    yield Rejection(location=location, reason=problem)
                    continue
                handle = archive.extractfile(member)
                if handle is None:
                    continue
                yield read_jats(handle.read(), location, PurePosixPath(member.name).stem)
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        yield Rejection(location=where, reason=f"damaged or unreadable tar archive: {exc}")


def unsafe_member(member: tarfile.TarInfo) -> str:
    """Why a member must not be read ("" when it may): a path out of the folder, a link, a giant."""
    parts = PurePosixPath(member.name).parts
    if member.name.startswith(("/", "\\")) or ".." in parts or ":" in member.name.split("/")[0]:
        return "the member's path leaves the archive's folder; it was not read"
    if member.issym() or member.islnk():
        return "the member is a link, not an article; it was not read"
    if not member.isfile():
        return "the member is not a regular file; it was not read"
    if member.size > MAX_MEMBER_BYTES:
        return f"the member is {member.size:,} bytes, more than any article; it was not read"
    return ""
