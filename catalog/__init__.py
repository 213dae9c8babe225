"""The built-in catalog: data files only (see the README)."""
