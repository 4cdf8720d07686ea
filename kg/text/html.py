"""HTML pages: the main text and metadata of a news page (trafilatura), as an `Article`."""
from __future__ import annotations

from pathlib import Path

from kg.model import Article


def from_html(html: str, doc_id: str, path: Path | None = None) -> Article:
    """The article in an HTML page: its main text as the raw text, title, authors, date, url, outlet."""
    import trafilatura

    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                        favor_precision=True)
    doc = (found.as_dict() if hasattr(found, "as_dict") else dict(found)) if found else {}
    text = (doc.get("text") or "").strip()
    a = Article(id=doc_id, path=path, raw=text + "\n" if text else "", url=doc.get("url"))
    a.title = doc.get("title") or None
    if doc.get("author"):
        a.authors = [x.strip() for x in str(doc["author"]).split(";") if x.strip()]
        a.authors_how = "page metadata"
    if doc.get("date"):
        a.published_hint = str(doc["date"])
    if doc.get("sitename"):
        a.outlet, a.outlet_how = str(doc["sitename"]), "page metadata"
    return a
