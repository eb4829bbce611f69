"""The E-utilities client against a loopback server that speaks NCBI's protocol.

The server holds real PubMed XML from ``../shared/data/pubmed_xml``; the client only ever
sees its loopback ``base_url``, so no test reaches the network. Rate limiting and backoff
run on a fake clock whose ``sleep`` only moves time forward.
"""

from __future__ import annotations

import io
import itertools
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from lxml import etree

from medcite.errors import FetchError
from medcite.ingest.eutils import (
    EutilsClient,
    RateLimiter,
    SearchResult,
    fetch_pubmed_xml,
    parse_retry_after,
)
from medcite.records import Record
from medcite.settings import NcbiSettings
from support.eutils_server import EutilsServer, PubmedCorpus

pytestmark = pytest.mark.shared_data


class FakeClock:
    """A monotonic clock that moves only when something sleeps on it."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture(scope="module")
def corpus(shared_data: Path) -> PubmedCorpus:
    return PubmedCorpus.from_directory(shared_data / "pubmed_xml")


@pytest.fixture
def server(corpus: PubmedCorpus) -> Iterator[EutilsServer]:
    with EutilsServer(corpus) as running:
        yield running


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make_client(
    server: EutilsServer, clock: FakeClock, http: httpx.Client | None = None, **settings: Any
) -> EutilsClient:
    ncbi = NcbiSettings(base_url=server.base_url, **settings)
    return EutilsClient(ncbi, http=http, clock=clock, sleep=clock.sleep)


def pmids_in(batch: bytes) -> list[str]:
    root = etree.fromstring(batch, etree.XMLParser(resolve_entities=False, no_network=True))
    assert root.tag == "PubmedArticleSet"
    return [(pmid.text or "").strip() for pmid in root.iterfind("PubmedArticle/*/PMID")]


def efetch_params(server: EutilsServer, name: str) -> list[str]:
    return [r.params[name] for r in server.requests if r.path.endswith("/efetch.fcgi")]


def test_search_then_fetch_in_batches_returns_every_match(
    server: EutilsServer, clock: FakeClock
) -> None:
    expected = server.corpus.search(["patients"])
    assert len(expected) > 100, "the query should need several batches"
    with make_client(server, clock, batch_size=50) as client:
        result = client.search("patients")
        batches = list(client.fetch_xml_batches(result, max_records=10_000))
    assert result.count == len(expected)
    assert [pmid for batch in batches for pmid in pmids_in(batch)] == expected
    assert efetch_params(server, "retstart") == ["0", "50", "100"]
    assert efetch_params(server, "retmax") == ["50", "50", str(len(expected) - 100)]
    assert set(efetch_params(server, "WebEnv")) == {result.webenv}
    assert set(efetch_params(server, "query_key")) == {result.query_key}


def test_batches_are_real_nlm_xml(server: EutilsServer, clock: FakeClock) -> None:
    with make_client(server, clock) as client:
        (batch,) = client.fetch_xml_batches(client.search("asthma"), max_records=5)
    assert batch.startswith(b"<?xml")
    assert b"<!DOCTYPE PubmedArticleSet" in batch.split(b"<PubmedArticleSet>")[0]


def test_max_records_is_respected(server: EutilsServer, clock: FakeClock) -> None:
    expected = server.corpus.search(["cancer"])[:60]
    with make_client(server, clock, batch_size=25) as client:
        batches = list(client.fetch_xml_batches(client.search("cancer"), max_records=60))
    assert [pmid for batch in batches for pmid in pmids_in(batch)] == expected
    assert efetch_params(server, "retmax") == ["25", "25", "10"]


def test_nothing_is_fetched_for_zero_records(server: EutilsServer, clock: FakeClock) -> None:
    with make_client(server, clock) as client:
        assert list(client.fetch_xml_batches(client.search("cancer"), max_records=0)) == []
    assert efetch_params(server, "retmax") == []


def test_every_request_names_tool_email_and_api_key(server: EutilsServer, clock: FakeClock) -> None:
    identity = {"tool": "medcite-tests", "email": "dev@example.org", "api_key": "k3y"}
    ncbi = NcbiSettings(base_url=server.base_url, batch_size=10, **identity)
    with EutilsClient(ncbi, clock=clock, sleep=clock.sleep) as client:
        list(client.fetch_xml_batches(client.search("mice"), max_records=100))
    assert len(server.requests) == 3
    for request in server.requests:
        assert {name: request.params.get(name) for name in identity} == identity


def test_no_api_key_or_email_is_sent_when_unset(server: EutilsServer, clock: FakeClock) -> None:
    with make_client(server, clock) as client:
        client.search("mice")
    (request,) = server.requests
    assert request.params["tool"] == "medcite"
    assert "api_key" not in request.params
    assert "email" not in request.params


def test_long_query_is_sent_by_post(server: EutilsServer, clock: FakeClock) -> None:
    query = "patients" + " AND the" * 60
    with make_client(server, clock) as client:
        result = client.search(query)
    (request,) = server.requests
    assert request.method == "POST"
    assert request.params["term"] == query
    assert result.count == len(server.corpus.search(["patients", "the"]))


def test_retries_after_429_honouring_retry_after(server: EutilsServer, clock: FakeClock) -> None:
    server.fail_next(2, status=429, retry_after="3")
    with make_client(server, clock) as client:
        result = client.search("asthma")
    assert result.count == len(server.corpus.search(["asthma"]))
    assert clock.sleeps == [3.0, 3.0]
    assert len(server.requests) == 3


@pytest.mark.parametrize("status", [500, 502, 503])
def test_retries_after_5xx_with_exponential_backoff(
    server: EutilsServer, clock: FakeClock, status: int
) -> None:
    server.fail_next(3, status=status)
    with make_client(server, clock, backoff_seconds=1.0) as client:
        client.search("asthma")
    assert clock.sleeps == [1.0, 2.0, 4.0]


def test_retries_a_dropped_connection(server: EutilsServer, clock: FakeClock) -> None:
    server.fail_next(1, status=0)
    with make_client(server, clock) as client:
        assert client.search("asthma").count > 0
    assert len(server.requests) == 2


def test_retries_during_efetch_lose_no_records(server: EutilsServer, clock: FakeClock) -> None:
    expected = server.corpus.search(["mice"])
    with make_client(server, clock, batch_size=10) as client:
        result = client.search("mice")
        server.fail_next(2, status=502)
        batches = list(client.fetch_xml_batches(result, max_records=100))
    assert [pmid for batch in batches for pmid in pmids_in(batch)] == expected


def test_gives_up_after_max_retries(server: EutilsServer, clock: FakeClock) -> None:
    server.fail_next(10, status=502)
    client = make_client(server, clock, max_retries=2, api_key="s3cret", backoff_seconds=0.5)
    with client, pytest.raises(FetchError, match=r"esearch\.fcgi.*HTTP 502.*3 attempts") as info:
        client.search("asthma")
    assert server.base_url in str(info.value)
    assert "s3cret" not in str(info.value)
    assert len(server.requests) == 3
    assert clock.sleeps == [0.5, 1.0]


def test_client_errors_are_not_retried(server: EutilsServer, clock: FakeClock) -> None:
    ncbi = NcbiSettings(base_url=server.base_url + "no-such-place/")
    with (
        EutilsClient(ncbi, clock=clock, sleep=clock.sleep) as client,
        pytest.raises(FetchError, match="HTTP 404 Not Found"),
    ):
        client.search("asthma")
    assert len(server.requests) == 1


def test_unreachable_server_fails_after_retries(clock: FakeClock) -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    ncbi = NcbiSettings(base_url=f"http://127.0.0.1:{port}/", max_retries=1)
    with (
        EutilsClient(ncbi, clock=clock, sleep=clock.sleep) as client,
        pytest.raises(FetchError, match="ConnectError"),
    ):
        client.search("asthma")


def test_error_in_esearch_xml_is_a_fetch_error(server: EutilsServer, clock: FakeClock) -> None:
    with make_client(server, clock) as client, pytest.raises(FetchError, match="Empty term"):
        client.search("")


def test_phrase_not_found_names_the_query(server: EutilsServer, clock: FakeClock) -> None:
    with (
        make_client(server, clock) as client,
        pytest.raises(FetchError, match=r"'asthma zzqqxx'.*PhraseNotFound: zzqqxx"),
    ):
        client.search("asthma zzqqxx")


def test_a_query_nothing_matches_finds_nothing_without_error(
    server: EutilsServer, clock: FakeClock
) -> None:
    with make_client(server, clock) as client:
        search = client.search("zzqqxx")
        assert search.count == 0
        assert list(client.fetch_xml_batches(search, max_records=10)) == []


def test_expired_history_is_a_fetch_error(server: EutilsServer, clock: FakeClock) -> None:
    stale = SearchResult(count=5, webenv="MCID_expired", query_key="1", query="asthma")
    with (
        make_client(server, clock) as client,
        pytest.raises(FetchError, match="Unable to obtain query #1"),
    ):
        list(client.fetch_xml_batches(stale, max_records=5))


@pytest.mark.parametrize(("api_key", "interval"), [("", 1 / 3), ("k3y", 1 / 10)])
def test_requests_are_spaced_by_the_rate_limit(
    server: EutilsServer, clock: FakeClock, api_key: str, interval: float
) -> None:
    sent_at: list[float] = []
    hooks = {"request": [lambda request: sent_at.append(clock())]}
    with (
        httpx.Client(event_hooks=hooks) as http,
        make_client(server, clock, http=http, api_key=api_key, batch_size=5) as client,
    ):
        list(client.fetch_xml_batches(client.search("mice"), max_records=100))
    assert len(sent_at) == 1 + 4
    gaps = [later - earlier for earlier, later in itertools.pairwise(sent_at)]
    assert all(gap == pytest.approx(interval) for gap in gaps)


def test_rate_limiter_waits_only_when_calls_come_too_fast(clock: FakeClock) -> None:
    limiter = RateLimiter(4.0, clock=clock, sleep=clock.sleep)
    limiter.wait()
    limiter.wait()
    clock.now += 1.0
    limiter.wait()
    assert clock.sleeps == [0.25]


def test_requests_reach_the_server_spaced_in_real_time(server: EutilsServer) -> None:
    """One short real-time run (about 0.3 s at the 10/s keyed limit) as seen by the server."""
    ncbi = NcbiSettings(base_url=server.base_url, api_key="k3y", batch_size=7)
    with EutilsClient(ncbi) as client:
        list(client.fetch_xml_batches(client.search("mice"), max_records=100))
    times = [request.time for request in server.requests]
    assert len(times) == 4
    # Arrival times jitter with connection set-up; unthrottled requests arrive ~1 ms apart.
    assert times[-1] - times[0] >= 0.25
    assert all(later - earlier >= 0.05 for earlier, later in itertools.pairwise(times))


def test_fetch_pubmed_xml_yields_records_the_reader_understands(server: EutilsServer) -> None:
    pubmed_xml = pytest.importorskip("medcite.ingest.pubmed_xml")
    ncbi = NcbiSettings(base_url=server.base_url, api_key="k3y", batch_size=2)
    batches = list(fetch_pubmed_xml("asthma", 10, ncbi))
    records = [
        item
        for n, batch in enumerate(batches)
        for item in pubmed_xml.read_pubmed_xml(io.BytesIO(batch), f"efetch batch {n}")
    ]
    assert [record.pmid for record in records if isinstance(record, Record)] == (
        server.corpus.search(["asthma"])
    )


def test_server_serves_efetch_by_id_list(server: EutilsServer) -> None:
    wanted = server.corpus.search(["mice"])[:3]
    with httpx.Client() as http:
        response = http.get(
            server.base_url + "efetch.fcgi", params={"db": "pubmed", "id": ",".join(wanted)}
        )
    assert response.status_code == 200
    assert pmids_in(response.content) == wanted


@pytest.mark.parametrize(
    ("header", "seconds"),
    [("7", 7.0), ("Thu, 01 Jan 1970 00:00:00 GMT", 0.0), ("soon", None)],
)
def test_retry_after_header_forms(header: str, seconds: float | None) -> None:
    assert parse_retry_after(header) == seconds
