-- expect: error type::unknown
CREATE TABLE events (
    n INT64
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
