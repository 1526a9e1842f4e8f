-- expect: error type::precision
CREATE TABLE events (
    ts TIMESTAMP(12)
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
