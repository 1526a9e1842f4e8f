-- expect: error type::unsupported
CREATE TABLE events (
    id UUID
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
