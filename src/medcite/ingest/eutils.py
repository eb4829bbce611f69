"""A client of NCBI's E-utilities that fetches PubMed records as NLM XML, for users online.

``medcite fetch pubmed --query Q --max N`` runs :func:`fetch_pubmed_xml`: one ESearch on
the Entrez history server (``usehistory=y``), then EFetch in batches of
``NcbiSettings.batch_size`` from that result set, yielding each batch's XML bytes
unparsed, so the ``pubmed_xml`` reader is the only parser of PubMed records.

It follows NCBI's usage guidelines ("A General Introduction to the E-utilities",
https://www.ncbi.nlm.nih.gov/books/NBK25497/):

- no more than 3 requests per second, 10 with an API key (:class:`RateLimiter`);
- every request names the ``tool`` and the developer's ``email`` (and the ``api_key``);
- large result sets are retrieved through the history server (``WebEnv`` + ``query_key``)
  in batches, not by passing long PMID lists around;
- very long queries (more than several hundred characters) are sent by HTTP POST.

Requests that hit NCBI's limit (429) or a server fault (5xx), or that fail in transport,
are retried with exponential backoff, honouring ``Retry-After``; after
``NcbiSettings.max_retries`` retries the client raises :class:`~medcite.errors.FetchError`.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType

import httpx
from lxml import etree

from medcite.errors import FetchError
from medcite.settings import NcbiSettings

Clock = Callable[[], float]
Sleep = Callable[[float], None]

DATABASE = "pubmed"
LONG_QUERY_CHARS = 300
"""Terms longer than this go by POST, as NCBI advises for queries of several hundred chars."""
MAX_RETRY_AFTER_SECONDS = 300.0
"""A ``Retry-After`` longer than this is capped, so a bad header cannot stall a run for hours."""
_RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
_SECRET_PARAMS = frozenset({"api_key", "email"})


@dataclass(frozen=True, slots=True)
class SearchResult:
    """An ESearch result kept on NCBI's history server: how many hits, and where they are.

    ``webenv`` and ``query_key`` name the result set for EFetch; they are empty when the
    query matched nothing, since there is then nothing to fetch.
    """

    count: int
    webenv: str
    query_key: str
    query: str = ""


class RateLimiter:
    """Spaces calls at least ``1 / per_second`` seconds apart on a monotonic clock.

    NCBI blocks clients that send more than 3 requests/s (10 with an API key); spacing
    every request, retries included, keeps us under it. The clock and sleep are injected
    so tests can check the spacing without waiting. Not thread-safe: one per client.
    """

    def __init__(self, per_second: float, *, clock: Clock, sleep: Sleep) -> None:
        self._interval = 1.0 / per_second
        self._clock = clock
        self._sleep = sleep
        self._next_allowed: float | None = None

    def wait(self) -> None:
        """Sleep until the next call is allowed, then book the slot after it."""
        now = self._clock()
        if self._next_allowed is not None and now < self._next_allowed:
            self._sleep(self._next_allowed - now)
            now = max(self._clock(), self._next_allowed)
        self._next_allowed = now + self._interval


class EutilsClient:
    """ESearch and EFetch against ``settings.base_url``, polite to NCBI and patient with it.

    Pass ``http`` to use a client of your own (tests pass one bound to a loopback server);
    the caller then closes it. ``clock`` and ``sleep`` drive rate limiting and backoff.
    """

    def __init__(
        self,
        settings: NcbiSettings,
        *,
        http: httpx.Client | None = None,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
    ) -> None:
        self._settings = settings
        self._owns_http = http is None
        if http is None:
            http = httpx.Client(timeout=settings.timeout_seconds)
        self._http = http
        self._sleep = sleep
        self._limiter = RateLimiter(settings.requests_per_second, clock=clock, sleep=sleep)

    def __enter__(self) -> EutilsClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client if this object created it."""
        if self._owns_http:
            self._http.close()

    def search(self, query: str) -> SearchResult:
        """Run ESearch for ``query`` and keep its result set on the history server.

        ``retmax=0`` asks only for the count and the history keys; the PMIDs themselves
        come back with the records in :meth:`fetch_xml_batches`.
        """
        params = {"db": DATABASE, "term": query, "usehistory": "y", "retmax": "0"}
        post = len(query) > LONG_QUERY_CHARS
        response = self._request("esearch.fcgi", params, post=post)
        return parse_search_result(response.content, query)

    def fetch_xml_batches(self, search: SearchResult, max_records: int) -> Iterator[bytes]:
        """Yield the raw ``PubmedArticleSet`` XML of each EFetch batch, up to ``max_records``.

        Note NCBI serves at most the first 10,000 records of a PubMed search this way.
        """
        total = min(search.count, max(max_records, 0))
        batch_size = self._settings.batch_size
        for retstart in range(0, total, batch_size):
            params = {
                "db": DATABASE,
                "query_key": search.query_key,
                "WebEnv": search.webenv,
                "retstart": str(retstart),
                "retmax": str(min(batch_size, total - retstart)),
                "retmode": "xml",
            }
            response = self._request("efetch.fcgi", params)
            check_fetch_body(response.content, search.query)
            yield response.content

    def _request(
        self, endpoint: str, params: Mapping[str, str], *, post: bool = False
    ) -> httpx.Response:
        """Send one E-utilities request, retrying 429, 5xx and transport errors."""
        url = self._settings.base_url.rstrip("/") + "/" + endpoint
        sent = {**params, **self._identity()}
        attempts = self._settings.max_retries + 1
        failure = ""
        for attempt in range(attempts):
            self._limiter.wait()
            try:
                response = self._send(url, sent, post=post)
            except httpx.TransportError as exc:
                failure, delay = f"{type(exc).__name__}: {exc}", self._backoff(attempt, None)
            else:
                if response.is_success:
                    return response
                failure = f"HTTP {response.status_code}"
                if response.status_code not in _RETRYABLE_STATUSES:
                    detail = response.text[:200].strip()  # NCBI explains e.g. a bad API key
                    raise FetchError(f"{describe_request(url, params)} failed: {failure} {detail}")
                delay = self._backoff(attempt, response.headers.get("Retry-After"))
            if attempt + 1 < attempts:
                self._sleep(delay)
        raise FetchError(
            f"{describe_request(url, params)} failed: {failure} (after {attempts} attempts)"
        )

    def _send(self, url: str, params: Mapping[str, str], *, post: bool) -> httpx.Response:
        if post:
            return self._http.post(url, data=dict(params))
        return self._http.get(url, params=dict(params))

    def _identity(self) -> dict[str, str]:
        """``tool``, ``email`` and ``api_key``: NCBI asks every request to carry them."""
        identity = {"tool": self._settings.tool}
        if self._settings.email:
            identity["email"] = self._settings.email
        if self._settings.api_key:
            identity["api_key"] = self._settings.api_key
        return identity

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        """The server's ``Retry-After`` when it gives one, else backoff doubling per attempt."""
        seconds = parse_retry_after(retry_after) if retry_after else None
        if seconds is None:
            seconds = self._settings.backoff_seconds * 2**attempt
        return min(seconds, MAX_RETRY_AFTER_SECONDS)


