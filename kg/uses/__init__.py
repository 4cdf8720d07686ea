"""What users touch: the query library, stores and serving, the HTML page, statistics and scoring."""
