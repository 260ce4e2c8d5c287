"""faq/kb."""
