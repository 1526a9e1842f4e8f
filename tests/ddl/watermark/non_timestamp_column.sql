-- expect: error watermark::type
CREATE TABLE events (
    id BIGINT,
    event_time BIGINT NOT NULL,
    WATERMARK FOR event_time
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
