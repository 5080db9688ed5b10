"""Checking the files against the contract: from three files to a `Network`, or every problem at once."""
