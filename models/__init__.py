"""Persistence: tables, engines, repositories, the unit of work, migrations."""
