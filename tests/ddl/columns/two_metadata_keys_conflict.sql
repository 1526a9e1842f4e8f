-- expect: error column::conflict
CREATE TABLE events (
    value TEXT,
    origin TEXT METADATA FROM 'topic' METADATA FROM 'key'
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
