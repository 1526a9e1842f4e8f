-- expect: ok
CREATE TABLE events (
    price DECIMAL(10, 2),
    rate NUMERIC(38, 38)
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
