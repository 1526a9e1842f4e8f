-- expect: ok
CREATE TABLE events (
    id BIGINT NOT NULL,
    note TEXT
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
