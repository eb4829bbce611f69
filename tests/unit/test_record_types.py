"""Every record type holds only immutable values: what lets records skip the cycle
collector (``Frozen``'s ``gc=False``). A list, dict, set or untyped field could close a
reference cycle through a record, which would then never be freed."""

from __future__ import annotations

import msgspec.inspect as mi
import pytest

from medcite.records import Frozen

IMMUTABLE_LEAVES = (
    mi.StrType,
    mi.IntType,
    mi.FloatType,
    mi.BoolType,
    mi.NoneType,
    mi.EnumType,
    mi.LiteralType,
    mi.BytesType,
    mi.DateTimeType,
    mi.DateType,
)


def record_types() -> list[type[Frozen]]:
    """Every subclass of ``Frozen`` (importing it imported all of ``medcite.records``)."""
    found: list[type[Frozen]] = []
    pending = list(Frozen.__subclasses__())
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    assert len(found) > 20, "the record types were not found"
    return sorted(found, key=lambda cls: cls.__name__)


def mutable_parts(info: mi.Type, seen: set[type]) -> list[str]:
    """The kinds of mutable or untyped value ``info`` allows, anywhere inside it."""
    if isinstance(info, mi.StructType):
        if info.cls in seen:
            return []
        seen.add(info.cls)
        return [kind for field in info.fields for kind in mutable_parts(field.type, seen)]
    if isinstance(info, mi.VarTupleType):
        return mutable_parts(info.item_type, seen)
    if isinstance(info, mi.TupleType):
        return [kind for item in info.item_types for kind in mutable_parts(item, seen)]
    if isinstance(info, mi.UnionType):
        return [kind for member in info.types for kind in mutable_parts(member, seen)]
    if isinstance(info, IMMUTABLE_LEAVES):
        return []
    return [type(info).__name__]


@pytest.mark.parametrize("record_type", record_types(), ids=lambda cls: cls.__name__)
def test_a_record_type_holds_only_immutable_values(record_type: type[Frozen]) -> None:
    assert mutable_parts(mi.type_info(record_type), set()) == []
    assert record_type.__struct_config__.gc is False


def test_a_list_field_would_be_caught() -> None:
    class Leaky(Frozen, frozen=True):
        items: list[str]

    assert mutable_parts(mi.type_info(Leaky), set()) == ["ListType"]
