"""communique: a ledger of checkable claims from official statements.

>>> import communique
>>> summary = communique.ingest(["examples/corpus"], db="communique.db")
>>> with communique.open_ledger("communique.db") as ledger:
...     claims = ledger.claims()

The names below are imported when first used (PEP 562): `import communique`, and the CLI that
reads `__version__`, load the ledger, the extractor and their libraries only when a command
needs them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from communique.api import IngestSummary, ingest, open_ledger
    from communique.errors import (
        CommuniqueError,
        ConfigError,
        InputError,
        LedgerError,
        MissingExtra,
    )
    from communique.models import (
        QUESTION,
        Agreement,
        AgreementKind,
        AgreementStatus,
        Claim,
        Commitment,
        CommitmentKind,
        Conflict,
        ConflictKind,
        Description,
        Document,
        Entry,
        Modality,
        Period,
        Person,
        Qualifier,
        RawDocument,
        Review,
        Severity,
        Span,
        Turn,
        Verdict,
    )
    from communique.store.entries import AgreementFilter, CommitmentFilter
    from communique.store.ledger import ClaimFilter, Ledger

__version__ = "0.1.0"

_HOMES = {  # public name → the module it is defined in
    "IngestSummary": "communique.api",
    "ingest": "communique.api",
    "open_ledger": "communique.api",
    "CommuniqueError": "communique.errors",
    "ConfigError": "communique.errors",
    "InputError": "communique.errors",
    "LedgerError": "communique.errors",
    "MissingExtra": "communique.errors",
    "QUESTION": "communique.models",
    "Agreement": "communique.models",
    "AgreementKind": "communique.models",
    "AgreementStatus": "communique.models",
    "Claim": "communique.models",
    "Commitment": "communique.models",
    "CommitmentKind": "communique.models",
    "Conflict": "communique.models",
    "ConflictKind": "communique.models",
    "Description": "communique.models",
    "Document": "communique.models",
    "Entry": "communique.models",
    "Modality": "communique.models",
    "Period": "communique.models",
    "Person": "communique.models",
    "Qualifier": "communique.models",
    "RawDocument": "communique.models",
    "Review": "communique.models",
    "Severity": "communique.models",
    "Span": "communique.models",
    "Turn": "communique.models",
    "Verdict": "communique.models",
    "AgreementFilter": "communique.store.entries",
    "CommitmentFilter": "communique.store.entries",
    "ClaimFilter": "communique.store.ledger",
    "Ledger": "communique.store.ledger",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'communique' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # the next lookup does not come here
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "QUESTION",
    "Agreement",
    "AgreementFilter",
    "AgreementKind",
    "AgreementStatus",
    "Claim",
    "ClaimFilter",
    "Commitment",
    "CommitmentFilter",
    "CommitmentKind",
    "CommuniqueError",
    "ConfigError",
    "Conflict",
    "ConflictKind",
    "Description",
    "Document",
    "Entry",
    "IngestSummary",
    "InputError",
    "Ledger",
    "LedgerError",
    "MissingExtra",
    "Modality",
    "Period",
    "Person",
    "Qualifier",
    "RawDocument",
    "Review",
    "Severity",
    "Span",
    "Turn",
    "Verdict",
    "__version__",
    "ingest",
    "open_ledger",
]
