"""The web chat and the JSON API of `faqbot serve` (the optional `web` extra)."""
