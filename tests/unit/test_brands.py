"""The table of drugs' brands read from the drug-named-entity-recognition package."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator

import pytest

from medcite.understand import brands
from medcite.understand.brands import brand_generics


@pytest.fixture
def uncached() -> Iterator[None]:
    brand_generics.cache_clear()
    yield
    brand_generics.cache_clear()


@pytest.mark.parametrize(
    ("brand", "generic"),
    [("singulair", "montelukast"), ("calpol", "acetaminophen"), ("rheumatrex", "methotrexate")],
)
def test_a_brand_stands_for_its_generic_name(brand: str, generic: str) -> None:
    assert brand_generics()[brand] == generic


def test_only_one_word_names_of_another_name_are_kept() -> None:
    table = brand_generics()
    assert "montelukast" not in table  # the drug's own name
    assert all(brand.isalpha() for brand in table)  # "vitamin c", "co-amoxiclav" are not brands
    assert len(table) > 10_000


def test_without_the_package_there_are_no_brands(
    uncached: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def missing(name: str) -> object:
        raise ModuleNotFoundError(f"No module named {name!r}")

    monkeypatch.setattr(importlib, "import_module", missing)
    with caplog.at_level(logging.WARNING, logger=brands.__name__):
        assert brand_generics() == {}
    assert "drug brand names are not read" in caplog.text
