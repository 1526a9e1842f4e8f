-- expect: ok
CREATE TABLE events (
    counts MAP<TEXT, INT>
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
