"""The HTTP front of `kg serve`: the query library answered from the answer tables, everything else proxied
to the Oxigraph server.

`kg serve` listens on its address with this front (standard library `http.server`, a thread a request) and
runs `oxigraph serve` as a child on an internal port of 127.0.0.1:

* ``GET /library/`` lists the library's queries with their parameters (JSON);
* ``GET /library/NAME?PARAM=VALUE&limit=N&offset=N&lang=id|en&format=json|csv|tsv`` answers one of them as
  `kg query NAME --store DIR` does, by the same runner (`kg.uses.query.run` on the store's answer tables,
  parameters bound as terms): SPARQL 1.1 JSON results, or CSV / TSV by ``format=`` or the Accept header
  (a CONSTRUCT query: Turtle, or JSON-LD); a page that does not hold the last row links the next one
  (``Link: <...>; rel="next"``). A query the tables do not hold goes as SPARQL text to the Oxigraph server,
  its parameters in a VALUES clause of their terms. (The front does not open the store itself: a read-only
  opening beside a server that writes and compacts it can find files gone.)
* every other path (``/query``, ``/update``, ``/store``, the query page) goes to the Oxigraph server unchanged.

The tables describe the store as `kg load` left it: a request that may change the store (anything but
GET, HEAD and a POST to ``/query``) first removes them, as a load does, so that neither this front nor a
later `kg query --store` reads a stale answer; the library is then answered from the SPARQL text.
"""
from __future__ import annotations

import http.client
import http.server
import json
import queue
import re
import socket
import threading
import urllib.parse
from pathlib import Path

from rdflib import BNode, Literal, URIRef

from kg.uses import answers
from kg.uses.library import header, named
from kg.uses.query import Answer, DiskStore, QueryError, _form, kinds, pageable, parameters, render, run

OPTIONS = ("limit", "offset", "lang", "format")       # query-string keys that are not the query's parameters
_TYPES = {"json": "application/sparql-results+json", "csv": "text/csv", "tsv": "text/tab-separated-values",
          "ttl": "text/turtle", "jsonld": "application/ld+json"}
_ACCEPT = {"application/sparql-results+json": "json", "application/json": "json", "text/csv": "csv",
           "text/tab-separated-values": "tsv", "text/turtle": "ttl", "application/ld+json": "jsonld"}
_HOP = frozenset({"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
                  "transfer-encoding", "upgrade", "host", "content-length"})


class HTTPError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


class Library:
    """The library's answers on one store, for many threads: answer tables (an SQLite connection each, kept
    in a pool), and the Oxigraph server for what they do not hold."""

    def __init__(self, store_dir: str | Path, upstream: tuple[str, int]):
        self.dir, self.upstream = Path(store_dir), upstream
        self._pool: queue.SimpleQueue = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._changed = 0           # requests that may have changed the store so far

    def changing(self) -> None:
        """A request that may change the store is about to go to the server: the tables go (see the module)."""
        with self._lock:
            self._changed += 1
            answers.remove(self.dir)

    def answer(self, name: str, params: dict[str, str], *, limit: int | None, offset: int,
               lang: str | None) -> Answer:
        try:
            tables, at = self._pool.get_nowait()
        except queue.Empty:
            tables, at = answers.Tables.of(self.dir), self._changed
        if at != self._changed:
            tables = None
        try:
            return run(_Server(self.upstream, tables), name, params, lang=lang, limit=limit, offset=offset)
        finally:
            self._pool.put((tables, at))


