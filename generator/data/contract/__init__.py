"""The contract of the editors' files: the models, the kinds of value and their rules, times, and Markdown."""
