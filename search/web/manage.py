"""Web pages for people who add articles: login, logout and the "Add article" form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from werkzeug.wrappers import Response

from indexer.errors import DipnewsError
from indexer.pipeline import ADDED
from search.web import audit
from search.web.auth import check_csrf, check_login, current_user
from search.web.errors import status_of
from search.web.security import client_address, login_limiter
from search.web.submissions import Submission, add_submission, metadata_from

bp = Blueprint("manage", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    error = None
    next_url = request.values.get("next") or url_for("manage.add_page")
    if not next_url.startswith("/") or next_url.startswith("//"):
        next_url = url_for("manage.add_page")  # never redirect off-site
    if request.method == "POST":
        check_csrf()
        limiter, address = login_limiter(), client_address()
        limiter.check(address)
        user = check_login(Path(current_app.config["DATA_DIR"]), request.form.get("secret", ""))
        if user:
            limiter.succeeded(address)
            session.clear()
            session["user"] = user
            return redirect(next_url)
        limiter.failed(address)
        error = "That token or password is not valid."
    return render_template("login.html", error=error, next_url=next_url), 401 if error else 200


@bp.post("/logout")
def logout() -> Response:
    check_csrf()
    session.clear()
    return redirect(url_for("search.search_page"))


@bp.route("/add", methods=["GET", "POST"])
def add_page() -> Any:
    if current_user() is None:
        return redirect(url_for("manage.login", next=request.path))
    if request.method == "GET":
        return render_template("add.html", form={}, article=None, error=None)
    check_csrf()
    form = request.form.to_dict()
    upload = request.files.get("file")
    data = None
    if upload is not None:
        with upload.stream:
            data = upload.read() if upload.filename else None
    try:
        submission = Submission(
            file=data,
            html=form.get("content") if form.get("content", "").strip() else None,
            fetch=form.get("fetch", "").strip() or None,
            supplied=metadata_from(form),
        )
        if submission.html and submission.file:
            raise DipnewsError("Upload a file or paste a page, not both.")
        article, status = add_submission(submission)
        audit.record("add", article.id, status=status, source=submission.fetch or "upload")
    except DipnewsError as error:
        return render_template("add.html", form=form, article=None, error=error.message), status_of(error)
    page = render_template("add.html", form={}, article=article, status=status, error=None)
    return page, 201 if status == ADDED else 200
