-- expect: error watermark::duplicate
CREATE TABLE events (
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    WATERMARK FOR created_at,
    WATERMARK FOR updated_at
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
