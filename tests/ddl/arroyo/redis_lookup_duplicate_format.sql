-- expect: error format::shape option::duplicate
-- Arroyo silently keeps the last of two `format` keys; we say which one is repeated.
CREATE TEMPORARY TABLE users (
    id TEXT METADATA FROM 'key' PRIMARY KEY,
    plan TEXT
) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    format = 'raw_string',
    format = 'json'
);
