"""Cleaning: a page's bytes to its story's text and metadata (title, date, byline, dateline, outlet).

Decoding (decode), the HTML path (htmlpage, on trafilatura: pageboxes, splitbody, cards, tables,
embeds, headline, pagedate) and the plain-text path (textpage), the line rules both share (chrome,
bylines, dates, lines).

May import: indexer.errors and indexer.enrich.outlets (site names). Nothing of the index,
the archive or the web.
"""
