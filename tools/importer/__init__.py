"""Import a recipe from a web page: ``make import SRC=<page.html | URL | JSON-LD> [URL=…]``.

A build-time tool, never shipped in the Lambda. The page is read by recipe-scrapers
(:mod:`tools.importer.read`), enriched into the skill's format with the kitchen's parsers
(:mod:`.ingredients`, :mod:`.steps`, :mod:`.build`; word tables per language in :mod:`.words`)
and written to ``recipes/<slug>.json`` only once the loader accepts it (:mod:`.write`).
"""
