-- expect: ok
CREATE TABLE events (
    temperature REAL
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
