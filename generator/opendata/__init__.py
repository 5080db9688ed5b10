"""The site's data for reuse: the agenda and the communities as JSON with a JSON Schema, and an Atom
feed of newly announced events. Everything is published under CC0 (see content/open-data.md)."""
