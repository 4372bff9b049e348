"""`python -m search.cli`: the dipnews command line."""

from search.cli import cli

cli()
