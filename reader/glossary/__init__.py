"""The glossary, Qt-free: entries and their merging (`model`), finding terms in text
(`match`), the user's edits on disk (`store`) and CSV import/export (`csvio`)."""
