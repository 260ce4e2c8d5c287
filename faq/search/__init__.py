"""faq/search."""
