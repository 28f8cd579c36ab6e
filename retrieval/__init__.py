"""Clause retrieval over the corpus: jieba + BM25, article references, English via a glossary."""
from .search import Hit, canonical_article, chapter_items, find, search

__all__ = ["Hit", "search", "find", "canonical_article", "chapter_items"]
