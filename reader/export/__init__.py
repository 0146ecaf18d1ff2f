"""Exporting a document for people outside Dari: bilingual handouts (HTML, PDF, paper)."""
