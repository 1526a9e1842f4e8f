-- expect: ok
CREATE TABLE events (
    id BIGINT,
    event_time TIMESTAMP,
    WATERMARK FOR event_time
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
