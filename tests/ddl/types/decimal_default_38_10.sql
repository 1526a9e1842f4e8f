-- expect: ok
CREATE TABLE events (
    amount DECIMAL,
    total NUMERIC
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
