"""The embedded engine: search over the database (SearchEntry rows), no server needed."""
