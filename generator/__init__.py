"""Site generator for the communities of a network: the network is named in mkdocs.yml, never here.

The data flows one way: load (YAML with positions) → validate (typed models and cross-checks)
→ model (the network) → render pages → feeds. The core (`build.py` and what it calls) knows no
builder: the MkDocs plugin and `render` (tree.py, for Zensical or a plain MkDocs) hand its result on.
"""
