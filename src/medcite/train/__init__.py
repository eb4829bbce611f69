"""``medcite train``: fit the models medcite ships, reproducibly, from ``../shared/data``.

A shell over the engine and the evaluation harness's benchmark readers, like ``evaluate``:
the examples are what the engine itself reads for a question, so the model learns from
exactly what it will score. Fitting needs the optional ``train`` extra (NumPy and
scikit-learn); answering with the fitted model needs neither.
"""

from medcite.train.relevance import RelevanceTraining, train_relevance

__all__ = ["RelevanceTraining", "train_relevance"]
