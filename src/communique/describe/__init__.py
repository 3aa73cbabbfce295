"""Step 2: title, date, place, publisher and participants of a document."""

from communique.describe.document import complete_description, describe_document

__all__ = ["complete_description", "describe_document"]
