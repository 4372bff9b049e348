"""The web site and its API: the Flask app factory; pages, formats, the write API and its guards."""

from __future__ import annotations

import os
import tempfile
import weakref
from pathlib import Path
from typing import IO, Any

from flask import Config, Flask, Request
from werkzeug.formparser import FormDataParser

from search.settings import DEFAULTS, coerce, environment_names, refuse_unknown

PACKAGE = Path(__file__).resolve().parent.parent  # search/
PROJECT_ROOT = PACKAGE.parent
# In a source checkout the templates are the project's templates/ and data goes to its instance/;
# an installed dipnews (a wheel) carries them as search/templates, and data goes to ./instance.
_CHECKOUT = (PROJECT_ROOT / "templates").is_dir()
TEMPLATES = PROJECT_ROOT / "templates" if _CHECKOUT else PACKAGE / "templates"
INSTANCE = PROJECT_ROOT / "instance" if _CHECKOUT else Path.cwd() / "instance"


class DipnewsRequest(Request):
    """Uploads go to a plain temporary file.

    Werkzeug's default SpooledTemporaryFile warns "unclosed file" when collected on
    Python 3.11 even after being closed (its close() skips IOBase's), which tests
    running with warnings as errors would report. The form parser is made as
    Werkzeug makes it, from the request's public limits, with another stream factory.
    """

    def make_form_data_parser(self) -> FormDataParser:
        return self.form_data_parser_class(
            stream_factory=_upload_file,
            max_form_memory_size=self.max_form_memory_size,
            max_content_length=self.max_content_length,
            max_form_parts=self.max_form_parts,
            cls=self.parameter_storage_class,
        )


def _upload_file(
    total_content_length: int | None,
    content_type: str | None,
    filename: str | None = None,
    content_length: int | None = None,
) -> IO[bytes]:
    return tempfile.TemporaryFile("wb+")


def create_app(test_config: dict[str, Any] | None = None, data_dir: Path | None = None) -> Flask:
    """The Flask app: defaults, then a config file, then DIPNEWS_* environment variables.

    `data_dir` (the CLI's --data-dir) wins over all of them.
    """
    app = Flask(
        __name__, instance_path=str(INSTANCE), instance_relative_config=True, template_folder=str(TEMPLATES)
    )
    app.request_class = DipnewsRequest
    app.config.from_mapping(DEFAULTS)
    flask_keys = app.default_config.keys()  # Flask's own settings may be set too
    if test_config is None:
        config_file = os.environ.get("DIPNEWS_CONFIG")
        if config_file:
            from_file = Config(app.root_path)
            from_file.from_pyfile(os.path.abspath(config_file))
            refuse_unknown(from_file, f"the config file {config_file}", known=flask_keys)
            app.config.update(from_file)
        refuse_unknown(environment_names(), "the environment", prefix="DIPNEWS_")
        for name in DEFAULTS:
            value = os.environ.get(f"DIPNEWS_{name}")
            if value is not None:
                app.config[name] = coerce(name, value)
    else:
        refuse_unknown(test_config, "the test configuration", known=flask_keys)
        app.config.update(test_config)
    if data_dir is not None:
        app.config["DATA_DIR"] = str(data_dir)
    if not app.config["DATA_DIR"]:
        app.config["DATA_DIR"] = app.instance_path
    Path(app.config["DATA_DIR"]).mkdir(parents=True, exist_ok=True)
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_UPLOAD_BYTES"] + 64 * 1024
    if not app.config["SECRET_KEY"]:
        from search.web.auth import secret_key

        app.config["SECRET_KEY"] = secret_key(Path(app.config["DATA_DIR"]))

    from indexer.enrich.countries import country_name
    from indexer.enrich.topics import topic_labels
    from search.backends import open_backend
    from search.web.formats import source_label

    backend = open_backend(Path(app.config["DATA_DIR"]), app.config)
    app.extensions["dipnews_backend"] = backend
    # The app lives in reference cycles (blueprints, Jinja); its backend's open index files are
    # closed when it is collected, before the collector would find them open.
    weakref.finalize(app, backend.close)

    from search.web import api, manage, relations, views
    from search.web.auth import csrf_token, current_user
    from search.web.security import register_security

    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(manage.bp)
    app.register_blueprint(relations.bp)
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["current_user"] = current_user
    app.jinja_env.globals["topic_labels"] = topic_labels()
    app.jinja_env.globals["country_name"] = country_name
    app.jinja_env.filters["source_label"] = source_label
    views.register_error_handlers(app)
    register_security(app)
    return app