class _Server(DiskStore):
    """The store as `kg query --store` reads it: its answer tables, and for what they do not hold the
    Oxigraph server, asked as `query.run` asks an Oxigraph store. The substitutions go in a VALUES clause of
    their terms (written by Oxigraph, never pasted text), which for the library's queries (they project their
    parameters) gives the rows the substitutions give."""

    def __init__(self, upstream: tuple[str, int], tables):
        self.upstream, self.tables = upstream, tables

    @property
    def store(self):
        return self

    def query(self, text: str, substitutions: dict | None = None, use_default_graph_as_union: bool = True):
        import pyoxigraph as ox
        if substitutions:
            names = list(substitutions)
            text = values_first(text, f"VALUES ({' '.join('?' + v.value for v in names)}) "
                                      f"{{ ({' '.join(str(substitutions[v]) for v in names)}) }}")
        graph = _form(text) in ("CONSTRUCT", "DESCRIBE")
        conn = http.client.HTTPConnection(*self.upstream)
        try:
            conn.request("POST", "/query", body=text.encode("utf-8"),
                         headers={"Content-Type": "application/sparql-query; charset=utf-8",
                                  "Accept": "application/n-triples" if graph else "application/sparql-results+json"})
            resp = conn.getresponse()
            data = resp.read()
        except OSError as e:
            raise RuntimeError(f"the Oxigraph server does not answer ({_line(e)})") from None
        finally:
            conn.close()
        if resp.status != 200:
            raise RuntimeError(f"HTTP {resp.status} from the Oxigraph server: {_line(data.decode('utf-8', 'replace'))}")
        if not graph:
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        mem = ox.Store()        # the triples as query.run reads the answer of a CONSTRUCT
        mem.load(data, format=ox.RdfFormat.N_TRIPLES)
        return mem.query("CONSTRUCT WHERE { ?s ?p ?o }")


_MASK = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')


def values_first(text: str, values: str) -> str:
    """`text` with the VALUES clause `values` first in the query's outermost WHERE group, where Oxigraph starts
    from it (as from a substituted variable); at the end of the query, when that group cannot be found. After
    the query it would be joined last: `claim_subgraph` took 37 s that way at a million triples, 13 ms first."""
    masked = _MASK.sub(lambda m: " " * len(m.group(0)), text)      # strings, IRIs and comments hold no syntax
    m = re.search(r"\b(select|construct|ask|describe)\b", masked, re.I)
    if m:
        i = m.end()
        if m.group(1).lower() == "construct":        # skip the template
            j = masked.find("{", i)
            if j >= 0 and not masked[i:j].strip():
                depth = 0
                for k in range(j, len(masked)):
                    depth += {"{": 1, "}": -1}.get(masked[k], 0)
                    if depth == 0:
                        i = k + 1
                        break
        j = masked.find("{", i)
        if j >= 0:
            return f"{text[:j + 1]} {values}\n{text[j + 1:]}"
    return f"{text}\n{values}"


def catalogue(base: str) -> list[dict]:
    """The library's queries: name, title, description, parameters (required, kind, what), pageable, URL."""
    out = []
    for name, path in named().items():
        h = header(path)
        what = {}
        for part in h.get("parameters", "").split(";"):
            part = part.strip()
            if part.startswith("?"):
                k, _, rest = part[1:].partition(" ")
                what[k] = rest.split(")", 1)[-1].strip()
        kind = kinds(path)
        out.append({"name": name, "title": h.get("title", ""), "description": h.get("description", ""),
                    "parameters": {k: {"required": req, "kind": kind.get(k) or "string", "description": what.get(k, "")}
                                   for k, req in parameters(path).items()},
                    "pageable": pageable(name), "columns": h.get("columns", ""), "url": f"{base}{name}"})
    return out


def _count(key: str, value: str) -> int:
    if not value.isdigit():
        raise HTTPError(400, f"{key}={value}: expected a whole number, 0 or more")
    return int(value)


def _tsv(ans: Answer) -> str:
    """SPARQL 1.1 TSV results: ?var headers, terms in Turtle syntax."""
    def term(v):
        if v is None:
            return ""
        if isinstance(v, Literal) and v.datatype is None and not v.language:
            return Literal(str(v)).n3()
        return v.n3()
    lines = ["\t".join("?" + v for v in ans.vars)]
    lines += ["\t".join(term(v).replace("\t", "\\t").replace("\n", "\\n") for v in r) for r in ans.rows]
    return "\n".join(lines) + "\n"


