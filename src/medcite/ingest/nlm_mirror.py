"""A mirror of NLM's PubMed distribution: the annual baseline and the daily update files.

NLM publishes PubMed as gzipped XML files in two directories
(https://ftp.ncbi.nlm.nih.gov/pubmed/, "MEDLINE/PubMed Baseline Repository"):
``baseline/pubmedYYnNNNN.xml.gz`` (the whole of PubMed once a year) and
``updatefiles/pubmedYYnNNNN.xml.gz`` (each day's new, revised and deleted citations,
numbered on from the baseline's last file). Each file has a ``.md5`` beside it
(``MD5(pubmed25n0001.xml.gz)= 0123…``). Files must be applied in number order: a
revision in a later file replaces the version of an earlier one, and a
``DeleteCitation`` removes what earlier files added.

This module lists the directories (the HTTP server's index page, where every file is
a link), downloads a file to ``NAME.part`` (resuming with an HTTP ``Range`` after a
dropped connection), checks it against its ``.md5`` and only then renames it into place,
so a file in the mirror is always whole and verified. Requests that fail in transport,
or with 429 or 5xx, are retried with exponential backoff; a checksum mismatch throws the
download away and fetches it again.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import httpx

from medcite.errors import FetchError, SourceError

DIRECTORIES = ("baseline", "updatefiles")
"""NLM's two directories, in the order their files apply."""

_FILE_NAME = re.compile(r"^pubmed(\d{2})n(\d{4})\.xml\.gz$")
_LINK = re.compile(rb"""href\s*=\s*["']?([^"' >]+)""", re.IGNORECASE)
_MD5_LINE = re.compile(r"^MD5\s*\(\s*(?P<name>[^)]+)\)\s*=\s*(?P<digest>[0-9a-fA-F]{32})\s*$")
_RETRYABLE = frozenset({429, 500, 502, 503, 504})
_COPY_BYTES = 1024 * 1024

Sleep = Callable[[float], None]


@dataclass(frozen=True, slots=True, order=True)
class NlmFile:
    """One file of NLM's distribution; ordered as the files must be applied."""

    year: int
    """The release year (``YY`` of ``pubmedYYnNNNN.xml.gz``): a new baseline comes after
    the previous year's updates."""
    directory_rank: int
    """0 for ``baseline``, 1 for ``updatefiles``."""
    number: int
    """The file's number (``NNNN`` of ``pubmedYYnNNNN.xml.gz``)."""
    name: str

    @property
    def directory(self) -> str:
        """``baseline`` or ``updatefiles``."""
        return DIRECTORIES[self.directory_rank]

    @property
    def path(self) -> str:
        """Where the file lies under the base URL (and under the mirror directory)."""
        return f"{self.directory}/{self.name}"


def parse_listing(page: bytes, directory: str, url: str) -> list[NlmFile]:
    """The data files an index page links to, in number order.

    Raises ``FetchError`` naming the URL when the page links to no NLM data file at all:
    a base URL that is not laid out as NLM's is refused rather than read as empty.
    """
    rank = DIRECTORIES.index(directory)
    names = {
        Path(link.decode("utf-8", "replace")).name for link in _LINK.findall(page)
    }  # links may be absolute or relative
    files = sorted(
        NlmFile(int(found.group(1)), rank, int(found.group(2)), name)
        for name in names
        if (found := _FILE_NAME.match(name))
    )
    if not files:
        raise FetchError(
            f"{url}: lists no pubmedYYnNNNN.xml.gz file; is the base URL laid out as NLM's "
            "pubmed/ directory (baseline/ and updatefiles/)?"
        )
    return files


def parse_md5(text: str, name: str, url: str) -> str:
    """The digest of an NLM ``.md5`` file (``MD5(NAME)= HEX``, or ``HEX  NAME``)."""
    line = text.strip()
    found = _MD5_LINE.match(line)
    if found is not None:
        if found.group("name").strip() != name:
            raise FetchError(f"{url}: is the checksum of {found.group('name')!r}, not {name!r}")
        return found.group("digest").lower()
    parts = line.split()
    if parts and re.fullmatch(r"[0-9a-fA-F]{32}", parts[0]):
        return parts[0].lower()
    raise FetchError(f"{url}: not an MD5 checksum file (read {line[:80]!r})")


def file_md5(path: Path) -> str:
    """The MD5 digest of a file, read in large blocks."""
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as handle:
        while block := handle.read(_COPY_BYTES):
            digest.update(block)
    return digest.hexdigest()


