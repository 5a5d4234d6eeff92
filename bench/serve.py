"""A local web server for a built site that compresses like a real one and records what it sends."""

from __future__ import annotations

import gzip
import mimetypes
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
GZIP_LEVEL = 6  # the usual default of nginx, Apache and CDNs' on-the-fly compression


@dataclass(frozen=True)
class Sent:
    path: str
    content_type: str
    status: int
    bytes: int  # body bytes on the wire (gzip when the type compresses and the client accepts it)


class Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, log: list[Sent], **kwargs):
        self.log = log
        super().__init__(*args, **kwargs)

    def do_GET(self):
        file = Path(self.translate_path(self.path))
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            self.log.append(Sent(self.path, "", 404, 0))
            return self.send_error(404)
        body, content_type = (
            file.read_bytes(),
            mimetypes.guess_type(file.name)[0] or "application/octet-stream",
        )
        gzipped = content_type.startswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body, GZIP_LEVEL)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)
        self.log.append(Sent(self.path, content_type, 200, len(body)))

    def log_message(self, *args):
        pass


@contextmanager
def serving(site: Path):
    """Serve SITE on a free local port; yields (base url, the list every response is appended to)."""
    log: list[Sent] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(site), log=log))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", log
    finally:
        server.shutdown()
        server.server_close()
