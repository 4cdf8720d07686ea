"""Claims and events: who did or said what, to whom, where, when and how many.

Reads the trigger lexicon and the mentions of each sentence; adds `Article.claims`. Each concern has its
module: `triggers` (the words), `subjects` (who acts), `attribution` (who speaks, quotes, carriers),
`arguments` (targets and places), `amounts` (what numbers count), `dating` (which date is a claim's),
and `reader`, which reads a sentence with all of them.
"""
from kg.extract.claims.reader import read_claims

__all__ = ["read_claims"]
