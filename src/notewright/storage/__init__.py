"""ADAPTER: the record and the psychotherapy-notes vault in SQL databases (SQLAlchemy 2).

SQLite files by default, PostgreSQL for group practices; one code path for both.
"""
