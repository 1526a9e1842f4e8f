-- expect: error watermark::type
CREATE TABLE events (
    value TEXT,
    kafka_ts BIGINT METADATA FROM 'timestamp',
    WATERMARK FOR kafka_ts
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
