-- expect: ok
CREATE TABLE events (
    quantity DECIMAL(12)
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
