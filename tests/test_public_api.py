"""The public surface is pinned: a change to it is a deliberate change to this test."""

from __future__ import annotations

import communique


def test_public_api_exports_exactly_these_names() -> None:
    assert sorted(communique.__all__) == sorted(
        [
            "QUESTION",
            "Agreement",
            "AgreementKind",
            "AgreementFilter",
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
    )
    for name in communique.__all__:
        assert hasattr(communique, name)
