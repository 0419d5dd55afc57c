"""Storage: schema, migrations, loading and queries over SQLite or PostgreSQL."""
