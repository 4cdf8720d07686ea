"""The graph: the vocabulary, the one place RDF is written, facts read back, validation, ontology page."""
