-- expect: ok
CREATE TABLE events (
    value TEXT,
    kafka_key BYTEA METADATA FROM 'key'
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
