-- expect: error type::precision
-- A rejected type is reported once: the watermark on it says nothing more.
CREATE TABLE events (
    id BIGINT,
    created TIMESTAMP(4) NOT NULL,
    WATERMARK FOR created AS created - INTERVAL '5' SECOND
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
