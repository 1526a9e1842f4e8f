-- expect: ok +config
CREATE TEMPORARY TABLE users (
    id TEXT METADATA FROM 'key' PRIMARY KEY,
    name TEXT,
    country TEXT
) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    format = 'json'
);
