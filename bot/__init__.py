"""Dialogue, diagnostic flows, the `faqbot` command line and the chat UI."""

__all__: list[str] = []
