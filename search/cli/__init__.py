"""The `dipnews` command line: a thin shell over the indexer and search libraries.

base.py holds the group and what commands share; each module adds its commands to it.
"""

from search.cli import adding, admin, reading  # noqa: F401 - each adds its commands to the group
from search.cli.base import cli

__all__ = ["cli"]
