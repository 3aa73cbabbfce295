"""Following agreements and commitments up over a ledger: the whole of it (`follow_up_all`),
or only as far as new documents reach (`follow_up_pending`), with the same result.

A full run reads every document's text for its reports, threads every agreement and links
every commitment. After an ingest, only some of that can change:

- reports: those of the new documents (they depend on each document alone; the others' are
  stored);
- threads: those of agreements from the earliest new document's date on (a mention joins only
  threads begun before it);
- histories: those of the new documents' commitments; of the earlier commitments that share
  MIN_SHARED distinctive words with a new commitment or report (they may gain it); and of the
  commitments with a word that the new documents made common, or distinctive (which words are
  distinctive depends on the whole ledger). Every other commitment's history is a function of
  units and words that did not change.

A document replaced or removed takes its entries and their links with it, which the next run
cannot see: the store marks the ledger stale (as does the migration that brought stored
reports in), and the next run is a full one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from communique.reconcile.followup import agreement_threads
from communique.reconcile.followup_links import FollowUps, flipped, report_words
from communique.reconcile.followup_reports import find_reports
from communique.store.entries import AgreementFilter, CommitmentFilter

if TYPE_CHECKING:
    from communique.store.ledger import Ledger


def follow_up_all(ledger: Ledger, *, upto: int) -> int:
    """Thread every agreement, find every document's reports and link every commitment of
    the documents up to id `upto`; returns the number of follow-ups stored."""
    docs = list(ledger.texts(upto=upto))
    turns = ledger.turn_spans({d.source for d in docs})
    reports = [r for d in docs for r in find_reports(d, turns.get(d.source, []))]
    stored, _ = ledger.followup_words(upto=upto)
    index = FollowUps(
        ledger.commitments(CommitmentFilter(upto=upto)),
        reports,
        {d.source: d.countries for d in docs},
        stored=stored,
    )
    history = [f for i in sorted(index.commitments) for f in index.history(i)]
    ledger.store_followups(
        threads=agreement_threads(ledger.agreements(AgreementFilter(upto=upto))),
        followups=history,
        followups_of=None,
        reports=[(r, report_words(r)) for r in reports],
        reports_of=None,
        key_words=index.computed,
    )
    return len(history)


def follow_up_pending(ledger: Ledger, documents: Sequence[int], *, upto: int) -> int:
    """Follow up what the documents `documents` (ids, not reconciled yet) changed, among the
    documents up to id `upto`; a full run when the ledger is marked stale. Returns the number
    of follow-ups stored by this run."""
    if ledger.followups_stale():
        return follow_up_all(ledger, upto=upto)
    if not documents:
        return 0
    new_docs = list(ledger.texts(documents))
    new_sources = {d.source for d in new_docs}
    turns = ledger.turn_spans(new_sources)
    new_reports = [r for d in new_docs for r in find_reports(d, turns.get(d.source, []))]
    old_reports = [r for r in ledger.reports(upto=upto) if r.source not in new_sources]
    agreements = ledger.agreements(AgreementFilter(upto=upto))
    stored, stored_reports = ledger.followup_words(upto=upto)
    index = FollowUps(
        ledger.commitments(CommitmentFilter(upto=upto)),
        [*old_reports, *new_reports],
        ledger.document_countries(upto=upto),
        stored=stored,
        stored_reports=stored_reports,
    )
    touched = _touched(index, new_sources)
    history = [f for i in sorted(touched) for f in index.history(i)]
    since = min((d.date or date.max for d in new_docs), default=date.max)
    threaded = {a.id: a.thread for a in agreements}
    threads = {
        a: t for a, t in agreement_threads(agreements, since=since).items() if threaded[a] != t
    }
    ledger.store_followups(
        threads=threads,
        followups=history,
        followups_of=sorted(touched),
        reports=[(r, report_words(r)) for r in new_reports],
        reports_of=[d.id for d in new_docs if d.id is not None],
        key_words=index.computed,
    )
    return len(history)


def _touched(index: FollowUps, new_sources: set[str]) -> set[int]:
    """The commitments whose history the new documents can change (see the module)."""
    mine = {i for i, c in index.commitments.items() if c.source in new_sources}
    reported = [n for n, r in enumerate(index.reports) if r.source in new_sources]
    without: Counter[str] = Counter()
    for i in mine:
        without.update(index.keys[i])
    for n in reported:
        without.update(index.report_words[n])
    changed = flipped(index, without, len(mine) + len(reported))
    return mine | index.linked_to(mine, reported) | index.touching(changed, rare_only=False)
