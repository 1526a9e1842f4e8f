-- expect: error column::duplicate
CREATE TABLE events (
    id BIGINT,
    name TEXT,
    id BIGINT
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
