-- expect: ok
CREATE TABLE events (
    retries INT UNSIGNED
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
