-- expect: error type::decimal_range
CREATE TABLE events (
    price DECIMAL(10, -2)
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
