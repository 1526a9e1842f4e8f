-- expect: error option::not_applicable
CREATE TEMPORARY TABLE users (
    key TEXT METADATA FROM 'key' PRIMARY KEY,
    name TEXT
) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    format = 'json',
    target.key_prefix = 'users:'
);
