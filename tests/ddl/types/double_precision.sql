-- expect: ok
CREATE TABLE events (
    price DOUBLE PRECISION
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
