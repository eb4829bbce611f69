"""Publication dates as NLM writes them, read into a ``PublicationDate``.

Both PubMed formats give dates in the same few shapes, so both readers share this:

* XML ``PubDate`` parts: ``Year``, ``Month`` ("Jun" or "06"), ``Day``, or ``Season``;
* XML ``MedlineDate`` and the text format's ``DP`` field: free text such as
  "2002 Sep", "2006 Mar 1", "1998 Dec-1999 Jan", "2015 Oct-Dec", "2000 Spring".

``year`` is always the first year in the text (so records sort by year uniformly), the
month only when the text names one, and ``text`` keeps what was published.
"""

from __future__ import annotations

import re

from medcite.records import PublicationDate

MONTHS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
"""NLM's three-letter month abbreviations (also the prefix of full English names)."""

_YEAR = re.compile(r"\b(1[5-9]\d\d|2\d\d\d)\b")
_MONTH_AFTER_YEAR = re.compile(r"^\s*([A-Za-z]{3,})\.?(?:\s+(\d{1,2})\b)?")


def parse_month(text: str) -> int | None:
    """The month number of "Jun", "June", "06" or "6"; None for seasons and nonsense."""
    text = text.strip()
    if text.isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    return MONTHS.get(text[:3].lower()) if len(text) >= 3 else None


def parse_day(text: str) -> int | None:
    """The day of the month from NLM's ``Day`` ("05"), or None when it is not one."""
    text = text.strip()
    if text.isdigit() and 1 <= int(text) <= 31:
        return int(text)
    return None


def parse_year(text: str) -> int | None:
    """The first plausible four-digit year in ``text``, or None."""
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def parse_date_parts(
    year: str, month: str = "", day: str = "", season: str = ""
) -> PublicationDate:
    """A date from NLM's split form (``PubDate``/``ArticleDate``: Year, Month, Day, Season).

    ``text`` joins the parts as published ("2019 Jun 3", "2000 Spring") so the two forms
    of a date read back the same way.
    """
    month_number = parse_month(month) if month else None
    text = " ".join(part.strip() for part in (year, month, day or season) if part.strip())
    return PublicationDate(
        year=parse_year(year),
        month=month_number,
        day=parse_day(day) if day and month_number else None,
        text=text,
    )


def parse_date_text(text: str) -> PublicationDate:
    """A date from free text: NLM's ``MedlineDate`` or the MEDLINE text format's ``DP``.

    The first year is kept; a month (and day) is kept only when a month name follows that
    year directly ("1998 Dec-1999 Jan" → 1998, December). Seasons give no month.
    """
    text = " ".join(text.split())
    match = _YEAR.search(text)
    if match is None:
        return PublicationDate(text=text)
    month: int | None = None
    day: int | None = None
    after = _MONTH_AFTER_YEAR.match(text[match.end() :])
    if after is not None:
        month = MONTHS.get(after.group(1)[:3].lower())
        if month is not None and after.group(2):
            day = parse_day(after.group(2))
    return PublicationDate(year=int(match.group(1)), month=month, day=day, text=text)
