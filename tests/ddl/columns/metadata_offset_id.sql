-- expect: ok
CREATE TABLE events (
    value TEXT,
    kafka_offset BIGINT METADATA FROM 'offset_id'
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
