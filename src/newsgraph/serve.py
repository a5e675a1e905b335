"""newsgraph serve: a read-only SPARQL 1.1 Protocol endpoint and pages for the store's IRIs.

pyoxigraph cannot cancel a running query, so SPARQL queries run in worker processes: the
timeout covers checking, evaluating and serializing a query (and waiting for a free worker);
a worker that runs out of time is killed and replaced. Entity pages are read in the server
process, from patterns bounded by the entity's own triples.
"""

from __future__ import annotations

import ipaddress
import multiprocessing
import queue
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from newsgraph import __version__
from newsgraph.endpoint import Reply, Request, answer, text_reply
from newsgraph.errors import NewsgraphError
from newsgraph.negotiation import negotiate
from newsgraph.ontology_docs import ontology_html
from newsgraph.pages import DEFAULT_BASE, Site

MAX_BODY = 1_000_000
PAGE_TYPES = ["text/html", "text/turtle", "application/ld+json"]
PAGE_FORMATS = {"html": "text/html", "ttl": "text/turtle", "jsonld": "application/ld+json"}
INTERNAL = "internal server error; the server's log has the details"


@dataclass(frozen=True)
class Settings:
    store: Path
    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = 10.0
    max_rows: int = 10_000
    base: str = DEFAULT_BASE
    workers: int = 2


def _log(message: str) -> None:
    print(f"newsgraph serve: {message}", file=sys.stderr, flush=True)


def _work(store_path: str, max_rows: int, conn: Connection) -> None:
    """A worker process: open the store, then answer query operations until the pipe closes."""
    try:
        store = ox.Store.read_only(store_path)
        answer(store, Request("ASK {}"), 1)  # loads the SPARQL parser before the first query
    except Exception as exc:
        conn.send(f"cannot open the store {store_path} ({exc})")
        return
    conn.send("ready")
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        try:
            reply = answer(store, request, max_rows)
        except Exception:
            traceback.print_exc(file=sys.stderr)
            reply = text_reply(500, INTERNAL)
        conn.send(reply)


class Worker:
    """One query process and the pipe to it."""

    def __init__(self, store: Path, max_rows: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_work, args=(str(store), max_rows, child), daemon=True
        )
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, deadline: float) -> bool:
        """True once the worker has opened the store; NewsgraphError if it could not."""
        if self.ready:
            return True
        if not self.conn.poll(max(deadline - time.monotonic(), 0)):
            return False
        try:
            message = self.conn.recv()
        except EOFError:
            raise NewsgraphError(
                "a query worker exited while starting; see the log above"
            ) from None
        if message != "ready":
            raise NewsgraphError(f"{message}; run `newsgraph load` first, or check --store")
        self.ready = True
        return True

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class Workers:
    """A pool of query processes; a query that runs past the timeout loses its process."""

    def __init__(self, store: Path, max_rows: int, size: int, timeout: float) -> None:
        self.store, self.max_rows, self.timeout = store, max_rows, timeout
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.all: list[Worker] = []
        self.lock = threading.Lock()
        for _ in range(size):
            self.idle.put(self._start())
        deadline = time.monotonic() + 120
        for worker in list(self.all):
            if not worker.wait_ready(deadline):
                self.close()
                raise NewsgraphError("the query workers did not start within 120 seconds")

    def _start(self) -> Worker:
        worker = Worker(self.store, self.max_rows)
        with self.lock:
            self.all.append(worker)
        return worker

    def _replace(self, worker: Worker) -> None:
        worker.kill()
        with self.lock:
            self.all.remove(worker)
        self.idle.put(self._start())

    def pids(self) -> list[int]:
        with self.lock:
            return [w.process.pid for w in self.all if w.process.pid is not None]

    def run(self, request: Request) -> Reply:
        deadline = time.monotonic() + self.timeout
        try:
            worker = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            return text_reply(503, "every query worker is busy; try again shortly")
        try:
            if worker.wait_ready(deadline):
                worker.conn.send(request)
                if worker.conn.poll(max(deadline - time.monotonic(), 0)):
                    reply: Reply = worker.conn.recv()
                    self.idle.put(worker)
                    return reply
        except (EOFError, OSError, NewsgraphError) as exc:
            _log(f"a query worker failed ({exc}); starting another")
            self._replace(worker)
            return text_reply(500, INTERNAL)
        _log(f"a query ran past {self.timeout:g} s; its worker was killed")
        self._replace(worker)
        return text_reply(
            503,
            f"the query ran longer than this server's limit of {self.timeout:g} seconds and was "
            "stopped; make it more selective (fewer unbound patterns, a LIMIT)",
        )

    def close(self) -> None:
        with self.lock:
            workers, self.all = self.all, []
        for worker in workers:
            worker.kill()


