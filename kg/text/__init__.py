"""The text layer: files to articles, boilerplate, metadata, sentences, dates, numbers and gazetteer names."""
