"""Every setting dipnews reads, in one registry (as datasette's SETTINGS).

Each can be set in a config file (`DIPNEWS_CONFIG=path.py`) or as an
environment variable `DIPNEWS_<NAME>`; the README lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS = (
    Setting(
        "DATA_DIR", None, "Folder holding the index and the raw archive (default: the Flask instance folder)."
    ),
    Setting(
        "BACKEND", "whoosh", "Search engine holding the index: whoosh (embedded, default) or opensearch."
    ),
    Setting(
        "OPENSEARCH_URL",
        "",
        "OpenSearch node URLs, comma-separated, for BACKEND opensearch.",
    ),
    Setting("OPENSEARCH_INDEX_PREFIX", "dipnews", "Prefix of the OpenSearch index and alias names."),
    Setting("OPENSEARCH_SHARDS", 1, "Primary shards of a new OpenSearch index."),
    Setting(
        "OPENSEARCH_REPLICAS",
        1,
        "Replicas of each shard of a new OpenSearch index (0 on one node).",
    ),
    Setting("OPENSEARCH_USER", "", "OpenSearch user name (basic authentication), if asked for."),
    Setting("OPENSEARCH_PASSWORD", "", "OpenSearch password of OPENSEARCH_USER."),
    Setting("OPENSEARCH_CA_FILE", "", "CA certificate file to verify an https cluster with."),
    Setting("PAGE_SIZE", 10, "Results per page."),
    Setting("MAX_PAGE", 500, "Highest result page a request may ask for."),
    Setting("MAX_UPLOAD_BYTES", 10 * 1024 * 1024, "Largest page accepted for indexing, in bytes."),
    Setting("FACET_SIZE", 12, "Values shown per facet before the list is truncated."),
    Setting("FACET_TIMEOUT", 0.5, "Seconds facet counting may take before the rest are marked incomplete."),
    Setting("CSV_MAX_ROWS", 10000, "Most rows one /search.csv download returns (stated in the file)."),
    Setting("SITE_NAME", "dipnews", "Name shown in the page header and feeds."),
    Setting("SECRET_KEY", None, "Key signing login sessions (default: made once and kept in DATA_DIR)."),
    Setting("ADMIN_PASSWORD", None, "Password for the web login, besides API tokens (default: tokens only)."),
    Setting("SECURE_COOKIES", False, "Send the login cookie over https only (set when served over https)."),
    Setting("LOGIN_ATTEMPTS", 10, "Failed logins an address may make within LOGIN_WINDOW before a 429."),
    Setting("LOGIN_WINDOW", 900, "Seconds over which failed logins are counted."),
    Setting("ALLOW_PRIVATE_URLS", False, "Allow fetching loopback and private-network URLs (off: no SSRF)."),
    Setting("FETCH_TIMEOUT", 10, "Seconds to wait for a URL being added."),
)

DEFAULTS = {setting.name: setting.default for setting in SETTINGS}


def coerce(name: str, value: str) -> Any:
    """Turn an environment variable's text into the setting's type."""
    default = DEFAULTS[name]
    if isinstance(default, bool):
        return value.lower() in ("1", "true", "yes", "on")
    if isinstance(default, float):
        try:
            return float(value)
        except ValueError:
            raise ValueError(f"DIPNEWS_{name} must be a number, not {value!r}") from None
    if isinstance(default, int):
        try:
            return int(value)
        except ValueError:
            raise ValueError(f"DIPNEWS_{name} must be a whole number, not {value!r}") from None
    return value


def from_environment() -> dict[str, Any]:
    """Every setting, from DIPNEWS_<NAME> environment variables where set (for the CLI)."""
    import os

    return {
        name: coerce(name, os.environ[f"DIPNEWS_{name}"]) if f"DIPNEWS_{name}" in os.environ else default
        for name, default in DEFAULTS.items()
    }
