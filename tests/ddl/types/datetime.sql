-- expect: ok
CREATE TABLE events (
    created_at DATETIME
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
