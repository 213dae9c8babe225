"""Views: turn catalog entries and core results into format-neutral Reports."""
