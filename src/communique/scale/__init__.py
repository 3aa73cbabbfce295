"""Step 8: run the pipeline over many processes or a cluster."""
