-- expect: ok
CREATE TABLE events (
    price DOUBLE,
    quantity INT,
    total DOUBLE GENERATED ALWAYS AS (price * quantity) STORED
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
