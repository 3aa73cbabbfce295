"""`communique serve`: the REST API and web UI. (Skeleton: not built yet.)"""
