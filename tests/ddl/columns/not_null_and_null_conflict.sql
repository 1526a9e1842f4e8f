-- expect: error column::conflict
CREATE TABLE events (
    id BIGINT NOT NULL NULL
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
