-- expect: error type::unknown
CREATE TABLE events (
    tags ARRAY
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
