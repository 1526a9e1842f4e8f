-- expect: error connector::connection_type
CREATE TEMPORARY TABLE users (
    key TEXT METADATA FROM 'key' PRIMARY KEY,
    name TEXT
) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    type = 'sink',
    format = 'json'
);
