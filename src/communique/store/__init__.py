"""Step 5: the ledger (SQLite by default, PostgreSQL for teams), one transaction per document."""
