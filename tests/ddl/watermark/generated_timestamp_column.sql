-- expect: ok
CREATE TABLE events (
    id BIGINT,
    event_ms BIGINT NOT NULL,
    event_time TIMESTAMP GENERATED ALWAYS AS (to_timestamp_millis(event_ms)),
    WATERMARK FOR event_time
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
