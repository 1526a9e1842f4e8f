-- expect: ok
CREATE TABLE events (
    attributes JSON[]
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
