-- expect: ok
CREATE TABLE events (
    raw BYTEA
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
