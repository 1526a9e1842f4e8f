-- expect: ok
CREATE TABLE events (
    tags TEXT[]
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
