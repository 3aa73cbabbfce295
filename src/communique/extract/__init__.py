"""Step 4: quantitative claims with value, unit, hedge, metric, period, modality and offsets."""

from communique.extract.claims import EXTRACTOR, extract_claims, extract_claims_batch

__all__ = ["EXTRACTOR", "extract_claims", "extract_claims_batch"]
