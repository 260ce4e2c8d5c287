"""faq/flows."""
