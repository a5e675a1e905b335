"""Servers for the push tests: free ports, waiting for a server, a stub Graph Store, README."""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import shlex
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from base64 import b64encode
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def free_port() -> int:
    """A loopback port nothing listens on now (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_answering(
    url: str, process: subprocess.Popen[bytes], log: Path, seconds: float = 60
) -> None:
    """Poll ``url`` until it answers 200; fail with the server's log if it dies or never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer {url} within {seconds} s:\n{log.read_text()}")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=20)


def select(url: str, sparql: str) -> list[dict[str, str]]:
    """SPARQL SELECT over HTTP (GET, JSON results): each solution as {variable: value}."""
    query = urllib.parse.urlencode({"query": sparql})
    request = urllib.request.Request(
        f"{url}?{query}", headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        results = json.load(response)
    return [{k: v["value"] for k, v in b.items()} for b in results["results"]["bindings"]]


# The stub Graph Store: keeps what it is sent in an in-memory pyoxigraph store.


@dataclass
class Received:
    method: str
    graph: str | None
    authorization: str | None
    body: bytes
    status: int


@dataclass
class Stub:
    """A Graph Store that may demand a login, refuse, fail the n-th request or answer late."""

    path: str = "/store"
    scheme: str | None = None  # "basic" or "digest": demand that login
    user: str = "admin"
    password: str = "secret"
    fail: dict[int, int] = field(default_factory=dict)  # accepted request number -> status
    delay: float = 0.0
    bare_401: bool = False  # refuse a wrong login without a challenge, as Virtuoso does
    store: ox.Store = field(default_factory=ox.Store)
    received: list[Received] = field(default_factory=list)
    accepted: int = 0
    realm: str = "stub"
    nonces: set[str] = field(default_factory=set)

    def authorized(self, header: str | None, method: str, uri: str) -> bool:
        if self.scheme is None:
            return True
        if header is None:
            return False
        if self.scheme == "basic":
            token = b64encode(f"{self.user}:{self.password}".encode()).decode()
            return header == f"Basic {token}"
        if not header.startswith("Digest "):
            return False
        params = {
            k: v1 if v1 else v2
            for k, v1, v2 in re.findall(r'(\w+)=(?:"([^"]*)"|([^,\s]*))', header[7:])
        }
        if params.get("username") != self.user or params.get("nonce") not in self.nonces:
            return False
        if params.get("uri") != uri or params.get("qop") != "auth":
            return False

        def md5(text: str) -> str:
            return hashlib.md5(text.encode()).hexdigest()

        # RFC 7616 with qop=auth and MD5, computed here independently of urllib.
        ha1 = md5(f"{self.user}:{self.realm}:{self.password}")
        ha2 = md5(f"{method}:{uri}")
        expected = md5(
            f"{ha1}:{params['nonce']}:{params.get('nc')}:{params.get('cnonce')}:auth:{ha2}"
        )
        return params.get("response") == expected

    def challenge(self) -> str:
        if self.scheme == "basic":
            return f'Basic realm="{self.realm}"'
        nonce = secrets.token_hex(16)
        self.nonces.add(nonce)
        return f'Digest realm="{self.realm}", nonce="{nonce}", qop="auth", algorithm=MD5'

    def triples(self, graph: str | None) -> int:
        name = ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
        return len(list(self.store.quads_for_pattern(None, None, None, name)))


def _handler(stub: Stub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the tests read ``stub.received`` instead."""

        def answer(
            self, status: int, text: str = "", headers: dict[str, str] | None = None
        ) -> None:
            body = text.encode()
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def handle_upload(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            url = urllib.parse.urlsplit(self.path)
            query = urllib.parse.parse_qs(url.query, keep_blank_values=True)
            graph = query["graph"][0] if "graph" in query else None
            authorization = self.headers.get("Authorization")
            if stub.delay:
                time.sleep(stub.delay)
            if url.path != stub.path:
                status, text, headers = 404, f"no graph store at {url.path}", {}
            elif not stub.authorized(authorization, self.command, self.path):
                challenge = (
                    {}
                    if stub.bare_401 and authorization
                    else {"WWW-Authenticate": stub.challenge()}
                )
                status, text, headers = 401, "", challenge
            else:
                stub.accepted += 1
                status = stub.fail.get(stub.accepted, 0)
                text, headers = "the stub fails this request on purpose", {}
                if not status:
                    status, text = self.store(graph, body)
            stub.received.append(Received(self.command, graph, authorization, body, status))
            self.answer(status, text, headers)

        def store(self, graph: str | None, body: bytes) -> tuple[int, str]:
            if self.headers.get("Content-Type") not in ("application/n-triples", "text/turtle"):
                return 415, "send N-Triples or Turtle"
            name = ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
            if self.command == "PUT":
                stub.store.clear_graph(name)
            stub.store.load(body, format=ox.RdfFormat.TURTLE, to_graph=name)
            return (201 if self.command == "PUT" else 200), ""

        do_PUT = handle_upload
        do_POST = handle_upload

    return Handler


@contextmanager
def serve_stub(stub: Stub) -> Iterator[str]:
    """Run the stub on a free loopback port; yields its base URL (no path)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(stub))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# The README's push commands, run as a reader would run them.


def readme_push_commands() -> list[str]:
    """Every `newsgraph push` command of the README's shell blocks, continuation lines joined."""
    text = README.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for command in block.replace("\\\n", " ").splitlines():
            if "newsgraph push" in command:
                commands.append(" ".join(command.split()))
    return commands


def run_readme_command(
    command: str, replace: Callable[[str], str], env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """Run a README command in the project folder with its endpoint rewritten by ``replace``."""
    words = shlex.split(replace(command))
    assignments = dict(w.split("=", 1) for w in words if re.fullmatch(r"[A-Z_]+=\S*", w))
    argv = [w for w in words if not re.fullmatch(r"[A-Z_]+=\S*", w)]
    return subprocess.run(
        argv,
        cwd=ROOT,
        env={**env, **assignments},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
