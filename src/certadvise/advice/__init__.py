"""The advice half: the person, their gaps to each certification, rules, costs, ranking,
planning and comparison. Pure functions over the catalog's models; no I/O but profile files."""
