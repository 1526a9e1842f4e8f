-- expect: error type::unsupported
CREATE TABLE events (
    created_at TIMESTAMP WITH TIME ZONE
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
