"""Problems and their wording: the Dutch messages, the table in CONTRIBUTING.md, and the hints."""
