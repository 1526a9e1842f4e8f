-- expect: ok +config
CREATE TEMPORARY TABLE users (
    id TEXT METADATA FROM 'key' PRIMARY KEY,
    plan TEXT
) WITH (
    connector = 'redis',
    connection_profile = 'cache',
    format = 'json'
);
