"""Read NLM PubMed XML (baseline, update and efetch files) into records, streaming.

Formats read (DTDs at https://dtd.nlm.nih.gov/ncbi/pubmed/out/):

* ``PubmedArticleSet`` (pubmed_190101.dtd … pubmed_250101.dtd): ``PubmedArticle``,
  ``PubmedBookArticle`` and, in daily update files, ``DeleteCitation``;
* the 2016 baseline ``MedlineCitationSet`` (nlmmedlinecitationset_160101.dtd), whose
  records are top-level ``MedlineCitation`` elements without ``PubmedData``.

A baseline file holds ~30,000 records, so the file is read with ``iterparse`` and each
record is cleared (with its preceding siblings) once read: memory stays flat per record.
Fields are reached with ``find``/``findtext`` on fixed child paths, which lxml compiles
and caches; that is several times faster than XPath per field.

Bad input never raises: a record without a PMID becomes a ``Rejection`` naming its
position, and a file that stops being readable (malformed XML, truncated gzip, not XML
at all) yields everything read before the fault, then one ``Rejection`` naming the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO, cast

from lxml import etree

from medcite.gzipfiles import GZIP_MAGIC, Inflater
from medcite.ingest.dates import parse_date_parts, parse_date_text
from medcite.ingest.xml_records import FilePart, XmlFault, XmlRecords
from medcite.records import (
    Author,
    Chemical,
    Deletion,
    Journal,
    MeshHeading,
    PublicationDate,
    Qualifier,
    Record,
    Rejection,
    Section,
    Source,
    SourceItem,
)

_ARTICLE = "PubmedArticle"
_BOOK = "PubmedBookArticle"
_DELETE = "DeleteCitation"
_CITATION = "MedlineCitation"
_CITATION_SET = "MedlineCitationSet"
KNOWN_ROOTS = frozenset({"PubmedArticleSet", _CITATION_SET, "PubmedBookArticleSet"})
_RECORD_TAGS = (_ARTICLE, _BOOK, _DELETE, _CITATION)

_ElementT = etree._Element


def read_pubmed_xml(source: Path | BinaryIO, location: str | None = None) -> Iterator[SourceItem]:
    """Yield a ``Record`` per citation, a ``Deletion`` per deleted PMID, and rejections.

    ``source`` is a path or a binary stream, plain or gzip-compressed (detected by its
    magic bytes). ``location`` names the source in rejections (default: the path or the
    stream's ``name``).
    """
    where = location or _name_of(source)
    with ExitStack() as stack:
        try:
            stream = stack.enter_context(open_binary(source))
        except OSError as error:
            yield Rejection(location=where, reason=f"cannot open: {error}")
            return
        yield from _read_stream(stream.read, where)


def read_pubmed_xml_part(
    read: Callable[[int], bytes], location: str, part: FilePart | None
) -> Iterator[SourceItem]:
    """The items of a part of a PubMed XML file (``parts.py``), numbered as in the file.

    ``read(size)`` gives the part's decompressed bytes; ``part`` says where it begins
    (None for the part that begins the file).
    """
    return _read_stream(read, location, part)


def _read_stream(
    read: Callable[[int], bytes], where: str, part: FilePart | None = None
) -> Iterator[SourceItem]:
    """Read the top-level elements of a PubMed XML stream; see ``read_pubmed_xml``."""
    elements = XmlRecords(read, record_tags_under, part)
    position = part.records_before if part is not None else 0
    faults = 0
    for element in elements:
        if isinstance(element, XmlFault):
            faults += 1
            position += element.in_record  # the faulty record keeps its number
            yield _fault_rejection(element, where, position)
            continue
        position += 1
        yield from _read_element(element, where, position)
        _release(element)
    if position == 0 and faults == 0 and elements.root_tag not in KNOWN_ROOTS:
        tag = "none" if elements.root_tag is None else f"<{elements.root_tag}>"
        yield Rejection(location=where, reason=f"not PubMed XML (root element {tag})")


def record_tags_under(root_tag: str) -> tuple[str, ...]:
    """The record elements that are children of ``root_tag`` (all of them when unknown)."""
    if root_tag == _CITATION_SET:
        return (_CITATION, _DELETE)
    if root_tag in KNOWN_ROOTS:
        return (_ARTICLE, _BOOK, _DELETE)
    return _RECORD_TAGS


def _fault_rejection(fault: XmlFault, where: str, position: int) -> Rejection:
    """The rejection for a stretch of the file that could not be read."""
    if fault.stream_error is not None:  # the bytes stopped, not the XML: say why
        return Rejection(
            location=where,
            reason=f"unreadable after {fault.records_before} records: {fault.message}",
        )
    line = f"line {fault.line}: " if fault.line else ""
    then = (
        f"; reading resumed at line {fault.resumed_line}"
        if fault.resumed_line is not None
        else "; nothing after it could be read"
    )
    reason = f"malformed XML after {fault.records_before} records, {line}{fault.message}{then}"
    return Rejection(
        location=where, reason=reason, record=f"record {position}" if fault.in_record else ""
    )


def _read_element(element: _ElementT, where: str, position: int) -> Iterator[SourceItem]:
    """Turn one top-level element into items; a bad record becomes a ``Rejection``."""
    if element.tag == _DELETE:
        for pmid in element.iterfind("PMID"):
            if pmid.text and pmid.text.strip():
                yield Deletion(record_id=f"pmid:{pmid.text.strip()}")
        return
    try:
        if element.tag == _BOOK:
            yield _book_record(element)
        elif element.tag == _ARTICLE:
            yield _article_record(element)
        else:
            yield _citation_record(element, None)
    except ValueError as error:
        yield Rejection(location=where, reason=str(error), record=f"record {position}")


def _release(element: _ElementT) -> None:
    """Free a read record and everything before it, so memory stays flat on big files."""
    element.clear()  # its tail is the whitespace between records: nothing to keep
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _article_record(element: _ElementT) -> Record:
    """A ``PubmedArticle``: its ``MedlineCitation`` plus ids from ``PubmedData``."""
    citation = _child(element, _CITATION)
    if citation is None:
        raise ValueError("PubmedArticle without MedlineCitation")
    return _citation_record(
        citation, next(_grandchildren(element, "PubmedData", "ArticleIdList"), None)
    )


def _citation_record(citation: _ElementT, id_list: _ElementT | None) -> Record:
    """A ``MedlineCitation`` (with its ``Article``) as a ``Record``.

    Children are looked up in one pass (``_children``) rather than one ``find`` each:
    on a baseline file this is most of the difference from a bare parse loop.
    """
    pmid, version = _pmid(citation)
    parts = _children(citation)
    article = parts.get("Article")
    fields = _children(article) if article is not None else {}
    ids = _article_ids(id_list)
    abstract = fields.get("Abstract")
    abstract_parts = _children(abstract) if abstract is not None else {}
    mesh = parts.get("MeshHeadingList")
    chemicals = parts.get("ChemicalList")
    types = fields.get("PublicationTypeList")
    return Record(
        id=f"pmid:{pmid}",
        source=Source.PUBMED_XML,
        title=_text(fields.get("ArticleTitle")),
        sections=_sections(abstract),
        version=version,
        pmid=pmid,
        doi=ids.get("doi") or _elocation(article, "doi"),
        pmcid=ids.get("pmc", ""),
        pii=ids.get("pii") or _elocation(article, "pii"),
        vernacular_title=_text(fields.get("VernacularTitle")),
        copyright=_text(abstract_parts.get("CopyrightInformation")),
        publication_types=_texts(types.iterchildren("PublicationType"))
        if types is not None
        else (),
        mesh_headings=tuple(map(_mesh_heading, mesh.iterchildren("MeshHeading")))
        if mesh is not None
        else (),
        chemicals=tuple(map(_chemical, chemicals.iterchildren("Chemical")))
        if chemicals is not None
        else (),
        keywords=_texts(_grandchildren(citation, "KeywordList", "Keyword")),
        date=_article_date(fields),
        journal=_journal(fields),
        authors=_authors(fields.get("AuthorList")),
        languages=_texts(article.iterchildren("Language")) if article is not None else (),
    )


def _children(element: _ElementT) -> dict[str, _ElementT]:
    """An element's children by tag, for elements whose children are unique per tag."""
    return {child.tag: child for child in element}


def _child(element: _ElementT, tag: str) -> _ElementT | None:
    """The first child named ``tag``: what ``element.find(tag)`` finds, in half its time.

    ``find`` and ``iterfind`` take an ElementPath, looked up and evaluated for every call
    (~1 µs, several per record); ``iterchildren`` matches a tag in C.
    """
    return next(element.iterchildren(tag), None)


def _grandchildren(element: _ElementT, tag: str, grandchild: str) -> Iterator[_ElementT]:
    """The children named ``grandchild`` of the children named ``tag``, in document
    order: what ``element.iterfind(f"{tag}/{grandchild}")`` finds (see ``_child``)."""
    for child in element.iterchildren(tag):
        yield from child.iterchildren(grandchild)


def _book_record(element: _ElementT) -> Record:
    """A ``PubmedBookArticle`` (NCBI Bookshelf chapter or book) as a ``Record``.

    The title is the chapter's ``ArticleTitle``, else the ``BookTitle``; authors are the
    chapter's ``AuthorList Type="authors"``, else the book's (never its editors).
    """
    document = element.find("BookDocument")
    if document is None:
        raise ValueError("PubmedBookArticle without BookDocument")
    pmid, version = _pmid(document)
    book = document.find("Book")
    ids = _article_ids(document.find("ArticleIdList"))
    ids = _article_ids(element.find("PubmedBookData/ArticleIdList")) | ids
    abstract = document.find("Abstract")
    book_parts = _children(book) if book is not None else {}
    title = _text(document.find("ArticleTitle")) or _text(book_parts.get("BookTitle"))
    date = _date_of(book_parts.get("PubDate")) or _date_of(document.find("ContributionDate"))
    return Record(
        id=f"pmid:{pmid}",
        source=Source.PUBMED_XML,
        title=title,
        sections=_sections(abstract),
        version=version,
        pmid=pmid,
        doi=ids.get("doi") or _elocation(document, "doi") or _elocation(book, "doi"),
        pmcid=ids.get("pmc", ""),
        pii=ids.get("pii", ""),
        vernacular_title=_text(document.find("VernacularTitle")),
        copyright=_text(abstract.find("CopyrightInformation")) if abstract is not None else "",
        publication_types=_texts(document.iterfind("PublicationType")),
        keywords=_texts(document.iterfind("KeywordList/Keyword")),
        date=date or PublicationDate(),
        authors=_book_authors(document) or (_book_authors(book) if book is not None else ()),
        languages=_texts(document.iterfind("Language")),
    )


def _pmid(element: _ElementT) -> tuple[str, int]:
    """The ``PMID`` and its ``Version`` attribute (1 when absent or not a number)."""
    node = _child(element, "PMID")
    pmid = (node.text or "").strip() if node is not None else ""
    if node is None or not pmid.isdigit():
        raise ValueError(f"no PMID (found {pmid!r})" if pmid else "no PMID")
    version = node.get("Version", "1")
    return pmid, int(version) if version.isdigit() else 1


def _text(element: _ElementT | None) -> str:
    """An element's text with inline markup (<i>, <sup>, <b>, MathML) flattened.

    Whitespace is collapsed to single spaces, as NLM's own displays do.
    """
    if element is None:
        return ""
    if len(element) == 0:
        text = element.text
        return _single_spaced(text) if text else ""
    pieces = cast(Iterator[str], element.itertext())  # str in Python 3; the stubs say bytes too
    return _single_spaced("".join(pieces))


_LONG_TEXT = 64
"""Characters from which checking a text's spacing costs less than redoing it."""
_OTHER_ASCII_SPACE = ("  ", "\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")
"""What makes an ASCII text's whitespace other than single spaces: the ASCII characters
``str.split`` splits at (``str.isspace``), but the space, and two spaces in a row."""


def _single_spaced(text: str) -> str:
    """``text`` with its whitespace collapsed to single spaces and its ends stripped.

    Most abstracts and titles are ASCII already spaced so: for a long text that is
    checked first (``str.isascii`` is a flag; each ``in`` a byte search), a quarter of
    the cost of splitting a ~1 kB abstract into its words and joining them again.
    """
    if (
        len(text) >= _LONG_TEXT
        and text.isascii()
        and text[0] != " "
        and text[-1] != " "
        and not any(space in text for space in _OTHER_ASCII_SPACE)
    ):
        return text
    return " ".join(text.split())


def _texts(elements: Iterator[_ElementT]) -> tuple[str, ...]:
    """The non-empty flattened texts of several elements, in document order."""
    texts = (_text(element) for element in elements)
    return tuple(text for text in texts if text)


def _sections(abstract: _ElementT | None) -> tuple[Section, ...]:
    """Each ``AbstractText`` as a ``Section`` with its ``Label`` and ``NlmCategory``."""
    if abstract is None:
        return ()
    sections = (
        Section(text=_text(part), label=part.get("Label", ""), category=part.get("NlmCategory", ""))
        for part in abstract.iterchildren("AbstractText")
    )
    return tuple(section for section in sections if section.text)


def _mesh_heading(heading: _ElementT) -> MeshHeading:
    """A ``MeshHeading``: ``DescriptorName`` (UI, MajorTopicYN) and its ``QualifierName``s.

    Both names are ``(#PCDATA)`` in the DTD (controlled vocabulary, never markup), so their
    text is taken as is: a baseline record has ~10 headings, and this is the hot loop.
    """
    descriptor: _ElementT | None = None
    qualifiers: list[Qualifier] = []
    for child in heading:
        if child.tag == "QualifierName":
            name = (child.text or "").strip()
            major = child.get("MajorTopicYN") == "Y"
            qualifiers.append(Qualifier(child.get("UI", ""), name, major))
        elif child.tag == "DescriptorName":
            descriptor = child
    if descriptor is None:
        return MeshHeading("", "", qualifiers=tuple(qualifiers))
    name = (descriptor.text or "").strip()
    return MeshHeading(descriptor.get("UI", ""), name, _major(descriptor), tuple(qualifiers))


def _major(element: _ElementT) -> bool:
    """NLM's ``MajorTopicYN`` attribute as a bool."""
    return element.get("MajorTopicYN") == "Y"


def _chemical(chemical: _ElementT) -> Chemical:
    """A ``Chemical``: ``NameOfSubstance`` (with its UI) and ``RegistryNumber``."""
    parts = _children(chemical)
    substance = parts.get("NameOfSubstance")
    return Chemical(
        substance_id=substance.get("UI", "") if substance is not None else "",
        name=_text(substance),
        registry_number=_text(parts.get("RegistryNumber")),
    )


def _article_ids(id_list: _ElementT | None) -> dict[str, str]:
    """``ArticleId`` values by ``IdType`` (doi, pmc, pii, …); the first of each type wins.

    Only the record's own list is passed in, never ``ReferenceList`` ids of cited works.
    """
    ids: dict[str, str] = {}
    if id_list is None:
        return ids
    for article_id in id_list.iterchildren("ArticleId"):
        value = (article_id.text or "").strip()
        if value:
            ids.setdefault(article_id.get("IdType", ""), value)
    return ids


def _elocation(element: _ElementT | None, kind: str) -> str:
    """The ``ELocationID`` of ``EIdType`` ``kind``: the fallback when ``PubmedData`` lacks it."""
    if element is None:
        return ""
    for location in element.iterchildren("ELocationID"):
        if location.get("EIdType") == kind and location.text:
            return location.text.strip()
    return ""


def _article_date(article: dict[str, _ElementT]) -> PublicationDate:
    """The issue's ``PubDate`` (``Journal/JournalIssue``), else the electronic ``ArticleDate``."""
    journal = article.get("Journal")
    issue = _child(journal, "JournalIssue") if journal is not None else None
    date = _date_of(_child(issue, "PubDate") if issue is not None else None)
    return date or _date_of(article.get("ArticleDate")) or PublicationDate()


def _date_of(element: _ElementT | None) -> PublicationDate | None:
    """A split date (Year/Month/Day/Season) or a ``MedlineDate``; None when it has neither."""
    if element is None:
        return None
    parts = {child.tag: child.text or "" for child in element}
    if parts.get("MedlineDate"):
        return parse_date_text(parts["MedlineDate"])
    if not parts.get("Year"):
        return None
    return parse_date_parts(
        parts["Year"], parts.get("Month", ""), parts.get("Day", ""), parts.get("Season", "")
    )


def _journal(article: dict[str, _ElementT]) -> Journal:
    """The ``Journal`` (Title, ISOAbbreviation, JournalIssue) and ``Pagination``."""
    journal = article.get("Journal")
    pages = _pages(article.get("Pagination"))
    if journal is None:
        return Journal(pages=pages)
    parts = _children(journal)
    issue = parts.get("JournalIssue")
    issue_parts = _children(issue) if issue is not None else {}
    return Journal(
        title=_text(parts.get("Title")),
        iso_abbreviation=_text(parts.get("ISOAbbreviation")),
        volume=_text(issue_parts.get("Volume")),
        issue=_text(issue_parts.get("Issue")),
        pages=pages,
    )


def _pages(pagination: _ElementT | None) -> str:
    """``MedlinePgn`` ("296-302"), else ``StartPage``-``EndPage`` (newer DTDs)."""
    if pagination is None:
        return ""
    parts = _children(pagination)
    pages = _text(parts.get("MedlinePgn"))
    if pages:
        return pages
    start = _text(parts.get("StartPage"))
    end = _text(parts.get("EndPage"))
    return f"{start}-{end}" if start and end else start or end


def _authors(author_list: _ElementT | None) -> tuple[Author, ...]:
    """Each ``Author``: LastName, ForeName, Initials, or a ``CollectiveName``."""
    if author_list is None:
        return ()
    authors: list[Author] = []
    for author in author_list.iterchildren("Author"):
        parts = _children(author)
        found = Author(
            last_name=_text(parts.get("LastName")),
            fore_name=_text(parts.get("ForeName")),
            initials=_text(parts.get("Initials")),
            collective_name=_text(parts.get("CollectiveName")),
        )
        if found.display_name:
            authors.append(found)
    return tuple(authors)


def _book_authors(element: _ElementT) -> tuple[Author, ...]:
    """The authors (not editors) of a ``BookDocument`` or ``Book``."""
    for author_list in element.iterfind("AuthorList"):
        if author_list.get("Type", "authors") == "authors":
            return _authors(author_list)
    return ()


def open_binary(source: Path | BinaryIO) -> _BinarySource:
    """A context manager giving the decompressed bytes of ``source``."""
    return _BinarySource(source)


class _BinarySource:
    """Opens a path or wraps a stream, un-gzipping when it starts with ``GZIP_MAGIC``.

    The caller's stream is left open; files this opens are closed on exit.
    """

    def __init__(self, source: Path | BinaryIO) -> None:
        self._source = source
        self._stack = ExitStack()

    def __enter__(self) -> BinaryIO:
        raw: BinaryIO
        if isinstance(self._source, Path | str):
            raw = self._stack.enter_context(Path(self._source).open("rb"))
        else:
            raw = self._source
        if _starts_with_gzip(raw):
            return cast(BinaryIO, Inflater(raw))  # reads like a binary stream
        return raw

    def __exit__(self, *exc_info: object) -> None:
        self._stack.close()


def _starts_with_gzip(raw: BinaryIO) -> bool:
    """Whether the next bytes of ``raw`` are gzip's magic, without consuming them."""
    peek = getattr(raw, "peek", None)
    if peek is not None:
        head: bytes = peek(2)[:2]
        return head == GZIP_MAGIC
    if raw.seekable():
        start = raw.tell()
        head = raw.read(2)
        raw.seek(start)
        return head == GZIP_MAGIC
    return False


def _name_of(source: Path | BinaryIO) -> str:
    """How rejections name a source: its path, or the stream's ``name`` if it has one."""
    if isinstance(source, Path | str):
        return str(source)
    return str(getattr(source, "name", "<stream>"))
