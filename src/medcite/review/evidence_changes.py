"""Whether an approved answer's evidence would change: the trigger for re-review."""

from __future__ import annotations

from medcite.records import Answer


def cited_evidence(answer: Answer) -> frozenset[tuple[str, str]]:
    """What an answer asserts: each statement's text with the record it quotes."""
    return frozenset(
        (statement.record_id, statement.text)
        for section in answer.sections
        for statement in section.statements
    )


def evidence_changes(approved: Answer, current: Answer) -> str:
    """Why ``current`` no longer matches what was approved, or "" when its evidence is the same.

    Only the cited statements count: a new index snapshot that yields the same statements
    from the same records leaves the approval standing.
    """
    before, after = cited_evidence(approved), cited_evidence(current)
    if before == after:
        return ""
    gone, new = len(before - after), len(after - before)
    records_gone = sorted({record for record, _ in before} - {record for record, _ in after})
    reason = f"evidence changed in index snapshot {current.provenance.index_snapshot}: "
    reason += f"{gone} approved statement(s) gone, {new} new"
    if records_gone:
        reason += f"; no longer cited: {', '.join(records_gone[:5])}"
    return reason
