"""How the site defends itself: security headers on every response, and a limit on login attempts.

The pages run no script and load their one stylesheet from the site
(/site.css), so the Content-Security-Policy allows nothing else; no other
site may frame them. Failed logins are counted per client address in a small
SQLite table in the data dir, which every thread and worker process of the
server shares: past LOGIN_ATTEMPTS failures within LOGIN_WINDOW seconds an
address gets 429 with Retry-After until the oldest failure ages out.
API tokens are not limited: they are long random secrets, not guessable.
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path

from flask import Flask, Response, current_app, request

from search.web.errors import TooManyAttempts

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
FAILURES_FILE = "login-failures.sqlite"


def register_security(app: Flask) -> None:
    """Headers on every response; session cookies HttpOnly, SameSite=Lax, Secure when configured."""
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=bool(app.config["SECURE_COOKIES"]),
    )

    @app.after_request
    def add_headers(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response


class LoginLimiter:
    """Failed logins per client address, in the data dir (shared by threads and processes)."""

    def __init__(self, data_dir: Path, attempts: int, window: float) -> None:
        self.path = Path(data_dir) / FAILURES_FILE
        self.attempts, self.window = attempts, window

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        db.execute("CREATE TABLE IF NOT EXISTS failure (address TEXT NOT NULL, at REAL NOT NULL)")
        db.execute("CREATE INDEX IF NOT EXISTS failure_address ON failure (address, at)")
        return db

    def check(self, address: str) -> None:
        """TooManyAttempts when the address has failed too often lately."""
        now = time.time()
        with closing(self._connect()) as db:
            rows = db.execute(
                "SELECT at FROM failure WHERE address = ? AND at > ? ORDER BY at",
                (address, now - self.window),
            ).fetchall()
        if len(rows) >= self.attempts:
            wait = int(rows[len(rows) - self.attempts][0] + self.window - now) + 1
            raise TooManyAttempts(
                f"Too many failed logins from your address; try again in {wait // 60 + 1} minutes.", wait
            )

    def failed(self, address: str) -> None:
        now = time.time()
        with closing(self._connect()) as db:
            db.execute("INSERT INTO failure (address, at) VALUES (?, ?)", (address, now))
            db.execute("DELETE FROM failure WHERE at < ?", (now - self.window,))

    def succeeded(self, address: str) -> None:
        with closing(self._connect()) as db:
            db.execute("DELETE FROM failure WHERE address = ?", (address,))


def login_limiter() -> LoginLimiter:
    config = current_app.config
    return LoginLimiter(
        Path(config["DATA_DIR"]), int(config["LOGIN_ATTEMPTS"]), float(config["LOGIN_WINDOW"])
    )


def client_address() -> str:
    return request.remote_addr or "unknown"
