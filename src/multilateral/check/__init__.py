"""Checking an article's claims against the knowledge base as of the article's date."""
