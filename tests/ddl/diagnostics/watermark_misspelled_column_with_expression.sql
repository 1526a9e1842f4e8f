-- expect: error column::unknown
CREATE TABLE events (
    id BIGINT,
    event_time TIMESTAMP NOT NULL,
    WATERMARK FOR event_ts AS event_ts - INTERVAL '5' SECOND
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
