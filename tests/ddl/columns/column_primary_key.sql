-- expect: ok
CREATE TABLE events (
    id BIGINT PRIMARY KEY,
    name TEXT
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
