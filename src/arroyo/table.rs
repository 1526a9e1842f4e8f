//! A compiled table as Arroyo's `ConnectionTable` (`GET /v1/connection_tables`).
