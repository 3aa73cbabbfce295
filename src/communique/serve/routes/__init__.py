"""One module per resource (documents, claims, metrics, conflicts, search, speakers); pages: UI."""
