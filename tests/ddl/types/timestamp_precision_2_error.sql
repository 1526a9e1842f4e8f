-- expect: error type::precision
CREATE TABLE events (
    created_at TIMESTAMP(2)
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
