-- expect: error metadata::type
CREATE TABLE events (
    value TEXT,
    kafka_ts TIMESTAMP METADATA FROM 'timestamp'
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
