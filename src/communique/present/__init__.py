"""Step 7: exports (JSONL, CSV, Parquet) and reports (terminal, offline HTML)."""
