-- expect: error profile::connector_mismatch
CREATE TABLE users_sink (
    id TEXT METADATA FROM 'key' PRIMARY KEY,
    plan TEXT
) WITH (
    connector = 'redis',
    connection_profile = 'local-kafka',
    type = 'sink',
    format = 'json',
    target = 'string',
    'target.key_prefix' = 'user:'
);
