-- expect: ok
CREATE TABLE events (
    price DOUBLE,
    price_with_tax DOUBLE GENERATED ALWAYS AS (price * 1.2)
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
