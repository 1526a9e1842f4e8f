-- expect: error metadata::unknown
CREATE TABLE events (
    value TEXT,
    kafka_offset BIGINT METADATA
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
