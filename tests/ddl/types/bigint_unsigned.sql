-- expect: ok
CREATE TABLE events (
    bytes_sent BIGINT UNSIGNED
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