class App:
    """Routes: /sparql, /id/..., /, /ontology. Every answer is a Reply."""

    def __init__(self, settings: Settings) -> None:
        if not settings.store.exists():
            raise NewsgraphError(f"{settings.store}: no store; run `newsgraph load` first")
        self.settings = settings
        self.workers = Workers(
            settings.store, settings.max_rows, settings.workers, settings.timeout
        )
        self.site = Site(ox.Store.read_only(str(settings.store)), settings.base)
        self.ontology = ontology_html().encode("utf-8")

    def close(self) -> None:
        self.workers.close()

    def get(self, path: str, params: dict[str, list[str]], accept: str | None) -> Reply:
        if path == "/sparql":
            return self.sparql(params, None, accept)
        if path.startswith("/id/"):
            return self.entity(path, params, accept)
        if path == "/":
            return self.html(200, self.site.index())
        if path == "/ontology":
            return Reply(200, "text/html; charset=utf-8", self.ontology)
        return self.html(404, self.site.not_found(path))

    def post(
        self,
        path: str,
        params: dict[str, list[str]],
        content_type: str,
        body: bytes,
        accept: str | None,
    ) -> Reply:
        if path != "/sparql":
            return text_reply(405, "only /sparql accepts POST")
        media = content_type.split(";")[0].strip().lower()
        if media == "application/sparql-update":
            return self._read_only()
        if media == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", errors="strict"), keep_blank_values=True)
            if "update" in form:
                return self._read_only()
            return self.sparql({**params, **form}, None, accept)
        if media == "application/sparql-query":
            return self.sparql(params, body.decode("utf-8", errors="strict"), accept)
        return text_reply(
            415,
            "send the query as application/sparql-query or application/x-www-form-urlencoded "
            "(query=...)",
        )

    def _read_only(self) -> Reply:
        return text_reply(
            403,
            "this endpoint is read-only: the SPARQL update operation is refused; change the "
            "store with `newsgraph load`",
        )

    def sparql(self, params: dict[str, list[str]], text: str | None, accept: str | None) -> Reply:
        if "update" in params:
            return self._read_only()
        queries = params.get("query", [])
        if text is None:
            if len(queries) != 1:
                return text_reply(400, "give exactly one query: GET /sparql?query=..., or POST it")
            text = queries[0]
        elif queries:
            return text_reply(400, "give the query either in the body or as query=, not both")
        request = Request(
            query=text,
            accept=accept,
            default_graphs=tuple(params.get("default-graph-uri", [])),
            named_graphs=tuple(params.get("named-graph-uri", [])),
        )
        return self.workers.run(request)

    def entity(self, path: str, params: dict[str, list[str]], accept: str | None) -> Reply:
        node = self.site.resolve(path)
        if node is None:
            return self.html(404, self.site.not_found(path))
        wanted = params.get("format", [])
        media = PAGE_FORMATS.get(wanted[0]) if wanted else negotiate(accept, PAGE_TYPES)
        vary = (("Vary", "Accept"),)
        if media == "text/html":
            return Reply(200, "text/html; charset=utf-8", self.site.page(node).encode(), vary)
        if media == "text/turtle":
            return Reply(200, "text/turtle; charset=utf-8", self.site.turtle(node), vary)
        if media == "application/ld+json":
            return Reply(200, "application/ld+json", self.site.json_ld(node), vary)
        return text_reply(406, "this resource is available as: " + ", ".join(PAGE_TYPES))

    def html(self, status: int, page: str) -> Reply:
        return Reply(status, "text/html; charset=utf-8", page.encode("utf-8"))


