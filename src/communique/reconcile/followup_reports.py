"""What a statement reports of earlier promises: sentences that say something happened
("seven branches ... have opened in Kazakhstan"), was put off ("postponed") or changed
("cancelled", "revised"). Found once per document (they depend on its text alone) and stored,
so that following commitments up never reads the texts again."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from communique.models import Document, Progress, Report, Span

EXTRACTOR = "communique.followup.v1"

_DONE = re.compile(
    r"\b(?:ha(?:s|ve)\s+(?:now\s+|already\s+|successfully\s+|just\s+)?(?:been\s+)?"
    r"(?:opened|launched|completed|built|signed|held|started|begun|commissioned|finished|"
    r"implemented|established|created|delivered|reached|achieved|fulfilled|carried out|"
    r"put into operation|inaugurated)"
    r"|(?:was|were)\s+(?:successfully\s+)?(?:opened|launched|completed|built|signed|held|"
    r"commissioned|inaugurated|established|created|delivered|carried out|celebrated)"
    r"|took place|came into force|entered into force|(?:is|are)\s+now\s+(?:open|operating|"
    r"working|in operation))\b",
    re.I,
)
_DELAYED = re.compile(
    r"\b(?:postponed|delayed|rescheduled|pushed back|put off|deferred|behind schedule)\b", re.I
)
_CHANGED = re.compile(r"\b(?:cancell?ed|called off|revised|scaled back|abandoned)\b", re.I)
_CUES = ((Progress.DELAYED, _DELAYED), (Progress.CHANGED, _CHANGED), (Progress.DONE, _DONE))
_ANY_CUE = re.compile("|".join(f"(?:{p.pattern})" for _, p in _CUES), re.I)
_STOP = re.compile(r"[.!?]\s|\n\s*\n")
# What every cue contains: a document without one of these is not searched with the regex.
_CUE_WORDS = (
    "opened", "launched", "completed", "built", "signed", "held", "started", "begun",
    "commissioned", "finished", "implemented", "established", "created", "delivered",
    "reached", "achieved", "fulfilled", "carried out", "operation", "inaugurated",
    "took place", "into force", "celebrated", "now open", "now operating", "now working",
    "postponed", "delayed", "rescheduled", "pushed back", "put off", "deferred",
    "behind schedule", "cancel", "called off", "revised", "scaled back", "abandoned",
)  # fmt: skip
CUE_REACH = 60
"""Characters before a cue word that its regex may span ("has now successfully been")."""


def _cues(text: str) -> Iterator[re.Match[str]]:
    """Matches of the cue regex, run only around the cue words `str.find` locates: the
    regex over whole texts cost more than the rest of reconciliation (benchmarks/README.md)."""
    lower = text.lower()
    spots = sorted(pos for word in _CUE_WORDS for pos in _find_all(lower, word))
    last = 0
    for pos in spots:
        if pos < last:
            continue
        m = _ANY_CUE.search(text, max(last, pos - CUE_REACH), pos + 40)
        if m is not None and m.end() > pos:
            last = m.end()
            yield m


def _find_all(lower: str, word: str) -> Iterator[int]:
    pos = lower.find(word)
    while pos >= 0:
        yield pos
        pos = lower.find(word, pos + 1)


def find_reports(
    doc: Document, turns: Sequence[tuple[str, int, int]] | None = None
) -> list[Report]:
    """Sentences of a document that report something done, put off or changed, each with the
    speaker of the turn that holds it (`turns`: (speaker, start, end), else the document's
    own turns). Each cue is found in the whole text at once, then its sentence is cut around
    it; an undated document reports nothing datable."""
    if doc.date is None:
        return []
    spans = (
        turns if turns is not None else [(t.speaker, t.span.start, t.span.end) for t in doc.turns]
    )
    out: list[Report] = []
    text = doc.text
    taken = 0
    for m in _cues(text):
        if m.start() < taken:
            continue
        before = [b.end() for b in _STOP.finditer(text, max(0, m.start() - 600), m.start())]
        start = before[-1] if before else max(0, m.start() - 600)
        after = _STOP.search(text, m.end())
        end = after.start() + 1 if after else len(text)
        while start < end and text[start].isspace():
            start += 1
        sentence = text[start:end]
        taken = end
        status = next(status for status, pattern in _CUES if pattern.search(sentence))
        out.append(
            Report(
                source=doc.source,
                document_date=doc.date,
                quote=sentence,
                span=Span(start=start, end=end),
                speaker=next((who for who, a, b in spans if a <= start < b), ""),
                extractor=EXTRACTOR,
                status=status,
            )
        )
    return out
