"""``medcite train``: fit the models medcite ships, reproducibly.

Each trainer reads its examples with medcite's own readers, so a model learns from
exactly what it will see, and hands them to the algorithm of the stage that owns the
model (``train.roles`` → ``evidence.roles.training``). Fitting needs the optional
``train`` extra (NumPy and scikit-learn); using a shipped model needs neither.
"""
