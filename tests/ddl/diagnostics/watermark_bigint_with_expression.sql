-- expect: error watermark::type
CREATE TABLE events (
    id BIGINT,
    ts BIGINT NOT NULL,
    WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
