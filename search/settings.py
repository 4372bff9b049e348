"""Every setting dipnews reads, in one registry (as datasette's SETTINGS).

Each can be set in a config file (`DIPNEWS_CONFIG=path.py`) or as an
environment variable `DIPNEWS_<NAME>`; the README lists them all.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from indexer.errors import Misconfigured

# Environment variables of dipnews' own that are not settings: the config file's path, and those
# the test suite reads (DIPNEWS_TEST_OPENSEARCH_URL).
NOT_SETTINGS = ("DIPNEWS_CONFIG", "DIPNEWS_TEST_")


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
            raise Misconfigured(f"DIPNEWS_{name} must be a number, not {value!r}") from None
    if isinstance(default, int):
        try:
            return int(value)
        except ValueError:
            raise Misconfigured(f"DIPNEWS_{name} must be a whole number, not {value!r}") from None
    return value


def from_environment() -> dict[str, Any]:
    """Every setting, from DIPNEWS_<NAME> environment variables where set (for the CLI)."""
    refuse_unknown(environment_names(), "the environment", prefix="DIPNEWS_")
    return {
        name: coerce(name, os.environ[f"DIPNEWS_{name}"]) if f"DIPNEWS_{name}" in os.environ else default
        for name, default in DEFAULTS.items()
    }


def environment_names() -> list[str]:
    """The settings named by DIPNEWS_<NAME> environment variables, known or not."""
    return [
        name.removeprefix("DIPNEWS_")
        for name in os.environ
        if name.startswith("DIPNEWS_") and not name.startswith(NOT_SETTINGS)
    ]


def refuse_unknown(names: Iterable[str], where: str, prefix: str = "", known: Iterable[str] = ()) -> None:
    """Misconfigured when a name is not a setting (nor among `known`): a misspelt setting would
    otherwise be ignored without a word."""
    unknown = sorted(set(names) - set(DEFAULTS) - set(known))
    if not unknown:
        return
    problems = []
    for name in unknown:
        close = difflib.get_close_matches(name, DEFAULTS, n=1)
        problems.append(f"{prefix}{name}" + (f" (did you mean {prefix}{close[0]}?)" if close else ""))
    raise Misconfigured(f"Unknown setting in {where}: {', '.join(problems)}. The README lists every setting.")


def resolved(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Every setting: the values given, the defaults for the rest."""
    return {name: settings.get(name, default) for name, default in DEFAULTS.items()}
