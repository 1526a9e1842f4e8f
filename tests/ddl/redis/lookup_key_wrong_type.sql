-- expect: error metadata::type
CREATE TEMPORARY TABLE users (
    id BIGINT METADATA FROM 'key' PRIMARY KEY,
    name TEXT
) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    format = 'json'
);
