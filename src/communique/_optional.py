"""Optional heavy parts: import them where they are used, and name the extra when missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from communique.errors import MissingExtra


def require(module: str, *, extra: str) -> ModuleType:
    """Import `module`, or raise MissingExtra naming `pip install 'communique[extra]'`."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtra(module, extra) from exc
