"""What later statements report of each commitment: its history.

A later sentence that shares the commitment's distinctive words and says it happened, was put
off or changed (a `Report`) is its history; so is a later commitment to the same action,
restated, or with its due date moved. Both must come from a document with a party in common.
Distinctive words are the commitment's own ("branch", "engineer", "institute"), without
parties, titles and verbs of intent, and not common in the ledger: a word in more than
COMMON_SHARE of its commitments and reports says too little ("trade", "cooperation").

`FollowUps` indexes a ledger's commitments and reports once; `history(id)` is then a pure
function of the commitment, the units that share its rare words, and which words are rare, so
a run after new documents recomputes only the commitments whose answer can change
(`touched_by`): see reconcile/followup_runs.py.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from communique.extract.actors import find_parties
from communique.models import Commitment, Document, FollowUp, Progress, Report
from communique.reconcile.followup import content_words
from communique.reconcile.followup_reports import EXTRACTOR, find_reports

MIN_SHARED = 2
"""Distinctive (not common) words a later sentence must share with a commitment of a document
with a party in common. Read on the seeds and 177 real statements: one shared word linked
unrelated promises of the same two countries ("branches"); two, beside the common-word and
party rules, kept the links that were right and few that were not."""
MAX_HISTORY = 20
"""Later statements kept per commitment, the earliest first: an archive that republishes a
statement would otherwise link every copy to every other."""
COMMON_SHARE = 0.02
"""A word found in more than this share of the ledger's commitments and reports (and in more
than five) says too little to link two of them: "trade", "cooperation", "leaders"."""

_TITLES = {
    "president", "minister", "prime", "leader", "chancellor", "king", "secretary", "side",
    "country", "government", "state", "nation", "people", "part", "relation", "friend",
    "partner", "will", "continue", "plan", "agree", "work", "together", "take", "place",
    "make", "do", "provide", "support", "year", "next", "invit", "mark", "celebrat", "open",
    "start", "begin", "hold", "new", "first",
}  # fmt: skip


def key_words(commitment: Commitment) -> frozenset[str]:
    """The words that say what a commitment is about, without its parties' names, titles
    and verbs of intent: "branch", "moscow", "engineer", "physic", "institute" ..."""
    quote = commitment.quote
    for party in reversed(find_parties(quote)):
        quote = quote[: party.start] + " " + quote[party.end :]
    return frozenset(content_words(quote) - _TITLES)


def report_words(report: Report) -> frozenset[str]:
    """The words of a report's sentence that follow-ups compare."""
    return frozenset(content_words(report.quote))


def common_limit(units: int) -> int:
    """The most units a word may be in and still be distinctive."""
    return max(5, int(COMMON_SHARE * units))