class NlmMirror:
    """Lists and downloads NLM's files from ``base_url`` into ``directory``.

    ``http`` lets tests pass a client of their own; ``sleep`` drives the backoff.
    """

    def __init__(
        self,
        base_url: str,
        directory: Path,
        *,
        max_retries: int = 5,
        backoff_seconds: float = 1.0,
        timeout_seconds: float = 60.0,
        http: httpx.Client | None = None,
        sleep: Sleep = time.sleep,
    ) -> None:
        self._base = base_url.rstrip("/") + "/"
        self._directory = directory
        self._retries = max_retries
        self._backoff = backoff_seconds
        self._owns_http = http is None
        self._http = http or httpx.Client(timeout=timeout_seconds, follow_redirects=True)
        self._sleep = sleep

    def __enter__(self) -> NlmMirror:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client if this mirror made it."""
        if self._owns_http:
            self._http.close()

    def list_files(self) -> list[NlmFile]:
        """Every data file of both directories, in the order they apply."""
        found: list[NlmFile] = []
        for directory in DIRECTORIES:
            url = self._base + directory + "/"
            found += parse_listing(self._get(url).content, directory, url)
        return sorted(found)

    def local_path(self, nlm_file: NlmFile) -> Path:
        """Where the verified file lies in the mirror."""
        return self._directory / nlm_file.directory / nlm_file.name

    def checksum(self, nlm_file: NlmFile) -> str:
        """The MD5 NLM publishes for the file; FetchError if it has none."""
        url = self._base + nlm_file.path + ".md5"
        response = self._get(url, missing_ok=True)
        if response.status_code == 404:
            raise FetchError(
                f"{url}: no .md5 beside {nlm_file.name}; an unverified file is refused"
            )
        return parse_md5(response.text, nlm_file.name, url)

    def fetch(self, nlm_file: NlmFile, expected_md5: str) -> Path:
        """The verified file in the mirror, downloaded (or resumed) unless already there."""
        target = self.local_path(nlm_file)
        if target.is_file() and file_md5(target) == expected_md5:
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        url = self._base + nlm_file.path
        for attempt in range(self._retries + 1):
            self._download(url, partial)
            found = file_md5(partial)
            if found == expected_md5:
                partial.replace(target)
                return target
            partial.unlink()  # corrupt: never applied, fetched again from the start
            if attempt < self._retries:
                self._sleep(self._backoff * 2**attempt)
        raise FetchError(
            f"{url}: checksum mismatch after {self._retries + 1} downloads "
            f"(MD5 {found}, NLM's .md5 says {expected_md5}); nothing of it was applied"
        )

    def _download(self, url: str, partial: Path) -> None:
        """Fetch ``url`` into ``partial``, resuming from its size, retrying transport errors."""
        failure = ""
        for attempt in range(self._retries + 1):
            have = partial.stat().st_size if partial.exists() else 0
            headers = {"Range": f"bytes={have}-"} if have else {}
            try:
                with self._http.stream("GET", url, headers=headers) as response:
                    if response.status_code == 416:  # nothing left to fetch past ``have``
                        return
                    if response.status_code in _RETRYABLE:
                        raise _RetryableStatusError(f"HTTP {response.status_code}")
                    if response.status_code not in (200, 206):
                        raise FetchError(f"{url}: HTTP {response.status_code}")
                    mode = "ab" if response.status_code == 206 else "wb"
                    _write_body(response, partial, mode)
                return
            except (httpx.TransportError, _RetryableStatusError) as exc:
                failure = f"{type(exc).__name__}: {exc}"
            if attempt < self._retries:
                self._sleep(self._backoff * 2**attempt)
        raise FetchError(f"{url}: download failed after {self._retries + 1} attempts ({failure})")

    def _get(self, url: str, *, missing_ok: bool = False) -> httpx.Response:
        """A small GET (listing, checksum) with retries; FetchError once they run out."""
        failure = ""
        for attempt in range(self._retries + 1):
            try:
                response = self._http.get(url)
            except httpx.TransportError as exc:
                failure = f"{type(exc).__name__}: {exc}"
            else:
                if response.is_success or (missing_ok and response.status_code == 404):
                    return response
                failure = f"HTTP {response.status_code}"
                if response.status_code not in _RETRYABLE:
                    raise FetchError(f"{url}: {failure}")
            if attempt < self._retries:
                self._sleep(self._backoff * 2**attempt)
        raise FetchError(f"{url}: failed after {self._retries + 1} attempts ({failure})")


class _RetryableStatusError(Exception):
    """A response worth retrying (429, 5xx)."""


def _write_body(response: httpx.Response, partial: Path, mode: str) -> None:
    """Append (or write) the response body; a full disk is an error naming the file."""
    try:
        with partial.open(mode) as sink:
            for block in response.iter_bytes():  # as received, so a cut keeps what came
                sink.write(block)
    except OSError as exc:
        raise SourceError(f"{partial}: cannot write the download: {exc.strerror or exc}") from exc
