"""What an export is made of, without the exporters: the CLI builds its options from these at
start-up, and importing `present.export` would load the extractor's interval rules with it."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

Record = dict[str, Any]


class ExportFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"
    PARQUET = "parquet"
