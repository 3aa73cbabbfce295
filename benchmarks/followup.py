"""Following commitments up: a full run over a ledger against the run after one more document.

    python benchmarks/followup.py --db LEDGER ONE_MORE

LEDGER is an SQLite ledger already ingested (it is copied, not changed); ONE_MORE a statement
(any format `communique ingest` reads) added to the copy. Prints the CPU and wall time of
three full follow-up runs (`follow_up_all`, what every reconcile did before follow-ups became
incremental) and of the run after ONE_MORE (`follow_up_pending`), with the histories each
stored or recomputed. benchmarks/README.md has the figures.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from communique.pipeline import process_document
from communique.read import read_documents
from communique.reconcile.followup_runs import follow_up_all, follow_up_pending
from communique.store.ledger import Ledger


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, help="an SQLite ledger file")
    parser.add_argument("one_more", help="the statement to add")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "ledger.db"
        shutil.copy(args.db, copy)
        with Ledger.open(str(copy)) as ledger:
            upto = ledger.pending(with_claims=False).upto
            for _ in range(3):
                cpu, wall = time.process_time(), time.perf_counter()
                stored = follow_up_all(ledger, upto=upto)
                print(
                    f"full run: {stored} follow-ups, {time.process_time() - cpu:.2f} s CPU, "
                    f"{time.perf_counter() - wall:.2f} s wall"
                )
            [raw] = list(read_documents([args.one_more]))
            ledger.add_document(process_document(raw))
            pending = ledger.pending(with_claims=False)
            cpu, wall = time.process_time(), time.perf_counter()
            stored = follow_up_pending(ledger, pending.documents, upto=pending.upto)
            print(
                f"one more document: {stored} follow-ups recomputed, "
                f"{time.process_time() - cpu:.2f} s CPU, {time.perf_counter() - wall:.2f} s wall"
            )


if __name__ == "__main__":
    main()
