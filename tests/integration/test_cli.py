"""The CLI contract later checks rely on, run in-process through ``medcite.cli.run``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from medcite.cli import EXIT_REJECTED, run
from medcite.engine import Engine
from medcite.errors import SourceError
from medcite.ingest.demo import demo_corpus_paths
from medcite.records import Answer, Audience
from support.answers import full_answer
from support.eutils_server import EutilsServer, PubmedCorpus


def medcite(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    """Run one command against ``data_dir``: (exit status, stdout, stderr)."""
    capsys.readouterr()
    status = run(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def sample_xml(fixtures_dir: Path) -> Path:
    return fixtures_dir / "pubmed" / "sample.xml"


def test_ingest_search_show_stats_round_trip(
    capsys: pytest.CaptureFixture[str], data_dir: Path, sample_xml: Path
) -> None:
    status, _, summary = medcite(capsys, data_dir, "ingest", str(sample_xml))
    assert status == 0, summary
    status, out, _ = medcite(capsys, data_dir, "stats", "--format", "json")
    stats = json.loads(out)
    assert stats["records"] == stats["indexed_documents"] > 0
    assert stats["index_in_step"] is True

    first_id = json.loads(medcite(capsys, data_dir, "export", "jsonl")[1].splitlines()[0])["id"]
    status, out, _ = medcite(capsys, data_dir, "show", first_id, "--format", "json")
    record = json.loads(out)
    assert status == 0
    assert record["id"] == first_id
    assert all({"label", "text"} <= set(section) for section in record["sections"])

    title_words = " ".join(record["title"].split()[:4])
    status, out, _ = medcite(capsys, data_dir, "search", title_words, "--format", "json")
    assert status == 0
    assert first_id in [hit["record_id"] for hit in json.loads(out)]


def test_reingest_is_idempotent(
    capsys: pytest.CaptureFixture[str], data_dir: Path, sample_xml: Path
) -> None:
    medcite(capsys, data_dir, "ingest", str(sample_xml))
    before = json.loads(medcite(capsys, data_dir, "stats", "--format", "json")[1])
    status, _, message = medcite(capsys, data_dir, "ingest", str(sample_xml))
    assert "rejected" in message
    after = json.loads(medcite(capsys, data_dir, "stats", "--format", "json")[1])
    assert status == 0
    assert after["records"] == before["records"] == after["indexed_documents"]
    assert after["store_sequence"] == before["store_sequence"]  # nothing changed


def test_mixed_directory_keeps_good_records_and_names_each_bad_file(
    capsys: pytest.CaptureFixture[str], data_dir: Path, fixtures_dir: Path
) -> None:
    status, _, summary = medcite(capsys, data_dir, "ingest", str(fixtures_dir))
    assert status == EXIT_REJECTED
    for bad in ("truncated.xml.gz", "malformed.xml", "empty.xml", "bad_line.jsonl", "no_pmid.xml"):
        assert bad in summary
    stats = json.loads(medcite(capsys, data_dir, "stats", "--format", "json")[1])
    assert stats["records"] == stats["indexed_documents"] > 10


def test_missing_record_and_bad_settings_have_their_exit_codes(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    assert medcite(capsys, data_dir, "show", "pmid:1")[0] == 7
    (data_dir / "medcite.toml").write_text("[answer]\nno_such_key = 1\n")
    status, _, message = medcite(capsys, data_dir, "stats")
    assert status == 4
    assert "no_such_key" in message


@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced quote',
        "title:(a OR b) AND NOT c",
        "+mri -ct *",
        "10 km",
        "a^2 ~ b\\",
        "((()))",
        "NOT",
        "",
    ],
)
def test_search_and_ask_take_any_text_as_words(
    capsys: pytest.CaptureFixture[str], data_dir: Path, sample_xml: Path, text: str
) -> None:
    medcite(capsys, data_dir, "ingest", str(sample_xml))
    status, out, _ = medcite(capsys, data_dir, "search", text, "--format", "json")
    assert status == 0
    assert isinstance(json.loads(out), list)
    status, out, err = medcite(capsys, data_dir, "ask", text, "--format", "json")
    assert status == (6 if not text.strip() else 0), err


def test_ask_json_contract_locates_every_statement_in_its_record(
    capsys: pytest.CaptureFixture[str], data_dir: Path, shared_data: Path
) -> None:
    medcite(capsys, data_dir, "ingest", str(shared_data / "pubmed_xml"))
    question = "How does physical function change in older adults during lung cancer treatment?"
    status, out, _ = medcite(capsys, data_dir, "ask", question, "--format", "json")
    answer = json.loads(out)
    assert status == 0
    assert answer["question"] == question
    statements = [s for section in answer["sections"] for s in section["statements"]]
    assert statements
    numbers = {ref["n"]: ref for ref in answer["references"]}
    for statement in statements:
        shown = json.loads(
            medcite(capsys, data_dir, "show", statement["record_id"], "--format", "json")[1]
        )
        section = shown["sections"][statement["section_index"]]
        assert section["label"] == statement["section"]
        start = statement["start"] + statement["offset"]
        assert section["text"][start : statement["end"]] == statement["text"]
        assert all(
            numbers[n]["record_id"] == statement["record_id"] for n in statement["citations"]
        )
    assert {"n", "record_id", "pmid", "doi", "title", "journal", "year", "authors"} <= set(
        answer["references"][0]
    )


def test_ask_markdown_and_text_formats(
    capsys: pytest.CaptureFixture[str], data_dir: Path, sample_xml: Path
) -> None:
    medcite(capsys, data_dir, "ingest", str(sample_xml))
    record = json.loads(medcite(capsys, data_dir, "export", "jsonl")[1].splitlines()[0])
    question = " ".join(record["title"].split()[:6])
    status, markdown, _ = medcite(
        capsys, data_dir, "ask", question, "--format", "markdown", "--conversation", "new"
    )
    assert status == 0
    assert markdown.startswith(f"# {question}")
    assert "## References" in markdown
    footer = markdown.rstrip("\n").splitlines()[-1]  # one line, however long: never wrapped
    assert footer.startswith("*Index snapshot ") and footer.endswith(" ms*") and len(footer) > 80
    status, text, _ = medcite(capsys, data_dir, "ask", question)
    assert status == 0
    assert "References" in text


def test_ask_sends_audience_and_conversation_to_the_engine_and_prints_the_conversation(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    sample_xml: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    medcite(capsys, data_dir, "ingest", str(sample_xml))
    status, out, err = medcite(capsys, data_dir, "ask", "calcinosis", "--format", "json")
    assert status == 0, err
    assert json.loads(out)["conversation"] == "" and "conversation" not in err  # none kept
    status, out, err = medcite(
        capsys, data_dir, "ask", "calcinosis", "--audience", "patient", "--format", "json",
        "--conversation", "new",
    )  # fmt: skip
    assert status == 0, err
    first = json.loads(out)
    assert first["audience"] == "patient" and first["conversation"]  # the real engine's
    assert f"conversation {first['conversation']} (continue it with --conversation" in err
    status, out, err = medcite(
        capsys,
        data_dir,
        "ask",
        "and imaging?",
        "--conversation",
        first["conversation"],
        "--format",
        "json",
    )
    assert status == 0, err
    assert json.loads(out)["conversation"] == first["conversation"]

    asked: list[tuple[str, Audience, str | None]] = []

    def ask(
        engine: Engine,
        question: str,
        audience: Audience = Audience.CLINICIAN,
        conversation: str | None = None,
    ) -> Answer:
        asked.append((question, audience, conversation))
        return full_answer(audience)

    monkeypatch.setattr(Engine, "ask", ask)
    status, out, err = medcite(
        capsys,
        data_dir,
        "ask",
        "and in children?",
        "--audience",
        "researcher",
        "--conversation",
        "conv-41",
        "--format",
        "html",
    )
    assert status == 0, err
    assert asked == [("and in children?", Audience.RESEARCHER, "conv-41")]
    assert "conversation conv-42 (continue it with --conversation conv-42)" in err
    assert out.startswith("<!doctype html>") and "How medcite understood the question" in out
    status, _, _ = medcite(capsys, data_dir, "ask", "calcinosis")
    assert asked[-1] == ("calcinosis", Audience.CLINICIAN, None)
    status, _, err = medcite(capsys, data_dir, "ask", "calcinosis", "--audience", "martian")
    assert status == 2 and "martian" in err


@pytest.fixture
def eutils(shared_data: Path) -> Iterator[EutilsServer]:
    with EutilsServer(PubmedCorpus.from_directory(shared_data / "pubmed_xml")) as server:
        yield server


def test_fetch_pubmed_ingests_what_the_loopback_eutils_server_returns(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    eutils: EutilsServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MEDCITE_NCBI__BASE_URL", eutils.base_url)
    monkeypatch.setenv("MEDCITE_NCBI__BATCH_SIZE", "7")
    expected = eutils.corpus.search("cancer")
    status, _, summary = medcite(
        capsys, data_dir, "fetch", "pubmed", "--query", "cancer", "--max", "20"
    )
    assert status == 0, summary
    stats = json.loads(medcite(capsys, data_dir, "stats", "--format", "json")[1])
    assert stats["records"] == min(20, len(expected))
    efetches = [r for r in eutils.requests if r.path.endswith("efetch.fcgi")]
    assert len(efetches) == -(-stats["records"] // 7)


def test_ingest_without_sources_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    status, _, message = medcite(capsys, data_dir, "ingest")
    assert status == 2
    assert "--demo" in message


def test_demo_corpus_is_the_two_complete_nlm_files(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    try:
        demo_corpus_paths()
    except SourceError as missing:
        pytest.skip(str(missing))
    status, _, summary = medcite(capsys, data_dir, "ingest", "--demo")
    assert status == 0, summary
    stats = json.loads(medcite(capsys, data_dir, "stats", "--format", "json")[1])
    # 30,000 baseline + 20,788 update records, 5 PMIDs in both (updated in place), and the
    # update file's DeleteCitation of 20 PMIDs the baseline slice never held (tombstones).
    assert stats["records"] == stats["indexed_documents"] == 50_783
    assert stats["deleted"] == 20


def test_index_rebuild_recovers_an_index_of_other_settings_or_format(
    capsys: pytest.CaptureFixture[str], data_dir: Path, sample_xml: Path
) -> None:
    assert medcite(capsys, data_dir, "ingest", str(sample_xml))[0] == 0
    (data_dir / "medcite.toml").write_text("[index]\ntitle_boost = 3.0\n", encoding="utf-8")
    status, _, error = medcite(capsys, data_dir, "search", "calcinosis")
    assert status == 9 and "index rebuild" in error  # refused, naming the fix
    manifest = data_dir / "index" / "manifest.json"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('"format_version": 2', '"format_version": 1'),
        encoding="utf-8",
    )
    assert '"format_version": 1' in manifest.read_text(encoding="utf-8")
    status, out, error = medcite(capsys, data_dir, "index", "rebuild")
    assert status == 0, error
    assert "index rebuilt" in out
    status, out, _ = medcite(capsys, data_dir, "stats", "--format", "json")
    stats = json.loads(out)
    assert status == 0 and stats["index_in_step"] and stats["indexed_documents"] > 0
