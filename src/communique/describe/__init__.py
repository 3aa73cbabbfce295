"""Step 2: title, date, place, publisher and participants of a document."""

from communique.describe.document import describe_document

__all__ = ["describe_document"]
