"""Step 1 of the pipeline: turn paths, globs, stdin, JSONL lines and HTML into RawDocuments."""

from communique.read.sources import read_documents

__all__ = ["read_documents"]
