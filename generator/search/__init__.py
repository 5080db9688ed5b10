"""The site's own search, the same for every builder: Pagefind indexes the built site (`indexing.py`),
the pages mark what it indexes and how much each part weighs (`ranking.py`, read by the page
templates), and the theme's overrides and script draw the dialog that asks it.

Nothing here knows a builder: the MkDocs plugin calls `index_site` after its build, and
`python -m generator index` does it after any other builder (`make site BUILDER=zensical`).
"""
