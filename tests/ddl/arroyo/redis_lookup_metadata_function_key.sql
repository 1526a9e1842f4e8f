-- expect: warning column::deprecated option::duplicate
-- Arroyo's older metadata form, `GENERATED ALWAYS AS (metadata('key'))`, as the key of a
-- Redis lookup table; Arroyo reads it as `METADATA FROM 'key'`, and so do we.
CREATE TEMPORARY TABLE accounts (
    account_id TEXT PRIMARY KEY GENERATED ALWAYS AS (metadata('key')) STORED,
    tier TEXT
) WITH (
    connector = 'redis',
    format = 'raw_string',
    address = 'redis://cache:6379',
    format = 'json',
    'lookup.cache.ttl' = '10 second'
);