def _format(asked: str | None, accept: str, construct: bool) -> str:
    """json, csv, tsv (SELECT) or ttl, jsonld (CONSTRUCT) from format= or else the Accept header."""
    allowed = ("ttl", "jsonld") if construct else ("json", "csv", "tsv")
    if asked:
        fmt = {"turtle": "ttl", "json-ld": "jsonld"}.get(asked.lower(), asked.lower())
        if construct and fmt == "json":
            fmt = "jsonld"
        if fmt not in allowed:
            raise HTTPError(400, f"format={asked}: this query answers in {' or '.join(allowed)}")
        return fmt
    ranked = []
    for i, part in enumerate(accept.split(",")):
        media, *opts = [x.strip() for x in part.split(";")]
        q = 1.0
        for o in opts:
            if o.startswith("q="):
                try:
                    q = float(o[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, media.lower()))
    for _, _, media in sorted(ranked):
        fmt = _ACCEPT.get(media)
        if fmt == "json" and construct:
            fmt = "jsonld"
        if fmt in allowed:
            return fmt
        if media in ("*/*", "application/*", "text/*") or not media:
            return allowed[0]
    if not accept.strip():
        return allowed[0]
    raise HTTPError(406, f"cannot answer in {accept}: this query answers in "
                         + " or ".join(_TYPES[f] for f in allowed))


class Front(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple, family: int, library: Library, upstream: tuple[str, int]):
        self.address_family = family
        self.library, self.upstream = library, upstream
        super().__init__(address, _Handler)


