-- expect: ok
CREATE TABLE events (
    a INTEGER UNSIGNED
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
