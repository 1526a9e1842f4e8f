-- expect: ok
CREATE TABLE events (
    value TEXT,
    kafka_partition INT METADATA FROM 'partition'
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
