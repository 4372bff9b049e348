"""The adapter over trafilatura's and htmldate's internals (indexer/clean/extractors.py)."""

from __future__ import annotations

import htmldate.extractors

from indexer.clean import extractors


def test_the_installed_trafilatura_and_htmldate_are_the_versions_the_adapter_was_checked_against():
    # An upgrade past these ranges may change what the private functions used here do: read
    # indexer/clean/extractors.py against the new version, run bench/extraction_dump.py before
    # and after, then widen CHECKED.
    for name, (installed, within) in extractors.checked_versions().items():
        assert within, f"{name} {installed} is outside the range checked in indexer/clean/extractors.py"


def test_configure_sets_one_english_date_parser_once():
    extractors.configure()
    extractors.configure()
    parser = htmldate.extractors.get_external_parser()
    assert parser is htmldate.extractors.get_external_parser()  # built once, not per date string
    assert parser.get_date_data("4 February 2026").date_obj.day == 4
