-- expect: error type::unsupported
CREATE TABLE events (
    doc JSONB
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
