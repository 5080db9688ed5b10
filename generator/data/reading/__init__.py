"""Reading the editors' YAML files strictly, with the line and column of every value."""
