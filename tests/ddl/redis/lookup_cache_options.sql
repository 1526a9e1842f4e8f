-- expect: ok +config
CREATE TEMPORARY TABLE users (
    key TEXT METADATA FROM 'key' PRIMARY KEY,
    name TEXT
) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    type = 'lookup',
    format = 'json',
    lookup.cache.max_bytes = 1000000,
    lookup.cache.ttl = INTERVAL '5' SECOND
);