def _handler(app: App) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = f"newsgraph/{__version__}"

        def version_string(self) -> str:
            return self.server_version

        protocol_version = "HTTP/1.1"

        def _respond(self, reply: Reply, head: bool = False) -> None:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            for name, value in reply.headers:
                self.send_header(name, value)
            self.end_headers()
            if not head:
                self.wfile.write(reply.body)

        def _guard(self, work: Callable[[], Reply], head: bool = False) -> None:
            try:
                reply = work()
            except UnicodeDecodeError:
                reply = text_reply(400, "the request is not UTF-8")
            except Exception:
                traceback.print_exc(file=sys.stderr)
                reply = text_reply(500, INTERNAL)
            self._respond(reply, head)

        def _split(self) -> tuple[str, dict[str, list[str]]]:
            parts = urlsplit(self.path)
            return parts.path, parse_qs(parts.query, keep_blank_values=True)

        def do_GET(self) -> None:
            path, params = self._split()
            self._guard(lambda: app.get(path, params, self.headers.get("Accept")))

        def do_HEAD(self) -> None:
            path, params = self._split()
            self._guard(lambda: app.get(path, params, self.headers.get("Accept")), head=True)

        def do_POST(self) -> None:
            path, params = self._split()
            length = self.headers.get("Content-Length")
            if length is None or not length.isdigit():
                self._respond(text_reply(411, "a POST needs a Content-Length"))
                self.close_connection = True
                return
            if int(length) > MAX_BODY:
                self._respond(text_reply(413, f"the request body is over {MAX_BODY} bytes"))
                self.close_connection = True
                return
            body = self.rfile.read(int(length))
            content_type = self.headers.get("Content-Type", "")
            accept = self.headers.get("Accept")
            self._guard(lambda: app.post(path, params, content_type, body, accept))

        def _refuse_method(self) -> None:
            refused = text_reply(405, "this server is read-only: use GET, HEAD or POST (queries)")
            allow = (("Allow", "GET, HEAD, POST"),)
            self._respond(Reply(405, refused.content_type, refused.body, allow))

        do_PUT = do_DELETE = do_PATCH = _refuse_method

        def log_message(self, format: str, *args: Any) -> None:
            _log(f"{self.address_string()} {format % args}")

    return Handler


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up before its reply is sent is logged in one line."""
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            _log(f"{client_address[0]} closed the connection before the reply was complete")
            return
        super().handle_error(request, client_address)


class _Server6(_Server):
    address_family = socket.AF_INET6


def make_server(app: App, host: str, port: int) -> ThreadingHTTPServer:
    """An HTTP server for the app, listening but not yet serving."""
    server_class = _Server6 if ":" in host else _Server
    try:
        return server_class((host, port), _handler(app))
    except OSError as exc:
        raise NewsgraphError(
            f"cannot listen on {host}:{port} ({exc}); choose another --port"
        ) from None


def serve(settings: Settings, on_ready: Callable[[str], None] | None = None) -> None:
    """Serve until interrupted; on_ready gets the address once the server listens."""
    if not is_loopback(settings.host):
        _log(
            f"warning: listening on {settings.host}, reachable from other machines; the "
            "endpoint has no authentication"
        )
    app = App(settings)
    try:
        server = make_server(app, settings.host, settings.port)
    except NewsgraphError:
        app.close()
        raise
    if on_ready is not None:
        host = f"[{settings.host}]" if ":" in settings.host else settings.host
        on_ready(f"http://{host}:{server.server_address[1]}/")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        app.close()
