-- expect: ok
CREATE TABLE events (
    created_at TIMESTAMP WITHOUT TIME ZONE
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
