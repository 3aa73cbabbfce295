"""communique: a ledger of checkable claims from official statements.

>>> import communique
>>> summary = communique.ingest(["examples/corpus"], db="communique.db")
>>> with communique.open_ledger("communique.db") as ledger:
...     claims = ledger.claims()
"""

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
