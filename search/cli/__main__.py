"""`python -m search.cli`: the dipnews command line."""

from search.cli import cli

if __name__ == "__main__":  # not when a spawned process (indexer/batch_writer.py) imports it
    cli()
