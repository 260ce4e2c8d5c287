"""The Textual chat UI."""