class _Handler(http.server.BaseHTTPRequestHandler):
    server: Front
    protocol_version = "HTTP/1.0"       # one request a connection: a proxied answer streams until it ends
    server_version = "kg-serve"

    def log_message(self, format, *args):   # noqa: A002 - quiet, as the Oxigraph server is
        pass

    # ---------------------------------------------------------------------------------------- dispatch
    def _dispatch(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        if path == "/library" or path.startswith("/library/"):
            if self.command not in ("GET", "HEAD"):
                return self._send(405, "text/plain; charset=utf-8",
                                  f"{path}: only GET answers the library\n".encode(), {"Allow": "GET, HEAD"})
            try:
                status, ctype, body, extra = self._library()
            except HTTPError as e:
                status, ctype, body, extra = e.status, "text/plain; charset=utf-8", _line(e).encode() + b"\n", {}
            except QueryError as e:
                status, ctype, body, extra = 400, "text/plain; charset=utf-8", _line(e).encode() + b"\n", {}
            except Exception as e:      # a one-line answer, never a traceback
                status, ctype, body, extra = (500, "text/plain; charset=utf-8",
                                              f"internal error: {e.__class__.__name__}: {_line(e)}\n".encode(), {})
            return self._send(status, ctype, body, extra)
        self._proxy()

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _dispatch

    def _send(self, status: int, ctype: str, body: bytes, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    # ---------------------------------------------------------------------------------------- library
    def _library(self):
        parts = urllib.parse.urlsplit(self.path)
        name = urllib.parse.unquote(parts.path[len("/library"):].strip("/"))
        base = f"http://{self.headers.get('Host') or 'localhost'}/library/"
        if not name:
            body = json.dumps(catalogue(base), ensure_ascii=False, indent=1) + "\n"
            return 200, "application/json; charset=utf-8", body.encode(), {}
        lib = named()
        if name not in lib:
            raise HTTPError(404, f"{name}: no such query in the library (GET /library/ lists them: {', '.join(lib)})")
        try:
            pairs = urllib.parse.parse_qsl(parts.query, keep_blank_values=True, strict_parsing=False,
                                           errors="strict")
        except (ValueError, UnicodeDecodeError) as e:
            raise HTTPError(400, f"the query string cannot be read ({_line(e)})") from None
        given: dict[str, str] = {}
        for k, v in pairs:
            if k in given:
                raise HTTPError(400, f"{name}: {k} given twice")
            given[k] = v
        opts = {k: given.pop(k) for k in OPTIONS if k in given}
        declared = parameters(lib[name])
        for k in given:
            if k not in declared:
                raise HTTPError(400, f"{name}: no parameter {k!r} (parameters: {', '.join(declared) or 'none'}; "
                                     f"options: {', '.join(OPTIONS)})")
        missing = [k for k, required in declared.items() if required and k not in given]
        if missing:
            raise HTTPError(400, f"{name}: needs " + "&".join(f"{k}=VALUE" for k in missing)
                                 + f" ({header(lib[name]).get('parameters', '')})")
        limit = _count("limit", opts["limit"]) if "limit" in opts else None
        offset = _count("offset", opts["offset"]) if "offset" in opts else 0
        lang = opts.get("lang") or None
        if lang not in (None, "id", "en"):
            raise HTTPError(400, f"lang={lang}: expected id or en")
        construct = _form(lib[name].read_text(encoding="utf-8")) in ("CONSTRUCT", "DESCRIBE")
        fmt = _format(opts.get("format"), self.headers.get("Accept", ""), construct)
        ans = self.server.library.answer(name, given, limit=limit or None, offset=offset, lang=lang)
        if fmt == "tsv":
            body = _tsv(ans)
        elif fmt == "jsonld":
            body = render(ans, "json")
        else:
            body = render(ans, fmt)
        extra = {}
        if ans.more:
            q = urllib.parse.urlencode({**given, **opts, "limit": str(limit), "offset": str(offset + len(ans.rows))})
            extra["Link"] = f'<{base}{urllib.parse.quote(name)}?{q}>; rel="next"'
        ctype = _TYPES[fmt] + ("; charset=utf-8" if fmt != "json" else "")
        return 200, ctype, body.encode("utf-8"), extra

    # ---------------------------------------------------------------------------------------- proxy
    def _proxy(self) -> None:
        path = urllib.parse.urlsplit(self.path).path.rstrip("/")
        if not (self.command in ("GET", "HEAD", "OPTIONS") or (self.command == "POST" and path == "/query")):
            self.server.library.changing()
        try:
            body = self._body()
        except (ValueError, OSError) as e:
            return self._send(400, "text/plain; charset=utf-8", f"the request body cannot be read ({_line(e)})\n".encode())
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
        host, port = self.server.upstream
        conn = http.client.HTTPConnection(host, port)
        try:
            conn.request(self.command, self.path, body=body, headers=headers)
            resp = conn.getresponse()
        except OSError as e:
            conn.close()
            return self._send(502, "text/plain; charset=utf-8",
                              f"the Oxigraph server does not answer ({_line(e)})\n".encode())
        try:
            self.send_response(resp.status, resp.reason)
            for k, v in resp.getheaders():
                if k.lower() not in _HOP or k.lower() == "content-length":
                    self.send_header(k, v)
            self.end_headers()
            if self.command != "HEAD":
                while chunk := resp.read1(65536):
                    self.wfile.write(chunk)
        except OSError:
            pass                        # the client went away
        finally:
            conn.close()

    def _body(self) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            out = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(out)
                out.append(self.rfile.read(size))
                self.rfile.readline()
        n = self.headers.get("Content-Length")
        return self.rfile.read(int(n)) if n else None


def _line(e: BaseException) -> str:
    return " ".join(str(e).split())[:500] or e.__class__.__name__


def front(bind: str, library: Library, upstream: tuple[str, int]) -> Front:
    """The front, listening on `bind` (HOST:PORT, [V6]:PORT) already; OSError when it cannot."""
    host, _, port = bind.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    family, _, _, _, addr = socket.getaddrinfo(host, int(port), type=socket.SOCK_STREAM)[0]
    return Front(addr[:2], family, library, upstream)


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
