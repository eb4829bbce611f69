"""An independent grounding check: is a statement in the original file it cites?

It shares no code with medcite's readers or composer: JATS is read with the standard
library's ElementTree, a PDF's text layer with pdfminer.six (medcite reads PDFs with
PDFium), a MedQuAD answer from the raw XML. Whitespace is ignored on both sides (a PDF's
text layer breaks lines wherever the page did), and so are a printed PDF's running
header and footer; nothing else.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

_PAGE_NUMBER = re.compile(r"\d+/\d+")


def squeezed(text: str) -> str:
    return "".join(text.split())


def jats_text(path: Path) -> str:
    """Every character of the article's XML text, without markup."""
    return squeezed("".join(ET.parse(path).getroot().itertext()))


def pdf_text(path: Path) -> str:
    """The PDF's text layer as pdfminer.six reads it, without the page furniture a printer
    adds (Chromium's header and footer: lines repeated on every page, and "n/m"), so a
    sentence that runs onto the next page reads on."""
    from pdfminer.high_level import extract_text

    pages = [
        [line.strip() for line in page.splitlines() if line.strip()]
        for page in extract_text(path).split("\f")
    ]
    pages = [lines for lines in pages if lines]
    repeated = set.intersection(*(set(lines) for lines in pages)) if len(pages) > 1 else set()
    return squeezed(
        "".join(
            line
            for lines in pages
            for line in lines
            if line not in repeated and not _PAGE_NUMBER.fullmatch(line)
        )
    )


def medquad_text(path: Path) -> str:
    """The answers of a MedQuAD XML document."""
    root = ET.parse(path).getroot()
    return squeezed(" ".join(answer.text or "" for answer in root.iter("Answer")))


def grounded(statement_text: str, original: str) -> bool:
    """Whether the statement's characters stand in the original, whitespace aside."""
    return squeezed(statement_text) in original
