"""`/api/speakers`: who speaks in the ledger, with turns and claims counted."""

from __future__ import annotations

from fastapi import APIRouter, Request

from communique.serve.schemas import SpeakerPage, speaker_out
from communique.serve.web import LedgerDep, Limit, Offset, following
from communique.store.browse import speaker_summaries

router = APIRouter(tags=["speakers"])


@router.get("/speakers", summary="Speakers by number of turns")
def list_speakers(
    request: Request, ledger: LedgerDep, limit: Limit = 50, offset: Offset = 0
) -> SpeakerPage:
    items, total = speaker_summaries(ledger, limit=limit, offset=offset)
    return SpeakerPage(
        items=[speaker_out(s) for s in items],
        total=total,
        limit=limit,
        offset=offset,
        next=following(request, offset=offset, limit=limit, total=total),
    )
