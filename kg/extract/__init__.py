"""Extraction: entities and roles, claims and events, and the merge of entities across articles."""
