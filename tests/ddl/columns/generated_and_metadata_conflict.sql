-- expect: error column::conflict
CREATE TABLE events (
    value TEXT,
    kafka_offset BIGINT GENERATED ALWAYS AS (1) METADATA FROM 'offset_id'
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
