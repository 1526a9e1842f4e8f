-- expect: ok
CREATE TABLE events (
    value TEXT,
    kafka_topic TEXT METADATA FROM 'topic'
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
