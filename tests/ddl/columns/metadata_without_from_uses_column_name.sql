-- expect: ok
CREATE TABLE events (
    value TEXT,
    topic TEXT METADATA,
    "partition" INT METADATA VIRTUAL
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
