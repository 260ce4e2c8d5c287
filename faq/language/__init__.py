"""faq/language."""