def fetch_pubmed_xml(
    query: str,
    max_records: int,
    settings: NcbiSettings,
    *,
    http: httpx.Client | None = None,
) -> Iterator[bytes]:
    """Search PubMed for ``query`` and yield the NLM XML of up to ``max_records`` records.

    The library function behind ``medcite fetch pubmed``; it opens and closes its own
    client. Each item is one ``PubmedArticleSet`` document, for ``read_pubmed_xml``.
    """
    with EutilsClient(settings, http=http) as client:
        result = client.search(query)
        yield from client.fetch_xml_batches(result, max_records)


def parse_search_result(body: bytes, query: str) -> SearchResult:
    """Read an ``eSearchResult``; NCBI reports bad queries inside it with HTTP 200.

    ``ERROR`` means the search did not run. ``ErrorList`` (e.g. ``PhraseNotFound``) with
    hits means part of the query was dropped, so the hits would answer another question;
    with no hits it is only how NCBI says "nothing found", which is an answer, not a fault.
    """
    root = _parse_xml(body, f"ESearch for {query!r}")
    if root.tag != "eSearchResult":
        raise FetchError(f"ESearch for {query!r} returned <{root.tag}>, not <eSearchResult>")
    error = root.findtext("ERROR")
    if error is not None:
        raise FetchError(f"ESearch for {query!r} failed: {error.strip()}")
    count = _int_field(root, "Count", query)
    problems = [f"{item.tag}: {(item.text or '').strip()}" for item in root.iterfind("ErrorList/*")]
    if problems and count:
        raise FetchError(f"ESearch for {query!r} failed: {'; '.join(problems)}")
    webenv = (root.findtext("WebEnv") or "").strip()
    query_key = (root.findtext("QueryKey") or "").strip()
    if count and not (webenv and query_key):
        raise FetchError(f"ESearch for {query!r} returned no WebEnv/QueryKey for its results")
    return SearchResult(count=count, webenv=webenv, query_key=query_key, query=query)


def check_fetch_body(body: bytes, query: str) -> None:
    """Refuse an EFetch answer that is not a ``PubmedArticleSet``.

    An expired ``WebEnv`` comes back with HTTP 200 as ``<eFetchResult><ERROR>``; only the
    root element is read here, the records are left to the ``pubmed_xml`` reader.
    """
    what = f"EFetch for {query!r}"
    try:
        _, root = next(etree.iterparse(io.BytesIO(body), events=("start",), no_network=True))
    except (StopIteration, etree.XMLSyntaxError) as exc:
        raise FetchError(f"{what} returned unreadable XML: {exc}") from exc
    if root.tag == "PubmedArticleSet":
        return
    detail = _parse_xml(body, what).findtext("ERROR") or f"<{root.tag}>"
    raise FetchError(f"{what} failed: {detail.strip()}")


def parse_retry_after(value: str) -> float | None:
    """``Retry-After`` as seconds from now (RFC 9110 §10.2.3: delay-seconds or HTTP-date)."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)


def describe_request(url: str, params: Mapping[str, str]) -> str:
    """The request as a URL for messages, without the API key or email NCBI was sent."""
    shown = {name: value for name, value in params.items() if name not in _SECRET_PARAMS}
    return str(httpx.URL(url, params=shown))


def _parse_xml(body: bytes, what: str) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise FetchError(f"{what} returned unreadable XML: {exc}") from exc


def _int_field(root: etree._Element, name: str, query: str) -> int:
    text = (root.findtext(name) or "").strip()
    if not text.isdigit():
        raise FetchError(f"ESearch for {query!r} returned no valid <{name}>: {text!r}")
    return int(text)
