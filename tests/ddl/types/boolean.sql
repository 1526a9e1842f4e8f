-- expect: ok
CREATE TABLE events (
    is_active BOOLEAN,
    is_deleted BOOL NOT NULL
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
