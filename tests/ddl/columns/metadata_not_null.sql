-- expect: ok
CREATE TABLE events (
    value TEXT,
    kafka_partition INT NOT NULL METADATA FROM 'partition'
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
