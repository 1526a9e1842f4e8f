-- expect: error parse::syntax
CREATE TABLE events (
    price DOUBLE,
    quantity INT,
    total AS price * quantity
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
