-- expect: ok +config
CREATE TABLE users (
    key TEXT METADATA FROM 'key' PRIMARY KEY,
    name TEXT
) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    type = 'lookup',
    format = 'json',
    'lookup.cache.max_bytes' = 100000
);
