-- expect: error watermark::nullable
CREATE TABLE events (
    id BIGINT,
    created TIMESTAMP(3),
    WATERMARK FOR created AS created - INTERVAL '5' SECOND
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
