-- expect: error type::decimal_range
CREATE TABLE events (
    price NUMERIC(0)
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
