-- expect: warning table::constraint
CREATE TABLE events (
    id BIGINT,
    email TEXT UNIQUE
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
