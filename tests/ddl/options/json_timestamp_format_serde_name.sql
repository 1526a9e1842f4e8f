-- expect: ok
CREATE TABLE events (id BIGINT, at TIMESTAMP) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json',
    json.timestamp_format = 'rfc3339'
);