class FollowUps:
    """A ledger's dated commitments and reports, indexed by their distinctive words."""

    def __init__(
        self,
        commitments: Iterable[Commitment],
        reports: Iterable[Report],
        parties: Mapping[str, Iterable[str]],
        *,
        stored: Mapping[int, frozenset[str]] | None = None,
        stored_reports: Mapping[int, frozenset[str]] | None = None,
    ) -> None:
        """`stored`: commitments' key words as the ledger keeps them, and `stored_reports`
        reports' words, by id; those not given are read from the quotes (and listed in
        `computed` for the ledger to keep)."""
        self.parties = {source: frozenset(codes) for source, codes in parties.items()}
        self.commitments = {
            c.id: c for c in commitments if c.id is not None and c.document_date is not None
        }
        self.reports = [r for r in reports if r.document_date is not None]
        known = stored or {}
        self.computed = {i: key_words(c) for i, c in self.commitments.items() if i not in known}
        self.keys = {i: known[i] if i in known else self.computed[i] for i in self.commitments}
        known_reports = stored_reports or {}
        self.report_words = [
            known_reports[r.id] if r.id is not None and r.id in known_reports else report_words(r)
            for r in self.reports
        ]
        self.frequency: Counter[str] = Counter()
        for words in (*self.keys.values(), *self.report_words):
            self.frequency.update(words)
        self.units = len(self.keys) + len(self.report_words)
        limit = common_limit(self.units)
        self.rare = {
            i: frozenset(w for w in ws if self.frequency[w] <= limit) for i, ws in self.keys.items()
        }
        self._by_word: dict[str, list[int]] = defaultdict(list)  # rare word → commitment ids
        for i, words in self.rare.items():
            for w in words:
                self._by_word[w].append(i)
        self._reports_by_word: dict[str, list[int]] = defaultdict(list)  # → report positions
        for n, words in enumerate(self.report_words):
            for w in words:
                if self.frequency[w] <= limit:
                    self._reports_by_word[w].append(n)

    def history(self, commitment_id: int) -> list[FollowUp]:
        """What later statements report of one commitment, the earliest MAX_HISTORY."""
        c = self.commitments[commitment_id]
        mine = self.rare[commitment_id]
        if len(mine) < MIN_SHARED:
            return []
        when = c.document_date
        assert when is not None
        sides = self.parties.get(c.source or "", frozenset()) | {a for a in c.actor if a.isupper()}
        found: list[FollowUp] = []
        for n in sorted({n for w in mine for n in self._reports_by_word.get(w, ())}):
            r = self.reports[n]
            if (
                r.document_date is not None
                and r.document_date > when
                and len(mine & self.report_words[n]) >= MIN_SHARED
                and sides & self.parties.get(r.source or "", frozenset())
            ):
                found.append(_reported(commitment_id, r))
        for i in sorted({i for w in mine for i in self._by_word.get(w, ())}):
            later = self.commitments[i]
            if (
                later.document_date is not None
                and later.document_date > when
                and len(mine & self.rare[i]) >= MIN_SHARED
                and sides & (self.parties.get(later.source or "", frozenset()) | set(later.actor))
            ):
                found.append(_restated(c, later))
        found.sort(key=_order)
        return found[:MAX_HISTORY]

    def touching(self, words: Iterable[str], *, rare_only: bool = True) -> set[int]:
        """Commitments whose distinctive (or, with `rare_only` False, key) words include one
        of `words`."""
        wanted = set(words)
        if rare_only:
            return {i for w in wanted for i in self._by_word.get(w, ())}
        return {i for i, ws in self.keys.items() if ws & wanted}

    def linked_to(self, commitment_ids: Iterable[int], reports: Iterable[int]) -> set[int]:
        """Commitments that share at least MIN_SHARED distinctive words with one of the
        commitments or reports (positions) given: those whose history they may join."""
        near: set[int] = set()
        for words in (
            *(self.rare[i] for i in commitment_ids if i in self.rare),
            *(self.report_words[n] for n in reports),
        ):
            counts = Counter(i for w in words for i in self._by_word.get(w, ()))
            near.update(i for i, shared in counts.items() if shared >= MIN_SHARED)
        return near


def flipped(now: FollowUps, without: Counter[str], units_without: int) -> set[str]:
    """Words distinctive in `now` but not in the ledger without some of its units (whose word
    counts are `without`, `units_without` of them), or the other way round."""
    limit_now = common_limit(now.units)
    limit_before = common_limit(now.units - units_without)
    return {
        w for w, n in now.frequency.items() if (n <= limit_now) != (n - without[w] <= limit_before)
    }


def _order(f: FollowUp) -> tuple[date, str, int, int]:
    return (f.document_date or date.min, f.source or "", f.span.start, f.later_commitment_id or 0)


def _reported(commitment_id: int, r: Report) -> FollowUp:
    return FollowUp(
        commitment_id=commitment_id,
        status=r.status,
        quote=r.quote,
        span=r.span,
        speaker=r.speaker,
        source=r.source,
        document_date=r.document_date,
        extractor=EXTRACTOR,
    )


def _restated(earlier: Commitment, later: Commitment) -> FollowUp:
    assert earlier.id is not None
    return FollowUp(
        commitment_id=earlier.id,
        status=_moved(earlier, later),
        later_commitment_id=later.id,
        quote=later.quote,
        span=later.span,
        speaker=later.speaker,
        source=later.source,
        document_date=later.document_date,
        extractor=EXTRACTOR,
    )


def _moved(earlier: Commitment, later: Commitment) -> Progress:
    if earlier.due is None or later.due is None or earlier.due == later.due:
        return Progress.RESTATED
    return Progress.DELAYED if later.due.end > earlier.due.end else Progress.CHANGED


def commitment_history(
    commitments: Sequence[Commitment], documents: Iterable[Document]
) -> list[FollowUp]:
    """What later statements report of each commitment, for every commitment, from the
    documents' texts (the whole computation at once, as a full reconcile does)."""
    parties: dict[str, tuple[str, ...]] = {}
    reports: list[Report] = []
    for doc in documents:
        parties[doc.source] = doc.countries
        reports.extend(find_reports(doc))
    index = FollowUps(commitments, reports, parties)
    return [f for i in sorted(index.commitments) for f in index.history(i)]
