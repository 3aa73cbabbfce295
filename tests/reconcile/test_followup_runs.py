"""Follow-ups after an ingest: only what the new documents reach, with a full run's result."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import communique
from communique.models import Agreement, AgreementKind, AgreementStatus, Document, Span
from communique.reconcile import reconcile
from communique.reconcile.followup import agreement_threads
from communique.store.ledger import Ledger

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples" / "corpus").glob("*.txt"))
STATEMENTS = sorted((ROOT / "tests" / "statements").glob("*/*.txt"))

# Three talks about one promise, so that a chain of follow-ups exists whatever order they
# arrive in: promised, put off, done.
TALKS = {
    "aktau_2022.txt": (
        "2022-05-10",
        "Vladimir Putin: We have agreed with Kazakhstan to build a new grain terminal in the "
        "port of Aktau next year. Russia will also supply new harvesters to Kazakh farms.",
    ),
    "aktau_2023.txt": (
        "2023-06-01",
        "Kassym-Jomart Tokayev: The construction of the grain terminal in the port of Aktau "
        "was postponed. Kazakhstan and Russia will finish the grain terminal in Aktau in 2024.",
    ),
    "aktau_2024.txt": (
        "2024-09-03",
        "Vladimir Putin: The grain terminal in the port of Aktau has opened, and the new "
        "harvesters for Kazakh farms were delivered.",
    ),
}


def _talks(folder: Path) -> list[Path]:
    paths = []
    for name, (day, body) in TALKS.items():
        path = folder / name
        title = "Talks between Russia and Kazakhstan"
        path.write_text(f"---\ntitle: {title}\ndate: {day}\n---\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def _state(ledger: Ledger) -> tuple[list[Any], list[Any], list[Any]]:
    followups = sorted(
        (
            f.commitment_id,
            f.later_commitment_id or 0,
            f.source,
            f.span.start,
            f.status.value,
            f.quote,
            f.speaker,
        )
        for f in ledger.followups()
    )
    threads = sorted((a.id, a.thread) for a in ledger.agreements())
    reports = sorted(
        (r.source, r.span.start, r.status.value, r.speaker) for r in ledger.reports(upto=10**9)
    )
    return followups, threads, reports


def test_followup_runs_after_each_ingest_equal_a_full_run(
    ledger_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    talks = _talks(tmp_path)
    # Newest first, so that later batches bring earlier documents (threads re-cut, earlier
    # commitments followed up by what is already stored) as well as later ones.
    files = [talks[2], *reversed(EXAMPLES), talks[0], *STATEMENTS[:6], talks[1], *STATEMENTS[6:]]
    read: list[set[int] | None] = []
    texts = Ledger.texts

    def spy(self: Ledger, ids: Iterable[int] | None = None, **kwargs: Any) -> Iterator[Document]:
        read.append(None if ids is None else set(ids))
        return texts(self, ids, **kwargs)

    monkeypatch.setattr(Ledger, "texts", spy)
    seen = 0
    with Ledger.open(ledger_url) as ledger:
        communique.ingest([str(p) for p in files[:2]], ledger=ledger)  # a new ledger: full
        for batch in (files[2:5], files[5:6], files[6:12], files[12:13], files[13:]):
            assert ledger.followups_stale() == frozenset()
            before = {d.id for d in texts(ledger)}
            read.clear()
            communique.ingest([str(p) for p in batch], ledger=ledger)
            new = {d.id for d in texts(ledger)} - before
            # Only the new documents' texts were read.
            assert read == [new]
            incremental = _state(ledger)
            reconcile(ledger)
            assert _state(ledger) == incremental
            seen = max(seen, len(incremental[0]))
        assert seen >= 4  # the talks' chain and the seeds' own follow-ups were there to find
        statuses = {f.status.value for f in ledger.followups()}
        assert {"delayed", "done"} <= statuses


def test_followup_runs_a_replaced_document_makes_the_next_run_full(tmp_path: Path) -> None:
    talks = _talks(tmp_path)
    db = str(tmp_path / "x.db")
    communique.ingest([str(p) for p in talks], db=db)
    talks[1].write_text(talks[1].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with Ledger.open(db) as ledger:
        before = _state(ledger)
        communique.ingest([str(talks[1])], ledger=ledger)
        assert ledger.followups_stale() == frozenset()  # the ingest's reconcile ran full
        assert len(_state(ledger)[0]) == len(before[0])  # the put-off stage is linked again


def _agreement(i: int, name: str, day: date, source: str, thread: int | None) -> Agreement:
    return Agreement(
        id=i,
        source=source,
        document_date=day,
        quote=name,
        span=Span(start=0, end=1),
        name=name,
        kind=AgreementKind.PROGRAMME,
        parties=("KZ", "RU"),
        status=AgreementStatus.MENTIONED,
        thread=thread,
    )


def test_followup_threads_from_a_date_on_equal_threading_them_all() -> None:
    names = [
        "cooperation programme until 2025",
        "Comprehensive Programme of Economic Cooperation for 2021–2025",
        "the programme of economic cooperation",
        "Programme of Humanitarian Cooperation",
        "humanitarian cooperation programme for 2024",
        "Comprehensive Programme of Economic Cooperation for 2021–2025",
    ]
    days = [date(2021, 1, 1), date(2022, 1, 1), date(2022, 6, 1), date(2023, 1, 1)] * 2
    agreements = [_agreement(i + 1, name, days[i], f"doc{i}", None) for i, name in enumerate(names)]
    full = agreement_threads(agreements)
    stored = [
        _agreement(a.id or 0, a.name, a.document_date or date.max, a.source or "", full[a.id or 0])
        for a in agreements
    ]
    for since in sorted({a.document_date for a in agreements if a.document_date}):
        again = agreement_threads(stored, since=since)
        assert again == {i: t for i, t in full.items() if i in again}
        assert set(again) == {a.id for a in stored if (a.document_date or date.max) >= since}
    assert len(set(full.values())) < len(full)  # some mentions joined an earlier thread
