"""A loopback stand-in for NCBI's E-utilities, serving real PubMed XML.

Clients of remote services are tested against a local server that speaks the real
protocol (STYLE.md, Tests). This one answers ``esearch.fcgi`` with an ``eSearchResult``
shaped like NCBI's (Count, RetMax, RetStart, QueryKey, WebEnv, IdList, TranslationSet,
QueryTranslation, ErrorList) and ``efetch.fcgi`` with a ``PubmedArticleSet`` made of the
original ``PubmedArticle`` elements of real NLM files, DOCTYPE line included. It keeps
result sets on a "history server" (WebEnv + query_key), accepts GET and POST, can be told
to fail the next requests (429 with ``Retry-After``, 5xx, dropped connections) and
records every request so tests can check identity parameters and request spacing.

Matching is deliberately simple: every word of the term (field tags, quotes, parentheses
and ``AND`` dropped) must occur, case-insensitively, in the title or abstract.

Use it as a context manager::

    corpus = PubmedCorpus.from_directory(shared_data / "pubmed_xml")
    with EutilsServer(corpus) as server:
        settings = NcbiSettings(base_url=server.base_url)
"""

from __future__ import annotations

import copy
import gzip
import itertools
import re
import threading
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import ClassVar
from urllib.parse import parse_qsl, urlsplit

from lxml import etree

