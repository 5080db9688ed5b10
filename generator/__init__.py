"""Site generator for the communities of a network: the network is named in mkdocs.yml, never here.

The data flows one way: load (YAML with positions) → validate (typed models and cross-checks)
→ model (the network) → render pages → feeds. The core (`build.py` and what it calls) knows no
builder: only `mkdocs_plugin/plugin.py` and `settings.py` (the one reader of mkdocs.yml) know MkDocs,
and `render` (tree.py) writes a plain project for Zensical or MkDocs.
"""
