"""The catalog half: the data model, reading and validating catalog folders, the cache and
the index that resolves names."""
