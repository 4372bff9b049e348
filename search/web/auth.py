"""Who may write: API tokens (stored hashed), a web login, and CSRF protection for forms.

Search is public; adding, correcting and deleting articles need a token
(`Authorization: Bearer ...`) or, in the browser, a login with a token or
the configured ADMIN_PASSWORD.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from flask import abort, current_app, request, session

from indexer.errors import DipnewsError
from search.web.errors import Unauthorized

TOKENS_FILE = "tokens.json"
SECRET_FILE = "secret_key"
F = TypeVar("F", bound=Callable[..., Any])


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _load(data_dir: Path) -> dict[str, str]:
    path = Path(data_dir) / TOKENS_FILE
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def _save(data_dir: Path, tokens: dict[str, str]) -> None:
    path = Path(data_dir) / TOKENS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(tokens, indent=1, sort_keys=True), "utf-8")
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def create_token(data_dir: Path, name: str) -> str:
    """A new random token for `name` (replacing any old one); only its hash is stored."""
    if not name.strip():
        raise DipnewsError("A token needs a name, e.g. your user name.")
    token = "dn_" + secrets.token_urlsafe(32)
    tokens = _load(data_dir)
    tokens[name.strip()] = _hash(token)
    _save(data_dir, tokens)
    return token


def revoke_token(data_dir: Path, name: str) -> bool:
    tokens = _load(data_dir)
    if name not in tokens:
        return False
    del tokens[name]
    _save(data_dir, tokens)
    return True


def token_names(data_dir: Path) -> list[str]:
    return sorted(_load(data_dir))


def check_token(data_dir: Path, token: str) -> str | None:
    """The name a valid token belongs to, else None (compared in constant time)."""
    digest = _hash(token)
    for name, stored in _load(data_dir).items():
        if hmac.compare_digest(stored, digest):
            return name
    return None


def secret_key(data_dir: Path) -> str:
    """The configured SECRET_KEY, or one made once and kept in the data dir."""
    path = Path(data_dir) / SECRET_FILE
    if not path.exists():
        path.write_text(secrets.token_hex(32), "utf-8")
        os.chmod(path, 0o600)
    return path.read_text("utf-8").strip()


def check_login(data_dir: Path, secret: str) -> str | None:
    """Who a login form's secret (a token or ADMIN_PASSWORD) identifies."""
    password = current_app.config.get("ADMIN_PASSWORD")
    if password and hmac.compare_digest(secret.encode(), str(password).encode()):
        return "admin"
    return check_token(data_dir, secret)


def current_user() -> str | None:
    """Who is making this request: a bearer token's owner, or the logged-in user."""
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return check_token(Path(current_app.config["DATA_DIR"]), header[7:].strip())
    return session.get("user")


def token_required(view: F) -> F:
    """For API views: 401 without a valid bearer token or login."""

    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if current_user() is None:
            raise Unauthorized("Authentication required: send 'Authorization: Bearer <token>'.")
        return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return str(session["csrf"])


def check_csrf() -> None:
    """Every form POST must carry the session's CSRF token."""
    sent = request.form.get("csrf_token", "")
    if not sent or not hmac.compare_digest(sent, session.get("csrf", "")):
        abort(400, "The form expired or did not come from this site; reload the page and try again.")
