"""The two views of entries that the web UI and the HTML report share: an agreements
registry (each agreement with every statement that names it) and a commitments tracker
(due soon, overdue, reported done, delayed or changed, with the quotes)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from communique.models import (
    Agreement,
    AgreementKind,
    Commitment,
    FollowUp,
    Progress,
)

SOON = timedelta(days=90)
"""A commitment is due soon when its due period starts within this of the tracker's date."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Thread:
    """One agreement across the ledger: its fullest name and every mention, oldest first."""

    id: int
    name: str
    kind: AgreementKind
    parties: tuple[str, ...]
    mentions: tuple[Agreement, ...]

    @property
    def first(self) -> date | None:
        return self.mentions[0].document_date

    @property
    def statements(self) -> int:
        return len({m.source for m in self.mentions})


def agreement_registry(agreements: Iterable[Agreement]) -> list[Thread]:
    """Agreements grouped by thread, those named in most statements first, then by name."""
    groups: dict[int, list[Agreement]] = {}
    for a in agreements:
        groups.setdefault(a.thread or a.id or 0, []).append(a)
    threads = []
    for key, members in groups.items():
        members.sort(key=lambda a: (a.document_date or date.min, a.id or 0))
        fullest = max(members, key=lambda a: len(a.name))
        parties = sorted({p for m in members for p in m.parties})
        threads.append(
            Thread(
                id=key,
                name=fullest.name,
                kind=fullest.kind,
                parties=tuple(parties),
                mentions=tuple(members),
            )
        )
    return sorted(threads, key=lambda t: (-t.statements, t.name.lower()))


@dataclass(frozen=True, slots=True, kw_only=True)
class Tracked:
    commitment: Commitment
    history: tuple[FollowUp, ...] = ()

    @property
    def status(self) -> Progress | None:
        """The latest reported progress, if any."""
        return self.history[-1].status if self.history else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Tracker:
    today: date
    due_soon: list[Tracked] = field(default_factory=list)
    overdue: list[Tracked] = field(default_factory=list)
    done: list[Tracked] = field(default_factory=list)
    moved: list[Tracked] = field(default_factory=list)  # delayed or changed
    open: list[Tracked] = field(default_factory=list)  # due later, or no due date


def commitment_tracker(
    commitments: Sequence[Commitment], followups: Iterable[FollowUp], *, today: date
) -> Tracker:
    """Each commitment in one section: reported done; delayed or changed; overdue (its due
    period ended before `today` with nothing reported); due soon; else open."""
    history: dict[int, list[FollowUp]] = {}
    for f in followups:
        history.setdefault(f.commitment_id, []).append(f)
    tracker = Tracker(today=today)
    for c in commitments:
        tracked = Tracked(commitment=c, history=tuple(history.get(c.id or 0, ())))
        statuses = {f.status for f in tracked.history}
        if Progress.DONE in statuses:
            tracker.done.append(tracked)
        elif statuses & {Progress.DELAYED, Progress.CHANGED}:
            tracker.moved.append(tracked)
        elif c.due is not None and c.due.end < today:
            tracker.overdue.append(tracked)
        elif c.due is not None and c.due.start <= today + SOON:
            tracker.due_soon.append(tracked)
        else:
            tracker.open.append(tracked)
    tracker.due_soon.sort(key=lambda t: t.commitment.due.start if t.commitment.due else today)
    tracker.overdue.sort(
        key=lambda t: t.commitment.due.end if t.commitment.due else today, reverse=True
    )
    return tracker
