-- expect: error column::unknown
CREATE TABLE events (
    id BIGINT,
    event_time TIMESTAMP NOT NULL,
    WATERMARK FOR event_ts
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
