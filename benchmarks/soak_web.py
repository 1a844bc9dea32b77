"""A soak web process: the WSGI app (create_app) under a threaded server, its clock the soak's
simulated instant, read from a file the soak rewrites at each step."""

import signal
import threading
from datetime import datetime
from pathlib import Path


def serve_web(port: int, clock_file: Path) -> None:
    """The WSGI app under a threaded server, its clock the soak's simulated instant."""
    from socketserver import ThreadingMixIn
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

    from bot.entrypoints.app import create_app
    from bot.entrypoints.web import create_wsgi_app
    from bot.settings import load_settings
    from models.db import make_engine, make_sessionmaker

    class Server(ThreadingMixIn, WSGIServer):
        daemon_threads = True

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    def now() -> datetime:
        return datetime.fromisoformat(clock_file.read_text())

    settings = load_settings()
    engine = make_engine(settings.database_url)
    app = create_app(settings, sessions=make_sessionmaker(engine), clock=now)
    server = make_server(
        "127.0.0.1", port, create_wsgi_app(app, engine), server_class=Server, handler_class=Quiet
    )
    print("ready", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    server.serve_forever()
