"""One-line descriptions of the libraries' exceptions, for the readers' error messages."""

from __future__ import annotations


def describe(exc: BaseException) -> str:
    """A short one-line description of a library exception."""
    inner = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], BaseException) else exc
    detail = " ".join(str(inner).split())
    kind = type(inner).__name__
    text = f"{kind}: {detail}" if detail else kind
    return text if len(text) <= 120 else text[:117] + "..."
