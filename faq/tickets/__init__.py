"""faq/tickets."""
