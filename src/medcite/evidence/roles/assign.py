"""Every sentence of a record gets its role: from a label, a pattern, or the model.

In order of what is surest:

1. a section labelled as an administrative statement ("TRIAL REGISTRATION") makes all
   its sentences that kind;
2. a sentence that states funding, a registration, competing interests, an ethics
   approval, data availability or a copyright is that kind, in whatever section;
3. a section whose label names a move (NLM's category, else the label folded) gives
   its sentences that move (an objective's label only to the sentences that aim: the
   others are the background of its question, ``stated.states_an_aim``; a background's
   label not to a sentence opening with the study's aim, which is one), and so does a
   label the sentence itself opens with ("RESULTS: …", or "RESULTS Twelve trials …" in
   capitals, in an abstract whose publisher did not split it);
4. a sentence whose opening words state its move ("The aim of this study was to …",
   "We searched MEDLINE …": ``stated.stated_move``) makes that move;
5. every other sentence — those of an unlabelled abstract — gets the move the trained
   model finds most likely, with its probabilities.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medcite.evidence.roles.administrative import administrative_role
from medcite.evidence.roles.labels import label_moves, label_role
from medcite.evidence.roles.model import RoleModel, shipped_role_model
from medcite.evidence.roles.stated import stated_move, states_an_aim
from medcite.records import (
    RHETORICAL_ROLES,
    Record,
    RoleEstimate,
    RoleSource,
    Section,
    Sentence,
    SentenceRole,
    bare_label_length,
    is_label,
)

NOT_RHETORICAL = (0.0,) * len(RHETORICAL_ROLES)
_INLINE_LABEL = re.compile(r"^\W{0,2}([A-Za-z][A-Za-z /&-]{0,40}?(?:\(S\))?)\s*:\s+\S")


def sentence_roles(
    record: Record, sentences: Sequence[Sentence], model: RoleModel | None = None
) -> tuple[RoleEstimate, ...]:
    """The role of each of ``sentences`` (the record's, in reading order), in order.

    ``model`` defaults to the one shipped in the package, read only when a sentence
    needs it.
    """
    decided = decided_roles(record, sentences)
    undecided = [k for k, estimate in enumerate(decided) if estimate is None]
    if not undecided:
        return tuple(e for e in decided if e is not None)
    model = model or shipped_role_model()
    seen = [k for k, e in enumerate(decided) if e is None or e.role.rhetorical]
    probabilities = dict(
        zip(
            seen,
            model.probabilities([(k, sentences[k].text) for k in seen], len(sentences)),
            strict=True,
        )
    )
    return tuple(
        estimate if estimate is not None else _estimate(probabilities[k], sentences[k].text)
        for k, estimate in enumerate(decided)
    )


def decided_roles(record: Record, sentences: Sequence[Sentence]) -> list[RoleEstimate | None]:
    """The roles labels and patterns give ``sentences`` (steps 1–4); None where the model
    must decide."""
    return [_decided(record.sections[s.section_index], s.text) for s in sentences]


def _decided(section: Section, text: str) -> RoleEstimate | None:
    """The role a label or pattern gives a sentence; None when the model must decide."""
    by_label = label_role(section.label, section.category)
    cue = section.label or section.category
    if by_label is not None and not by_label.rhetorical:
        return RoleEstimate(by_label, RoleSource.LABEL, NOT_RHETORICAL, cue)
    by_pattern = administrative_role(text)
    if by_pattern is not None:
        return RoleEstimate(by_pattern[0], RoleSource.PATTERN, NOT_RHETORICAL, by_pattern[1])
    if by_label is SentenceRole.OBJECTIVE and not states_an_aim(text):
        by_label = SentenceRole.BACKGROUND  # "OBJECTIVE: X is the accepted treatment. …"
    after_label = text
    if by_label is None:
        if len(_opening_label(text)[0]) > 1:
            return None  # "METHODS AND RESULTS We classified …": the model chooses the move
        inline = _INLINE_LABEL.match(text)
        if inline and is_label(inline.group(1)):
            by_label, cue = label_role(inline.group(1)), inline.group(1)
            after_label = text[inline.end(1) :].lstrip(" :")
        elif bare := bare_label_length(text):
            cue = text[:bare].strip()
            by_label = label_role(cue)
            after_label = text[bare:]
    aim = stated_move(after_label) if by_label is SentenceRole.BACKGROUND else None
    if aim is not None and aim[0] is SentenceRole.OBJECTIVE:  # "BACKGROUND The aim of …"
        return RoleEstimate(aim[0], RoleSource.PATTERN, _certain(aim[0]), aim[1])
    if by_label is None:
        if stated := stated_move(text):
            return RoleEstimate(stated[0], RoleSource.PATTERN, _certain(stated[0]), stated[1])
        return None
    if not by_label.rhetorical:
        return RoleEstimate(by_label, RoleSource.LABEL, NOT_RHETORICAL, cue)
    return RoleEstimate(by_label, RoleSource.LABEL, _certain(by_label), cue)


def _opening_label(text: str) -> tuple[tuple[SentenceRole, ...], str]:
    """The moves a label opening ``text`` names ("METHODS AND RESULTS We classified …"),
    with or without its colon, and the label; ((), "") when none opens it.

    A sentence carrying a label of two moves is the first of its part, which is seldom
    the later move NLM's list gives the whole part: TRITON-TIMI 38's diabetes analysis
    opens "METHODS AND RESULTS We classified 13 608 subjects …", and read as a result it
    led "How does prasugrel compare with clopidogrel in diabetic patients …?" (review 32).
    """
    inline = _INLINE_LABEL.match(text)
    if inline and is_label(inline.group(1)):
        return label_moves(inline.group(1)), inline.group(1)
    bare = bare_label_length(text)
    cue = text[:bare].strip()
    return (label_moves(cue), cue) if bare else ((), "")


def _certain(role: SentenceRole) -> tuple[float, ...]:
    return tuple(1.0 if r is role else 0.0 for r in RHETORICAL_ROLES)


def _estimate(probabilities: tuple[float, ...], text: str) -> RoleEstimate:
    """The model's most likely move for a sentence no label or pattern decided; for one
    opening with a label of several moves (``_opening_label``), the likeliest of those,
    which the label then gives it, as a label of one move would."""
    moves, cue = _opening_label(text)
    if len(moves) > 1:
        best = max(moves, key=lambda role: probabilities[RHETORICAL_ROLES.index(role)])
        return RoleEstimate(best, RoleSource.LABEL, _certain(best), cue)
    best_index = max(range(len(probabilities)), key=probabilities.__getitem__)
    return RoleEstimate(RHETORICAL_ROLES[best_index], RoleSource.MODEL, probabilities)
