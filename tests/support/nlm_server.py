"""A loopback stand-in for NLM's PubMed download site, serving real files.

Laid out as https://ftp.ncbi.nlm.nih.gov/pubmed/: ``/pubmed/baseline/`` and
``/pubmed/updatefiles/`` answer with an index page linking every file (as NLM's server
does), each ``pubmedYYnNNNN.xml.gz`` has its ``.md5`` (``MD5(NAME)= HEX``), and files are
served with ``Content-Length`` and honour ``Range`` (206), so downloads can resume.
Faults can be planned per file name, each served once instead of the file:
``truncate`` (the full length announced, half the bytes sent, the connection closed),
``drop`` (the connection closed before any response), ``corrupt`` (every byte sent but
one changed), ``stall`` (half the bytes, then nothing until the server stops) or an HTTP
status. Every request is recorded.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import ClassVar


def nlm_layout(root: Path, baseline: list[Path], updates: list[Path], year: int = 25) -> Path:
    """Copy XML files into ``root/pubmed`` as NLM names them (gzipped), with ``.md5`` files.

    Baseline files are numbered from 1, update files on from the baseline's last.
    """
    number = 0
    for directory, sources in (("baseline", baseline), ("updatefiles", updates)):
        folder = root / "pubmed" / directory
        folder.mkdir(parents=True, exist_ok=True)
        for source in sources:
            number += 1
            data = source.read_bytes()
            if not data.startswith(b"\x1f\x8b"):
                data = gzip.compress(data, mtime=0)
            add_file(folder, f"pubmed{year:02d}n{number:04d}.xml.gz", data)
    return root / "pubmed"


def add_file(folder: Path, name: str, data: bytes) -> None:
    """A data file and its NLM-style checksum file."""
    (folder / name).write_bytes(data)
    (folder / f"{name}.md5").write_text(f"MD5({name})= {hashlib.md5(data).hexdigest()}\n")


@dataclass
class NlmServer:
    """Serves ``root`` (the folder holding ``baseline/`` and ``updatefiles/``) on loopback."""

    root: Path
    faults: dict[str, list[str | int]] = field(default_factory=lambda: defaultdict(list))
    requests: list[tuple[str, str]] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None
    _stop: threading.Event = field(default_factory=threading.Event)

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/pubmed/"

    def __enter__(self) -> NlmServer:
        handler = type("Handler", (_Handler,), {"site": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    def gets_of(self, name: str) -> list[str]:
        """The Range header (or "") of each GET of the file ``name``."""
        return [rng for path, rng in self.requests if path.endswith("/" + name)]


class _Handler(BaseHTTPRequestHandler):
    site: ClassVar[NlmServer]
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    def do_GET(self) -> None:
        site = self.site
        site.requests.append((self.path, self.headers.get("Range", "")))
        relative = self.path.removeprefix("/pubmed/")
        target = site.root / relative
        if self.path.startswith("/pubmed/") and relative.endswith("/") and target.is_dir():
            self._index(target)
        elif self.path.startswith("/pubmed/") and target.is_file():
            self._file(target)
        else:
            self._send(404, b"not found", "text/plain")

    def _index(self, folder: Path) -> None:
        links = "".join(
            f'<a href="{p.name}">{p.name}</a>  2025-01-01 00:00  {p.stat().st_size}\n'
            for p in sorted(folder.iterdir())
        )
        page = f"<html><head><title>Index of {self.path}</title></head><body><pre>{links}</pre>"
        self._send(200, page.encode(), "text/html")

    def _file(self, path: Path) -> None:
        data = path.read_bytes()
        planned = self.site.faults.get(path.name)
        fault = planned.pop(0) if planned else None
        if fault == "drop":
            self.close_connection = True
            return
        if isinstance(fault, int):
            self._send(fault, b"planned failure", "text/plain")
            return
        start = 0
        requested = self.headers.get("Range", "")
        if requested.startswith("bytes=") and requested.endswith("-"):
            start = int(requested[len("bytes=") : -1])
            if start >= len(data):
                self._send(416, b"", "text/plain")
                return
        body = data[start:]
        if fault == "corrupt":
            body = bytes([body[0] ^ 0xFF]) + body[1:]
        self.send_response(206 if start else 200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        if start:
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        self.end_headers()
        if fault in ("truncate", "stall"):
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            if fault == "stall":
                self.site._stop.wait(120)
            self.close_connection = True
            return
        self.wfile.write(body)

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
