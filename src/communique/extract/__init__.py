"""Step 4: quantitative claims, agreements and commitments, each with speaker and offsets."""

from communique.extract.agreements import EXTRACTOR as AGREEMENTS
from communique.extract.claims import EXTRACTOR, extract_claims, extract_claims_batch
from communique.extract.commitments import EXTRACTOR as COMMITMENTS
from communique.extract.entries import extract_entries

__all__ = [
    "AGREEMENTS",
    "COMMITMENTS",
    "EXTRACTOR",
    "extract_claims",
    "extract_claims_batch",
    "extract_entries",
]
