"""Comparing an evaluation run with figures recorded in a file (expected*.toml)."""

from __future__ import annotations

from typing import Any

from medcite.evaluate import Report


def figures_off(report: Report, expected: dict[str, Any]) -> list[str]:
    """Every recorded figure the run missed by more than the file's tolerance, as text.

    ``expected`` is one dataset's table: ``tolerance`` and, per system, metric → value.
    A metric the run did not report counts as missed.
    """
    tolerance = float(expected["tolerance"])
    off = []
    systems = [name for name, table in expected.items() if isinstance(table, dict)]
    for system in systems:
        for metric, value in expected[system].items():
            measured = report.systems.get(system, {}).get(metric)
            if measured is None or abs(measured - float(value)) > tolerance:
                off.append(f"{system} {metric}: expected {value}, measured {measured}")
    return off