PUBMED_DOCTYPE = (
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">'
)
ESEARCH_DOCTYPE = (
    '<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" '
    '"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">'
)
BASE_PATH = "/entrez/eutils/"
_UTILITIES = ("esearch", "efetch")
DEFAULT_RETMAX = 20  # NCBI's default for both ESearch and EFetch
_FIELD_TAG = re.compile(r"\[[^\]]*\]")
_PUNCTUATION = re.compile(r"[\"()]")


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One request as the server saw it: query string and form fields merged."""

    method: str
    path: str
    params: dict[str, str]
    time: float


@dataclass(frozen=True, slots=True)
class PlannedFailure:
    """A failure to serve instead of the next request; ``status=0`` drops the connection."""

    status: int
    retry_after: str | None = None


@dataclass
class PubmedCorpus:
    """Real ``PubmedArticle`` elements by PMID, with their searchable text."""

    articles: dict[str, etree._Element] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_directory(cls, directory: Path) -> PubmedCorpus:
        """Load every ``*.xml``/``*.xml.gz`` file; the first copy of a PMID wins."""
        corpus = cls()
        for path in sorted(directory.glob("*.xml*")):
            for article in _read_articles(path):
                corpus.add(article)
        return corpus

    def add(self, article: etree._Element) -> None:
        pmid = (article.findtext("MedlineCitation/PMID") or "").strip()
        if pmid and pmid not in self.articles:
            self.articles[pmid] = article
            self.texts[pmid] = _searchable_text(article)

    def search(self, words: Sequence[str]) -> list[str]:
        """PMIDs whose title or abstract holds every word, newest (highest PMID) first."""
        hits = [pmid for pmid, text in self.texts.items() if all(w in text for w in words)]
        return sorted(hits, key=int, reverse=True)

    def article_set(self, pmids: Iterable[str]) -> bytes:
        """A ``PubmedArticleSet`` document of the given records, as EFetch returns it."""
        root = etree.Element("PubmedArticleSet")
        for pmid in pmids:
            if pmid in self.articles:
                root.append(copy.deepcopy(self.articles[pmid]))
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", doctype=PUBMED_DOCTYPE)


class EutilsServer:
    """E-utilities on ``127.0.0.1`` (a free port) in a background thread."""

    def __init__(self, corpus: PubmedCorpus) -> None:
        self.corpus = corpus
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self._failures: list[PlannedFailure] = []
        self._history: dict[str, list[list[str]]] = {}
        self._httpd = _Httpd(("127.0.0.1", 0), _Handler, self)
        self._thread = threading.Thread(target=self._serve, name="eutils-server", daemon=True)

    @property
    def base_url(self) -> str:
        """What ``NcbiSettings.base_url`` should be set to."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}{BASE_PATH}"

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request so far, in arrival order (failed ones included)."""
        with self._lock:
            return list(self._requests)

    def fail_next(self, count: int, status: int = 429, retry_after: str | None = None) -> None:
        """Answer the next ``count`` requests with ``status`` (0: drop the connection)."""
        with self._lock:
            self._failures.extend([PlannedFailure(status, retry_after)] * count)

    def __enter__(self) -> EutilsServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()

    def _serve(self) -> None:
        self._httpd.serve_forever(poll_interval=0.05)

    def record(self, request: RecordedRequest) -> PlannedFailure | None:
        """Log a request and say whether it must fail."""
        with self._lock:
            self._requests.append(request)
            return self._failures.pop(0) if self._failures else None

    def esearch(self, params: dict[str, str]) -> bytes:
        """ESearch: match the term, keep the hits on the history server if asked."""
        term = params.get("term", "")
        words = search_words(term)
        if not words:
            return _error_document("eSearchResult", "Empty term and query_key - nothing todo")
        missing = [w for w in words if not self.corpus.search([w])]
        # Like PubMed, a phrase found nowhere is dropped and the rest is searched.
        found = [w for w in words if w not in missing]
        pmids = self.corpus.search(found) if found else []
        webenv, query_key = ("", "")
        if params.get("usehistory") == "y":
            webenv, query_key = self._remember(params.get("WebEnv", ""), pmids)
        return _search_document(params, words, pmids, missing, webenv, query_key)

    def efetch(self, params: dict[str, str]) -> bytes:
        """EFetch by ``id=`` list or by ``WebEnv`` + ``query_key`` with retstart/retmax."""
        if params.get("id"):
            pmids = [pmid.strip() for pmid in params["id"].split(",")]
            return self.corpus.article_set(pmids)
        key = params.get("query_key", "")
        with self._lock:
            sets = self._history.get(params.get("WebEnv", ""), [])
        if not key.isdigit() or not 0 < int(key) <= len(sets):
            return _error_document("eFetchResult", f"Unable to obtain query #{key}")
        start = int(params.get("retstart", "0"))
        stop = start + int(params.get("retmax", str(DEFAULT_RETMAX)))
        return self.corpus.article_set(sets[int(key) - 1][start:stop])

    def _remember(self, webenv: str, pmids: list[str]) -> tuple[str, str]:
        with self._lock:
            if webenv not in self._history:
                webenv = f"MCID_{uuid.uuid4().hex}"
                self._history[webenv] = []
            self._history[webenv].append(pmids)
            return webenv, str(len(self._history[webenv]))


def search_words(term: str) -> list[str]:
    """The words of a PubMed term this server matches on (see the module docstring)."""
    cleaned = _PUNCTUATION.sub(" ", _FIELD_TAG.sub(" ", term.lower()))
    return [word for word in cleaned.split() if word != "and"]


class _Httpd(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self, address: tuple[str, int], handler: type[_Handler], eutils: EutilsServer
    ) -> None:
        super().__init__(address, handler)
        self.eutils = eutils


class _Handler(BaseHTTPRequestHandler):
    server: _Httpd
    routes: ClassVar[dict[str, str]] = {f"{BASE_PATH}{name}.fcgi": name for name in _UTILITIES}

    def do_GET(self) -> None:
        self._answer(body=b"")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        self._answer(body=self.rfile.read(length))

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: pytest shows server noise as test output."""

    def _answer(self, body: bytes) -> None:
        url = urlsplit(self.path)
        params = dict(parse_qsl(url.query)) | dict(parse_qsl(body.decode()))
        eutils = self.server.eutils
        failure = eutils.record(RecordedRequest(self.command, url.path, params, time.monotonic()))
        if failure is not None:
            self._fail(failure)
        elif url.path not in self.routes:
            self._send(404, b"Not Found", "text/plain")
        else:
            self._send(200, getattr(eutils, self.routes[url.path])(params), "text/xml")

    def _fail(self, failure: PlannedFailure) -> None:
        if failure.status == 0:
            self.close_connection = True  # no response at all: a transport error
            return
        headers = {"Retry-After": failure.retry_after} if failure.retry_after else {}
        body = b'{"error":"API rate limit exceeded"}' if failure.status == 429 else b""
        body = body or HTTPStatus(failure.status).phrase.encode()
        self._send(failure.status, body, "application/json", headers)

    def _send(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def _read_articles(path: Path) -> list[etree._Element]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    data = path.read_bytes()
    root = etree.fromstring(gzip.decompress(data) if path.suffix == ".gz" else data, parser)
    return list(root.iterfind("PubmedArticle"))


def _searchable_text(article: etree._Element) -> str:
    parts = itertools.chain(
        article.iterfind("MedlineCitation/Article/ArticleTitle"),
        article.iterfind("MedlineCitation/Article/Abstract/AbstractText"),
    )
    return " ".join("".join(str(text) for text in part.itertext()) for part in parts).lower()


def _search_document(
    params: dict[str, str],
    words: list[str],
    pmids: list[str],
    missing: list[str],
    webenv: str,
    query_key: str,
) -> bytes:
    start = int(params.get("retstart", "0"))
    retmax = int(params.get("retmax", str(DEFAULT_RETMAX)))
    shown = pmids[start : start + retmax]
    root = etree.Element("eSearchResult")
    for name, value in (("Count", len(pmids)), ("RetMax", len(shown)), ("RetStart", start)):
        etree.SubElement(root, name).text = str(value)
    if webenv:
        etree.SubElement(root, "QueryKey").text = query_key
        etree.SubElement(root, "WebEnv").text = webenv
    id_list = etree.SubElement(root, "IdList")
    for pmid in shown:
        etree.SubElement(id_list, "Id").text = pmid
    translations = etree.SubElement(root, "TranslationSet")
    for word in words:
        translation = etree.SubElement(translations, "Translation")
        etree.SubElement(translation, "From").text = word
        etree.SubElement(translation, "To").text = f'"{word}"[Title/Abstract]'
    etree.SubElement(root, "QueryTranslation").text = " AND ".join(
        f'"{word}"[Title/Abstract]' for word in words
    )
    if missing:
        errors = etree.SubElement(root, "ErrorList")
        for word in missing:
            etree.SubElement(errors, "PhraseNotFound").text = word
    if not pmids:
        warnings = etree.SubElement(root, "WarningList")
        etree.SubElement(warnings, "OutputMessage").text = "No items found."
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", doctype=ESEARCH_DOCTYPE)


def _error_document(root_tag: str, message: str) -> bytes:
    root = etree.Element(root_tag)
    etree.SubElement(root, "ERROR").text = message
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
