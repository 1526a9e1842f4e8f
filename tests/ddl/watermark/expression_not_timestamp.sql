-- expect: error watermark::type
CREATE TABLE events (
    id BIGINT,
    event_time TIMESTAMP NOT NULL,
    WATERMARK FOR event_time AS id - 5
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
