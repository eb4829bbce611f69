"""Records of what each sentence of an abstract does: its rhetorical or administrative role."""

from __future__ import annotations

from enum import StrEnum

from medcite.records.base import Frozen


class SentenceRole(StrEnum):
    """What a sentence of an abstract does.

    The first five are the rhetorical moves of an abstract, the categories NLM maps
    every structured-abstract label to (``NlmCategory``). The others are statements
    about the article rather than its content (CONSORT 2010 items 23–25, ICMJE
    disclosure and data-sharing statements, publishers' notices): they never answer
    a clinical question, wherever they stand.
    """

    BACKGROUND = "background"
    OBJECTIVE = "objective"
    METHODS = "methods"
    RESULTS = "results"
    CONCLUSIONS = "conclusions"
    FUNDING = "funding"
    REGISTRATION = "registration"
    """A trial or review registration ("ClinicalTrials.gov NCT01234567")."""
    CONFLICT = "conflict"
    """A declaration of competing interests."""
    ETHICS = "ethics"
    """An ethics approval or consent statement."""
    DATA = "data"
    """Where data, code or supplementary material are available."""
    COPYRIGHT = "copyright"
    """A publisher's or database's copyright notice ("© 2021 Elsevier Inc.")."""

    @property
    def rhetorical(self) -> bool:
        """True for the five moves of an abstract, False for the administrative kinds."""
        return self in RHETORICAL_ROLES

    @property
    def administrative(self) -> bool:
        """Whether the line administers the study (funding, registration …), not report it."""
        return not self.rhetorical


RHETORICAL_ROLES: tuple[SentenceRole, ...] = (
    SentenceRole.BACKGROUND,
    SentenceRole.OBJECTIVE,
    SentenceRole.METHODS,
    SentenceRole.RESULTS,
    SentenceRole.CONCLUSIONS,
)
"""The rhetorical roles in the order an abstract presents them (and of probabilities)."""


class RoleSource(StrEnum):
    """What decided a sentence's role."""

    LABEL = "label"
    """The section's label (NLM's NlmCategory, or the author's label folded)."""
    PATTERN = "pattern"
    """A pattern: an administrative statement (funding, registration, …), or the opening
    words of a sentence that state its move ("The aim of this study was to …")."""
    MODEL = "model"
    """The trained model, for a sentence no label or pattern places."""


class RoleEstimate(Frozen, frozen=True):
    """The role of one sentence, how sure it is, and what decided it.

    ``probabilities`` holds the probability of each rhetorical role, in the order of
    ``RHETORICAL_ROLES``: the model's estimate, or 1.0 for a label's role. An
    administrative sentence has none of the rhetorical roles, so all five are 0.0.
    ``cue`` is the label or the words that decided, so a reader can check the role.
    """

    role: SentenceRole
    source: RoleSource
    probabilities: tuple[float, ...]
    cue: str = ""

    def probability(self, role: SentenceRole) -> float:
        """The probability that the sentence plays ``role`` (0.0 for administrative kinds)."""
        if role.rhetorical:
            return self.probabilities[RHETORICAL_ROLES.index(role)]
        return 1.0 if role is self.role else 0.0
