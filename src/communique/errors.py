"""The exception tree. Every error names the path (file, URL or ledger) and a reason code.

    CommuniqueError
    ├── InputError      a document cannot be read (reason: missing, empty, binary, encoding,
    │                   too-large, bad-json-line, bad-html, bad-front-matter, bad-pdf,
    │                   encrypted, no-text, unsupported)
    ├── LedgerError     the ledger cannot be opened or written (path = the database URL;
    │                   reason: missing-dir, cannot-open, disk-full, read-only,
    │                   connection-lost, locked, corrupt, io-error, write-failed —
    │                   store/faults.py says which driver errors map to which)
    ├── ConfigError     a setting, flag or catalogue file is invalid
    └── MissingExtra    an optional part is not installed (names the pip extra)

The CLI turns each into one line of output and a non-zero exit code; library code never prints.
"""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base of every error communique raises on purpose."""

    def __init__(self, path: str, reason: str, message: str, *, hint: str | None = None) -> None:
        self.path = path
        self.reason = reason
        self.message = message
        self.hint = hint
        super().__init__(f"{path}: {message} [{reason}]" + (f" ({hint})" if hint else ""))


class InputError(CommuniqueError):
    """A document (file, stdin, JSONL line, URL) could not be read."""


INPUT_REASONS = frozenset(
    [
        *("missing", "empty", "binary", "encoding", "too-large", "bad-json-line", "bad-html"),
        *("bad-front-matter", "bad-pdf", "encrypted", "no-text", "unsupported"),
    ]
)
"""Every reason an InputError gives (tests hold readers to it)."""


class LedgerError(CommuniqueError):
    """The ledger could not be opened, migrated or written."""


class ConfigError(CommuniqueError):
    """A setting, flag value or user catalogue is invalid."""


class MissingExtra(CommuniqueError):
    """An optional dependency is needed for this feature."""

    def __init__(self, module: str, extra: str) -> None:
        super().__init__(
            module,
            "missing-extra",
            f"this feature needs the optional package {module!r}",
            hint=f"pip install 'communique[{extra}]'",
        )
        self.extra = extra
