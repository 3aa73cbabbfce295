"""Step 6: one metric across phrasing and documents, timelines, conflicts."""
